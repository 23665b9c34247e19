/**
 * Events: congresses, round tables, symposia, workshops, ceremonies, general conferences and
 * forums, in series; their programme (sessions and contributions), registrations and minutes.
 * Every text is a LocalizedText (ja/ru/en/fr side by side); times are UTC instants with the
 * event's IANA time zone.
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
import type {
  ContributionKind,
  EventKind,
  EventMode,
  EventVisibility,
  PartyRef,
  RegistrationStatus,
} from '../../domain/events/kinds.ts';
import type { HostCandidate, Rotation } from '../../domain/events/series.ts';
import type { InvitationAudience } from '../../domain/events/invitations.ts';
import type { LocalizedText } from '../../domain/shared/refusal.ts';
import { users } from './accounts.ts';
import { liaisonOffices } from './registry.ts';

/** A question of an event's follow-up form, asked once a registration is confirmed. */
export interface FollowUpQuestion {
  id: string;
  label: LocalizedText;
}

/** A series (the association's congresses, Russian Week each year) and its rotation rule. */
export const eventSeries = pgTable('event_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  description: jsonb('description').$type<LocalizedText>().notNull().default({}),
  /** How the series turns through countries and how often; null = no rule. */
  rotation: jsonb('rotation').$type<Rotation | null>(),
  /** Who may host an edition, in the organisers' order of preference. */
  candidates: jsonb('candidates').$type<HostCandidate[]>().notNull().default([]),
  organisers: jsonb('organisers').$type<PartyRef[]>().notNull().default([]),
  invented: boolean('invented').notNull().default(false),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<EventKind>().notNull(),
    seriesId: uuid('series_id').references(() => eventSeries.id),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    /** IANA zone the programme is written in (Asia/Tokyo). */
    timeZone: text('time_zone').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    mode: text('mode').$type<EventMode>().notNull(),
    city: text('city'),
    /** ISO 3166 alpha-2 of the place (the series' rotation reads it). */
    country: text('country'),
    venue: jsonb('venue').$type<LocalizedText>().notNull().default({}),
    /** Registry parties that organise / host it (institutions, consortia, associations). */
    organisers: jsonb('organisers').$type<PartyRef[]>().notNull().default([]),
    hosts: jsonb('hosts').$type<PartyRef[]>().notNull().default([]),
    programIds: jsonb('program_ids').$type<string[]>().notNull().default([]),
    agreementIds: jsonb('agreement_ids').$type<string[]>().notNull().default([]),
    consortiumIds: jsonb('consortium_ids').$type<string[]>().notNull().default([]),
    /** The liaison office a signing ceremony celebrates. */
    liaisonOfficeId: uuid('liaison_office_id').references(() => liaisonOffices.id),
    /** Places; null = no limit. */
    capacity: integer('capacity'),
    approvalRequired: boolean('approval_required').notNull().default(false),
    /** public: visitors see it; members: signed-in people only. */
    visibility: text('visibility').$type<EventVisibility>().notNull().default('public'),
    followUp: jsonb('follow_up').$type<FollowUpQuestion[]>().notNull().default([]),
    /** The recording of the whole event, archived on the web. */
    videoUrl: text('video_url'),
    invented: boolean('invented').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_series_idx').on(t.seriesId), index('events_starts_idx').on(t.startsOn)],
);

export const eventSessions = pgTable(
  'event_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** The day of the event (in its zone) the session is on. */
    day: date('day').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    room: text('room'),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    /** The link of the online part: hidden from the public, shown to confirmed participants near the start. */
    onlineUrl: text('online_url'),
    invented: boolean('invented').notNull().default(false),
  },
  (t) => [index('event_sessions_event_idx').on(t.eventId, t.startsAt)],
);

export const eventContributions = pgTable(
  'event_contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => eventSessions.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ContributionKind>().notNull(),
    position: integer('position').notNull().default(0),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    abstract: jsonb('abstract').$type<LocalizedText>().notNull().default({}),
    speakerUserId: uuid('speaker_user_id').references(() => users.id, { onDelete: 'set null' }),
    guestName: text('guest_name'),
    guestAffiliation: text('guest_affiliation'),
    materialsUrl: text('materials_url'),
    videoUrl: text('video_url'),
    /** The speaker agreed to be recorded and the recording to be published. */
    recordingConsent: boolean('recording_consent').notNull().default(false),
    invented: boolean('invented').notNull().default(false),
  },
  (t) => [index('event_contributions_session_idx').on(t.sessionId)],
);

export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** requested | confirmed | waiting | cancelled | refused */
    status: text('status').$type<RegistrationStatus>().notNull(),
    /** Order on the waiting list; null when not waiting. */
    position: integer('position'),
    /** Consent to appear on the participant list (withdrawn = hidden from every list at once). */
    listed: boolean('listed').notNull().default(false),
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
    /** The token of the QR code on the confirmation. */
    checkInToken: text('check_in_token').notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    invented: boolean('invented').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('event_registrations_person_idx').on(t.eventId, t.userId),
    uniqueIndex('event_registrations_token_idx').on(t.checkInToken),
    index('event_registrations_user_idx').on(t.userId),
  ],
);

/** Minutes of a session, versioned; an approved version is locked. */
export const eventMinutes = pgTable(
  'event_minutes',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => eventSessions.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    text: jsonb('text').$type<LocalizedText>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.version] })],
);

/** An invitation sent to a group (a consortium's coordinators, a call's students, an alumni cohort). */
export const eventInvitations = pgTable(
  'event_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** Who it was addressed to, as the organiser chose it (kind and the group's ids). */
    audience: jsonb('audience').$type<InvitationAudience>().notNull(),
    /** People invited by this one (those registered or invited before are not counted). */
    invitedCount: integer('invited_count').notNull(),
    sentBy: uuid('sent_by'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_invitations_event_idx').on(t.eventId)],
);

/** Each person invited to an event, once, whatever invitation reached them first. */
export const eventInvitees = pgTable(
  'event_invitees',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => eventInvitations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] })],
);

/**
 * A person's calendar subscription: a secret link that serves what they registered for without a
 * session (calendar applications send no cookie). Only its SHA-256 is kept; a new link replaces it.
 */
export const personalCalendarFeeds = pgTable('personal_calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
