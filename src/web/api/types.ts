// Local types for the HTTP API under /api/v1. The web app talks to the server over HTTP only,
// so these mirror the contract rather than importing server code.

export const LANGUAGES = ['ja', 'ru', 'en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

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

export const ROLES = [
  'funder_officer',
  'rep_officer',
  'coordinator',
  'reviewer',
  'student',
  'secretariat',
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = [
  'program',
  'consortium',
  'institution',
  'call',
  'self',
  'association',
] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export type RoleAssignment = {
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  scopeName?: string;
};

export type Actor = {
  id: string;
  email: string;
  displayName: string;
  invented: boolean;
  platformAdmin: boolean;
  roles: RoleAssignment[];
};

export type Session = {
  actor: Actor;
  csrfToken: string;
};

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
};

export type ApiErrorBody = {
  error: {
    code: string;
    message: string;
    details?: unknown;
  };
};
