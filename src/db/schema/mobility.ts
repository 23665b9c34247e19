/** Mobilities and their events, courses, learning agreements, transcripts, recognition, equivalences, the Course Jukebox. */
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
import { sql } from 'drizzle-orm';
import { foldedSql } from './search-fold.ts';
import { users } from './accounts.ts';
import { agreements } from './agreements.ts';
import { institutions, consortia, orgUnits } from './registry.ts';
import type { Names } from './registry.ts';
import type { JukeboxEnrolment } from '../../domain/recognition/course-jukebox.ts';
import type {
  LaComponent,
  LearningAgreement,
} from '../../domain/recognition/learning-agreement.ts';
import type {
  EquivalenceEntry,
  RecognitionDecision,
  TranscriptEntry,
} from '../../domain/recognition/recognition.ts';

/**
 * What a Course Jukebox enrolment row keeps in `result`: the domain enrolment, the component it
 * stands for, the host's result (a transcript line) and the home's decision.
 */
export interface JukeboxRecord {
  enrolment: JukeboxEnrolment;
  component: LaComponent;
  transcript: TranscriptEntry | null;
  decision: RecognitionDecision | null;
}

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
    /** The student's field of study, ISCED-F 2013 (four digits), when recorded. */
    iscedField: text('isced_field'),
    startDate: date('start_date').notNull(),
    months: doublePrecision('months').notNull(),
    status: text('status').notNull().default('nominated'),
    invented: boolean('invented').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The student's name folded for search (src/db/queries/search.ts): filled by the database. */
    searchText: text('search_text').generatedAlwaysAs(foldedSql('student_name')),
    /** The last day of the stay, when known (a stay imported from history). */
    endDate: date('end_date'),
    /** The student's number at the home institution, when the mobility came from a history file. */
    studentNumber: text('student_number'),
    /** Credits earned over the whole stay (a history file's figure; none for a planned stay). */
    creditsEarned: doublePrecision('credits_earned'),
    /** The overall grade as the home institution wrote it down. */
    grade: text('grade'),
    /**
     * What makes an imported stay the same stay again (home, student number, host, start): a
     * history file imported twice adds nothing the second time. Null for every other mobility.
     */
    importKey: text('import_key'),
  },
  (t) => [
    // The list's keyset order (latest start first, then id) within each scope it is read in.
    index('mobilities_home_idx').on(t.homeId, t.startDate.desc(), t.id.desc()),
    index('mobilities_host_idx').on(t.hostId, t.startDate.desc(), t.id.desc()),
    index('mobilities_start_idx').on(t.startDate.desc(), t.id.desc()),
    index('mobilities_agreement_idx').on(t.agreementId),
    index('mobilities_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    uniqueIndex('mobilities_import_key').on(t.importKey),
  ],
);

/**
 * A mobility history file while it is imported: its rows as read (text, as in the file, an empty
 * cell null), keyed by import and line. Emptied when the import ends, applied or not.
 */
export const mobilityImportRows = pgTable(
  'mobility_import_rows',
  {
    importId: uuid('import_id').notNull(),
    line: integer('line').notNull(),
    studentName: text('student_name'),
    studentNumber: text('student_number'),
    homeRef: text('home_ref'),
    hostRef: text('host_ref'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    level: text('level'),
    field: text('field'),
    credits: text('credits'),
    grade: text('grade'),
    agreementRef: text('agreement_ref'),
    status: text('status'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);

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
  document: jsonb('document').$type<LearningAgreement>().notNull(),
  currentVersion: integer('current_version').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const transcripts = pgTable('transcripts', {
  mobilityId: uuid('mobility_id')
    .primaryKey()
    .references(() => mobilities.id),
  entries: jsonb('entries').$type<TranscriptEntry[]>().notNull(),
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
    decision: jsonb('decision').$type<RecognitionDecision>().notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
    /** The student's account (R7: a home course is credited to a student once). */
    studentUserId: uuid('student_user_id'),
    /** The home course credited: set only when the decision credits a named home course. */
    homeInstitutionId: text('home_institution_id'),
    homeCourseCode: text('home_course_code'),
    /** Why the coordinator allowed this home course to be credited again (R7). */
    repeatReason: text('repeat_reason'),
  },
  (t) => [
    uniqueIndex('recognition_once').on(t.mobilityId, t.componentId),
    // R7 (003 §5(7)): one home course is credited to a student once, unless a reason allows it.
    uniqueIndex('recognition_home_course_once')
      .on(t.studentUserId, t.homeInstitutionId, t.homeCourseCode)
      .where(sql`${t.repeatReason} is null`),
  ],
);

/** The equivalence table that grows: host course → home course, reused as a suggestion (R7). */
export const equivalences = pgTable(
  'equivalences',
  {
    hostCourseKey: text('host_course_key').notNull(),
    homeCourseKey: text('home_course_key').notNull(),
    entry: jsonb('entry').$type<EquivalenceEntry>().notNull(),
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
    result: jsonb('result').$type<JukeboxRecord>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('jukebox_once').on(t.courseId, t.studentUserId)],
);
