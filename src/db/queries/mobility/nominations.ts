/** What a direct nomination reads and writes: the home's students, the agreement's program, the row. */
import { asc, eq } from 'drizzle-orm';
import { inList } from '../in-list.ts';
import type { Db } from '../../client.ts';
import { agreements, institutions, mobilities, studentProfiles, users } from '../../schema.ts';

/** The students whose home is one of these institutions, by display name. */
export function studentsOfHomes(db: Db, homeIds: readonly string[]) {
  if (homeIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      userId: studentProfiles.userId,
      homeId: studentProfiles.homeId,
      level: studentProfiles.level,
      displayName: users.displayName,
    })
    .from(studentProfiles)
    .innerJoin(users, eq(users.id, studentProfiles.userId))
    .where(inList(studentProfiles.homeId, [...homeIds]))
    .orderBy(asc(users.displayName));
}

/** The program an agreement serves, or null (none, or no such agreement). */
export async function programOfAgreement(db: Db, agreementId: string): Promise<string | null> {
  const [row] = await db
    .select({ programId: agreements.programId })
    .from(agreements)
    .where(eq(agreements.id, agreementId));
  return row?.programId ?? null;
}

/** Records a nomination (a mobility in state `nominated`); its id. */
export async function insertMobility(
  db: Db,
  values: typeof mobilities.$inferInsert,
): Promise<string> {
  const [row] = await db.insert(mobilities).values(values).returning({ id: mobilities.id });
  if (!row) throw new Error('the mobility was not recorded');
  return row.id;
}

/** Every institution a student may be nominated to (demo placeholders aside), by name. */
export function hostInstitutions(db: Db) {
  return db
    .select({
      id: institutions.id,
      name: institutions.name,
      names: institutions.names,
      country: institutions.country,
    })
    .from(institutions)
    .where(eq(institutions.invented, false))
    .orderBy(asc(institutions.name));
}

/** A person's display name (what a mobility records as the student's name), or null. */
export async function displayNameOf(db: Db, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ displayName: users.displayName })
    .from(users)
    .where(eq(users.id, userId));
  return row?.displayName ?? null;
}
