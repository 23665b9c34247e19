/** Agreements as shared versioned records, with signatures. */
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
  uuid,
} from 'drizzle-orm/pg-core';
import type { AgreementContent } from '../../domain/agreement/agreement.ts';
import { programs } from './programs.ts';

/**
 * An agreement between two parties (institutions or consortia). Its content lives in versions;
 * `status` is what the signatures and dates make of it.
 */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partyAType: text('party_a_type').notNull(),
    partyAId: text('party_a_id').notNull(),
    partyBType: text('party_b_type').notNull(),
    partyBId: text('party_b_id').notNull(),
    programId: text('program_id').references(() => programs.id),
    status: text('status').notNull().default('draft'),
    currentVersion: integer('current_version').notNull().default(1),
    invented: boolean('invented').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agreements_party_a_idx').on(t.partyAId),
    index('agreements_party_b_idx').on(t.partyBId),
  ],
);

export const agreementVersions = pgTable(
  'agreement_versions',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    kind: text('kind').notNull(),
    content: jsonb('content').$type<AgreementContent>().notNull(),
    changeNote: text('change_note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.version] })],
);

export const agreementSignatures = pgTable(
  'agreement_signatures',
  {
    agreementId: uuid('agreement_id').notNull(),
    version: integer('version').notNull(),
    party: text('party').notNull(),
    signatory: text('signatory').notNull(),
    signedOn: date('signed_on').notNull(),
    signedBy: uuid('signed_by'),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.version, t.party] })],
);
