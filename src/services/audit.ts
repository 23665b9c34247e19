import { insertAuditEntry } from '#src/db/queries/audit.ts';
import type { Db } from '#src/db/client.ts';
import type { ServiceContext } from './context.ts';
import { diffChanges } from './audit-changes.ts';

/**
 * Appends one entry to the audit trail, inside the caller's transaction. With `before` and/or
 * `after` (the record, or the part of it the use case changes), `details.changes` keeps the fields
 * that differ as `{ field: { before, after } }`, secrets and document contents redacted. A creation
 * passes only `after`, a deletion only `before`.
 */
export async function audit(
  tx: Db,
  ctx: Pick<ServiceContext, 'actor' | 'requestId'>,
  entry: {
    action: string;
    resourceType: string;
    resourceId: string;
    details?: Record<string, unknown>;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  },
): Promise<void> {
  const details: Record<string, unknown> = { ...entry.details };
  if (entry.before !== undefined || entry.after !== undefined) {
    details.changes = diffChanges(entry.before, entry.after);
  }
  await insertAuditEntry(tx, {
    actorId: ctx.actor?.id ?? null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    details,
    requestId: ctx.requestId ?? null,
  });
}
