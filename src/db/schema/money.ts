/**
 * Enrolment confirmations, payment batches and payments (paid once), bank accounts (students' and
 * the paying universities'), travel, safety advisories.
 */
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { mobilities } from './mobility.ts';
import { programs } from './programs.ts';
import { consortia, institutions } from './registry.ts';

/** Confirmation by the host that the student was enrolled in a month (R8, 003 §6(2)). */
export const enrolmentConfirmations = pgTable(
  'enrolment_confirmations',
  {
    mobilityId: uuid('mobility_id')
      .notNull()
      .references(() => mobilities.id),
    month: text('month').notNull(),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.mobilityId, t.month] })],
);

/** A batch of payments built, approved and paid by the representative university (R8). */
export const paymentBatches = pgTable(
  'payment_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consortiumId: text('consortium_id')
      .notNull()
      .references(() => consortia.id),
    status: text('status').notNull().default('draft'),
    idempotencyKey: text('idempotency_key'),
    transferDate: date('transfer_date'),
    createdBy: uuid('created_by'),
    approvedBy: uuid('approved_by'),
    paidOn: date('paid_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payment_batches_idempotency').on(t.consortiumId, t.idempotencyKey),
    /** A consortium's batches, newest first: the keyset of their list. */
    index('payment_batches_consortium_idx').on(t.consortiumId, t.createdAt.desc(), t.id.desc()),
  ],
);

/**
 * One payment: a stipend month (`period` = YYYY-MM) or the travel ticket (`period` = 'trip').
 * The unique key makes each student-month — and each trip — payable at most once, whatever the
 * code does (R11, R13).
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => paymentBatches.id),
    mobilityId: uuid('mobility_id')
      .notNull()
      .references(() => mobilities.id),
    kind: text('kind').notNull(),
    period: text('period').notNull(),
    amountJpy: bigint('amount_jpy', { mode: 'number' }).notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    studentMonths: doublePrecision('student_months').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('payments_once').on(t.mobilityId, t.kind, t.period)],
);

/** Students' bank accounts: visible only to the representative-university officer. */
export const bankAccounts = pgTable('bank_accounts', {
  mobilityId: uuid('mobility_id')
    .primaryKey()
    .references(() => mobilities.id),
  bankCode: text('bank_code').notNull(),
  bankName: text('bank_name').notNull(),
  branchCode: text('branch_code').notNull(),
  branchName: text('branch_name').notNull(),
  accountType: text('account_type').notNull(),
  accountNumber: text('account_number').notNull(),
  holderKana: text('holder_kana').notNull(),
});

/**
 * The account a university pays from when it is the representative university of a consortium
 * (R8 — 003 §5(8), §6(2)3), §7(1)): the requester (依頼人) of its Zengin transfer files. The
 * requester code is the one its bank gave it; names are half-width kana as the bank writes them.
 */
export const payerAccounts = pgTable('payer_accounts', {
  institutionId: text('institution_id')
    .primaryKey()
    .references(() => institutions.id),
  requesterCode: text('requester_code').notNull(),
  kanaName: text('kana_name').notNull(),
  bankCode: text('bank_code').notNull(),
  bankName: text('bank_name').notNull(),
  branchCode: text('branch_code').notNull(),
  branchName: text('branch_name').notNull(),
  accountType: text('account_type').notNull(),
  accountNumber: text('account_number').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** R13: the trip of one mobility: airports (overridable with a reason), distance, fare. */
export const travels = pgTable('travels', {
  mobilityId: uuid('mobility_id')
    .primaryKey()
    .references(() => mobilities.id),
  homeAirport: text('home_airport').notNull(),
  hostAirport: text('host_airport').notNull(),
  overrideReason: text('override_reason'),
  distanceKm: doublePrecision('distance_km').notNull(),
  fareJpy: bigint('fare_jpy', { mode: 'number' }),
  receiptRef: text('receipt_ref'),
  approvedAboveCeilingBy: uuid('approved_above_ceiling_by'),
  status: text('status').notNull().default('planned'),
});

/**
 * R19: a safety advisory that postpones or suspends dispatches to a country from a date, until a
 * date (inclusive) when one is given; lifting on a day ends it the day before (see
 * src/domain/scholarship/safety.ts for the window).
 */
export const countryAdvisories = pgTable('country_advisories', {
  id: uuid('id').primaryKey().defaultRandom(),
  programId: text('program_id').references(() => programs.id),
  country: text('country').notNull(),
  level: text('level').notNull(),
  fromDate: date('from_date').notNull(),
  untilDate: date('until_date'),
  liftedOn: date('lifted_on'),
  reason: text('reason').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * R19: the funder officer's recorded decision that an advisory no longer holds the payments of
 * one mobility (with the reason); one per advisory and mobility.
 */
export const advisoryOverrides = pgTable(
  'advisory_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    advisoryId: uuid('advisory_id')
      .notNull()
      .references(() => countryAdvisories.id),
    mobilityId: uuid('mobility_id')
      .notNull()
      .references(() => mobilities.id),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('advisory_overrides_once').on(t.advisoryId, t.mobilityId)],
);
