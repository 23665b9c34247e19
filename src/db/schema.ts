import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
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
import type { MessageParams } from '../domain/shared/refusal.ts';
import type { PersonNames } from '../domain/shared/names.ts';

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
    /**
     * Demo placeholders (e.g. association members the source documents do not name) are marked
     * invented.
     */
    invented: boolean('invented').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('institutions_country_idx').on(t.country),
    index('institutions_type_idx').on(t.type),
  ],
);

/** Groupings of institutions such as the tri-district model of source document 000. */
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

/**
 * Consortia, associations and alliances: parties made of institutions (003 §2(1); source documents
 * 001, 004).
 */
export const consortia = pgTable('consortia', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  names: jsonb('names').$type<Names>().notNull().default({}),
  kind: text('kind').notNull(),
  /** The country side of a one-sided consortium (e.g. JP, RU); null for bi-national bodies. */
  side: text('side'),
  /** The representative university (R8, 003 §5(8)). */
  representativeId: text('representative_id').references(() => institutions.id),
  foundedOn: date('founded_on'),
  description: text('description'),
  /** The representative university's responsible person (R8; 003 §6(5), §11). */
  responsiblePerson: text('responsible_person'),
  /** Demo records that are not in the source documents are marked as invented. */
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
    /** The language notifications and e-mails are written in (ja, ru, en, fr). */
    language: text('language').notNull().default('en'),
    /** The person's name in the scripts they write it in (kanji, kana, Latin, Cyrillic). */
    names: jsonb('names').$type<PersonNames>().notNull().default({}),
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

/**
 * Liaison offices (source document 002: Kanazawa's Irkutsk office; 003 §6(2): department, person,
 * contact).
 */
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
    /** The student's account, when the mobility came from the portal. */
    studentUserId: uuid('student_user_id'),
    callId: text('call_id'),
    allocationRunId: uuid('allocation_run_id'),
    funded: boolean('funded').notNull().default(true),
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

/**
 * A project application by a consortium pair to a program (R15, 003 §6); content is the whole form.
 */
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

/** Raw bytes (uploaded documents), stored in the database so that a write is all or nothing. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

// ---------------------------------------------------------------- calls and screening

/**
 * A call for applications under a program and an agreement (or consortium pair): places per host
 * and level, the schedule (R18) and the documents required. `hosts` and `documents` follow the
 * shapes of src/domain/eligibility (CallHost) and the portal's document rules; `rubric` is the
 * common screening rubric of src/domain/screening (R6), used only once the R16 consent holds.
 */
export const calls = pgTable('calls', {
  id: text('id').primaryKey(),
  programId: text('program_id').references(() => programs.id),
  agreementId: uuid('agreement_id').references(() => agreements.id),
  title: jsonb('title').$type<Names>().notNull(),
  description: jsonb('description').$type<Names>().notNull().default({}),
  sendingConsortiumIds: jsonb('sending_consortium_ids').$type<string[]>().notNull(),
  hosts: jsonb('hosts').$type<unknown[]>().notNull(),
  opens: date('opens').notNull(),
  closes: date('closes').notNull(),
  nominationDeadline: date('nomination_deadline'),
  departureFrom: date('departure_from'),
  departureTo: date('departure_to'),
  stayMonthsMin: integer('stay_months_min'),
  stayMonthsMax: integer('stay_months_max'),
  maxRankedHosts: integer('max_ranked_hosts').notNull().default(3),
  documents: jsonb('documents').$type<unknown[]>().notNull().default([]),
  rubric: jsonb('rubric').$type<Record<string, unknown>>(),
  status: text('status').notNull().default('published'),
  invented: boolean('invented').notNull().default(false),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What the student portal knows of a student (R3 level, R9 residence status, languages, grades). */
export const studentProfiles = pgTable('student_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  homeId: text('home_id')
    .notNull()
    .references(() => institutions.id),
  level: text('level').notNull(),
  enrolmentStatus: text('enrolment_status').notNull().default('enrolled'),
  enrolmentUntil: date('enrolment_until'),
  residenceStatus: text('residence_status'),
  nationality: text('nationality'),
  languages: jsonb('languages')
    .$type<{ language: string; level: string }[]>()
    .notNull()
    .default([]),
  grade: jsonb('grade').$type<{ scale: string; value: number | string } | null>(),
  invented: boolean('invented').notNull().default(false),
});

/** A student's application to a call: ranked hosts (best first), withdrawn until the deadline. */
export const callApplications = pgTable(
  'call_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    studentUserId: uuid('student_user_id')
      .notNull()
      .references(() => users.id),
    homeId: text('home_id').notNull(),
    ranking: jsonb('ranking').$type<string[]>().notNull(),
    requestedMonths: integer('requested_months').notNull(),
    status: text('status').notNull().default('submitted'),
    eligibility: jsonb('eligibility').$type<Record<string, unknown>>(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('call_applications_once').on(t.callId, t.studentUserId)],
);

export const applicationDocuments = pgTable(
  'application_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => callApplications.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_documents_app_idx').on(t.applicationId)],
);

/** One reviewer's scores of one application on the common rubric (R6). */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => callApplications.id, { onDelete: 'cascade' }),
    reviewerUserId: uuid('reviewer_user_id')
      .notNull()
      .references(() => users.id),
    reviewerInstitutionId: text('reviewer_institution_id').notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reviews_once').on(t.applicationId, t.reviewerUserId)],
);

/** In-app notifications; e-mailed too when SMTP is configured. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** One of NOTIFICATION_TYPES; rendered per reader from the translation files with `params`. */
    kind: text('kind').notNull(),
    params: jsonb('params').$type<MessageParams>().notNull().default({}),
    /** ids of the records the notification is about, for links */
    data: jsonb('data').$type<Record<string, string | number | null>>().notNull().default({}),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

// ---------------------------------------------------------------- allocation runs

/** An allocation run: the instance, each mechanism's result, and the one published. */
export const allocationRuns = pgTable('allocation_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  callId: text('call_id').references(() => calls.id),
  instance: jsonb('instance').$type<Record<string, unknown>>().notNull(),
  results: jsonb('results').$type<Record<string, unknown>>().notNull(),
  publishedMechanism: text('published_mechanism'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// ---------------------------------------------------------------- money

/** Confirmation by the host that the student was enrolled in a month (R8, 003 §6(2)). */
export const enrolmentConfirmations = pgTable(
  'enrolment_confirmations',
  {
    mobilityId: uuid('mobility_id')
      .notNull()
      .references(() => mobilities.id),
    month: text('month').notNull(),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.mobilityId, t.month] })],
);

/** A batch of payments built, approved and paid by the representative university (R8). */
export const paymentBatches = pgTable(
  'payment_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consortiumId: text('consortium_id')
      .notNull()
      .references(() => consortia.id),
    status: text('status').notNull().default('draft'),
    idempotencyKey: text('idempotency_key'),
    transferDate: date('transfer_date'),
    createdBy: uuid('created_by'),
    approvedBy: uuid('approved_by'),
    paidOn: date('paid_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('payment_batches_idempotency').on(t.consortiumId, t.idempotencyKey)],
);

/**
 * One payment: a stipend month (`period` = YYYY-MM) or the travel ticket (`period` = 'trip').
 * The unique key makes each student-month — and each trip — payable at most once, whatever the
 * code does (R11, R13).
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => paymentBatches.id),
    mobilityId: uuid('mobility_id')
      .notNull()
      .references(() => mobilities.id),
    kind: text('kind').notNull(),
    period: text('period').notNull(),
    amountJpy: bigint('amount_jpy', { mode: 'number' }).notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    studentMonths: doublePrecision('student_months').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('payments_once').on(t.mobilityId, t.kind, t.period)],
);

/** Students' bank accounts: visible only to the representative-university officer. */
export const bankAccounts = pgTable('bank_accounts', {
  mobilityId: uuid('mobility_id')
    .primaryKey()
    .references(() => mobilities.id),
  bankCode: text('bank_code').notNull(),
  bankName: text('bank_name').notNull(),
  branchCode: text('branch_code').notNull(),
  branchName: text('branch_name').notNull(),
  accountType: text('account_type').notNull(),
  accountNumber: text('account_number').notNull(),
  holderKana: text('holder_kana').notNull(),
});

/** R13: the trip of one mobility: airports (overridable with a reason), distance, fare. */
export const travels = pgTable('travels', {
  mobilityId: uuid('mobility_id')
    .primaryKey()
    .references(() => mobilities.id),
  homeAirport: text('home_airport').notNull(),
  hostAirport: text('host_airport').notNull(),
  overrideReason: text('override_reason'),
  distanceKm: doublePrecision('distance_km').notNull(),
  fareJpy: bigint('fare_jpy', { mode: 'number' }),
  receiptRef: text('receipt_ref'),
  approvedAboveCeilingBy: uuid('approved_above_ceiling_by'),
  status: text('status').notNull().default('planned'),
});

/** R19: a safety advisory that postpones or suspends dispatches to a country from a date. */
export const countryAdvisories = pgTable('country_advisories', {
  id: uuid('id').primaryKey().defaultRandom(),
  programId: text('program_id').references(() => programs.id),
  country: text('country').notNull(),
  level: text('level').notNull(),
  fromDate: date('from_date').notNull(),
  liftedOn: date('lifted_on'),
  reason: text('reason').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// ---------------------------------------------------------------- mobility and recognition

/** Every transition of a mobility's workflow (src/domain/mobility), with who and why. */
export const mobilityEvents = pgTable(
  'mobility_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    mobilityId: uuid('mobility_id')
      .notNull()
      .references(() => mobilities.id),
    action: text('action').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id'),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mobility_events_mobility_idx').on(t.mobilityId)],
);

/** Course catalogues per institution and organisational unit. */
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: text('institution_id')
      .notNull()
      .references(() => institutions.id),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    code: text('code').notNull(),
    title: jsonb('title').$type<Names>().notNull(),
    level: text('level').notNull(),
    credits: doublePrecision('credits').notNull(),
    creditSystem: text('credit_system').notNull(),
    term: text('term'),
    language: text('language'),
    online: boolean('online').notNull().default(false),
    /** Shared in an alliance's Course Jukebox (source document 004). */
    jukeboxAllianceId: text('jukebox_alliance_id').references(() => consortia.id),
  },
  (t) => [uniqueIndex('courses_code').on(t.institutionId, t.code)],
);

/** A learning agreement: the domain object (versions, signatures, proposals) kept whole. */
export const learningAgreements = pgTable('learning_agreements', {
  mobilityId: uuid('mobility_id')
    .primaryKey()
    .references(() => mobilities.id),
  document: jsonb('document').$type<Record<string, unknown>>().notNull(),
  currentVersion: integer('current_version').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const transcripts = pgTable('transcripts', {
  mobilityId: uuid('mobility_id')
    .primaryKey()
    .references(() => mobilities.id),
  entries: jsonb('entries').$type<unknown[]>().notNull(),
  issuedOn: date('issued_on').notNull(),
});

export const recognitionDecisions = pgTable(
  'recognition_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mobilityId: uuid('mobility_id')
      .notNull()
      .references(() => mobilities.id),
    componentId: text('component_id').notNull(),
    decision: jsonb('decision').$type<Record<string, unknown>>().notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('recognition_once').on(t.mobilityId, t.componentId)],
);

/** The equivalence table that grows: host course → home course, reused as a suggestion (R7). */
export const equivalences = pgTable(
  'equivalences',
  {
    hostCourseKey: text('host_course_key').notNull(),
    homeCourseKey: text('home_course_key').notNull(),
    entry: jsonb('entry').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.hostCourseKey, t.homeCourseKey] })],
);

export const jukeboxEnrolments = pgTable(
  'jukebox_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    studentUserId: uuid('student_user_id')
      .notNull()
      .references(() => users.id),
    status: text('status').notNull().default('enrolled'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('jukebox_once').on(t.courseId, t.studentUserId)],
);
