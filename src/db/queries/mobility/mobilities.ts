/**
 * Mobilities: the rows, the scope an access decision reads (the agreement's parties and program,
 * the consortia home and host belong to on a date), the list an actor may see, the recorded
 * transitions and the people who hold a role over a mobility.
 */
import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { inList } from '../in-list.ts';
import type { Db } from '../../client.ts';
import {
  agreements,
  auditLog,
  institutions,
  mobilities,
  mobilityEvents,
  roleAssignments,
} from '../../schema.ts';
import type { Actor } from '#src/domain/access/policy.ts';
import type { RecordedDate } from '#src/domain/mobility/mobility-workflow.ts';
import type { Refusal } from '#src/domain/shared/refusal.ts';
import { membersInForce, membershipsOfInForce } from '../memberships.ts';
import { searchCondition, searchesByTrigrams } from '../search.ts';

export type MobilityRow = typeof mobilities.$inferSelect;

/** A mobility with what its access and notifications depend on. */
export interface MobilityScope {
  row: MobilityRow;
  /** Consortia the agreement's parties are, and consortia home or host belong to. */
  consortiumIds: string[];
  /** Consortia that are parties of the mobility's agreement (whose officers are told). */
  partyConsortiumIds: string[];
  programIds: string[];
}

/** One mobility, locked for update when asked; undefined when there is none. */
export async function findMobility(
  db: Db,
  id: string,
  lock = false,
): Promise<MobilityRow | undefined> {
  const q = db.select().from(mobilities).where(eq(mobilities.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** The mobilities whose student is this user. */
export function mobilitiesOfStudent(db: Db, userId: string): Promise<MobilityRow[]> {
  return db.select().from(mobilities).where(eq(mobilities.studentUserId, userId));
}

/**
 * The scope of a mobility on `onDate` (today, for current access): its agreement's parties and the
 * consortia its home and host are members of on that date. An ended membership gives nothing.
 */
export async function loadScope(db: Db, row: MobilityRow, onDate: string): Promise<MobilityScope> {
  const partyConsortiumIds: string[] = [];
  const programIds: string[] = [];
  if (row.agreementId) {
    const [a] = await db.select().from(agreements).where(eq(agreements.id, row.agreementId));
    if (a) {
      if (a.partyAType === 'consortium') partyConsortiumIds.push(a.partyAId);
      if (a.partyBType === 'consortium') partyConsortiumIds.push(a.partyBId);
      if (a.programId) programIds.push(a.programId);
    }
  }
  const members = await membershipsOfInForce(db, [row.homeId, row.hostId], onDate);
  const consortiumIds = [
    ...new Set([...partyConsortiumIds, ...members.map((m) => m.consortiumId)]),
  ];
  return { row, consortiumIds, partyConsortiumIds, programIds };
}

/**
 * The scopes of many mobilities on `onDate`, in the order of `rows`: what `loadScope` gives for
 * each, read in two queries (their agreements, the memberships of their institutions) whatever
 * their number.
 */
export async function loadScopes(
  db: Db,
  rows: readonly MobilityRow[],
  onDate: string,
): Promise<MobilityScope[]> {
  if (rows.length === 0) return [];
  const agreementIds = [...new Set(rows.flatMap((r) => (r.agreementId ? [r.agreementId] : [])))];
  const agreementRows =
    agreementIds.length > 0
      ? await db.select().from(agreements).where(inList(agreements.id, agreementIds))
      : [];
  const agreementById = new Map(agreementRows.map((a) => [a.id, a]));
  const members = await membershipsOfInForce(
    db,
    rows.flatMap((r) => [r.homeId, r.hostId]),
    onDate,
  );
  const consortiaOf = new Map<string, string[]>();
  for (const m of members) {
    const list = consortiaOf.get(m.institutionId) ?? [];
    list.push(m.consortiumId);
    consortiaOf.set(m.institutionId, list);
  }
  return rows.map((row) => {
    const partyConsortiumIds: string[] = [];
    const programIds: string[] = [];
    const a = row.agreementId ? agreementById.get(row.agreementId) : undefined;
    if (a) {
      if (a.partyAType === 'consortium') partyConsortiumIds.push(a.partyAId);
      if (a.partyBType === 'consortium') partyConsortiumIds.push(a.partyBId);
      if (a.programId) programIds.push(a.programId);
    }
    const consortiumIds = [
      ...new Set([
        ...partyConsortiumIds,
        ...(consortiaOf.get(row.homeId) ?? []),
        ...(row.hostId === row.homeId ? [] : (consortiaOf.get(row.hostId) ?? [])),
      ]),
    ];
    return { row, consortiumIds, partyConsortiumIds, programIds };
  });
}

/** The SQL filter of the mobilities an actor may see (the access check follows per row). */
export async function visibleFilter(db: Db, actor: Actor, today: string): Promise<SQL | undefined> {
  if (actor.platformAdmin) return undefined;
  const conditions: SQL[] = [];
  const institutionsOf = actor.roles
    .filter((r) => r.role === 'coordinator' && r.scopeType === 'institution')
    .map((r) => r.scopeId);
  const repConsortia = actor.roles
    .filter((r) => r.role === 'rep_officer' && r.scopeType === 'consortium')
    .map((r) => r.scopeId);
  const programs = actor.roles
    .filter((r) => r.role === 'funder_officer' && r.scopeType === 'program')
    .map((r) => r.scopeId);
  if (repConsortia.length > 0) {
    // Members today: an ended membership no longer opens its university's mobilities.
    const members = await membersInForce(db, repConsortia, today);
    institutionsOf.push(...members.map((m) => m.institutionId));
  }
  if (institutionsOf.length > 0) {
    conditions.push(inList(mobilities.homeId, institutionsOf));
    conditions.push(inList(mobilities.hostId, institutionsOf));
  }
  if (actor.roles.some((r) => r.role === 'student')) {
    conditions.push(eq(mobilities.studentUserId, actor.id));
  }
  const agreementConditions: SQL[] = [];
  if (repConsortia.length > 0) {
    agreementConditions.push(inList(agreements.partyAId, repConsortia));
    agreementConditions.push(inList(agreements.partyBId, repConsortia));
  }
  if (programs.length > 0) agreementConditions.push(inList(agreements.programId, programs));
  if (agreementConditions.length > 0) {
    const ids = await db
      .select({ id: agreements.id })
      .from(agreements)
      .where(or(...agreementConditions));
    if (ids.length > 0) {
      conditions.push(
        inList(
          mobilities.agreementId,
          ids.map((a) => a.id),
        ),
      );
    }
  }
  return conditions.length > 0 ? or(...conditions) : sql`false`;
}

export interface MobilityListFilter {
  status?: string | undefined;
  institutionId?: string | undefined;
  mine?: boolean | undefined;
}

/** The conditions of a list: what the actor's roles reach on `today`, then the filter's. */
async function listConditions(
  db: Db,
  actor: Actor,
  today: string,
  filter: MobilityListFilter,
): Promise<(SQL | undefined)[]> {
  const conditions: (SQL | undefined)[] = [await visibleFilter(db, actor, today)];
  if (filter.status) conditions.push(eq(mobilities.status, filter.status));
  if (filter.institutionId) {
    conditions.push(
      or(eq(mobilities.homeId, filter.institutionId), eq(mobilities.hostId, filter.institutionId)),
    );
  }
  if (filter.mine) conditions.push(eq(mobilities.studentUserId, actor.id));
  return conditions;
}

/** A page of the list: its filter, the words searched, and the row it continues after. */
export interface MobilityPageFilter extends MobilityListFilter {
  /** Words to find in the student's name (any script; case and accents ignored). */
  q?: string | undefined;
  /** The sort key of the last row of the previous page. */
  after?: { startDate: string; id: string } | undefined;
  limit: number;
}

/**
 * One page of the mobilities an actor's roles may reach, latest start first then by id (the
 * keyset order of the `mobilities_*_idx` indexes), `limit + 1` rows so the caller knows whether
 * more follow. Searched words of three characters or more use the trigram index over the folded
 * name; shorter ones match the start of a word of the name.
 */
export async function mobilityPage(
  db: Db,
  actor: Actor,
  today: string,
  filter: MobilityPageFilter,
): Promise<MobilityRow[]> {
  const conditions = await listConditions(db, actor, today, filter);
  if (filter.q) conditions.push(searchCondition(sql`${mobilities.searchText}`, filter.q));
  if (filter.after) {
    conditions.push(
      sql`(${mobilities.startDate}, ${mobilities.id}) < (${filter.after.startDate}::date, ${filter.after.id}::uuid)`,
    );
  }
  // A substring search reads its matches through the trigram index, then sorts them: the same
  // order written so that the start-date index cannot serve it. Otherwise the planner, which
  // cannot tell how rare a name is, may walk the start-date index through hundreds of thousands
  // of rows to find a rare name's few.
  const byStart =
    filter.q && searchesByTrigrams(filter.q)
      ? sql`(${mobilities.startDate} + 0) desc nulls last`
      : sql`${mobilities.startDate} desc nulls last`;
  return db
    .select()
    .from(mobilities)
    .where(and(...conditions))
    .orderBy(byStart, sql`${mobilities.id} desc nulls last`)
    .limit(filter.limit + 1);
}

/** The recorded transitions of a mobility, oldest first. */
export function mobilityEventsOf(db: Db, mobilityId: string) {
  return db
    .select({
      id: mobilityEvents.id,
      action: mobilityEvents.action,
      fromState: mobilityEvents.fromState,
      toState: mobilityEvents.toState,
      actorId: mobilityEvents.actorId,
      reason: mobilityEvents.reason,
      at: mobilityEvents.at,
    })
    .from(mobilityEvents)
    .where(eq(mobilityEvents.mobilityId, mobilityId))
    .orderBy(asc(mobilityEvents.id));
}

/** What a transition's audit entry recorded: the version it made and the date it recorded. */
export interface TransitionDetails {
  version?: number;
  date?: string | null;
  recorded?: RecordedDate | null;
  transcriptRef?: string | null;
  learningAgreementVersion?: number | null;
  /** Dates recorded despite warnings (R12, the plan): the coordinator's reason and the warnings. */
  override?: DateOverride | null;
}

/** A coordinator's decision to record dates that raised warnings, with the reason. */
export interface DateOverride {
  reason: string;
  warnings: Refusal[];
}

/** The audit details of a mobility's transitions, oldest first. */
export async function transitionTrail(db: Db, mobilityId: string): Promise<TransitionDetails[]> {
  const rows = await db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.resourceType, 'mobility'),
        eq(auditLog.resourceId, mobilityId),
        eq(auditLog.action, 'mobility.transition'),
      ),
    )
    .orderBy(asc(auditLog.id));
  return rows.map((r) => r.details as TransitionDetails);
}

/** A transition: the new state on the row and the event beside it. */
export async function recordTransition(
  db: Db,
  event: typeof mobilityEvents.$inferInsert,
): Promise<void> {
  await db
    .update(mobilities)
    .set({ status: event.toState })
    .where(eq(mobilities.id, event.mobilityId));
  await db.insert(mobilityEvents).values(event);
}

/** The users holding `role` in one of these scopes. */
export async function usersWithRole(
  db: Db,
  role: string,
  scopeIds: readonly string[],
): Promise<string[]> {
  if (scopeIds.length === 0) return [];
  const rows = await db
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.role, role), inList(roleAssignments.scopeId, [...scopeIds])));
  return rows.map((r) => r.userId);
}

/** An institution as a mobility shows it: id, name and its names in other scripts. */
export interface InstitutionLabel {
  id: string;
  name: string;
  names: object;
}

/** Institutions by id, as mobilities show them. */
export async function institutionLabels(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, InstitutionLabel>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: institutions.id, name: institutions.name, names: institutions.names })
    .from(institutions)
    .where(inList(institutions.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export type InstitutionRow = typeof institutions.$inferSelect;

/** Institution rows by id (one query). */
export async function institutionRows(db: Db, ids: readonly string[]): Promise<InstitutionRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(institutions)
    .where(inList(institutions.id, [...new Set(ids)]));
}

/** One institution row. */
export async function findInstitution(db: Db, id: string): Promise<InstitutionRow | undefined> {
  const [row] = await db.select().from(institutions).where(eq(institutions.id, id));
  return row;
}
