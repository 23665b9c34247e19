/**
 * Who may hand a role to someone (by invitation or directly), and take it back. Pure: the facts the
 * decision needs (memberships in force today, the program of each call) are passed in.
 *
 * A role is always held in the scope type of ROLE_SCOPE; a grant naming another scope type is
 * refused to everyone, administrators included. Otherwise:
 *
 * - A platform administrator grants any role in any scope.
 * - A coordinator of institution I grants `coordinator` of I, and `student` (scope `self`: a
 *   student's role reaches only their own records, so it is never wider than a coordinator's).
 *   A coordinator appoints no reviewers: a reviewer reads every application of a call, from
 *   every university taking part, which is wider than one institution.
 * - A representative officer of consortium C grants `rep_officer` of C, and `coordinator` of an
 *   institution that is a member of C today (a membership ended or not yet begun gives nothing).
 * - A funder officer of program P grants `funder_officer` of P, and `reviewer` of a call under P.
 * - A secretariat of association A grants `secretariat` of A, and `coordinator` of an institution
 *   that is a member of A today.
 * - Reviewers and students grant nothing.
 *
 * So nobody grants a role wider than their own: the same role in the same scope, or a role whose
 * scope lies inside theirs. Taking a role back needs the same permission as granting it.
 */
import {
  ROLE_SCOPE,
  type Actor,
  type Role,
  type RoleAssignment,
  type ScopeType,
} from './policy.ts';

export interface Grant {
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
}

export interface GrantFacts {
  /** Memberships in force today of the consortia and associations the actor holds roles in. */
  membershipsInForce: readonly { consortiumId: string; institutionId: string }[];
  /** The program of each call the grant may name (null: a call under no program). */
  callPrograms: Readonly<Record<string, string | null>>;
}

export const NO_FACTS: GrantFacts = { membershipsInForce: [], callPrograms: {} };

/** The roles a holder of `held` grants, as the comment above says, for one requested grant. */
function grantsFrom(held: RoleAssignment, grant: Grant, facts: GrantFacts): boolean {
  const same = grant.role === held.role && grant.scopeId === held.scopeId;
  const isMember = () =>
    facts.membershipsInForce.some(
      (m) => m.consortiumId === held.scopeId && m.institutionId === grant.scopeId,
    );
  switch (held.role) {
    case 'coordinator':
      return (grant.role === 'coordinator' && same) || grant.role === 'student';
    case 'rep_officer':
    case 'secretariat':
      return same || (grant.role === 'coordinator' && isMember());
    case 'funder_officer':
      return (
        same ||
        (grant.role === 'reviewer' &&
          Object.hasOwn(facts.callPrograms, grant.scopeId) &&
          facts.callPrograms[grant.scopeId] === held.scopeId)
      );
    case 'reviewer':
    case 'student':
      return false;
  }
}

/** May `actor` grant (or revoke) `grant`? */
export function mayGrant(actor: Actor | null, grant: Grant, facts: GrantFacts): boolean {
  if (!actor) return false;
  if (ROLE_SCOPE[grant.role] !== grant.scopeType) return false;
  if (actor.platformAdmin) return true;
  return actor.roles.some(
    (held) => ROLE_SCOPE[held.role] === held.scopeType && grantsFrom(held, grant, facts),
  );
}

/** May `actor` grant anything at all (the people pages are theirs)? */
export function mayGrantAnything(actor: Actor | null): boolean {
  if (!actor) return false;
  return (
    actor.platformAdmin || actor.roles.some((r) => r.role !== 'reviewer' && r.role !== 'student')
  );
}
