/** Allocation runs: the instance, each mechanism's result, the one published. */
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { calls } from './calls.ts';

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
