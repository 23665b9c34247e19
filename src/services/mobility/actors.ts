/**
 * Who an actor is for one mobility — a coordinator of the home or host side, the student, the
 * representative officer of its consortium, the funder officer of its program — read from the
 * roles they hold, and the people each workflow party stands for.
 */
import type { Db } from '#src/db/client.ts';
import {
  findMobility,
  usersWithRole,
  type MobilityRow,
  type MobilityScope,
} from '#src/db/queries/mobility/mobilities.ts';
import type { Actor } from '#src/domain/access/policy.ts';
import type { MobilityActor, Party } from '#src/domain/mobility/mobility-workflow.ts';
import type { LaParty } from '#src/domain/recognition/learning-agreement.ts';
import {
  consortiumResource,
  holdsRole,
  institutionsResource,
  mobilityResource,
  ownResource,
  programResource,
  type Target,
} from '../access.ts';
import { notFound } from '../errors.ts';

export {
  loadScope,
  loadScopes,
  type MobilityRow,
  type MobilityScope,
} from '#src/db/queries/mobility/mobilities.ts';

/** One mobility (locked for update when asked); 404 when there is none. */
export async function loadMobility(db: Db, id: string, lock = false): Promise<MobilityRow> {
  const row = await findMobility(db, id, lock);
  if (!row) throw notFound('mobility', id);
  return row;
}

/** The access resource of a mobility in its scope: home, host, consortia, program, student. */
export const mobilityResourceOf = (s: MobilityScope, type = 'mobility'): Target =>
  mobilityResource(
    {
      id: s.row.id,
      homeId: s.row.homeId,
      hostId: s.row.hostId,
      studentUserId: s.row.studentUserId,
      consortiumIds: s.consortiumIds,
      programIds: s.programIds,
    },
    type,
  );

/**
 * The workflow actors this user is for the mobility, from the roles they hold: a coordinator of
 * the home or host institution, the student themself, a representative officer of a consortium of
 * the mobility, a funder officer of its program. A platform administrator may act as any of them.
 */
export function mobilityActors(actor: Actor | null, s: MobilityScope): MobilityActor[] {
  if (!actor) return [];
  const out: MobilityActor[] = [];
  const { homeId, hostId, studentUserId } = s.row;
  if (holdsRole(actor, 'coordinator', institutionsResource([homeId], 'mobility'))) {
    out.push({ role: 'coordinator', side: 'home', id: actor.id });
  }
  if (holdsRole(actor, 'coordinator', institutionsResource([hostId], 'mobility'))) {
    out.push({ role: 'coordinator', side: 'host', id: actor.id });
  }
  if (studentUserId !== null && holdsRole(actor, 'student', ownResource(studentUserId))) {
    out.push({ role: 'student', side: null, id: actor.id });
  }
  if (holdsRole(actor, 'rep_officer', consortiumResource(s.consortiumIds, 'mobility'))) {
    out.push({ role: 'rep_officer', side: null, id: actor.id });
  }
  if (
    s.programIds.length > 0 &&
    s.programIds.some((p) => holdsRole(actor, 'funder_officer', programResource(p, 'mobility')))
  ) {
    out.push({ role: 'funder_officer', side: null, id: actor.id });
  }
  return out;
}

/** The learning-agreement parties this user may sign as. */
export function laParties(actors: readonly MobilityActor[]): LaParty[] {
  const out = new Set<LaParty>();
  for (const a of actors) {
    if (a.role === 'student') out.add('student');
    if (a.role === 'coordinator' && a.side) out.add(a.side);
  }
  return [...out];
}

/** The people a workflow party stands for (the acting user is left out). */
export async function usersOfParties(
  db: Db,
  s: MobilityScope,
  parties: readonly (Party | LaParty)[],
  except: string | null,
): Promise<string[]> {
  const ids: string[] = [];
  for (const p of new Set(parties)) {
    if (p === 'student' && s.row.studentUserId) ids.push(s.row.studentUserId);
    if (p === 'home_coordinator' || p === 'home')
      ids.push(...(await usersWithRole(db, 'coordinator', [s.row.homeId])));
    if (p === 'host_coordinator' || p === 'host')
      ids.push(...(await usersWithRole(db, 'coordinator', [s.row.hostId])));
    if (p === 'rep_officer') {
      const scope = s.partyConsortiumIds.length ? s.partyConsortiumIds : s.consortiumIds;
      ids.push(...(await usersWithRole(db, 'rep_officer', scope)));
    }
    if (p === 'funder_officer')
      ids.push(...(await usersWithRole(db, 'funder_officer', s.programIds)));
  }
  return [...new Set(ids)].filter((id) => id !== except);
}

/** The coordinators of these institutions. */
export async function coordinatorsOf(db: Db, institutionIds: readonly string[]) {
  return usersWithRole(db, 'coordinator', institutionIds);
}
