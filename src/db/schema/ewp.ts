/** Erasmus Without Paper: what EWP needs beside our records, and partners' documents being imported. */
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * EWP data of one record (`kind` agreement or mobility) that our tables do not hold, and the
 * partner's copy as last imported (to compare with ours).
 */
export const ewpDetails = pgTable(
  'ewp_details',
  {
    kind: text('kind').notNull(),
    recordId: uuid('record_id').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** The partner's document as last imported, in the plain EWP data form. */
    partnerCopy: jsonb('partner_copy').$type<unknown>(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.recordId] })],
);

/**
 * A partner's EWP file, validated and mapped onto our records: a preview until someone confirms
 * (`applied`) or discards it (`discarded`).
 */
export const ewpImports = pgTable(
  'ewp_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** iias, omobilities, las, elmo or tors. */
    kind: text('kind').notNull(),
    status: text('status').notNull().default('preview'),
    fileName: text('file_name'),
    /** The documents read, in the plain EWP data form. */
    documents: jsonb('documents').$type<unknown[]>().notNull(),
    /** What applying would do, and what blocks it. */
    preview: jsonb('preview').$type<Record<string, unknown>>().notNull(),
    /** Institutions the preview concerns, for access. */
    institutionIds: text('institution_ids').array().notNull().default([]),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('ewp_imports_created_by_idx').on(t.createdBy)],
);
