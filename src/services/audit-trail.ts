import { can } from '#src/domain/access/can.ts';
import { auditEntriesOf } from '#src/db/queries/audit.ts';
import { consortiumRow, institutionRow } from '#src/db/queries/registry/institutions.ts';
import { personNames } from '#src/db/queries/names.ts';
import type { LocalizedText } from '#src/domain/shared/refusal.ts';
import type { ServiceContext } from './context.ts';
import { forbidden, notFound } from './errors.ts';
import { loadSendingConsortia } from '#src/db/queries/calls/calls.ts';
import { mayManageCall } from './calls/access.ts';
import { loadCall } from './calls/call-record.ts';
import { mayOnConsortium, mayOnInstitution } from './registry/write.ts';
import { todayOf } from './clock.ts';
import type { Changes } from './audit-changes.ts';
import type { AuditedResourceType } from '#src/domain/shared/audit.ts';

/**
 * May the actor read the history of this record? Those who may manage the record (the rule its
 * own service applies), and platform administrators; for records without such a rule here,
 * administrators only. An unknown record is a 404.
 */
async function mayReadTrail(
  ctx: ServiceContext,
  type: AuditedResourceType,
  id: string,
): Promise<boolean> {
  const actor = ctx.actor;
  if (!actor) return false;
  switch (type) {
    case 'institution': {
      if (!(await institutionRow(ctx.db, id))) throw notFound('institution', id);
      return actor.platformAdmin || (await mayOnInstitution(ctx, id)).edit;
    }
    case 'consortium': {
      if (!(await consortiumRow(ctx.db, id))) throw notFound('consortium', id);
      return actor.platformAdmin || mayOnConsortium(ctx, id).editMembers;
    }
    case 'call': {
      const row = await loadCall(ctx.db, id);
      if (actor.platformAdmin) return true;
      const sending = await loadSendingConsortia(ctx.db, row.sendingConsortiumIds);
      return mayManageCall(actor, row, sending, todayOf(ctx));
    }
    case 'program':
      return can(actor, 'program:write', { type: 'program', programIds: [id] });
    default:
      return actor.platformAdmin;
  }
}

export interface AuditEntryView {
  id: number;
  at: string;
  actor: { id: string; name: LocalizedText } | null;
  requestId: string | null;
  action: string;
  changes: Changes;
}

/** The history of one record, newest first. */
export async function auditTrail(
  ctx: ServiceContext,
  resourceType: AuditedResourceType,
  resourceId: string,
): Promise<{ items: AuditEntryView[] }> {
  if (!(await mayReadTrail(ctx, resourceType, resourceId)))
    throw forbidden('read the history of this record');
  const rows = await auditEntriesOf(ctx.db, resourceType, resourceId);
  const names = await personNames(
    ctx.db,
    rows.flatMap((r) => (r.actorId ? [r.actorId] : [])),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorId ? { id: r.actorId, name: names.get(r.actorId) ?? {} } : null,
      requestId: r.requestId,
      action: r.action,
      changes: changesOf(r.details),
    })),
  };
}

function changesOf(details: Record<string, unknown>): Changes {
  const c = details.changes;
  if (!c || typeof c !== 'object' || Array.isArray(c)) return {};
  // jsonb stores keys in its own order: the page lists the paths sorted.
  return Object.fromEntries(Object.entries(c as Changes).sort(([a], [b]) => a.localeCompare(b)));
}
