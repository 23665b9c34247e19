/** The audit trail: appending an entry, and the history of one record. */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog } from '../schema.ts';

export async function insertAuditEntry(db: Db, entry: typeof auditLog.$inferInsert): Promise<void> {
  await db.insert(auditLog).values(entry);
}

/** The latest 500 entries about one record, newest first. */
export function auditEntriesOf(db: Db, resourceType: string, resourceId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.resourceType, resourceType), eq(auditLog.resourceId, resourceId)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(500);
}
