/**
 * Allocation runs, and what running and publishing one reads and writes beside them: a call's
 * applications (its students), the nominations a published run makes.
 */
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { inList } from './in-list.ts';
import type { AllocationInstance } from '../../domain/allocation/types.ts';
import { personNameText } from '../../domain/shared/names.ts';
import type { LocalizedText } from '../../domain/shared/refusal.ts';
import type { Db } from '../client.ts';
import {
  allocationRuns,
  callApplications,
  calls,
  institutions,
  mobilities,
  studentProfiles,
  users,
} from '../schema.ts';

export type RunRow = typeof allocationRuns.$inferSelect;

export async function runRow(db: Db, id: string): Promise<RunRow | null> {
  const [row] = await db.select().from(allocationRuns).where(eq(allocationRuns.id, id));
  return row ?? null;
}

/** Stores a run; its id. */
export async function insertRun(
  db: Db,
  run: Pick<typeof allocationRuns.$inferInsert, 'callId' | 'instance' | 'results' | 'createdBy'>,
): Promise<string> {
  const [row] = await db.insert(allocationRuns).values(run).returning({ id: allocationRuns.id });
  return row!.id;
}

/** Every run with what a list shows and its access check needs (results and students unread). */
export function runsForList(db: Db) {
  return db
    .select({
      id: allocationRuns.id,
      callId: allocationRuns.callId,
      createdAt: allocationRuns.createdAt,
      publishedMechanism: allocationRuns.publishedMechanism,
      universities: sql<
        AllocationInstance['universities']
      >`${allocationRuns.instance}->'universities'`,
    })
    .from(allocationRuns);
}

/**
 * Marks the run published with `mechanism` unless it already is; the mechanism published before
 * when it was (the claim is the update itself, so two publications cannot both win).
 */
export async function claimPublication(
  db: Db,
  id: string,
  mechanism: string,
  at: Date,
): Promise<{ claimed: true } | { claimed: false; mechanism: string | null }> {
  const claimed = await db
    .update(allocationRuns)
    .set({ publishedMechanism: mechanism, publishedAt: at })
    .where(and(eq(allocationRuns.id, id), isNull(allocationRuns.publishedMechanism)))
    .returning({ id: allocationRuns.id });
  if (claimed.length > 0) return { claimed: true };
  const [now] = await db
    .select({ mechanism: allocationRuns.publishedMechanism })
    .from(allocationRuns)
    .where(eq(allocationRuns.id, id));
  return { claimed: false, mechanism: now?.mechanism ?? null };
}

/** How many nominations a run has made. */
export async function nominationCount(db: Db, runId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(mobilities)
    .where(eq(mobilities.allocationRunId, runId));
  return Number(row?.n ?? 0);
}

/** Records a nomination (a mobility in state `nominated`). */
export async function insertNomination(
  db: Db,
  nomination: typeof mobilities.$inferInsert,
): Promise<void> {
  await db.insert(mobilities).values(nomination);
}

/** Every institution's country by id. */
export async function institutionCountries(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: institutions.id, country: institutions.country })
    .from(institutions);
  return new Map(rows.map((r) => [r.id, r.country]));
}

export async function callRow(db: Db, id: string) {
  const [row] = await db.select().from(calls).where(eq(calls.id, id));
  return row ?? null;
}

/** A call's applications: their students' home by application id. */
export async function applicationHomes(db: Db, callId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: callApplications.id, homeId: callApplications.homeId })
    .from(callApplications)
    .where(eq(callApplications.callId, callId));
  return new Map(rows.map((a) => [a.id, a.homeId]));
}

/** A call's applications with their students' account, display name and level. */
export function applicationsWithStudents(db: Db, callId: string) {
  return db
    .select({
      id: callApplications.id,
      userId: callApplications.studentUserId,
      name: users.displayName,
      level: studentProfiles.level,
    })
    .from(callApplications)
    .innerJoin(users, eq(users.id, callApplications.studentUserId))
    .leftJoin(studentProfiles, eq(studentProfiles.userId, callApplications.studentUserId))
    .where(eq(callApplications.callId, callId));
}

/** Applicants by application id: the student's name in each script. */
export async function applicantNamesById(
  db: Db,
  applicationIds: readonly string[],
): Promise<Map<string, LocalizedText>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .select({ id: callApplications.id, displayName: users.displayName, names: users.names })
    .from(callApplications)
    .innerJoin(users, eq(users.id, callApplications.studentUserId))
    .where(inList(callApplications.id, [...applicationIds]));
  return new Map(rows.map((r) => [r.id, personNameText(r.names, r.displayName)] as const));
}
