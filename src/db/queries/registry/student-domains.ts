/** The e-mail domains a university lists for its students. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { institutionStudentDomains } from '#src/db/schema.ts';

export type StudentDomainRow = typeof institutionStudentDomains.$inferSelect;

/** The domains of one university, alphabetically. */
export function studentDomainsOf(db: Db, institutionId: string): Promise<StudentDomainRow[]> {
  return db
    .select()
    .from(institutionStudentDomains)
    .where(eq(institutionStudentDomains.institutionId, institutionId))
    .orderBy(asc(institutionStudentDomains.domain));
}

/** The university listing `domain` (lower case), or null. */
export async function studentDomainRow(db: Db, domain: string): Promise<StudentDomainRow | null> {
  const [row] = await db
    .select()
    .from(institutionStudentDomains)
    .where(eq(institutionStudentDomains.domain, domain));
  return row ?? null;
}

export async function insertStudentDomain(db: Db, row: StudentDomainRow): Promise<void> {
  await db.insert(institutionStudentDomains).values(row);
}

/** Deletes one domain of a university; whether it was there. */
export async function deleteStudentDomain(
  db: Db,
  institutionId: string,
  domain: string,
): Promise<boolean> {
  const gone = await db
    .delete(institutionStudentDomains)
    .where(
      and(
        eq(institutionStudentDomains.institutionId, institutionId),
        eq(institutionStudentDomains.domain, domain),
      ),
    )
    .returning({ domain: institutionStudentDomains.domain });
  return gone.length > 0;
}
