/** The history (audit trail) of one record, from GET /api/v1/audit. */
import type { AuditEntry, AuditTrail } from '../../../server/routes/audit.schema.ts';
import type { AuditedResourceType } from '../../../domain/shared/audit.ts';
import { apiRequest } from '../../api/client.ts';

export type { AuditEntry, AuditedResourceType };

export const auditTrail = (
  resourceType: AuditedResourceType,
  resourceId: string,
  signal?: AbortSignal,
) => apiRequest<AuditTrail>('/audit', { query: { resourceType, resourceId }, signal });
