/** The kinds of record whose history (audit trail) can be read, one page per record. */
export const AUDITED_RESOURCE_TYPES = [
  'institution',
  'consortium',
  'call',
  'program',
  'agreement',
  'project-application',
  'call_application',
  'mobility',
  'payment-batch',
  'payment',
  'advisory',
  'allocation-run',
  'jukebox_enrolment',
  'student_profile',
  'user',
] as const;
export type AuditedResourceType = (typeof AUDITED_RESOURCE_TYPES)[number];

/** What the trail shows in place of a secret or a document's contents. */
export const REDACTED = '[redacted]';
