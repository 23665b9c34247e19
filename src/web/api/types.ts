// Names other parts of the web app import from here, re-exported from where they are defined: the
// domain and the server's schemas (src/web/api/contract.ts has the registry and agreement types).

export { LANGUAGES, type Language } from '../../domain/shared/platform-languages.ts';
export type { LocalizedText as Names } from '../../domain/shared/platform-languages.ts';
export { ROLES, SCOPE_TYPES } from '../../domain/access/policy.ts';
export type { Role, ScopeType } from '../../domain/access/policy.ts';
export type {
  ActorView as Actor,
  RoleAssignmentView as RoleAssignment,
  SessionView as Session,
} from '../../server/routes/auth.schema.ts';
export { LEVELS as STUDY_LEVELS } from '../../domain/agreement/agreement.ts';
export type { StudyLevel } from './contract.ts';
export { STATUSES as AGREEMENT_STATUSES } from '../../domain/agreement/agreement.ts';
export { INSTITUTION_TYPES, ORG_UNIT_KINDS } from '../../domain/registry/institution.ts';
export { CONSORTIUM_KINDS } from '../../server/routes/registry.schema.ts';
