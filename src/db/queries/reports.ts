/**
 * What the annual implementation report (R20) is computed from and where it is kept: the stays
 * under the project's agreements, their recognitions, the payments made, the advisories and the
 * events of the project, and the report rows with their frozen versions.
 */
import { and, asc, eq, isNotNull, isNull, or } from 'drizzle-orm';
import { inList } from './in-list.ts';
import type { Db } from '../client.ts';
import {
  agreements,
  consortiumMembers,
  countryAdvisories,
  implementationReportDecisions,
  implementationReportReminders,
  implementationReports,
  implementationReportVersions,
  institutions,
  mobilities,
  paymentBatches,
  payments,
  projectApplications,
  recognitionDecisions,
  roleAssignments,
} from '../schema.ts';
import { eventParticipation } from './events.ts';

export type ReportRow = typeof implementationReports.$inferSelect;
export type ReportVersionRow = typeof implementationReportVersions.$inferSelect;
export type ReportDecisionRow = typeof implementationReportDecisions.$inferSelect;
export type ProjectRow = typeof projectApplications.$inferSelect;

/** Projects that run (selected, with a support state), of some programs or of all. */
export async function runningProjects(db: Db, programIds?: readonly string[]) {
  if (programIds && programIds.length === 0) return [];
  return db
    .select()
    .from(projectApplications)
    .where(
      and(
        isNotNull(projectApplications.support),
        programIds ? inList(projectApplications.programId, [...programIds]) : undefined,
      ),
    )
    .orderBy(asc(projectApplications.id));
}

/** The institutions that were ever members of a consortium (for the direction of a stay). */
export async function everMembers(db: Db, consortiumId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: consortiumMembers.institutionId })
    .from(consortiumMembers)
    .where(eq(consortiumMembers.consortiumId, consortiumId));
  return rows.map((r) => r.id);
}

/** Every stay under the program's agreements to which the consortium is a party. */
export async function projectStays(db: Db, programId: string, consortiumId: string) {
  return db
    .select({
      id: mobilities.id,
      homeId: mobilities.homeId,
      hostId: mobilities.hostId,
      level: mobilities.level,
      iscedField: mobilities.iscedField,
      startDate: mobilities.startDate,
      months: mobilities.months,
      status: mobilities.status,
      hostCountry: institutions.country,
    })
    .from(mobilities)
    .innerJoin(agreements, eq(agreements.id, mobilities.agreementId))
    .innerJoin(institutions, eq(institutions.id, mobilities.hostId))
    .where(
      and(
        eq(agreements.programId, programId),
        or(eq(agreements.partyAId, consortiumId), eq(agreements.partyBId, consortiumId)),
      ),
    )
    .orderBy(asc(mobilities.startDate), asc(mobilities.id));
}

/** The recognition decisions (R7) of these stays. */
export async function recognitionsOf(db: Db, mobilityIds: readonly string[]) {
  if (mobilityIds.length === 0) return [];
  return db
    .select({
      mobilityId: recognitionDecisions.mobilityId,
      decidedAt: recognitionDecisions.decidedAt,
      decision: recognitionDecisions.decision,
    })
    .from(recognitionDecisions)
    .where(inList(recognitionDecisions.mobilityId, [...mobilityIds]));
}

/** The payments of these stays in batches that were paid, with the day they were paid. */
export async function paidPaymentsOf(db: Db, mobilityIds: readonly string[]) {
  if (mobilityIds.length === 0) return [];
  return db
    .select({
      mobilityId: payments.mobilityId,
      kind: payments.kind,
      amountJpy: payments.amountJpy,
      fiscalYear: payments.fiscalYear,
      studentMonths: payments.studentMonths,
      paidOn: paymentBatches.paidOn,
    })
    .from(payments)
    .innerJoin(paymentBatches, eq(paymentBatches.id, payments.batchId))
    .where(
      and(
        inList(payments.mobilityId, [...mobilityIds]),
        eq(paymentBatches.status, 'paid'),
        isNotNull(paymentBatches.paidOn),
      ),
    );
}

/** The safety advisories (R19) of the program and of every program. */
export async function advisoriesOfProgram(db: Db, programId: string) {
  return db
    .select()
    .from(countryAdvisories)
    .where(or(eq(countryAdvisories.programId, programId), isNull(countryAdvisories.programId)));
}

/** The events of the program or of the consortium held in a period, with their participants. */
export async function projectEvents(
  db: Db,
  f: { programId: string; consortiumId: string; from: string; to: string },
) {
  const [byProgram, byConsortium] = await Promise.all([
    eventParticipation(db, { from: f.from, to: f.to, programId: f.programId }),
    eventParticipation(db, { from: f.from, to: f.to, consortiumId: f.consortiumId }),
  ]);
  const seen = new Map(byProgram.map((e) => [e.id, e]));
  for (const e of byConsortium) seen.set(e.id, e);
  return [...seen.values()].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
}

// ── The report rows ───────────────────────────────────────────────────────────────────────────

export async function reportOf(
  db: Db,
  projectId: string,
  fiscalYear: number,
): Promise<ReportRow | null> {
  const [row] = await db
    .select()
    .from(implementationReports)
    .where(
      and(
        eq(implementationReports.projectId, projectId),
        eq(implementationReports.fiscalYear, fiscalYear),
      ),
    );
  return row ?? null;
}

/** The report row, locked for the rest of the transaction (one change at a time). */
export async function lockReport(db: Db, id: string): Promise<ReportRow | null> {
  const [row] = await db
    .select()
    .from(implementationReports)
    .where(eq(implementationReports.id, id))
    .for('update');
  return row ?? null;
}

/** The reports of these projects (every fiscal year). */
export async function reportsOfProjects(db: Db, projectIds: readonly string[]) {
  if (projectIds.length === 0) return [];
  return db
    .select()
    .from(implementationReports)
    .where(inList(implementationReports.projectId, [...projectIds]));
}

/** Creates the report of a project and year if there is none; returns the row either way. */
export async function ensureReport(
  db: Db,
  projectId: string,
  fiscalYear: number,
  by: string | null,
): Promise<ReportRow> {
  await db
    .insert(implementationReports)
    .values({ projectId, fiscalYear, updatedBy: by })
    .onConflictDoNothing();
  const row = await reportOf(db, projectId, fiscalYear);
  if (!row) throw new Error('report row missing after insert');
  return row;
}

export async function updateReport(
  db: Db,
  id: string,
  values: Partial<Omit<ReportRow, 'id' | 'projectId' | 'fiscalYear'>>,
): Promise<void> {
  await db
    .update(implementationReports)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(implementationReports.id, id));
}

export async function insertReportVersion(
  db: Db,
  values: typeof implementationReportVersions.$inferInsert,
): Promise<void> {
  await db.insert(implementationReportVersions).values(values);
}

export async function versionsOf(db: Db, reportId: string): Promise<ReportVersionRow[]> {
  return db
    .select()
    .from(implementationReportVersions)
    .where(eq(implementationReportVersions.reportId, reportId))
    .orderBy(asc(implementationReportVersions.version));
}

export async function insertDecision(
  db: Db,
  values: typeof implementationReportDecisions.$inferInsert,
): Promise<ReportDecisionRow> {
  const [row] = await db.insert(implementationReportDecisions).values(values).returning();
  return row!;
}

export async function decisionsOf(db: Db, reportId: string): Promise<ReportDecisionRow[]> {
  return db
    .select()
    .from(implementationReportDecisions)
    .where(eq(implementationReportDecisions.reportId, reportId))
    .orderBy(asc(implementationReportDecisions.createdAt));
}

/** Records a reminder as sent; false when it had been sent already (each is sent once). */
export async function claimReminder(
  db: Db,
  r: { projectId: string; fiscalYear: number; daysBefore: number; sentOn: string },
): Promise<boolean> {
  const rows = await db
    .insert(implementationReportReminders)
    .values(r)
    .onConflictDoNothing()
    .returning({ projectId: implementationReportReminders.projectId });
  return rows.length > 0;
}

/** The user ids of the funder officers of these programs. */
export async function funderOfficersOf(db: Db, programIds: readonly string[]) {
  if (programIds.length === 0) return [];
  const rows = await db
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.role, 'funder_officer'),
        eq(roleAssignments.scopeType, 'program'),
        inList(roleAssignments.scopeId, [...programIds]),
      ),
    );
  return rows.map((r) => r.userId);
}
