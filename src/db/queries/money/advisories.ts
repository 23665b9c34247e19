/** Safety advisories (R19, 003 §10(1)) and whom they concern. */
import { and, asc, eq } from 'drizzle-orm';
import { inList } from '../in-list.ts';
import type { Db } from '../../client.ts';
import {
  advisoryOverrides,
  agreements,
  countryAdvisories,
  institutions,
  mobilities,
  roleAssignments,
} from '../../schema.ts';
import type { AdvisoryLevel } from '#src/domain/scholarship/index.ts';
import type { AdvisoryRow } from './ledger.ts';

export type { AdvisoryRow } from './ledger.ts';

/** The advisories of a program (all when none is given), oldest first. */
export async function advisoriesList(db: Db, programId?: string): Promise<AdvisoryRow[]> {
  return db
    .select()
    .from(countryAdvisories)
    .where(programId ? eq(countryAdvisories.programId, programId) : undefined)
    .orderBy(asc(countryAdvisories.fromDate));
}

export async function advisoryById(db: Db, id: string): Promise<AdvisoryRow | null> {
  const [row] = await db.select().from(countryAdvisories).where(eq(countryAdvisories.id, id));
  return row ?? null;
}

export async function insertAdvisory(
  tx: Db,
  values: {
    programId: string;
    country: string;
    level: AdvisoryLevel;
    fromDate: string;
    untilDate: string | null;
    reason: string;
    createdBy: string | null;
  },
): Promise<AdvisoryRow> {
  const [row] = await tx.insert(countryAdvisories).values(values).returning();
  return row!;
}

export async function setAdvisoryLifted(tx: Db, id: string, liftedOn: string): Promise<void> {
  await tx.update(countryAdvisories).set({ liftedOn }).where(eq(countryAdvisories.id, id));
}

/** The mobilities of a program hosted in a country (every state). */
export async function mobilitiesHostedIn(db: Db, programId: string, country: string) {
  const rows = await db
    .select({ mobility: mobilities })
    .from(mobilities)
    .innerJoin(agreements, eq(agreements.id, mobilities.agreementId))
    .innerJoin(institutions, eq(institutions.id, mobilities.hostId))
    .where(and(eq(agreements.programId, programId), eq(institutions.country, country)));
  return rows.map((r) => r.mobility);
}

/** Mobilities by id (every state). */
export async function mobilitiesByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(mobilities)
    .where(inList(mobilities.id, [...ids]));
}

export type OverrideRow = typeof advisoryOverrides.$inferSelect;

/** The override decisions of some advisories (R19), oldest first. */
export async function overridesOf(db: Db, advisoryIds: readonly string[]): Promise<OverrideRow[]> {
  if (advisoryIds.length === 0) return [];
  return db
    .select()
    .from(advisoryOverrides)
    .where(inList(advisoryOverrides.advisoryId, [...advisoryIds]))
    .orderBy(asc(advisoryOverrides.decidedAt));
}

export async function overrideOf(
  db: Db,
  advisoryId: string,
  mobilityId: string,
): Promise<OverrideRow | null> {
  const [row] = await db
    .select()
    .from(advisoryOverrides)
    .where(
      and(
        eq(advisoryOverrides.advisoryId, advisoryId),
        eq(advisoryOverrides.mobilityId, mobilityId),
      ),
    );
  return row ?? null;
}

export async function insertOverride(
  tx: Db,
  values: { advisoryId: string; mobilityId: string; reason: string; decidedBy: string | null },
): Promise<OverrideRow> {
  const [row] = await tx.insert(advisoryOverrides).values(values).returning();
  return row!;
}

/** The user ids of the representative officers of these consortia (the payers, R8). */
export async function repOfficersOf(db: Db, consortiumIds: readonly string[]) {
  if (consortiumIds.length === 0) return [];
  const rows = await db
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.role, 'rep_officer'),
        eq(roleAssignments.scopeType, 'consortium'),
        inList(roleAssignments.scopeId, [...consortiumIds]),
      ),
    );
  return rows.map((r) => r.userId);
}

/** The user ids of the coordinators of these institutions. */
export async function coordinatorsOf(db: Db, institutionIds: readonly string[]) {
  if (institutionIds.length === 0) return [];
  const rows = await db
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.role, 'coordinator'),
        eq(roleAssignments.scopeType, 'institution'),
        inList(roleAssignments.scopeId, [...institutionIds]),
      ),
    );
  return rows.map((r) => r.userId);
}
