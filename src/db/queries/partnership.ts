/**
 * Partnerships between institutions: the only module that reads and writes their tables (degree
 * programmes with cohorts and paths, education boards, cotutelles, joint laboratories and
 * projects, visits, partnerships and strategic plans).
 *
 * The functions under "For the partnership profile" answer for a set of institutions; they read
 * records without people's names (counts, periods, amounts), so that a profile page may show them
 * to anyone. Names go through the services, which decide who sees them.
 */
import { and, asc, desc, eq, or, sql, type AnyColumn } from 'drizzle-orm';
import { inList } from './in-list.ts';
import type { Db } from '../client.ts';
import { cotutelleCounts, type CotutelleCounts } from '../../domain/partnership/rules.ts';
import {
  cotutelles,
  degreeCohorts,
  degreePaths,
  degreeProgrammes,
  educationBoards,
  events,
  jointLabs,
  mobilities,
  partnerships,
  recognitionDecisions,
  staffVisits,
  strategicPlans,
} from '../schema.ts';

export type PartnershipRow = typeof partnerships.$inferSelect;
export type PartnershipValues = typeof partnerships.$inferInsert;
export type PlanRow = typeof strategicPlans.$inferSelect;
export type PlanValues = typeof strategicPlans.$inferInsert;
export type BoardRow = typeof educationBoards.$inferSelect;
export type BoardValues = typeof educationBoards.$inferInsert;
export type ProgrammeRow = typeof degreeProgrammes.$inferSelect;
export type ProgrammeValues = typeof degreeProgrammes.$inferInsert;
export type CohortRow = typeof degreeCohorts.$inferSelect;
export type CohortValues = typeof degreeCohorts.$inferInsert;
export type PathRow = typeof degreePaths.$inferSelect;
export type PathValues = typeof degreePaths.$inferInsert;
export type CotutelleRow = typeof cotutelles.$inferSelect;
export type CotutelleValues = typeof cotutelles.$inferInsert;
export type LabRow = typeof jointLabs.$inferSelect;
export type LabValues = typeof jointLabs.$inferInsert;
export type VisitRow = typeof staffVisits.$inferSelect;
export type VisitValues = typeof staffVisits.$inferInsert;

/** Records whose `institution_ids` name any of `ids` (all records when `ids` is undefined). */
const touching = (column: AnyColumn, ids?: readonly string[]) =>
  ids === undefined
    ? undefined
    : ids.length === 0
      ? sql`false`
      : sql`${column} ?| ARRAY[${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )}]::text[]`;

// ------------------------------------------------------------------------------- partnerships

export async function insertPartnership(db: Db, values: PartnershipValues): Promise<string> {
  const [row] = await db.insert(partnerships).values(values).returning({ id: partnerships.id });
  return row!.id;
}
export async function findPartnership(db: Db, id: string): Promise<PartnershipRow | undefined> {
  const [row] = await db.select().from(partnerships).where(eq(partnerships.id, id));
  return row;
}
export const listPartnershipRows = (db: Db, institutionIds?: readonly string[]) =>
  db
    .select()
    .from(partnerships)
    .where(touching(partnerships.institutionIds, institutionIds))
    .orderBy(asc(partnerships.since), asc(partnerships.id));
export async function updatePartnership(
  db: Db,
  id: string,
  set: Partial<PartnershipValues>,
): Promise<void> {
  await db.update(partnerships).set(set).where(eq(partnerships.id, id));
}

export async function insertPlan(db: Db, values: PlanValues): Promise<string> {
  const [row] = await db.insert(strategicPlans).values(values).returning({ id: strategicPlans.id });
  return row!.id;
}
export const plansOf = (db: Db, partnershipIds: readonly string[]) =>
  partnershipIds.length === 0
    ? Promise.resolve([] as PlanRow[])
    : db
        .select()
        .from(strategicPlans)
        .where(inList(strategicPlans.partnershipId, [...partnershipIds]))
        .orderBy(asc(strategicPlans.startsOn), asc(strategicPlans.id));

// --------------------------------------------------------------------------- education boards

export async function insertBoard(db: Db, values: BoardValues): Promise<string> {
  const [row] = await db
    .insert(educationBoards)
    .values(values)
    .returning({ id: educationBoards.id });
  return row!.id;
}
export async function findBoard(db: Db, id: string): Promise<BoardRow | undefined> {
  const [row] = await db.select().from(educationBoards).where(eq(educationBoards.id, id));
  return row;
}
export const listBoardRows = (db: Db, institutionIds?: readonly string[]) =>
  db
    .select()
    .from(educationBoards)
    .where(touching(educationBoards.institutionIds, institutionIds))
    .orderBy(asc(educationBoards.createdAt), asc(educationBoards.id));
export async function updateBoard(db: Db, id: string, set: Partial<BoardValues>): Promise<void> {
  await db.update(educationBoards).set(set).where(eq(educationBoards.id, id));
}
/** The board's meetings: events, soonest first. */
export const meetingsOf = (db: Db, eventIds: readonly string[]) =>
  eventIds.length === 0
    ? Promise.resolve([])
    : db
        .select({
          id: events.id,
          kind: events.kind,
          title: events.title,
          startsOn: events.startsOn,
          endsOn: events.endsOn,
          city: events.city,
          visibility: events.visibility,
        })
        .from(events)
        .where(inList(events.id, [...eventIds]))
        .orderBy(asc(events.startsOn));

// -------------------------------------------------------------------------- degree programmes

export async function insertProgramme(db: Db, values: ProgrammeValues): Promise<string> {
  const [row] = await db
    .insert(degreeProgrammes)
    .values(values)
    .returning({ id: degreeProgrammes.id });
  return row!.id;
}
export async function findProgramme(db: Db, id: string): Promise<ProgrammeRow | undefined> {
  const [row] = await db.select().from(degreeProgrammes).where(eq(degreeProgrammes.id, id));
  return row;
}
export const listProgrammeRows = (
  db: Db,
  filter: { institutionIds?: readonly string[]; boardId?: string } = {},
) =>
  db
    .select()
    .from(degreeProgrammes)
    .where(
      and(
        touching(degreeProgrammes.institutionIds, filter.institutionIds),
        filter.boardId ? eq(degreeProgrammes.boardId, filter.boardId) : undefined,
      ),
    )
    .orderBy(asc(degreeProgrammes.startsOn), asc(degreeProgrammes.id));
export async function updateProgramme(
  db: Db,
  id: string,
  set: Partial<ProgrammeValues>,
): Promise<void> {
  await db.update(degreeProgrammes).set(set).where(eq(degreeProgrammes.id, id));
}

export async function insertCohort(db: Db, values: CohortValues): Promise<string> {
  const [row] = await db.insert(degreeCohorts).values(values).returning({ id: degreeCohorts.id });
  return row!.id;
}
export async function findCohort(
  db: Db,
  programmeId: string,
  intakeYear: number,
): Promise<CohortRow | undefined> {
  const [row] = await db
    .select()
    .from(degreeCohorts)
    .where(
      and(eq(degreeCohorts.programmeId, programmeId), eq(degreeCohorts.intakeYear, intakeYear)),
    );
  return row;
}
export const cohortsOf = (db: Db, programmeIds: readonly string[]) =>
  programmeIds.length === 0
    ? Promise.resolve([] as CohortRow[])
    : db
        .select()
        .from(degreeCohorts)
        .where(inList(degreeCohorts.programmeId, [...programmeIds]))
        .orderBy(asc(degreeCohorts.intakeYear));

export async function insertPath(db: Db, values: PathValues): Promise<string> {
  const [row] = await db.insert(degreePaths).values(values).returning({ id: degreePaths.id });
  return row!.id;
}
export const pathsOf = (db: Db, cohortIds: readonly string[]) =>
  cohortIds.length === 0
    ? Promise.resolve([] as PathRow[])
    : db
        .select()
        .from(degreePaths)
        .where(inList(degreePaths.cohortId, [...cohortIds]))
        .orderBy(asc(degreePaths.createdAt), asc(degreePaths.id));
/** Enrolled students with an account, per cohort. */
export async function pathCounts(db: Db, cohortIds: readonly string[]) {
  if (cohortIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ cohortId: degreePaths.cohortId, n: sql<number>`count(*)::int` })
    .from(degreePaths)
    .where(inList(degreePaths.cohortId, [...cohortIds]))
    .groupBy(degreePaths.cohortId);
  return new Map(rows.map((r) => [r.cohortId, r.n]));
}

/** The mobilities of a path with their recognition decisions (read from the mobility area). */
export async function mobilitiesOfPath(db: Db, mobilityIds: readonly string[]) {
  if (mobilityIds.length === 0) return [];
  const [stays, decisions] = await Promise.all([
    db
      .select({
        id: mobilities.id,
        homeId: mobilities.homeId,
        hostId: mobilities.hostId,
        studentUserId: mobilities.studentUserId,
        level: mobilities.level,
        startDate: mobilities.startDate,
        months: mobilities.months,
        status: mobilities.status,
      })
      .from(mobilities)
      .where(inList(mobilities.id, [...mobilityIds]))
      .orderBy(asc(mobilities.startDate)),
    db
      .select({
        mobilityId: recognitionDecisions.mobilityId,
        componentId: recognitionDecisions.componentId,
        decision: recognitionDecisions.decision,
        decidedAt: recognitionDecisions.decidedAt,
      })
      .from(recognitionDecisions)
      .where(inList(recognitionDecisions.mobilityId, [...mobilityIds]))
      .orderBy(asc(recognitionDecisions.decidedAt)),
  ]);
  return stays.map((m) => ({
    ...m,
    recognitions: decisions.filter((d) => d.mobilityId === m.id),
  }));
}

export async function mobilityOwners(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string | null>();
  const rows = await db
    .select({ id: mobilities.id, studentUserId: mobilities.studentUserId })
    .from(mobilities)
    .where(inList(mobilities.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.studentUserId]));
}

// --------------------------------------------------------------------------------- cotutelles

export async function insertCotutelle(db: Db, values: CotutelleValues): Promise<string> {
  const [row] = await db.insert(cotutelles).values(values).returning({ id: cotutelles.id });
  return row!.id;
}
export async function findCotutelle(db: Db, id: string): Promise<CotutelleRow | undefined> {
  const [row] = await db.select().from(cotutelles).where(eq(cotutelles.id, id));
  return row;
}
export const listCotutelleRows = (db: Db, institutionIds?: readonly string[]) =>
  db
    .select()
    .from(cotutelles)
    .where(touching(cotutelles.institutionIds, institutionIds))
    .orderBy(desc(cotutelles.startsOn), asc(cotutelles.id));
export async function updateCotutelle(
  db: Db,
  id: string,
  set: Partial<CotutelleValues>,
): Promise<void> {
  await db.update(cotutelles).set(set).where(eq(cotutelles.id, id));
}

// ----------------------------------------------------------------------------- joint labs

export async function insertLab(db: Db, values: LabValues): Promise<string> {
  const [row] = await db.insert(jointLabs).values(values).returning({ id: jointLabs.id });
  return row!.id;
}
export async function findLab(db: Db, id: string): Promise<LabRow | undefined> {
  const [row] = await db.select().from(jointLabs).where(eq(jointLabs.id, id));
  return row;
}
export const listLabRows = (db: Db, institutionIds?: readonly string[]) =>
  db
    .select()
    .from(jointLabs)
    .where(touching(jointLabs.institutionIds, institutionIds))
    .orderBy(asc(jointLabs.startsOn), asc(jointLabs.id));
export async function updateLab(db: Db, id: string, set: Partial<LabValues>): Promise<void> {
  await db.update(jointLabs).set(set).where(eq(jointLabs.id, id));
}

// ---------------------------------------------------------------------------------- visits

export async function insertVisit(db: Db, values: VisitValues): Promise<string> {
  const [row] = await db.insert(staffVisits).values(values).returning({ id: staffVisits.id });
  return row!.id;
}
export async function findVisit(db: Db, id: string): Promise<VisitRow | undefined> {
  const [row] = await db.select().from(staffVisits).where(eq(staffVisits.id, id));
  return row;
}
export const listVisitRows = (db: Db, institutionIds?: readonly string[]) =>
  db
    .select()
    .from(staffVisits)
    .where(
      institutionIds === undefined
        ? undefined
        : institutionIds.length === 0
          ? sql`false`
          : or(
              inList(staffVisits.fromId, [...institutionIds]),
              inList(staffVisits.toId, [...institutionIds]),
            ),
    )
    .orderBy(desc(staffVisits.startsOn), asc(staffVisits.id));
export async function updateVisit(db: Db, id: string, set: Partial<VisitValues>): Promise<void> {
  await db.update(staffVisits).set(set).where(eq(staffVisits.id, id));
}

export async function eventExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: events.id }).from(events).where(eq(events.id, id));
  return row !== undefined;
}

// ------------------------------------------------------------- For the partnership profile

/**
 * Degree programmes of which any of `institutionIds` is a partner: kind, title, partners, field,
 * level, split, period, and per cohort the intake year, enrolled (paths + students without an
 * account) and graduated.
 */
export async function degreeProgrammesOf(db: Db, institutionIds: readonly string[]) {
  const rows = await listProgrammeRows(db, { institutionIds });
  const cohorts = await cohortsOf(
    db,
    rows.map((r) => r.id),
  );
  const counts = await pathCounts(
    db,
    cohorts.map((c) => c.id),
  );
  return rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    title: p.title,
    partners: p.partners,
    field: p.field,
    level: p.level,
    split: p.split,
    languages: p.languages,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    status: p.status,
    invented: p.invented,
    cohorts: cohorts
      .filter((c) => c.programmeId === p.id)
      .map((c) => ({
        intakeYear: c.intakeYear,
        enrolled: (counts.get(c.id) ?? 0) + c.enrolledWithoutAccount,
        graduated: c.graduated,
      })),
  }));
}

/** Cotutelles of `institutionIds` counted by status, those started in `sinceYear` or later. */
export async function cotutelleCountsOf(
  db: Db,
  institutionIds: readonly string[],
  sinceYear?: number,
): Promise<CotutelleCounts> {
  const rows = await db
    .select({ status: cotutelles.status, startsOn: cotutelles.startsOn })
    .from(cotutelles)
    .where(touching(cotutelles.institutionIds, institutionIds));
  return cotutelleCounts(rows, sinceYear);
}

/** Laboratories and projects of `institutionIds` with their funding, extensions and periods. */
export async function labsOf(db: Db, institutionIds: readonly string[]) {
  return (await listLabRows(db, institutionIds)).map((l) => ({
    id: l.id,
    kind: l.kind,
    title: l.title,
    partnerIds: l.institutionIds,
    fundingInstrument: l.fundingInstrument,
    funding:
      l.amountMinor !== null && l.currency
        ? { amountMinor: l.amountMinor, currency: l.currency }
        : null,
    startsOn: l.startsOn,
    endsOn: l.endsOn,
    extensions: l.extensions,
    themes: l.themes,
    invented: l.invented,
  }));
}

/**
 * Visits from or to `institutionIds`, without who made them (role, institutions, dates, purpose,
 * event): the services add names for readers in scope.
 */
export async function visitsOf(db: Db, institutionIds: readonly string[]) {
  return (await listVisitRows(db, institutionIds)).map((v) => ({
    id: v.id,
    role: v.role,
    fromId: v.fromId,
    toId: v.toId,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    purpose: v.purpose,
    eventId: v.eventId,
    courseCount: v.courses.length,
    invented: v.invented,
  }));
}

/** The themes of the partnerships of `institutionIds` (key and label), each key once. */
export async function themesOf(db: Db, institutionIds: readonly string[]) {
  const seen = new Map<string, (typeof partnerships.$inferSelect)['themes'][number]>();
  for (const p of await listPartnershipRows(db, institutionIds))
    for (const t of p.themes) if (!seen.has(t.key)) seen.set(t.key, t);
  return [...seen.values()];
}

/** The strategic plans of the partnerships of `institutionIds`. */
export async function strategicPlansOf(db: Db, institutionIds: readonly string[]) {
  const ps = await listPartnershipRows(db, institutionIds);
  const plans = await plansOf(
    db,
    ps.map((p) => p.id),
  );
  return plans.map((pl) => ({
    id: pl.id,
    partnershipId: pl.partnershipId,
    title: pl.title,
    status: pl.status,
    startsOn: pl.startsOn,
    endsOn: pl.endsOn,
    fileUrl: pl.fileUrl,
    invented: pl.invented,
  }));
}
