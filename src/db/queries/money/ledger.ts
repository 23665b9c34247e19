/**
 * The money recorded for some mobilities: enrolment confirmations (R8), payments with their
 * batch's status (PAID_ONCE), safety advisories (R19) and trips (R13).
 */
import { eq, isNull, or } from 'drizzle-orm';
import { inList } from '../in-list.ts';
import type { Db } from '../../client.ts';
import {
  advisoryOverrides,
  countryAdvisories,
  enrolmentConfirmations,
  paymentBatches,
  payments,
  travels,
} from '../../schema.ts';
import { overrideKey, type CountryAdvisory } from '#src/domain/scholarship/index.ts';

export type TravelRow = typeof travels.$inferSelect;
export type AdvisoryRow = typeof countryAdvisories.$inferSelect;

export interface PaymentInfo {
  id: string;
  batchId: string;
  batchStatus: string;
  mobilityId: string;
  kind: string;
  period: string;
  amountJpy: number;
  fiscalYear: number;
  studentMonths: number;
}

/** An advisory row as the scholarship rules read it. */
export const advisoryOf = (a: AdvisoryRow): CountryAdvisory => ({
  id: a.id,
  country: a.country,
  level: a.level as CountryAdvisory['level'],
  from: a.fromDate,
  until: a.untilDate,
  liftedOn: a.liftedOn,
  programId: a.programId,
});

/** Advisories of every program and of these programs (every advisory when none is given). */
export async function advisoriesFor(
  db: Db,
  programIds: readonly string[],
): Promise<CountryAdvisory[]> {
  const rows = await db
    .select()
    .from(countryAdvisories)
    .where(
      programIds.length
        ? or(
            isNull(countryAdvisories.programId),
            inList(countryAdvisories.programId, [...programIds]),
          )
        : undefined,
    );
  return rows.map(advisoryOf);
}

/**
 * R19: the override decisions recorded for these mobilities, as `overrideKey(advisory, mobility)`
 * keys (an advisory no longer holds that mobility's payments).
 */
export async function overrideKeysOf(db: Db, mobilityIds: readonly string[]): Promise<Set<string>> {
  if (mobilityIds.length === 0) return new Set();
  const rows = await db
    .select({ advisoryId: advisoryOverrides.advisoryId, mobilityId: advisoryOverrides.mobilityId })
    .from(advisoryOverrides)
    .where(inList(advisoryOverrides.mobilityId, [...mobilityIds]));
  return new Set(rows.map((r) => overrideKey(r.advisoryId, r.mobilityId)));
}

export async function confirmationsOf(db: Db, mobilityIds: readonly string[]) {
  if (mobilityIds.length === 0) return [];
  return db
    .select()
    .from(enrolmentConfirmations)
    .where(inList(enrolmentConfirmations.mobilityId, [...mobilityIds]));
}

/** The payments of these mobilities, with the status of their batch. */
export async function paymentsOf(db: Db, mobilityIds: readonly string[]): Promise<PaymentInfo[]> {
  if (mobilityIds.length === 0) return [];
  return db
    .select({
      id: payments.id,
      batchId: payments.batchId,
      batchStatus: paymentBatches.status,
      mobilityId: payments.mobilityId,
      kind: payments.kind,
      period: payments.period,
      amountJpy: payments.amountJpy,
      fiscalYear: payments.fiscalYear,
      studentMonths: payments.studentMonths,
    })
    .from(payments)
    .innerJoin(paymentBatches, eq(paymentBatches.id, payments.batchId))
    .where(inList(payments.mobilityId, [...mobilityIds]));
}

export async function travelsOf(db: Db, mobilityIds: readonly string[]): Promise<TravelRow[]> {
  if (mobilityIds.length === 0) return [];
  return db
    .select()
    .from(travels)
    .where(inList(travels.mobilityId, [...mobilityIds]));
}
