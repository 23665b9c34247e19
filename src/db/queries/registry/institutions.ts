/** Institutions and their organisational units as the registry writes them. */
import { and, asc, eq } from 'drizzle-orm';
import { inList } from '../in-list.ts';
import type { Db } from '../../client.ts';
import { auditLog, consortia, institutions, orgUnits } from '../../schema.ts';

export type InstitutionRow = typeof institutions.$inferSelect;
export type NewInstitution = typeof institutions.$inferInsert;
export type NewOrgUnit = typeof orgUnits.$inferInsert;

/** One institution's row, or null. */
export async function institutionRow(db: Db, id: string): Promise<InstitutionRow | null> {
  const [row] = await db.select().from(institutions).where(eq(institutions.id, id));
  return row ?? null;
}

/** One consortium's row, or null. */
export async function consortiumRow(db: Db, id: string) {
  const [row] = await db.select().from(consortia).where(eq(consortia.id, id));
  return row ?? null;
}

/** The rows of these institutions and of these consortia, by id (unknown ids left out). */
export async function partyRows(
  db: Db,
  institutionIds: readonly string[],
  consortiumIds: readonly string[],
) {
  const inst = [...new Set(institutionIds)];
  const cons = [...new Set(consortiumIds)];
  const [institutionList, consortiumList] = await Promise.all([
    inst.length > 0
      ? db.select().from(institutions).where(inList(institutions.id, inst))
      : Promise.resolve([] as InstitutionRow[]),
    cons.length > 0
      ? db.select().from(consortia).where(inList(consortia.id, cons))
      : Promise.resolve([] as (typeof consortia.$inferSelect)[]),
  ]);
  return {
    institutions: new Map(institutionList.map((r) => [r.id, r])),
    consortia: new Map(consortiumList.map((r) => [r.id, r])),
  };
}

/** Which of these ids the registry already holds. */
export async function existingInstitutionIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(inList(institutions.id, [...ids]));
  return new Set(rows.map((r) => r.id));
}

export async function insertInstitution(db: Db, values: NewInstitution): Promise<void> {
  await db.insert(institutions).values(values);
}

export async function saveInstitutionChanges(
  db: Db,
  id: string,
  changes: Partial<NewInstitution>,
): Promise<void> {
  await db.update(institutions).set(changes).where(eq(institutions.id, id));
}

/** Every institution that is not a demo placeholder, by id (what an export holds). */
export function institutionsToExport(db: Db): Promise<InstitutionRow[]> {
  return db
    .select()
    .from(institutions)
    .where(eq(institutions.invented, false))
    .orderBy(institutions.id);
}

export async function insertOrgUnit(db: Db, values: NewOrgUnit) {
  const [unit] = await db.insert(orgUnits).values(values).returning();
  return unit!;
}

/** An institution's units, by kind and name. */
export function orgUnitsOf(db: Db, institutionId: string) {
  return db
    .select()
    .from(orgUnits)
    .where(eq(orgUnits.institutionId, institutionId))
    .orderBy(orgUnits.kind, orgUnits.name);
}

/**
 * Who added the institution to the registry, by hand or by import: the actor of its first
 * `institution.create` audit entry; null when no one did (the demo world, a migration).
 */
export async function institutionCreator(db: Db, id: string): Promise<string | null> {
  const [row] = await db
    .select({ actorId: auditLog.actorId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.resourceType, 'institution'),
        eq(auditLog.resourceId, id),
        eq(auditLog.action, 'institution.create'),
      ),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id))
    .limit(1);
  return row?.actorId ?? null;
}
