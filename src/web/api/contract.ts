/**
 * The types of the registry, agreements and session API, inferred from the server's schemas (the
 * contract itself), and the enumerations they use, from the domain. Nothing here is copied by hand.
 */
import type { z } from 'zod';
import type {
  AgreementChange as AgreementChangeSchema,
  AgreementDetail as AgreementDetailSchema,
  AgreementSummary as AgreementSummarySchema,
  CreateAgreementBody,
  LedgerSchema,
  Party as PartySchema,
  PartyRefSchema,
  Signature,
} from '../../server/routes/agreements.schema.ts';
import type { SessionMay as SessionMaySchema } from '../../server/routes/auth.schema.ts';
import type {
  ConsortiumDetail as ConsortiumDetailSchema,
  ConsortiumSummary as ConsortiumSummarySchema,
  GroupingList,
  ImportReport,
  ImportRowError as ImportRowErrorSchema,
  Institution as InstitutionSchema,
  InstitutionAgreementList,
  InstitutionDetail as InstitutionDetailSchema,
  InstitutionPatchBody,
  MembershipProposal as MembershipProposalSchema,
  OrgUnit as OrgUnitSchema,
} from '../../server/routes/registry.schema.ts';
import type { LocalizedText } from '../../domain/shared/platform-languages.ts';

export { LANGUAGES, type Language } from '../../domain/shared/platform-languages.ts';
export { ROLES, SCOPE_TYPES } from '../../domain/access/policy.ts';
export type { Role, ScopeType } from '../../domain/access/policy.ts';
export type {
  ActorView as Actor,
  RoleAssignmentView as RoleAssignment,
  SessionView as Session,
} from '../../server/routes/auth.schema.ts';
export { INSTITUTION_TYPES, ORG_UNIT_KINDS } from '../../domain/registry/institution.ts';
export { CONSORTIUM_KINDS } from '../../server/routes/registry.schema.ts';
export {
  CEFR as CEFR_LEVELS,
  LEVELS as STUDY_LEVELS,
  STATUSES as AGREEMENT_STATUSES,
} from '../../domain/agreement/agreement.ts';

export type Names = LocalizedText;
export type SessionMay = z.infer<typeof SessionMaySchema>;

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
/** A keyset page: its rows, the number of all that match, and the cursor of the next page. */
export type CountedKeysetPage<T> = { items: T[]; total: number; nextCursor: string | null };

// Registry
export type Institution = z.infer<typeof InstitutionSchema>;
export type InstitutionType = Institution['type'];
export type DistrictRef = Institution['districts'][number];
export type InstitutionDetail = z.infer<typeof InstitutionDetailSchema>;
export type InstitutionMembership = InstitutionDetail['consortia'][number];
export type InstitutionAgreement = z.infer<typeof InstitutionAgreementList>['items'][number];
export type InstitutionPatch = z.infer<typeof InstitutionPatchBody>;
export type Grouping = z.infer<typeof GroupingList>['items'][number];
export type ConsortiumSummary = z.infer<typeof ConsortiumSummarySchema>;
export type ConsortiumKind = ConsortiumSummary['kind'];
export type ConsortiumDetail = z.infer<typeof ConsortiumDetailSchema>;
export type ConsortiumMember = ConsortiumDetail['members'][number];
export type LiaisonOffice = ConsortiumDetail['liaisonOffices'][number];
export type MembershipProposal = z.infer<typeof MembershipProposalSchema>;
export type OrgUnit = z.infer<typeof OrgUnitSchema>;
export type OrgUnitKind = OrgUnit['kind'];
export type ImportResult = z.infer<typeof ImportReport>;
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

// Agreements
export type AgreementSummary = z.infer<typeof AgreementSummarySchema>;
export type AgreementDetail = z.infer<typeof AgreementDetailSchema>;
export type AgreementStatus = AgreementSummary['status'];
export type AgreementVersion = AgreementDetail['history'][number];
export type AgreementChange = z.infer<typeof AgreementChangeSchema>;
export type AgreementSignature = z.infer<typeof Signature>;
export type AgreementContent = AgreementSummary['content'];
export type Clauses = AgreementContent['clauses'];
export type Direction = AgreementContent['directions'][number];
export type Quota = Direction['quotas'][number];
export type StudyLevel = Direction['levels'][number];
export type CefrLevel = Direction['languages'][number]['cefr'];
export type Party = z.infer<typeof PartySchema>;
export type PartyType = Party['type'];
export type PartyKey = Direction['from'];
export type PartyRef = z.infer<typeof PartyRefSchema>;
export type NewAgreement = z.input<typeof CreateAgreementBody>;
export type Ledger = z.infer<typeof LedgerSchema>;
export type LedgerWarning = Ledger['warnings'][number];
export type Flow = Ledger['total']['planned'];
export const PARTY_TYPES = ['institution', 'consortium'] as const satisfies readonly PartyType[];
