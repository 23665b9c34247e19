/**
 * People and their roles: search within what one may see, a person's roles with the names of their
 * scopes, granting and revoking a role (src/domain/access/grants.ts decides), and ending an account.
 *
 * Whom a person sees: an administrator everyone; anyone else the holders of a role in a scope they
 * manage — their own scopes, the institutions that are members today of the consortia and
 * associations they serve, the calls of the programs they fund — and the students whose home is
 * one of those institutions. A refusal to read a person answers 404 (decision 001).
 *
 * Deactivating an account is for administrators only: an account may hold roles in several scopes,
 * and ending it ends all of them, which no scoped role may decide alone. A scoped officer takes
 * back the role they granted instead. Deactivation deletes the account's sessions in the same
 * transaction, so it is signed out at once.
 */
import {
  mayGrant,
  mayGrantAnything,
  type Grant,
  type GrantFacts,
} from '#src/domain/access/grants.ts';
import { ROLE_SCOPE, type Actor, type Role, type ScopeType } from '#src/domain/access/policy.ts';
import type { LocalizedText } from '#src/domain/shared/refusal.ts';
import type { Db } from '#src/db/client.ts';
import { membersInForce } from '#src/db/queries/memberships.ts';
import {
  allScopes,
  callPrograms,
  callsOfPrograms,
  deleteRoleAssignment,
  endSessionsOf,
  heldRole,
  insertRoleAssignment,
  lockAccountState,
  rolesOf,
  scopeNameKey,
  scopeNames,
  searchPeople,
  setAccountDisabledFlag,
  visiblePerson,
  type PeopleVisibility,
  type ScopeRef,
} from '#src/db/queries/accounts/people.ts';
import { platformResource, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import { todayOf } from '../clock.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, conflict, forbidden, notFound } from '../errors.ts';

export function requireSignedIn(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  return ctx.actor;
}

const heldScopes = (actor: Actor, ...roles: Role[]) =>
  actor.roles.filter((r) => roles.includes(r.role)).map((r) => r.scopeId);

/** The facts the grant rule needs about `actor` and (optionally) the grants being decided. */
export async function grantFacts(
  ctx: ServiceContext,
  actor: Actor,
  grants: readonly Grant[] = [],
): Promise<GrantFacts> {
  const bodies = heldScopes(actor, 'rep_officer', 'secretariat');
  const callIds = grants.filter((g) => g.scopeType === 'call').map((g) => g.scopeId);
  const [membershipsInForce, programs] = await Promise.all([
    membersInForce(ctx.db, bodies, todayOf(ctx)),
    callPrograms(ctx.db, callIds),
  ]);
  return { membershipsInForce, callPrograms: programs };
}

/** Whom `actor` sees on the people pages (see the module comment). */
export async function peopleVisibility(
  ctx: ServiceContext,
  actor: Actor,
): Promise<PeopleVisibility> {
  if (actor.platformAdmin) return { all: true, scopes: [], studentHomes: [] };
  const facts = await grantFacts(ctx, actor);
  const memberInstitutions = facts.membershipsInForce.map((m) => m.institutionId);
  const ownInstitutions = heldScopes(actor, 'coordinator');
  const calls = await callsOfPrograms(ctx.db, heldScopes(actor, 'funder_officer'));
  const scopes: ScopeRef[] = [
    ...actor.roles
      .filter((r) => r.role !== 'reviewer' && r.role !== 'student')
      .map((r) => ({ scopeType: r.scopeType, scopeId: r.scopeId })),
    ...memberInstitutions.map((id) => ({ scopeType: 'institution', scopeId: id })),
    ...calls.map((id) => ({ scopeType: 'call', scopeId: id })),
  ];
  return { all: false, scopes, studentHomes: [...ownInstitutions, ...memberInstitutions] };
}

export interface RoleView {
  id: string;
  role: Role;
  scopeType: ScopeType;
  scopeName: LocalizedText | null;
  /** May the viewer take this role back? */
  revocable: boolean;
}

/** People whom the signed-in person may see, by part of their name or address. */
export async function findPeople(
  ctx: ServiceContext,
  query: { q?: string; page: number; pageSize: number },
) {
  const actor = requireSignedIn(ctx);
  if (!mayGrantAnything(actor)) throw forbidden('see the people of a scope');
  const visibility = await peopleVisibility(ctx, actor);
  const { items, total } = await searchPeople(
    ctx.db,
    { q: query.q, limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    visibility,
  );
  return {
    items: items.map((p) => ({
      id: p.id,
      email: p.email,
      name: p.name,
      platformAdmin: p.platformAdmin,
      disabled: p.disabled,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function requireVisiblePerson(ctx: ServiceContext, actor: Actor, id: string) {
  const person = await visiblePerson(ctx.db, id, await peopleVisibility(ctx, actor));
  if (!person) throw notFound('person', id);
  return person;
}

/** A person and their roles, each with the name of its scope. */
export async function personWithRoles(ctx: ServiceContext, id: string) {
  const actor = requireSignedIn(ctx);
  if (!mayGrantAnything(actor)) throw notFound('person', id);
  const person = await requireVisiblePerson(ctx, actor, id);
  const roles = await rolesOf(ctx.db, id);
  const grants = roles.map((r) => asGrant(r));
  const [names, facts] = await Promise.all([
    scopeNames(ctx.db, roles),
    grantFacts(ctx, actor, grants),
  ]);
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    language: person.language,
    platformAdmin: person.platformAdmin,
    disabled: person.disabled,
    roles: roles.map((r, i): RoleView => ({
      id: r.id,
      role: r.role as Role,
      scopeType: r.scopeType as ScopeType,
      scopeName: names.get(scopeNameKey(r)) ?? null,
      revocable: mayGrant(actor, grants[i]!, facts),
    })),
    mayDeactivate: actor.platformAdmin && actor.id !== person.id,
  };
}

const asGrant = (r: { role: string; scopeType: string; scopeId: string }): Grant => ({
  role: r.role as Role,
  scopeType: r.scopeType as ScopeType,
  scopeId: r.scopeId,
});

/** Refuses a grant whose scope does not exist (a student's own scope always does). */
export async function requireScope(db: Db, grant: Grant): Promise<LocalizedText | null> {
  if (ROLE_SCOPE[grant.role] !== grant.scopeType) {
    throw conflict(
      { code: 'people.scope_unknown', params: { role: grant.role } },
      `a ${grant.role} is held in a ${ROLE_SCOPE[grant.role]}`,
    );
  }
  if (grant.scopeType === 'self') return null;
  const name = (await scopeNames(db, [grant])).get(scopeNameKey(grant));
  if (!name) {
    throw conflict({ code: 'people.scope_unknown', params: {} }, 'the scope does not exist');
  }
  return name;
}

/** Throws 403 unless the actor may grant (or take back) `grant`. */
export async function requireMayGrant(ctx: ServiceContext, actor: Actor, grant: Grant) {
  const facts = await grantFacts(ctx, actor, [grant]);
  if (!mayGrant(actor, grant, facts)) {
    throw new AppError('forbidden', `you may not grant ${grant.role} in this scope`, {
      action: 'role:grant',
    });
  }
}

/** Gives a person a role (a student's role in their own scope). */
export async function grantRole(
  ctx: ServiceContext,
  userId: string,
  input: { role: Role; scopeType: ScopeType; scopeId: string },
) {
  const actor = requireSignedIn(ctx);
  if (!mayGrantAnything(actor)) throw notFound('person', userId);
  await requireVisiblePerson(ctx, actor, userId);
  const grant: Grant = { ...input, scopeId: input.scopeType === 'self' ? userId : input.scopeId };
  await requireMayGrant(ctx, actor, grant);
  await requireScope(ctx.db, grant);
  return ctx.db.transaction(async (tx) => {
    const row = await insertRoleAssignment(tx, userId, grant);
    if (!row) throw conflict({ code: 'people.role_held', params: {} }, 'the role is already held');
    await audit(tx, ctx, {
      action: 'role.grant',
      resourceType: 'user',
      resourceId: userId,
      details: { assignmentId: row.id },
      after: { ...grant },
    });
    return { id: row.id, ...grant };
  });
}

/** Takes a role back from a person. */
export async function revokeRole(ctx: ServiceContext, userId: string, assignmentId: string) {
  const actor = requireSignedIn(ctx);
  if (!mayGrantAnything(actor)) throw notFound('person', userId);
  await requireVisiblePerson(ctx, actor, userId);
  const held = await heldRole(ctx.db, userId, assignmentId);
  if (!held) throw notFound('role', assignmentId);
  const grant = asGrant(held);
  await requireMayGrant(ctx, actor, grant);
  await ctx.db.transaction(async (tx) => {
    await deleteRoleAssignment(tx, assignmentId);
    await audit(tx, ctx, {
      action: 'role.revoke',
      resourceType: 'user',
      resourceId: userId,
      details: { assignmentId },
      before: { ...grant },
    });
  });
}

/**
 * Ends (or restores) an account: administrators only, never their own. Ending it deletes its
 * sessions in the same transaction.
 */
export async function setAccountDisabled(ctx: ServiceContext, userId: string, disabled: boolean) {
  const actor = requireSignedIn(ctx);
  if (!actor.platformAdmin) {
    // Whoever may not see the person learns nothing of them: 404 before the refusal.
    if (!mayGrantAnything(actor)) throw notFound('person', userId);
    await requireVisiblePerson(ctx, actor, userId);
  }
  requireAccess(ctx, 'account:manage', platformResource('person', userId), {
    doing: 'deactivate an account',
  });
  if (actor.id === userId) {
    throw conflict({ code: 'people.self_deactivation', params: {} }, 'not your own account');
  }
  return ctx.db.transaction(async (tx) => {
    const before = await lockAccountState(tx, userId);
    if (!before) throw notFound('person', userId);
    await setAccountDisabledFlag(tx, userId, disabled);
    const ended = disabled ? await endSessionsOf(tx, userId) : 0;
    await audit(tx, ctx, {
      action: disabled ? 'user.deactivate' : 'user.reactivate',
      resourceType: 'user',
      resourceId: userId,
      details: { sessionsEnded: ended },
      before: { disabled: before.disabled },
      after: { disabled },
    });
    return { id: userId, disabled, sessionsEnded: ended };
  });
}

export interface GrantableView {
  role: Role;
  scopeType: ScopeType;
  /** The scope's id, to send back; `self` for a student. People read `scopeName`. */
  scopeId: string;
  scopeName: LocalizedText | null;
}

/**
 * Every role and scope the signed-in person may grant, with the scope's name: what the invite and
 * grant forms offer. An administrator gets every scope of the registry (placeholders left out).
 */
export async function grantableRoles(ctx: ServiceContext): Promise<GrantableView[]> {
  const actor = requireSignedIn(ctx);
  if (!mayGrantAnything(actor)) return [];
  const student: GrantableView = {
    role: 'student',
    scopeType: 'self',
    scopeId: 'self',
    scopeName: null,
  };
  if (actor.platformAdmin) {
    const scopes = await allScopes(ctx.db);
    const out: GrantableView[] = [student];
    for (const s of scopes) {
      for (const role of ROLES_BY_SCOPE[s.scopeType as ScopeType]) {
        out.push({
          role,
          scopeType: s.scopeType as ScopeType,
          scopeId: s.scopeId,
          scopeName: s.name,
        });
      }
    }
    return out;
  } else {
    const facts = await grantFacts(ctx, actor);
    const calls = await callsOfPrograms(ctx.db, heldScopes(actor, 'funder_officer'));
    const candidates: ScopeRef[] = [
      ...actor.roles.map((r) => ({ scopeType: r.scopeType, scopeId: r.scopeId })),
      ...facts.membershipsInForce.map((m) => ({
        scopeType: 'institution',
        scopeId: m.institutionId,
      })),
      ...calls.map((id) => ({ scopeType: 'call', scopeId: id })),
    ].filter((s) => s.scopeType !== 'self');
    const grants = candidates.flatMap((s) =>
      ROLES_BY_SCOPE[s.scopeType as ScopeType].map((role): Grant => ({
        role,
        scopeType: s.scopeType as ScopeType,
        scopeId: s.scopeId,
      })),
    );
    const allFacts = { ...facts, callPrograms: await callPrograms(ctx.db, calls) };
    const seen = new Set<string>();
    const allowed = [student, ...grants].filter((g) => {
      const key = `${g.role}:${g.scopeType}:${g.scopeId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return mayGrant(actor, g, allFacts);
    });
    const names = await scopeNames(
      ctx.db,
      allowed.filter((g) => g.scopeType !== 'self'),
    );
    return allowed.map((g) => ({
      role: g.role,
      scopeType: g.scopeType,
      scopeId: g.scopeId,
      scopeName: g.scopeType === 'self' ? null : (names.get(scopeNameKey(g)) ?? null),
    }));
  }
}

const ROLES_BY_SCOPE: Record<ScopeType, Role[]> = {
  program: ['funder_officer'],
  consortium: ['rep_officer'],
  institution: ['coordinator'],
  call: ['reviewer'],
  self: [],
  association: ['secretariat'],
};
