/**
 * Invitations: how people come into a deployment. Someone who may grant a role
 * (src/domain/access/grants.ts) invites an address to hold it; the e-mail, in the language the
 * inviter chose for the invitee, carries a link with a random token — only its SHA-256 is stored.
 * Whoever opens the link sees who invites them, to which role and scope (by name) and until when,
 * or why the link no longer works (`invitations.unknown | expired | used | revoked`).
 *
 * Accepting is single use and atomic: the invitation is locked, checked and marked accepted in the
 * transaction that creates the account (name and password) or, for the signed-in account of the
 * same address, adds the role. An address that already has an account must sign in first.
 *
 * Public API (for other ways of signing in, e.g. SSO, to accept on behalf of an identity):
 * `inviteSomeone`, `pendingInvitations`, `revokeInvitation`, `readInvitation`,
 * `acceptInvitation`, and the two steps it is made of, `claimInvitation` (lock and check, inside a
 * transaction) and `completeInvitation` (give the role, mark it accepted, audit).
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { mayGrant, type Grant } from '#src/domain/access/grants.ts';
import type { Actor, Role, ScopeType } from '#src/domain/access/policy.ts';
import { languageSchema, type Language, type LocalizedText } from '#src/domain/shared/refusal.ts';
import type { Db } from '#src/db/client.ts';
import {
  insertInvitation,
  invitationById,
  invitationByTokenHash,
  markInvitationAccepted,
  markInvitationRevoked,
  pendingInvitationRows,
  type InvitationRow,
} from '#src/db/queries/accounts/invitations.ts';
import { personNames } from '#src/db/queries/names.ts';
import {
  emailOf,
  holdsRoleIn,
  insertAccount,
  insertRoleAssignment,
  scopeNameKey,
  scopeNames,
  userByEmail,
} from '#src/db/queries/accounts/people.ts';
import { translatorFor } from '#src/i18n/catalog.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, conflict, fieldIssues, invalidInput, notFound } from '../errors.ts';
import { sendNotification, type Mailer } from '../notify/mailer.ts';
import { MIN_PASSWORD_LENGTH } from './accounts.ts';
import { hashPassword } from './passwords.ts';
import { assertNewPassword } from './password-rules.ts';
import { grantFacts, requireMayGrant, requireScope, requireSignedIn } from './roles.ts';

/** How long a link works. */
export const INVITATION_TTL_DAYS = 7;

export const hashInvitationToken = (token: string) =>
  createHash('sha256').update(token).digest('hex');

/** The link of an invitation: the web app's page that reads and accepts it. */
export const invitationLink = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}/invitations/${encodeURIComponent(token)}`;

export const inviteSchema = z.object({
  email: z.email().max(320),
  language: languageSchema,
  role: z.enum([
    'funder_officer',
    'rep_officer',
    'coordinator',
    'reviewer',
    'student',
    'secretariat',
  ]),
  scopeType: z.enum(['program', 'consortium', 'institution', 'call', 'self', 'association']),
  /** `self` for a student (their own scope, known once they accept). */
  scopeId: z.string().trim().min(1).max(200),
});
export type InviteInput = z.infer<typeof inviteSchema>;

export interface InvitationView {
  id: string;
  email: string;
  language: Language;
  role: Role;
  scopeType: ScopeType;
  scopeName: LocalizedText | null;
  invitedBy: LocalizedText | null;
  createdAt: string;
  expiresAt: string;
}

async function viewsOf(db: Db, rows: readonly InvitationRow[]): Promise<InvitationView[]> {
  const [scopes, inviters] = await Promise.all([
    scopeNames(db, rows),
    personNames(
      db,
      rows.flatMap((r) => (r.invitedBy ? [r.invitedBy] : [])),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    language: r.language as Language,
    role: r.role as Role,
    scopeType: r.scopeType as ScopeType,
    scopeName: scopes.get(scopeNameKey(r)) ?? null,
    invitedBy: (r.invitedBy && inviters.get(r.invitedBy)) || null,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  }));
}

const grantOf = (r: { role: string; scopeType: string; scopeId: string }): Grant => ({
  role: r.role as Role,
  scopeType: r.scopeType as ScopeType,
  scopeId: r.scopeId,
});

/**
 * A student invitation is seen only by its inviter and administrators (any coordinator may invite a
 * student, so "in scope" would mean every coordinator); any other one by whoever may grant it.
 */
async function mayManage(ctx: ServiceContext, actor: Actor, rows: readonly InvitationRow[]) {
  const facts = await grantFacts(ctx, actor, rows.map(grantOf));
  return (r: InvitationRow) =>
    actor.platformAdmin ||
    (r.scopeType === 'self' ? r.invitedBy === actor.id : mayGrant(actor, grantOf(r), facts));
}

/** The e-mail of an invitation in the invitee's language. */
export function renderInvitationMail(
  params: {
    inviter: LocalizedText;
    role: Role;
    scope: LocalizedText | null;
    link: string;
    expires: string;
  },
  language: string,
): { subject: string; text: string } {
  const t = translatorFor(language);
  const body = t('notifications.invitation.body', {
    inviter: params.inviter,
    role: t(`notifications.invitation.roles.${params.role}`),
    scope: params.scope ?? {},
    ...(params.role === 'student' ? { context: 'student' } : {}),
  });
  const text = [
    body,
    '',
    t('notifications.invitation.link', { link: params.link }),
    t('notifications.invitation.expires', { expires: params.expires }),
    '',
    '—',
    t('notifications.invitation.footer'),
  ].join('\n');
  return { subject: t('notifications.invitation.title'), text };
}

/**
 * Invites `input.email` to hold a role. Refused (403) unless the inviter may grant it; the scope
 * must exist; an account already holding the role is refused (409). The e-mail is sent after the
 * transaction commits; `emailed` says whether it went (false without SMTP or when the server
 * refused it — the invitation stays, and can be revoked and sent again).
 */
export async function inviteSomeone(
  ctx: ServiceContext,
  raw: InviteInput,
  deps: { mailer: Mailer | null; publicUrl: string },
): Promise<InvitationView & { emailed: boolean }> {
  const actor = requireSignedIn(ctx);
  const parsed = inviteSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(fieldIssues(parsed.error, 'body'));
  const input = parsed.data;
  const grant: Grant = {
    role: input.role,
    scopeType: input.scopeType,
    scopeId: input.scopeType === 'self' ? 'self' : input.scopeId,
  };
  await requireMayGrant(ctx, actor, grant);
  const scopeName = await requireScope(ctx.db, grant);
  const existing = await userByEmail(ctx.db, input.email);
  if (existing && grant.scopeType !== 'self') {
    const held = await holdsRoleIn(ctx.db, existing.id, grant.role, grant.scopeId);
    if (held) throw conflict({ code: 'invitations.already_holds', params: {} }, 'role held');
  }
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertInvitation(tx, {
      email: input.email,
      language: input.language,
      ...grant,
      invitedBy: actor.id,
      tokenHash: hashInvitationToken(token),
      createdAt: now,
      expiresAt,
    });
    await audit(tx, ctx, {
      action: 'invitation.create',
      resourceType: 'invitation',
      resourceId: created.id,
      after: {
        email: input.email,
        language: input.language,
        ...grant,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return created;
  });
  const [view] = await viewsOf(ctx.db, [row]);
  const mail = renderInvitationMail(
    {
      inviter: view!.invitedBy ?? {},
      role: grant.role,
      scope: scopeName,
      link: invitationLink(deps.publicUrl, token),
      expires: expiresAt.toISOString(),
    },
    input.language,
  );
  const sent = await sendNotification(deps.mailer, { to: input.email, ...mail }).catch(() => ({
    sent: false as const,
  }));
  return { ...view!, emailed: sent.sent };
}

/** Pending invitations the signed-in person may manage. */
export async function pendingInvitations(ctx: ServiceContext): Promise<InvitationView[]> {
  const actor = requireSignedIn(ctx);
  const rows = await pendingInvitationRows(ctx.db, ctx.clock.now());
  const may = await mayManage(ctx, actor, rows);
  return viewsOf(ctx.db, rows.filter(may));
}

/** Revokes a pending invitation: its link stops working. */
export async function revokeInvitation(ctx: ServiceContext, id: string) {
  const actor = requireSignedIn(ctx);
  const row = await invitationById(ctx.db, id);
  if (!row || !(await mayManage(ctx, actor, [row]))(row)) throw notFound('invitation', id);
  if (row.acceptedAt) throw conflict({ code: 'invitations.used', params: {} }, 'already accepted');
  if (row.revokedAt) throw conflict({ code: 'invitations.revoked', params: {} }, 'already revoked');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await markInvitationRevoked(tx, id, now);
    await audit(tx, ctx, {
      action: 'invitation.revoke',
      resourceType: 'invitation',
      resourceId: id,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
    });
  });
  return { id, revokedAt: now.toISOString() };
}

const refused = (code: 'unknown' | 'expired' | 'used' | 'revoked') =>
  code === 'unknown'
    ? new AppError('not_found', 'the invitation link is not known', {
        refusals: [{ code: 'invitations.unknown', params: {} }],
      })
    : conflict({ code: `invitations.${code}`, params: {} }, `the invitation is ${code}`);

/** Why an invitation cannot be accepted now, or null when it can. */
function stateOf(ctx: ServiceContext, row: InvitationRow | null) {
  if (!row) return refused('unknown');
  if (row.acceptedAt) return refused('used');
  if (row.revokedAt) return refused('revoked');
  if (ctx.clock.now().getTime() >= row.expiresAt.getTime()) return refused('expired');
  return null;
}

/** What the link's page shows: who invites, to what, until when; or why the link is refused. */
export async function readInvitation(ctx: ServiceContext, token: string) {
  const row = await invitationByTokenHash(ctx.db, hashInvitationToken(token));
  const refusal = stateOf(ctx, row);
  if (refusal) throw refusal;
  const [view] = await viewsOf(ctx.db, [row!]);
  const account = await userByEmail(ctx.db, row!.email);
  return {
    email: view!.email,
    language: view!.language,
    role: view!.role,
    scopeType: view!.scopeType,
    scopeName: view!.scopeName,
    invitedBy: view!.invitedBy,
    expiresAt: view!.expiresAt,
    /** The address has an account: accept while signed in to it. */
    accountExists: account !== null,
    minPasswordLength: MIN_PASSWORD_LENGTH,
  };
}

/** Locks the invitation of `token` in `tx` and checks that it can be accepted now. */
export async function claimInvitation(
  tx: Db,
  ctx: ServiceContext,
  token: string,
): Promise<InvitationRow> {
  const row = await invitationByTokenHash(tx, hashInvitationToken(token), true);
  const refusal = stateOf(ctx, row);
  if (refusal) throw refusal;
  return row!;
}

/** Gives `userId` the invitation's role, marks it accepted and audits, in `tx`. */
export async function completeInvitation(
  tx: Db,
  ctx: ServiceContext,
  row: InvitationRow,
  userId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  const scopeId = row.scopeType === 'self' ? userId : row.scopeId;
  await insertRoleAssignment(tx, userId, { role: row.role, scopeType: row.scopeType, scopeId });
  const marked = await markInvitationAccepted(tx, row.id, userId, ctx.clock.now());
  if (!marked) throw refused('used');
  await audit(
    tx,
    { ...ctx, actor: ctx.actor ?? ({ id: userId } as Actor) },
    {
      action: 'invitation.accept',
      resourceType: 'invitation',
      resourceId: row.id,
      details: { userId, ...details },
      after: { role: row.role, scopeType: row.scopeType, scopeId },
    },
  );
}

export const acceptSchema = z.object({
  token: z.string().min(10).max(200),
  displayName: z.string().trim().min(1).max(200).optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1024).optional(),
});
export type AcceptInput = z.infer<typeof acceptSchema>;

/**
 * Accepts an invitation. Signed in: the account must have the invitation's address, and gets the
 * role. Not signed in: a new account is made with the name and password given (the address must
 * have none yet). Returns the account and whether it is new.
 */
export async function acceptInvitation(
  ctx: ServiceContext,
  raw: AcceptInput,
): Promise<{ userId: string; email: string; created: boolean }> {
  const parsed = acceptSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(fieldIssues(parsed.error, 'body'));
  const input = parsed.data;
  const actorEmail = ctx.actor ? await emailOf(ctx.db, ctx.actor.id) : undefined;
  if (!ctx.actor && (!input.displayName || !input.password)) {
    throw invalidInput([
      ...(input.displayName
        ? []
        : [
            {
              field: 'body.displayName',
              code: 'too_small',
              params: { minimum: 1 },
              message: 'required',
            },
          ]),
      ...(input.password
        ? []
        : [
            {
              field: 'body.password',
              code: 'too_small',
              params: { minimum: MIN_PASSWORD_LENGTH },
              message: 'required',
            },
          ]),
    ]);
  }
  if (!ctx.actor && input.password) assertNewPassword(input.password, { field: 'body.password' });
  const passwordHash = !ctx.actor && input.password ? await hashPassword(input.password) : null;
  return ctx.db.transaction(async (tx) => {
    const row = await claimInvitation(tx, ctx, input.token);
    const email = row.email;
    if (ctx.actor) {
      if (actorEmail?.toLowerCase() !== email.toLowerCase()) {
        throw conflict({ code: 'invitations.other_account', params: {} }, 'another address');
      }
      await completeInvitation(tx, ctx, row, ctx.actor.id, { via: 'signed-in account' });
      return { userId: ctx.actor.id, email, created: false };
    }
    const existing = await userByEmail(tx, email);
    if (existing) {
      throw conflict(
        { code: 'invitations.sign_in_first', params: {} },
        'the address has an account',
      );
    }
    const createdId = await insertAccount(tx, {
      email,
      displayName: input.displayName!,
      language: row.language,
      passwordHash: passwordHash!,
      createdAt: ctx.clock.now(),
    });
    await audit(
      tx,
      { ...ctx, actor: { id: createdId } as Actor },
      {
        action: 'user.create',
        resourceType: 'user',
        resourceId: createdId,
        details: { via: 'invitation', invitationId: row.id },
        after: { email, displayName: input.displayName, language: row.language, passwordHash },
      },
    );
    await completeInvitation(tx, { ...ctx, actor: { id: createdId } as Actor }, row, createdId);
    return { userId: createdId, email, created: true };
  });
}
