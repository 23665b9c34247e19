/** People, their scoped roles, sessions, the audit trail and notifications. */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MessageParams } from '../../domain/shared/refusal.ts';
import type { PersonNames } from '../../domain/shared/names.ts';
import { foldedSql } from './search-fold.ts';

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
    /** The person's ORCID iD (`0000-0002-1825-0097`); unique where set. */
    orcid: text('orcid'),
    /**
     * The display name and the name in every script, folded for search (./search-fold.ts), each
     * after a `|` so that a short search finds the start of any of them (src/db/queries/search.ts).
     */
    searchText: text('search_text').generatedAlwaysAs(
      foldedSql(
        "display_name || '|' || coalesce(names->>'kanji', '') || '|' || coalesce(names->>'kana', '') || '|' || coalesce(names->>'latin', '') || '|' || coalesce(names->>'cyrillic', '')",
      ),
    ),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    uniqueIndex('users_orcid_key')
      .on(t.orcid)
      .where(sql`${t.orcid} is not null`),
  ],
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
    /** When the session was last used, to a few minutes (shown to its owner). */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    /** The browser that opened it, as it said (shown to its owner to tell sessions apart). */
    userAgent: text('user_agent'),
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

/**
 * Invitations to hold a role: sent by e-mail with a random token (only its SHA-256 is kept here),
 * accepted once before `expires_at` by a new account or the signed-in account of the same address.
 * A student's role is held in their own scope: `scope_id` is `self` until an account accepts.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    /** The language the e-mail is written in, and the new account's language. */
    language: text('language').notNull(),
    role: text('role').notNull(),
    scopeType: text('scope_type').notNull(),
    scopeId: text('scope_id').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    acceptedUserId: uuid('accepted_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('invitations_token_key').on(t.tokenHash),
    index('invitations_scope_idx').on(t.scopeType, t.scopeId),
  ],
);

/**
 * One-time links to set a password: asked for by e-mail ("forgot my password"), or printed for a
 * new administrator. Only the SHA-256 of the token is kept; the token is in the link alone.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('password_resets_token_key').on(t.tokenHash),
    index('password_resets_user_idx').on(t.userId, t.createdAt),
  ],
);

/**
 * A person's request that their personal data be erased: asked from their account page, withdrawn
 * by them or carried out by an administrator. At most one is open per account (the partial unique
 * index). The row outlives the erasure: it is the record that the request was answered.
 */
export const erasureRequests = pgTable(
  'erasure_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** open, withdrawn or carried_out */
    status: text('status').notNull().default('open'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
  },
  (t) => [
    uniqueIndex('erasure_requests_open_key')
      .on(t.userId)
      .where(sql`${t.status} = 'open'`),
  ],
);
