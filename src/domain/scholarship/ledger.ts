/**
 * A pure model of paying student-months in batches: which candidates go into a batch, and how
 * marking a batch paid records each student-month at most once (PAID_ONCE). The database enforces
 * the same with a unique key on the student-month; this model states the rule, explains each
 * refusal, and makes re-marking a batch (a retry after a crash) a no-op.
 */
import type { IsoDate } from './dates.ts';
import { fromMonthUnits, toMonthUnits } from './months.ts';
import type { PayabilityState } from './payable.ts';
import { checkPayable } from './payable.ts';
import type { ScheduleLine } from './types.ts';
import { refusal, type Refusal } from '../shared/refusal.ts';
import { SCHOLARSHIP_CODES as C } from './refusal-codes.ts';

export interface PaymentRecord {
  key: string;
  mobilityId: string;
  month: string;
  fiscalYear: number;
  monthUnits: number;
  amountJpy: number;
  batchId: string;
  paidOn: IsoDate;
}

/** Append-only: a record per student-month paid. */
export interface Ledger {
  readonly payments: readonly PaymentRecord[];
}

export const emptyLedger: Ledger = { payments: [] };

export function paidKeysOf(ledger: Ledger): Set<string> {
  return new Set(ledger.payments.map((p) => p.key));
}

/** Paid student-months per fiscal year. */
export function paidMonthsByFiscalYear(ledger: Ledger): Map<number, number> {
  const units = new Map<number, number>();
  for (const p of ledger.payments) {
    units.set(p.fiscalYear, (units.get(p.fiscalYear) ?? 0) + p.monthUnits);
  }
  return new Map([...units].map(([fy, u]) => [fy, fromMonthUnits(u)]));
}

export interface BatchPlan {
  items: ScheduleLine[];
  refused: { line: ScheduleLine; refusals: Refusal[] }[];
  totalJpy: number;
}

/**
 * The payable candidates, in order, each checked as if the ones before it were already in the
 * batch (a student-month listed twice is refused the second time; the cap counts the batch).
 */
export function planBatch(candidates: readonly ScheduleLine[], state: PayabilityState): BatchPlan {
  const pending = new Set(state.pendingKeys ?? []);
  const paidUnits = new Map<number, number>(
    [...state.paidMonthsByFiscalYear].map(([fy, m]) => [fy, toMonthUnits(m)]),
  );
  const plan: BatchPlan = { items: [], refused: [], totalJpy: 0 };
  for (const line of candidates) {
    const verdict = checkPayable(line, {
      ...state,
      pendingKeys: pending,
      paidMonthsByFiscalYear: new Map(
        [...paidUnits].map(([fy, u]) => [fy, fromMonthUnits(u)] as const),
      ),
    });
    if (!verdict.payable) {
      plan.refused.push({ line, refusals: verdict.refusals });
      continue;
    }
    pending.add(line.key);
    paidUnits.set(line.fiscalYear, (paidUnits.get(line.fiscalYear) ?? 0) + line.monthUnits);
    plan.items.push(line);
    plan.totalJpy += line.amountJpy;
  }
  return plan;
}

export interface MarkPaidResult {
  ledger: Ledger;
  recorded: PaymentRecord[];
  /** Items not recorded: already paid by this batch (a retry), or by another one (refused). */
  skipped: { key: string; sameBatch: boolean; refusal?: Refusal }[];
}

/** Records a batch's items as paid; idempotent for the same batch, refusing any second payment. */
export function markBatchPaid(
  ledger: Ledger,
  batchId: string,
  items: readonly ScheduleLine[],
  paidOn: IsoDate,
): MarkPaidResult {
  const byKey = new Map(ledger.payments.map((p) => [p.key, p]));
  const recorded: PaymentRecord[] = [];
  const skipped: MarkPaidResult['skipped'] = [];
  for (const item of items) {
    const existing = byKey.get(item.key);
    if (existing) {
      const sameBatch = existing.batchId === batchId;
      skipped.push(
        sameBatch
          ? { key: item.key, sameBatch }
          : {
              key: item.key,
              sameBatch,
              refusal: refusal(C.alreadyPaid, { month: item.month }, { rule: 'PAID_ONCE' }),
            },
      );
      continue;
    }
    const record: PaymentRecord = {
      key: item.key,
      mobilityId: item.mobilityId,
      month: item.month,
      fiscalYear: item.fiscalYear,
      monthUnits: item.monthUnits,
      amountJpy: item.amountJpy,
      batchId,
      paidOn,
    };
    byKey.set(item.key, record);
    recorded.push(record);
  }
  return { ledger: { payments: [...ledger.payments, ...recorded] }, recorded, skipped };
}
