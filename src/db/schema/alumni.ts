/**
 * Alumni and student associations: the associations, their officers and general conferences, the
 * alumni records derived from completed mobilities with each holder's consent per field and
 * audience, and outgoing students who asked for a mentor.
 */
import {
  boolean,
  date,
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
import { users } from './accounts.ts';
import { institutions, type Names } from './registry.ts';
import { programs } from './programs.ts';
import { mobilities } from './mobility.ts';
import type { AlumniConsent } from '../../domain/alumni/fields.ts';

/** An association of the alumni of one university, or of one program at it. */
export const alumniAssociations = pgTable('alumni_associations', {
  id: text('id').primaryKey(),
  institutionId: text('institution_id')
    .notNull()
    .references(() => institutions.id),
  programId: text('program_id').references(() => programs.id),
  names: jsonb('names').$type<Names>().notNull(),
  foundedOn: date('founded_on'),
  description: jsonb('description').$type<Names>().notNull().default({}),
  invented: boolean('invented').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The officers of an association (president, vice-president, secretary, treasurer). */
export const alumniOfficers = pgTable(
  'alumni_officers',
  {
    associationId: text('association_id')
      .notNull()
      .references(() => alumniAssociations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    since: date('since').notNull(),
  },
  (t) => [primaryKey({ columns: [t.associationId, t.userId] })],
);

/**
 * The association's meetings: general conferences with their minutes. When the conference is
 * also an event of the calendar, `event_id` names it (the events area's record; no constraint
 * here, so that the two areas stay apart).
 */
export const alumniMeetings = pgTable(
  'alumni_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: text('association_id')
      .notNull()
      .references(() => alumniAssociations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().default('general_conference'),
    /** The conference's number in the association's history: 1 for the first. */
    number: integer('number'),
    heldOn: date('held_on').notNull(),
    title: jsonb('title').$type<Names>().notNull(),
    minutes: jsonb('minutes').$type<Names>().notNull().default({}),
    eventId: uuid('event_id'),
    invented: boolean('invented').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('alumni_meetings_association_idx').on(t.associationId, t.heldOn)],
);

/**
 * One alumnus of an association, derived from one completed mobility (entered once: the unique
 * index), with the profile its holder writes and their consent per field and audience.
 */
export const alumniRecords = pgTable(
  'alumni_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: text('association_id')
      .notNull()
      .references(() => alumniAssociations.id, { onDelete: 'cascade' }),
    mobilityId: uuid('mobility_id')
      .notNull()
      .references(() => mobilities.id),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    homeId: text('home_id').notNull(),
    hostId: text('host_id').notNull(),
    direction: text('direction').notNull(),
    year: integer('year').notNull(),
    programId: text('program_id'),
    fieldOfStudy: text('field_of_study'),
    currentPosition: text('current_position'),
    contact: text('contact'),
    degreeAtHost: boolean('degree_at_host'),
    worksInJapanRussia: boolean('works_in_japan_russia'),
    outcomeNote: text('outcome_note'),
    consent: jsonb('consent').$type<AlumniConsent>().notNull().default({}),
    mentorOptIn: boolean('mentor_opt_in').notNull().default(false),
    invented: boolean('invented').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('alumni_records_mobility_once').on(t.associationId, t.mobilityId),
    index('alumni_records_user_idx').on(t.userId),
  ],
);

/** An outgoing student's wish for a mentor for one coming stay (opt-in). */
export const alumniMentees = pgTable(
  'alumni_mentees',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mobilityId: uuid('mobility_id')
      .notNull()
      .references(() => mobilities.id),
    fieldOfStudy: text('field_of_study'),
    optedIn: boolean('opted_in').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.mobilityId] })],
);
