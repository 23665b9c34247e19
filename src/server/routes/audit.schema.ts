import { z } from 'zod';
import { AUDITED_RESOURCE_TYPES } from '#src/domain/shared/audit.ts';
import { NamesSchema } from './common.schema.ts';

export const AuditQuery = z.object({
  resourceType: z.enum(AUDITED_RESOURCE_TYPES).describe('the kind of record'),
  resourceId: z.string().min(1).max(200).describe('the id of the record'),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditChange = z.object({
  before: z
    .unknown()
    .describe('the value before the change (null when absent, "[redacted]" for secrets)'),
  after: z
    .unknown()
    .describe('the value after the change (null when absent, "[redacted]" for secrets)'),
});

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actor: z
    .object({ id: z.uuid(), name: NamesSchema })
    .nullable()
    .describe('who acted; null for the system or someone not signed in'),
  requestId: z.string().nullable().describe('the request that made the change'),
  action: z.string().describe('what was done, a code such as institution.update'),
  changes: z
    .record(z.string(), AuditChange)
    .describe('the fields that changed, by path (content.title.en)'),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditTrail = z.object({ items: z.array(AuditEntry) });
export type AuditTrail = z.infer<typeof AuditTrail>;
