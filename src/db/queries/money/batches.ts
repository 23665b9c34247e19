/**
 * Payment batches and their payments (R8; PAID_ONCE: the unique index `payments_once` makes each
 * student-month and trip payable once), and the students' bank accounts they are paid to.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { inList } from '../in-list.ts';
import type { Db } from '../../client.ts';
import { instantKey } from '../keyset.ts';
import {
  bankAccounts,
  consortia,
  institutions,
  mobilities,
  paymentBatches,
  payments,
} from '../../schema.ts';

export type ConsortiumRow = typeof consortia.$inferSelect;
export type BatchRow = typeof paymentBatches.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type BankAccountRow = typeof bankAccounts.$inferSelect;
export type NewPayment = Omit<typeof payments.$inferInsert, 'id' | 'createdAt'>;

export async function consortiumById(db: Db, id: string): Promise<ConsortiumRow | null> {
  const [row] = await db.select().from(consortia).where(eq(consortia.id, id));
  return row ?? null;
}

/** Every consortium's name and representative university. */
export async function consortiaWithRepresentatives(db: Db) {
  return db
    .select({
      id: consortia.id,
      names: consortia.names,
      name: consortia.name,
      rep: consortia.representativeId,
    })
    .from(consortia);
}

/** Serialises the batch builds of a consortium until the transaction ends (a row lock). */
export async function lockConsortium(tx: Db, consortiumId: string): Promise<void> {
  await tx.execute(sql`SELECT id FROM consortia WHERE id = ${consortiumId} FOR UPDATE`);
}

export async function batchById(db: Db, id: string): Promise<BatchRow | null> {
  const [row] = await db.select().from(paymentBatches).where(eq(paymentBatches.id, id));
  return row ?? null;
}

/** The batch a consortium already built under an Idempotency-Key, if any. */
export async function batchIdByKey(
  db: Db,
  consortiumId: string,
  idempotencyKey: string,
): Promise<string | null> {
  const [b] = await db
    .select({ id: paymentBatches.id })
    .from(paymentBatches)
    .where(
      and(
        eq(paymentBatches.consortiumId, consortiumId),
        eq(paymentBatches.idempotencyKey, idempotencyKey),
      ),
    );
  return b?.id ?? null;
}

export async function insertBatch(
  tx: Db,
  values: {
    consortiumId: string;
    idempotencyKey: string;
    transferDate: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  const [batch] = await tx
    .insert(paymentBatches)
    .values({ ...values, status: 'draft' })
    .returning({ id: paymentBatches.id });
  return batch!.id;
}

/** Claims the student-months and trips of a batch (fails on one claimed already). */
export async function insertPayments(tx: Db, rows: readonly NewPayment[]) {
  return tx
    .insert(payments)
    .values([...rows])
    .returning({
      id: payments.id,
      mobilityId: payments.mobilityId,
      kind: payments.kind,
      period: payments.period,
      amountJpy: payments.amountJpy,
    });
}

/** The items of a batch with the student and host of each, by student, kind and period. */
export async function batchItems(db: Db, batchId: string) {
  return db
    .select({
      id: payments.id,
      mobilityId: payments.mobilityId,
      studentName: mobilities.studentName,
      hostId: mobilities.hostId,
      kind: payments.kind,
      period: payments.period,
      amountJpy: payments.amountJpy,
      fiscalYear: payments.fiscalYear,
      studentMonths: payments.studentMonths,
    })
    .from(payments)
    .innerJoin(mobilities, eq(mobilities.id, payments.mobilityId))
    .where(eq(payments.batchId, batchId))
    .orderBy(asc(mobilities.studentName), asc(payments.kind), asc(payments.period));
}

export async function paymentsOfBatch(db: Db, batchId: string): Promise<PaymentRow[]> {
  return db.select().from(payments).where(eq(payments.batchId, batchId));
}

/** The items of a batch with the country of their host (R19 holds them by country). */
export async function batchItemsWithHostCountry(db: Db, batchId: string) {
  const rows = await db
    .select({
      mobilityId: payments.mobilityId,
      kind: payments.kind,
      period: payments.period,
      hostId: mobilities.hostId,
    })
    .from(payments)
    .innerJoin(mobilities, eq(mobilities.id, payments.mobilityId))
    .where(eq(payments.batchId, batchId));
  if (rows.length === 0) return [];
  const countries = new Map(
    (
      await db
        .select({ id: institutions.id, country: institutions.country })
        .from(institutions)
        .where(inList(institutions.id, [...new Set(rows.map((r) => r.hostId))]))
    ).map((i) => [i.id, i.country]),
  );
  return rows.map((r) => ({ ...r, hostCountry: countries.get(r.hostId) ?? '' }));
}

/** The batches of a consortium, newest first, with their count and total. */
/** A page of a consortium's batches: the key of the last row of the previous page. */
export interface BatchPageFilter {
  /** The key (`instant` text, id) of the last row of the previous page. */
  after?: { createdAt: string; id: string } | undefined;
  limit: number;
}

/**
 * One page of a consortium's batches, newest first then by id (the keyset order of
 * `payment_batches_consortium_idx`), with the count and total of each over all its payments;
 * `limit + 1` rows so the caller knows whether more follow, each with its key.
 */
export async function batchesOf(db: Db, consortiumId: string, page: BatchPageFilter) {
  const after = page.after
    ? sql`(${paymentBatches.createdAt}, ${paymentBatches.id}) < (${page.after.createdAt}::timestamptz, ${page.after.id}::uuid)`
    : undefined;
  const rows = await db
    .select({
      id: paymentBatches.id,
      status: paymentBatches.status,
      transferDate: paymentBatches.transferDate,
      paidOn: paymentBatches.paidOn,
      createdAt: paymentBatches.createdAt,
      key: instantKey(paymentBatches.createdAt),
      count: sql<number>`count(${payments.id})::int`,
      totalJpy: sql<number>`coalesce(sum(${payments.amountJpy}), 0)::bigint`,
    })
    .from(paymentBatches)
    .leftJoin(payments, eq(payments.batchId, paymentBatches.id))
    .where(and(eq(paymentBatches.consortiumId, consortiumId), after))
    .groupBy(paymentBatches.id)
    .orderBy(desc(paymentBatches.createdAt), desc(paymentBatches.id))
    .limit(page.limit + 1);
  return rows.map((r) => ({ ...r, count: Number(r.count), totalJpy: Number(r.totalJpy) }));
}

/** Moves a batch from `from` to the status of `set`; false when it was not in `from` (a retry). */
export async function updateBatchStatus(
  tx: Db,
  id: string,
  from: string,
  set: { status: string; approvedBy?: string | null; paidOn?: string },
): Promise<boolean> {
  const done = await tx
    .update(paymentBatches)
    .set(set)
    .where(and(eq(paymentBatches.id, id), eq(paymentBatches.status, from)))
    .returning({ id: paymentBatches.id });
  return done.length > 0;
}

/** Cancels a batch and releases its payments; returns the payments released. */
export async function cancelBatchRows(tx: Db, id: string): Promise<PaymentRow[]> {
  const released = await tx.delete(payments).where(eq(payments.batchId, id)).returning();
  await tx.update(paymentBatches).set({ status: 'cancelled' }).where(eq(paymentBatches.id, id));
  return released;
}

/** Releases payments from their batch (R19). */
export async function deletePayments(tx: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.delete(payments).where(inList(payments.id, [...ids]));
}

/** Unpaid payments (in a draft or approved batch) of these mobilities. */
export async function openPaymentsOf(db: Db, mobilityIds: readonly string[]) {
  if (mobilityIds.length === 0) return [];
  return db
    .select({
      id: payments.id,
      mobilityId: payments.mobilityId,
      kind: payments.kind,
      period: payments.period,
      batchId: payments.batchId,
    })
    .from(payments)
    .innerJoin(paymentBatches, eq(paymentBatches.id, payments.batchId))
    .where(
      and(
        inList(payments.mobilityId, [...mobilityIds]),
        inList(paymentBatches.status, ['draft', 'approved']),
      ),
    );
}

/** Which of these mobilities have a bank account on file. */
export async function bankedMobilityIds(
  db: Db,
  mobilityIds: readonly string[],
): Promise<Set<string>> {
  if (mobilityIds.length === 0) return new Set();
  const rows = await db
    .select({ id: bankAccounts.mobilityId })
    .from(bankAccounts)
    .where(inList(bankAccounts.mobilityId, [...mobilityIds]));
  return new Set(rows.map((r) => r.id));
}

export async function bankAccountsOf(
  db: Db,
  mobilityIds: readonly string[],
): Promise<Map<string, BankAccountRow>> {
  if (mobilityIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(bankAccounts)
    .where(inList(bankAccounts.mobilityId, [...mobilityIds]));
  return new Map(rows.map((a) => [a.mobilityId, a]));
}

export async function bankAccountOf(db: Db, mobilityId: string): Promise<BankAccountRow | null> {
  return (await bankAccountsOf(db, [mobilityId])).get(mobilityId) ?? null;
}

/** The student name of each of these mobilities. */
export async function studentNamesOf(
  db: Db,
  mobilityIds: readonly string[],
): Promise<Map<string, string>> {
  if (mobilityIds.length === 0) return new Map();
  const rows = await db
    .select({ id: mobilities.id, name: mobilities.studentName })
    .from(mobilities)
    .where(inList(mobilities.id, [...mobilityIds]));
  return new Map(rows.map((m) => [m.id, m.name]));
}
