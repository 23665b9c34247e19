import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Names of an organisation or body in the languages it uses: { en, ja, ru, fr }. */
export type Names = Partial<Record<'en' | 'ja' | 'ru' | 'fr', string>>;

export const institutions = pgTable(
  'institutions',
  {
    /** SCHAC code as in Erasmus Without Paper: the institution's internet domain. */
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    names: jsonb('names').$type<Names>().notNull().default({}),
    type: text('type').notNull(),
    country: text('country').notNull(),
    city: text('city').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    website: text('website'),
    /** Demo placeholders (e.g. association members the seeds do not name) are marked invented. */
    invented: boolean('invented').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('institutions_country_idx').on(t.country),
    index('institutions_type_idx').on(t.type),
  ],
);

/** Groupings of institutions such as the tri-district model of seed 000. */
export const groupings = pgTable('groupings', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  names: jsonb('names').$type<Names>().notNull().default({}),
  kind: text('kind').notNull(),
  description: text('description'),
});

export const groupingMembers = pgTable(
  'grouping_members',
  {
    groupingId: text('grouping_id')
      .notNull()
      .references(() => groupings.id, { onDelete: 'cascade' }),
    institutionId: text('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupingId, t.institutionId] })],
);

/** Consortia, associations and alliances: parties made of institutions (seed 003 §2(1), seed 001, seed 004). */
export const consortia = pgTable('consortia', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  names: jsonb('names').$type<Names>().notNull().default({}),
  kind: text('kind').notNull(),
  /** The country side of a one-sided consortium (e.g. JP, RU); null for bi-national bodies. */
  side: text('side'),
  /** The representative university (R8, seed 003 §5(8)). */
  representativeId: text('representative_id').references(() => institutions.id),
  foundedOn: date('founded_on'),
  description: text('description'),
  /** The representative university's responsible person (R8; 003 §6(5), §11). */
  responsiblePerson: text('responsible_person'),
  /** Demo records that are not in the seeds are marked as invented. */
  invented: boolean('invented').notNull().default(false),
});

export const consortiumMembers = pgTable(
  'consortium_members',
  {
    consortiumId: text('consortium_id')
      .notNull()
      .references(() => consortia.id, { onDelete: 'cascade' }),
    institutionId: text('institution_id')
      .notNull()
      .references(() => institutions.id),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
  },
  (t) => [primaryKey({ columns: [t.consortiumId, t.institutionId, t.joinedOn] })],
);

/** A funder's support program; its rules (R1–R20) are data, filled in by the programs capability. */
export const programs = pgTable('programs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  names: jsonb('names').$type<Names>().notNull().default({}),
  funderId: text('funder_id')
    .notNull()
    .references(() => institutions.id),
  /** The program's rules as data (R1–R20), validated by src/domain/program. */
  rules: jsonb('rules').$type<Record<string, unknown>>(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    invented: boolean('invented').notNull().default(false),
    platformAdmin: boolean('platform_admin').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    scopeType: text('scope_type').notNull(),
    scopeId: text('scope_id').notNull(),
  },
  (t) => [uniqueIndex('role_assignments_key').on(t.userId, t.role, t.scopeType, t.scopeId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session token; the token itself is only in the user's cookie. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Append-only trail of every change. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [index('audit_log_resource_idx').on(t.resourceType, t.resourceId)],
);

/** Faculties, graduate schools, master's and doctoral courses of an institution. */
export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: text('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    names: jsonb('names').$type<Names>().notNull().default({}),
  },
  (t) => [index('org_units_institution_idx').on(t.institutionId)],
);

/** Liaison offices (seed 002: Kanazawa's Irkutsk office; 003 §6(2): department, person, contact). */
export const liaisonOffices = pgTable('liaison_offices', {
  id: uuid('id').primaryKey().defaultRandom(),
  institutionId: text('institution_id')
    .notNull()
    .references(() => institutions.id, { onDelete: 'cascade' }),
  consortiumId: text('consortium_id').references(() => consortia.id),
  name: text('name').notNull(),
  names: jsonb('names').$type<Names>().notNull().default({}),
  city: text('city').notNull(),
  country: text('country').notNull(),
  department: text('department'),
  person: text('person'),
  contact: text('contact'),
  openedOn: date('opened_on'),
});

/**
 * An agreement between two parties (institutions or consortia). Its content lives in versions;
 * `status` is what the signatures and dates make of it.
 */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partyAType: text('party_a_type').notNull(),
    partyAId: text('party_a_id').notNull(),
    partyBType: text('party_b_type').notNull(),
    partyBId: text('party_b_id').notNull(),
    programId: text('program_id').references(() => programs.id),
    status: text('status').notNull().default('draft'),
    currentVersion: integer('current_version').notNull().default(1),
    invented: boolean('invented').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agreements_party_a_idx').on(t.partyAId),
    index('agreements_party_b_idx').on(t.partyBId),
  ],
);

export const agreementVersions = pgTable(
  'agreement_versions',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    kind: text('kind').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    changeNote: text('change_note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.version] })],
);

export const agreementSignatures = pgTable(
  'agreement_signatures',
  {
    agreementId: uuid('agreement_id').notNull(),
    version: integer('version').notNull(),
    party: text('party').notNull(),
    signatory: text('signatory').notNull(),
    signedOn: date('signed_on').notNull(),
    signedBy: uuid('signed_by'),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.version, t.party] })],
);

/**
 * Mobilities: a nomination (planned) that becomes a realised stay. The full workflow is
 * src/domain/mobility; the balance ledger reads start dates, months and whether it took place.
 */
export const mobilities = pgTable(
  'mobilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id').references(() => agreements.id),
    homeId: text('home_id')
      .notNull()
      .references(() => institutions.id),
    hostId: text('host_id')
      .notNull()
      .references(() => institutions.id),
    studentName: text('student_name').notNull(),
    level: text('level').notNull(),
    startDate: date('start_date').notNull(),
    months: doublePrecision('months').notNull(),
    status: text('status').notNull().default('nominated'),
    invented: boolean('invented').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mobilities_home_idx').on(t.homeId), index('mobilities_host_idx').on(t.hostId)],
);

/** Every edit of a program's rules is a new version (the funder officer edits; R1–R20 as data). */
export const programRuleVersions = pgTable(
  'program_rule_versions',
  {
    programId: text('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.version] })],
);

/** A project application by a consortium pair to a program (seed 003 §6); content is the whole form. */
export const projectApplications = pgTable(
  'project_applications',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    status: text('status').notNull().default('draft'),
    homeConsortiumId: text('home_consortium_id'),
    partnerConsortiumId: text('partner_consortium_id'),
    representativeId: text('representative_id'),
    responsibleUserId: uuid('responsible_user_id'),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    outcome: text('outcome'),
    outcomeOn: date('outcome_on'),
    /** R10: the selected project's support state (started, suspended, ended) as data. */
    support: jsonb('support').$type<Record<string, unknown>>(),
    invented: boolean('invented').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_applications_program_idx').on(t.programId)],
);
