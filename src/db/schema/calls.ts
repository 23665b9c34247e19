/** Calls, student profiles, applications, their documents and reviews (common screening, R6). */
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CallDocument, StoredRubric } from '../../domain/calls/call-content.ts';
import type { CallHost, EligibilityResult } from '../../domain/eligibility/index.ts';
import { users } from './accounts.ts';
import { agreements } from './agreements.ts';
import { programs } from './programs.ts';
import { institutions } from './registry.ts';
import type { Names } from './registry.ts';

/** Raw bytes (uploaded documents), stored in the database so that a write is all or nothing. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

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
  /** CallHost[] of src/domain/eligibility, parsed on read (hostsOf, src/db/queries/calls). */
  hosts: jsonb('hosts').$type<CallHost[]>().notNull(),
  opens: date('opens').notNull(),
  closes: date('closes').notNull(),
  nominationDeadline: date('nomination_deadline'),
  departureFrom: date('departure_from'),
  departureTo: date('departure_to'),
  stayMonthsMin: integer('stay_months_min'),
  stayMonthsMax: integer('stay_months_max'),
  maxRankedHosts: integer('max_ranked_hosts').notNull().default(3),
  documents: jsonb('documents').$type<CallDocument[]>().notNull().default([]),
  /** A StoredRubric of src/domain/calls, parsed on read (rubricOf, src/db/queries/calls). */
  rubric: jsonb('rubric').$type<StoredRubric>(),
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

/** One reviewer's scores of an earlier version of an application, kept with that version only. */
export interface EarlierReview {
  reviewerUserId: string;
  reviewerInstitutionId: string;
  scores: Record<string, number>;
  comment: string | null;
  createdAt: string;
}

/**
 * An earlier version of an application, withdrawn before the student applied again: what it
 * asked for and the reviews it received (R6: scores belong to the version they judged).
 */
export interface EarlierApplicationVersion {
  version: number;
  ranking: string[];
  requestedMonths: number;
  eligibleHosts: string[];
  submittedAt: string;
  withdrawnAt: string | null;
  reviews: EarlierReview[];
}

/** What is kept of the eligibility check at submission: the hosts open to the student, R9, the profile. */
export interface StoredEligibility {
  checkedOn: string;
  eligibleHosts: string[];
  hosts: EligibilityResult['hosts'];
  funding: EligibilityResult['funding'];
  grade: { scale: string; value: number } | null;
  level: string;
  /** The application's version: 1 (absent), then one more each time the student applies again. */
  version?: number;
  /** The versions withdrawn before this one, oldest first, each with its own reviews. */
  earlierVersions?: EarlierApplicationVersion[];
}

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
    eligibility: jsonb('eligibility').$type<StoredEligibility>(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('call_applications_once').on(t.callId, t.studentUserId),
    /** A call's applicants in the order they came in: the keyset of its list. */
    index('call_applications_call_idx').on(t.callId, t.submittedAt, t.id),
  ],
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
