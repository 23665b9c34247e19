/**
 * The erasure of a person's personal data, on their request (APPI deletion on request, GDPR
 * Art. 17, 152-FZ Art. 21; docs/personal-data.md). The person asks from their account page and may
 * withdraw while the request is open; an administrator carries it out. Carrying it out disables the
 * account and removes or pseudonymises what identifies the person, and keeps what the law or the
 * records of others require (the audit trail, payments, mobilities and credit recognition), linked
 * to the pseudonymised account. All of it in one transaction, audited without personal data.
 */
import {
  closeErasureRequest,
  eraseAccount,
  identityOf,
  insertErasureRequest,
  lockErasureRequest,
  openErasureRequestOf,
  openErasureRequests,
} from '#src/db/queries/accounts/erasure.ts';
import { personNameText } from '#src/domain/shared/names.ts';
import { platformResource, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { UNUSABLE_PASSWORD } from './passwords.ts';
import { requireSignedIn } from './roles.ts';

/** The pseudonym of an erased account, from its request's random id (no link to the person). */
export function pseudonymOf(requestId: string) {
  const short = requestId.replace(/-/g, '').slice(0, 8);
  return {
    email: `erased-${short}@invalid`,
    displayName: `Erased person ${short}`,
    passwordHash: UNUSABLE_PASSWORD,
  };
}

const view = (row: { id: string; requestedAt: Date }) => ({
  id: row.id,
  requestedAt: row.requestedAt.toISOString(),
});

/** The signed-in person's open request, or null. */
export async function myErasureRequest(ctx: ServiceContext) {
  const actor = requireSignedIn(ctx);
  const row = await openErasureRequestOf(ctx.db, actor.id);
  return { request: row ? view(row) : null };
}

/** Asks for the erasure of one's own data: one open request at a time. */
export async function askErasure(ctx: ServiceContext) {
  const actor = requireSignedIn(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await insertErasureRequest(tx, actor.id, ctx.clock.now());
    if (!row) {
      throw conflict({ code: 'erasure.already_open', params: {} }, 'a request is open already');
    }
    await audit(tx, ctx, {
      action: 'erasure.request',
      resourceType: 'user',
      resourceId: actor.id,
      details: { requestId: row.id },
    });
    return { request: view(row) };
  });
}

/** Withdraws one's own open request. */
export async function withdrawErasure(ctx: ServiceContext) {
  const actor = requireSignedIn(ctx);
  return ctx.db.transaction(async (tx) => {
    const open = await openErasureRequestOf(tx, actor.id);
    const closed =
      open && (await closeErasureRequest(tx, open.id, 'withdrawn', actor.id, ctx.clock.now()));
    if (!open || !closed) {
      throw conflict({ code: 'erasure.not_open', params: {} }, 'no open request');
    }
    await audit(tx, ctx, {
      action: 'erasure.withdraw',
      resourceType: 'user',
      resourceId: actor.id,
      details: { requestId: open.id },
    });
    return { request: null };
  });
}

/** Open requests, oldest first, with the person's name and address: administrators only. */
export async function listErasureRequests(ctx: ServiceContext) {
  requireSignedIn(ctx);
  requireAccess(ctx, 'account:manage', platformResource('erasure request'), {
    doing: 'see erasure requests',
  });
  const rows = await openErasureRequests(ctx.db);
  return {
    items: rows.map((r) => ({
      id: r.id,
      personId: r.userId,
      email: r.email,
      name: personNameText(r.names, r.displayName),
      requestedAt: r.requestedAt.toISOString(),
    })),
  };
}

/** Carries a request out: administrators only, never on their own account. */
export async function carryOutErasure(ctx: ServiceContext, requestId: string) {
  const actor = requireSignedIn(ctx);
  requireAccess(ctx, 'account:manage', platformResource('erasure request', requestId), {
    doing: 'carry out an erasure request',
  });
  return ctx.db.transaction(async (tx) => {
    const request = await lockErasureRequest(tx, requestId);
    if (!request) throw notFound('erasure request', requestId);
    if (request.status !== 'open') {
      throw conflict({ code: 'erasure.not_open', params: {} }, 'the request is not open');
    }
    if (request.userId === actor.id) {
      throw conflict({ code: 'erasure.own_request', params: {} }, 'not your own account');
    }
    const identity = await identityOf(tx, request.userId);
    if (!identity) throw notFound('erasure request', requestId);
    const pseudonym = pseudonymOf(request.id);
    const personal = [identity.email, identity.displayName, ...Object.values(identity.names)];
    const counts = await eraseAccount(
      tx,
      request.userId,
      identity.email,
      personal.filter((v): v is string => typeof v === 'string'),
      pseudonym,
    );
    const at = ctx.clock.now();
    await closeErasureRequest(tx, request.id, 'carried_out', actor.id, at);
    // No personal data in the entry: the pseudonymous id, the request, and how much was changed.
    await audit(tx, ctx, {
      action: 'account.erased',
      resourceType: 'user',
      resourceId: request.userId,
      details: { requestId: request.id, removed: counts },
    });
    return { id: request.id, personId: request.userId, erasedAt: at.toISOString() };
  });
}
