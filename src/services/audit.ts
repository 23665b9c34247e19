import { auditLog } from '#src/db/schema.ts';
import type { Db } from '#src/db/client.ts';
import type { ServiceContext } from './context.ts';

/** Appends one entry to the audit trail, inside the caller's transaction. */
export async function audit(
  tx: Db,
  ctx: Pick<ServiceContext, 'actor' | 'requestId'>,
  entry: {
    action: string;
    resourceType: string;
    resourceId: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: ctx.actor?.id ?? null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    details: entry.details ?? {},
    requestId: ctx.requestId ?? null,
  });
}
