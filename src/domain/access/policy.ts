/**
 * Who may do what, as data. A user holds roles scoped to a program, a consortium, an institution, a
 * call, an association or themselves; nobody sees a student's personal data unless a role's scope
 * covers the student's home or host institution.
 */

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

/** The scope each role is held in. */
export const ROLE_SCOPE: Record<Role, ScopeType> = {
  funder_officer: 'program',
  rep_officer: 'consortium',
  coordinator: 'institution',
  reviewer: 'call',
  student: 'self',
  secretariat: 'association',
};

export interface RoleAssignment {
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
}

export interface Actor {
  id: string;
  platformAdmin: boolean;
  roles: readonly RoleAssignment[];
}

/** Anonymous visitors are the absence of an actor. */
export type MaybeActor = Actor | null;

/**
 * What a resource is attached to. Services fill in what they know: the institutions a record
 * belongs to (a student's home and host, an agreement's parties), consortia, the program, the call
 * and the owning user.
 */
export interface Resource {
  type: string;
  institutionIds?: readonly string[];
  consortiumIds?: readonly string[];
  programIds?: readonly string[];
  callIds?: readonly string[];
  ownerUserId?: string | null;
  /** The user who created the record, when the policy lets its creator act on it. */
  createdBy?: string | null;
  /** The people who act on the record by office (an alumni association's officers). */
  officerUserIds?: readonly string[];
}

export const ACTIONS = [
  'registry:read',
  'registry:write',
  'registry:create',
  'consortium:write',
  'institution:join',
  'agreement:manage',
  'person:read',
  'account:manage',
  'audit:read',
  'program:write',
  'application:edit',
  'application:submit',
  'application:review',
  'call:manage',
  'call:apply',
  'score:write',
  'payment:manage',
  'mobility:manage',
  'allocation:run',
  'enrolment:confirm',
  'bank:read',
  'advisory:manage',
  'budget:read',
  'dashboard:read',
  'course:manage',
  'recognition:decide',
  'jukebox:manage',
  'alumni:read',
  'alumni:manage',
  'alumni:profile',
  'event:manage',
  'event:register',
  'research:read',
  'research:import',
  'research:batch',
  'partnership:manage',
  'partnership:personal',
  'report:read',
  'report:write',
  'report:submit',
  'report:receive',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * `public` = anyone, signed in or not; a list = the roles whose scope must cover the resource;
 * `anyScope` = holding one of these roles in any scope (e.g. adding a new institution);
 * `scoped` + `creator` = the `scoped` roles whose scope covers the resource, or its creator while
 * they hold one of the `creator` roles in any scope (a coordinator keeps the partner institutions
 * they added up to date); with `officers`, also the resource's officers (`officerUserIds`); with
 * `owner`, also its owner (`ownerUserId`) whatever roles they hold.
 */
export type Rule =
  | 'public'
  | 'signed-in'
  | readonly Role[]
  | { anyScope: readonly Role[] }
  | { scoped: readonly Role[]; creator?: readonly Role[]; officers?: boolean; owner?: boolean };

export const POLICY: Record<Action, Rule> = {
  'registry:read': 'public',
  'registry:write': {
    scoped: ['coordinator', 'secretariat'],
    creator: ['coordinator', 'secretariat', 'rep_officer'],
  },
  'registry:create': { anyScope: ['coordinator', 'secretariat', 'rep_officer'] },
  'consortium:write': ['rep_officer', 'secretariat'],
  // The university's own side of a membership: its coordinator proposes, accepts or leaves. The
  // resource names the institution only, so a consortium's roles never answer for it.
  'institution:join': ['coordinator'],
  'agreement:manage': ['coordinator', 'rep_officer', 'secretariat'],
  'person:read': ['coordinator', 'rep_officer', 'funder_officer', 'reviewer', 'student'],
  'account:manage': [],
  'audit:read': [],
  'program:write': ['funder_officer'],
  'application:edit': ['rep_officer', 'coordinator'],
  'application:submit': ['rep_officer'],
  'application:review': ['funder_officer'],
  'call:manage': ['coordinator', 'rep_officer'],
  'call:apply': ['student'],
  'score:write': ['reviewer'],
  'payment:manage': ['rep_officer'],
  'mobility:manage': ['coordinator'],
  'allocation:run': ['coordinator', 'rep_officer'],
  // R8, 003 §6(2): the host confirms enrolment; the representative university pays.
  'enrolment:confirm': ['coordinator', 'rep_officer'],
  'bank:read': ['rep_officer'],
  'advisory:manage': ['funder_officer'],
  'budget:read': ['funder_officer', 'rep_officer'],
  // Dashboards: figures aggregated from the records, read in the reader's scope — a program's by
  // its funder officers, a consortium's or association's by its officers and secretariat, an
  // institution's by its coordinators (its international office).
  'dashboard:read': ['funder_officer', 'rep_officer', 'secretariat', 'coordinator'],
  'course:manage': ['coordinator'],
  'recognition:decide': ['coordinator'],
  'jukebox:manage': ['secretariat', 'coordinator'],
  // Alumni associations: the directory is public, each entry showing only what its holder
  // consented to for the reader; the university's coordinators and the association's officers
  // manage it; each alumnus manages their own profile and consent, and only they.
  'alumni:read': 'public',
  'alumni:manage': { scoped: ['coordinator'], officers: true },
  'alumni:profile': { scoped: [], owner: true },
  // Events: the coordinators, secretariats and representative officers of the organising
  // parties (and the person who created the event, while they hold one of those roles).
  'event:manage': {
    scoped: ['coordinator', 'secretariat', 'rep_officer'],
    creator: ['coordinator', 'secretariat', 'rep_officer'],
  },
  'event:register': 'signed-in',
  // Publications: bibliographic data, public; an institution's coordinators import their
  // staff's work; an import batch (the file, its preview) is read and applied only by the
  // person who imported it.
  'research:read': 'public',
  'research:import': ['coordinator'],
  'research:batch': { scoped: [], owner: true },
  // Partnerships (degree programmes, boards, cotutelles, laboratories, visits, plans): the
  // coordinators of a partner institution (and the record's creator while a coordinator) manage
  // them. Personal parts (a cotutelle's candidate, a named visitor, a student's degree path) are
  // read by those coordinators and by the person themself.
  'partnership:manage': { scoped: ['coordinator'], creator: ['coordinator'] },
  'partnership:personal': { scoped: ['coordinator'], owner: true },
  // Annual implementation reports (R20, 003 §10(2)): read by the project's officers and
  // coordinators and by the program's funder officers; drafted by the home consortium's officers
  // and the representative university's coordinators; submitted in the name of the head of the
  // representative university by its representative officer (the domain refuses anyone else,
  // naming the rule); received, given a cut-off and reopened by the funder.
  'report:read': ['funder_officer', 'rep_officer', 'coordinator'],
  'report:write': ['rep_officer', 'coordinator'],
  'report:submit': ['rep_officer', 'coordinator'],
  'report:receive': ['funder_officer'],
};
