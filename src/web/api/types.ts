// Local types for the HTTP API under /api/v1. The web app talks to the server over HTTP only,
// so these mirror the contract rather than importing server code.

export { LANGUAGES, type Language } from '../../domain/shared/refusal.ts';
import type { Language } from '../../domain/shared/refusal.ts';

export type Names = Partial<Record<Language, string>>;

export const INSTITUTION_TYPES = [
  'university',
  'academy_branch',
  'company',
  'ministry',
  'local_authority',
  'association',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export const CONSORTIUM_KINDS = ['consortium', 'association', 'alliance'] as const;
export type ConsortiumKind = (typeof CONSORTIUM_KINDS)[number];

export { ROLES, SCOPE_TYPES } from '../../domain/access/policy.ts';
export type { Role, ScopeType } from '../../domain/access/policy.ts';
export type {
  ActorView as Actor,
  RoleAssignmentView as RoleAssignment,
  SessionView as Session,
} from '../../server/routes/auth.schema.ts';

export type Page<T> = {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
};

export type DistrictRef = {
  id: string;
  name: string;
  names: Names;
};

export type Institution = {
  id: string;
  name: string;
  names: Names;
  type: InstitutionType;
  country: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
  website?: string | null;
  /** A placeholder or person-free record that exists only in the demo world. */
  invented?: boolean;
  districts: DistrictRef[];
};

export type InstitutionMembership = {
  id: string;
  name: string;
  names: Names;
  kind: ConsortiumKind;
  joinedOn: string | null;
  leftOn: string | null;
};

export type InstitutionDetail = Institution & {
  consortia: InstitutionMembership[];
};

export type Grouping = {
  id: string;
  name: string;
  names: Names;
  kind: string;
  memberIds: string[];
};

export type ConsortiumSummary = {
  id: string;
  name: string;
  names: Names;
  kind: ConsortiumKind;
  side: string | null;
  representativeId: string | null;
  memberCount: number;
};

export type InstitutionRef = {
  id: string;
  name: string;
  names: Names;
};

export type ConsortiumMember = {
  institution: InstitutionRef & {
    country: string;
    city: string;
    type: InstitutionType;
    invented?: boolean;
  };
  joinedOn: string | null;
  leftOn: string | null;
};

export type ConsortiumDetail = {
  id: string;
  name: string;
  names: Names;
  kind: ConsortiumKind;
  side: string | null;
  representative: InstitutionRef | null;
  memberCount: number;
  members: ConsortiumMember[];
  foundedOn?: string | null;
  description?: string | null;
  responsiblePerson?: string | null;
  /** The date the member count is taken on. */
  at?: string;
  memberCountBySide?: Record<string, number>;
  liaisonOffices?: LiaisonOffice[];
};

export type LiaisonOffice = {
  id: string;
  institutionId: string;
  name: string;
  names: Names;
  city: string;
  country: string;
  department: string | null;
  person: string | null;
  contact: string | null;
  openedOn: string | null;
};

export const ORG_UNIT_KINDS = [
  'faculty',
  'graduate_school',
  'department',
  'masters_course',
  'doctoral_course',
  'institute',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export type OrgUnit = {
  id: string;
  institutionId: string;
  parentId: string | null;
  kind: OrgUnitKind;
  name: string;
  names: Names;
};

export type InstitutionPatch = Partial<{
  name: string;
  names: Names;
  type: InstitutionType;
  country: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
}>;

export type ImportRowError = { line: number; field: string; message: string };

export type ImportResult = {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  errors: ImportRowError[];
};

// Agreements: one shared, versioned record that both parties sign.

export const AGREEMENT_STATUSES = ['draft', 'signed', 'active', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const STUDY_LEVELS = ['bachelor', 'master', 'doctor'] as const;
export type StudyLevel = (typeof STUDY_LEVELS)[number];

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

export const PARTY_TYPES = ['institution', 'consortium'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

export type PartyKey = 'A' | 'B';

export type PartyRef = { type: PartyType; id: string };

export type Party = PartyRef & {
  name: string;
  names: Names;
  country: string | null;
  representativeId: string | null;
};

export type Quota = { academicYear: number; students: number; months: number };

export type Direction = {
  from: PartyKey;
  levels: StudyLevel[];
  fields: string[];
  languages: { language: string; cefr: CefrLevel }[];
  quotas: Quota[];
};

export type Clauses = {
  tuitionWaiver: boolean;
  commonScreening: boolean;
  commonRecognition: boolean;
  other?: string;
};

export type AgreementContent = {
  title: string;
  validFrom: string;
  validTo: string;
  clauses: Clauses;
  directions: Direction[];
  balanceTolerance?: { students: number; months: number };
};

export type AgreementSummary = {
  id: string;
  status: AgreementStatus;
  partyA: Party;
  partyB: Party;
  programId: string | null;
  invented: boolean;
  currentVersion: number;
  versionInForce: number | null;
  content: AgreementContent;
  /** The parties the signed-in user may act for. */
  canManage: PartyKey[];
};

export type AgreementChange = { path: string; before: unknown; after: unknown };

export type AgreementSignature = { party: PartyKey; signatory: string; signedOn: string };

export type AgreementVersion = {
  version: number;
  kind: 'draft' | 'amendment';
  changeNote: string | null;
  createdBy: string | null;
  createdAt: string;
  changes: AgreementChange[];
  signatures: AgreementSignature[];
};

export type AgreementDetail = AgreementSummary & { history: AgreementVersion[] };

export type Flow = {
  sentStudents: number;
  receivedStudents: number;
  sentMonths: number;
  receivedMonths: number;
};

export type LedgerWarning = {
  rule: 'R4';
  academicYear: number | 'total';
  state: 'planned' | 'realised';
  unit: 'students' | 'months';
  difference: number;
  tolerance: number;
  ahead: 'sent' | 'received';
};

export type Ledger = {
  us: { id: string; name: string };
  them: { id: string; name: string };
  years: { academicYear: number; planned: Flow; realised: Flow }[];
  total: { planned: Flow; realised: Flow };
  tolerance: { students: number; months: number };
  warnings: LedgerWarning[];
  calendar: { country: string | null; startMonth: number };
};
