/** What other features use of the audit trail: the history of one record, for its managers. */
export { AuditTrail } from './audit-trail.tsx';
