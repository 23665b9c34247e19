/** Allocation runs: the instance, each mechanism's result, the one published. */
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { StudentExplanation } from '../../domain/allocation/explain.ts';
import type { AllocationSummary } from '../../domain/allocation/feasibility.ts';
import type {
  AllocationInstance,
  AllocationResult,
  Mechanism,
} from '../../domain/allocation/types.ts';
import { calls } from './calls.ts';

/** One mechanism's result as a run keeps it: the assignments, their summary and explanations. */
export interface StoredResult {
  result: AllocationResult;
  summary: AllocationSummary;
  explanations: StudentExplanation[];
}
export type StoredResults = Partial<Record<Mechanism, StoredResult>>;

/** Gzipped JSON in base64: how a run holds its results (older rows: plain JSON). */
export interface PackedResults {
  encoding: 'gzip-base64';
  data: string;
}

/**
 * How a run holds its instance: gzipped JSON in base64, with its universities beside it in plain
 * JSON for access checks (older rows: the plain instance, which has them too).
 */
export interface PackedInstance extends PackedResults {
  universities: AllocationInstance['universities'];
}

/** An allocation run: the instance, each mechanism's result, and the one published. */
export const allocationRuns = pgTable('allocation_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  callId: text('call_id').references(() => calls.id),
  instance: jsonb('instance').$type<PackedInstance | AllocationInstance>().notNull(),
  results: jsonb('results').$type<PackedResults | StoredResults>().notNull(),
  publishedMechanism: text('published_mechanism'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
