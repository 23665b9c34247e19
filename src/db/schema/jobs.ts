/**
 * Background work shared by every Kakehashi process (docs/decisions/012-several-processes.md):
 * the state of each job (so that any process can answer "how far is my job?") and the counters
 * of the rate limits (so that a limit counts the requests to every process as one).
 */
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

/** One job: started by a request or a schedule, taken by whichever process is free. */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What the job does (`allocation-run`, `report-reminders`, …): a handler of the job queue. */
    kind: text('kind').notNull(),
    /** Who started it and alone may read it; null for scheduled work. */
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    /** queued → running → done | failed. */
    state: text('state').notNull().default('queued'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(1),
    /** What the job made (an allocation run's id), once done. */
    resultId: text('result_id'),
    /** Why it failed, in the API's shape: `{ code, message, details }`. */
    error: jsonb('error').$type<{
      code: string;
      message: string;
      details: Record<string, unknown>;
    }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /**
     * For scheduled work on several processes: the schedule's slot this run holds (the last time
     * its cron line named, when the run started). One run per kind and slot; null otherwise.
     */
    slot: timestamp('slot', { withTimezone: true }),
  },
  (t) => [
    index('jobs_owner_state_idx').on(t.ownerId, t.state),
    index('jobs_ended_at_idx').on(t.endedAt),
    uniqueIndex('jobs_kind_slot_idx').on(t.kind, t.slot),
  ],
);

/**
 * The counters of `@fastify/rate-limit` when several processes share one PostgreSQL server: one
 * row per route and client, counting the hits of the window that ends at `resetAt`. UNLOGGED
 * (the migration says so): counters lost in a crash cost nothing worth a write-ahead log.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
});
