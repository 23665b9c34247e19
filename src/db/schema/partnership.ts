/**
 * Partnerships between institutions: degree programmes across institutions with their cohorts and
 * students' paths, education boards, cotutelles, joint laboratories and projects, visits of staff,
 * and partnerships with their themes and strategic plans. Texts are LocalizedText; amounts are
 * integer minor units of an ISO 4217 currency. The institutions a record belongs to are kept in
 * `institution_ids` (the access scope and the integrator's filter).
 */
import {
  bigint,
  boolean,
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
import type {
  BoardMember,
  BoardRole,
  CotutelleStatus,
  DegreeKind,
  DegreeLevel,
  Extension,
  LabKind,
  PartnerRole,
  PlanStatus,
  ProgrammeStatus,
  SplitPart,
  Supervisor,
  Theme,
  VisitorRole,
  VisitPurpose,
} from '../../domain/partnership/kinds.ts';
import type { LocalizedText } from '../../domain/shared/refusal.ts';
import { users } from './accounts.ts';
import { events } from './events.ts';

export interface DegreePartner {
  institutionId: string;
  role: PartnerRole;
  degree: LocalizedText;
}
export interface LabPerson {
  userId?: string | null;
  guestName?: string | null;
  institutionId?: string | null;
  role: string;
}
export interface TaughtCourse {
  title: LocalizedText;
  credits?: number | null;
  hours?: number | null;
}
export type { BoardMember, BoardRole, Supervisor };

const common = {
  invented: boolean('invented').notNull().default(false),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const partnerships = pgTable('partnerships', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  institutionIds: jsonb('institution_ids').$type<string[]>().notNull(),
  since: date('since'),
  /** Keys (`smart-cities`) with labels; the publications area tags publications with the keys. */
  themes: jsonb('themes').$type<Theme[]>().notNull().default([]),
  notes: jsonb('notes').$type<LocalizedText>().notNull().default({}),
  ...common,
});

export const strategicPlans = pgTable(
  'strategic_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    status: text('status').$type<PlanStatus>().notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    fileUrl: text('file_url'),
    ...common,
  },
  (t) => [index('strategic_plans_partnership_idx').on(t.partnershipId)],
);

export const educationBoards = pgTable('education_boards', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  institutionIds: jsonb('institution_ids').$type<string[]>().notNull(),
  members: jsonb('members').$type<BoardMember[]>().notNull().default([]),
  purpose: jsonb('purpose').$type<LocalizedText>().notNull().default({}),
  /** Its meetings: events of the events area (their minutes are the events' minutes). */
  meetingEventIds: jsonb('meeting_event_ids').$type<string[]>().notNull().default([]),
  ...common,
});

export const degreeProgrammes = pgTable('degree_programmes', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<DegreeKind>().notNull(),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  partners: jsonb('partners').$type<DegreePartner[]>().notNull(),
  institutionIds: jsonb('institution_ids').$type<string[]>().notNull(),
  /** ISCED-F 2013 four-digit code. */
  field: text('field').notNull(),
  level: text('level').$type<DegreeLevel>().notNull(),
  split: jsonb('split').$type<SplitPart[]>().notNull().default([]),
  languages: jsonb('languages').$type<string[]>().notNull().default([]),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on'),
  status: text('status').$type<ProgrammeStatus>().notNull(),
  boardId: uuid('board_id').references(() => educationBoards.id),
  partnershipId: uuid('partnership_id').references(() => partnerships.id),
  ...common,
});

export const degreeCohorts = pgTable(
  'degree_cohorts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => degreeProgrammes.id, { onDelete: 'cascade' }),
    intakeYear: integer('intake_year').notNull(),
    graduated: integer('graduated').notNull().default(0),
    /** Students enrolled without an account on the platform (the paths are the others). */
    enrolledWithoutAccount: integer('enrolled_without_account').notNull().default(0),
    ...common,
  },
  (t) => [uniqueIndex('degree_cohorts_year_idx').on(t.programmeId, t.intakeYear)],
);

/** A student's path through a dual or joint degree: the mobilities it is made of. */
export const degreePaths = pgTable(
  'degree_paths',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => degreeCohorts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mobilityIds: jsonb('mobility_ids').$type<string[]>().notNull().default([]),
    ...common,
  },
  (t) => [
    uniqueIndex('degree_paths_person_idx').on(t.cohortId, t.userId),
    index('degree_paths_user_idx').on(t.userId),
  ],
);

export const cotutelles = pgTable(
  'cotutelles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    candidateUserId: uuid('candidate_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    candidateName: text('candidate_name'),
    thesisTitle: jsonb('thesis_title').$type<LocalizedText>().notNull(),
    supervisors: jsonb('supervisors').$type<Supervisor[]>().notNull(),
    institutionIds: jsonb('institution_ids').$type<string[]>().notNull(),
    /** The registry agreement behind it, when there is one. */
    agreementId: uuid('agreement_id'),
    startsOn: date('starts_on').notNull(),
    defenceOn: date('defence_on'),
    status: text('status').$type<CotutelleStatus>().notNull(),
    degreesFrom: jsonb('degrees_from').$type<string[]>().notNull().default([]),
    ...common,
  },
  (t) => [index('cotutelles_starts_idx').on(t.startsOn)],
);

export const jointLabs = pgTable('joint_labs', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<LabKind>().notNull(),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  description: jsonb('description').$type<LocalizedText>().notNull().default({}),
  institutionIds: jsonb('institution_ids').$type<string[]>().notNull(),
  fundingInstrument: text('funding_instrument'),
  amountMinor: bigint('amount_minor', { mode: 'number' }),
  currency: text('currency'),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on'),
  extensions: jsonb('extensions').$type<Extension[]>().notNull().default([]),
  themes: jsonb('themes').$type<string[]>().notNull().default([]),
  people: jsonb('people').$type<LabPerson[]>().notNull().default([]),
  partnershipId: uuid('partnership_id').references(() => partnerships.id),
  ...common,
});

export const staffVisits = pgTable(
  'staff_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitorUserId: uuid('visitor_user_id').references(() => users.id, { onDelete: 'set null' }),
    guestName: text('guest_name'),
    role: text('role').$type<VisitorRole>().notNull(),
    fromId: text('from_id').notNull(),
    toId: text('to_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    purpose: text('purpose').$type<VisitPurpose>().notNull(),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
    courses: jsonb('courses').$type<TaughtCourse[]>().notNull().default([]),
    note: jsonb('note').$type<LocalizedText>().notNull().default({}),
    ...common,
  },
  (t) => [index('staff_visits_starts_idx').on(t.startsOn)],
);
