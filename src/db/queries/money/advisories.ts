/** Safety advisories (R19, 003 §10(1)) and whom they concern. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../client.ts';
import {
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

/** The mobilities of a program hosted in a country (every state), with their stay. */
export async function mobilitiesHostedIn(db: Db, programId: string, country: string) {
  return db
    .select({
      id: mobilities.id,
      homeId: mobilities.homeId,
      hostId: mobilities.hostId,
      studentUserId: mobilities.studentUserId,
      startDate: mobilities.startDate,
      months: mobilities.months,
      status: mobilities.status,
    })
    .from(mobilities)
    .innerJoin(agreements, eq(agreements.id, mobilities.agreementId))
    .innerJoin(institutions, eq(institutions.id, mobilities.hostId))
    .where(and(eq(agreements.programId, programId), eq(institutions.country, country)));
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
        inArray(roleAssignments.scopeId, [...institutionIds]),
      ),
    );
  return rows.map((r) => r.userId);
}
