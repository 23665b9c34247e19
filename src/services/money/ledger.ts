/**
 * The state of the money of some mobilities, read from the database: enrolment confirmations
 * (R8), payments with their batch's status (PAID_ONCE: one row per student-month or trip, unique
 * in the database), safety advisories (R19) and travel (R13). Schedules (R10–R12) and the cap
 * usage (R14) are computed from them with the pure scholarship module.
 */
import type { Db } from '#src/db/client.ts';
import { fundedMobilitiesOf } from '#src/db/queries/money/context.ts';
import {
  advisoriesFor,
  confirmationsOf,
  overrideKeysOf,
  paymentsOf,
  travelsOf,
  type PaymentInfo,
  type TravelRow,
} from '#src/db/queries/money/ledger.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import {
  SCHOLARSHIP_CODES,
  buildSchedule,
  stipendKey,
  type AdvisedStay,
  type CountryAdvisory,
  type PayabilityState,
  type Refusal,
  type ScheduleResult,
} from '#src/domain/scholarship/index.ts';
import { travelKey } from '#src/domain/travel/index.ts';
import { loadMoneyContexts, NOT_PLACED, programRulesOn, type MobilityMoney } from './context.ts';

export type { PaymentInfo, TravelRow };

export interface Ledger {
  confirmed: Set<string>;
  confirmedMonths: Map<string, string[]>;
  /** By key (`stipend:<mobility>:<YYYY-MM>` or `travel:<mobility>`). */
  payments: Map<string, PaymentInfo>;
  advisories: CountryAdvisory[];
  /** R19: override decisions (`overrideKey(advisory, mobility)`): not held by that advisory. */
  overrides: Set<string>;
  /** R19: the stays as advisories see them, by mobility id. */
  stays: Map<string, AdvisedStay>;
  travels: Map<string, TravelRow>;
}

/** A mobility's stay as advisories see it (R19): country, program, days and state. */
export const advisedStayOf = (m: MobilityMoney): AdvisedStay => ({
  mobilityId: m.mobility.id,
  programId: m.programId,
  hostCountry: m.host.country,
  start: m.stay.start,
  end: m.stay.end,
  status: m.mobility.status,
});

export const paymentKey = (p: { mobilityId: string; kind: string; period: string }) =>
  p.kind === 'travel' ? travelKey(p.mobilityId) : stipendKey(p.mobilityId, p.period);

/** The advisories (R19) of these programs and of every program. */
export const loadAdvisories = advisoriesFor;

export async function loadLedger(db: Db, contexts: MobilityMoney[]): Promise<Ledger> {
  const ids = contexts.map((c) => c.mobility.id);
  const programIds = [...new Set(contexts.flatMap((c) => (c.programId ? [c.programId] : [])))];
  const ledger: Ledger = {
    confirmed: new Set(),
    confirmedMonths: new Map(),
    payments: new Map(),
    advisories: await loadAdvisories(db, programIds),
    overrides: await overrideKeysOf(db, ids),
    stays: new Map(contexts.map((c) => [c.mobility.id, advisedStayOf(c)])),
    travels: new Map(),
  };
  if (ids.length === 0) return ledger;
  for (const c of await confirmationsOf(db, ids)) {
    ledger.confirmed.add(stipendKey(c.mobilityId, c.month));
    const list = ledger.confirmedMonths.get(c.mobilityId) ?? [];
    list.push(c.month);
    ledger.confirmedMonths.set(c.mobilityId, list);
  }
  for (const p of await paymentsOf(db, ids)) ledger.payments.set(paymentKey(p), p);
  for (const t of await travelsOf(db, ids)) ledger.travels.set(t.mobilityId, t);
  return ledger;
}

const NO_RULES: Refusal = refusal(SCHOLARSHIP_CODES.noSupportedProject, {}, { rule: 'R10' });

/** The schedule of one mobility, or why it has none (R10, R12; unfunded: no schedule). */
export function scheduleOf(m: MobilityMoney): ScheduleResult {
  if (!m.mobility.funded) {
    return {
      ok: false,
      refusal: refusal(SCHOLARSHIP_CODES.notFunded, {}, { rule: 'R10' }),
    };
  }
  if (!m.rules || !m.support) return { ok: false, refusal: NO_RULES };
  return buildSchedule(m.stay, m.rules, m.support);
}

/** Student-months held by payments (pending or paid) per fiscal year, for some mobilities. */
export function heldMonthsByFiscalYear(ledger: Ledger, mobilityIds: Set<string>) {
  const byYear = new Map<number, number>();
  for (const p of ledger.payments.values()) {
    if (p.kind !== 'stipend' || !mobilityIds.has(p.mobilityId)) continue;
    byYear.set(p.fiscalYear, (byYear.get(p.fiscalYear) ?? 0) + p.studentMonths);
  }
  return byYear;
}

/** The payability state of a project (the sending consortium's mobilities) on a day. */
export function payabilityState(
  ledger: Ledger,
  project: MobilityMoney[],
  asOf: string,
): PayabilityState {
  const paid = new Set<string>();
  const pending = new Set<string>();
  for (const [key, p] of ledger.payments) (p.batchStatus === 'paid' ? paid : pending).add(key);
  // R14: the cap of the program's rules in force on the day of the decision.
  const cap = programRulesOn(project, asOf)?.annualCap.studentMonths ?? 0;
  return {
    asOf,
    confirmedKeys: ledger.confirmed,
    paidKeys: paid,
    pendingKeys: pending,
    advisories: ledger.advisories,
    stays: ledger.stays,
    overrides: ledger.overrides,
    capPerFiscalYear: cap,
    paidMonthsByFiscalYear: heldMonthsByFiscalYear(
      ledger,
      new Set(project.map((m) => m.mobility.id)),
    ),
  };
}

/** The funded, placed mobilities of a program or a sending consortium (with their context). */
export async function loadProjectMobilities(
  db: Db,
  filter: { programId?: string; consortiumId?: string },
  today: string,
): Promise<MobilityMoney[]> {
  const rows = await fundedMobilitiesOf(db, filter);
  const placed = rows.filter((r) => !(NOT_PLACED as readonly string[]).includes(r.status));
  const contexts = await loadMoneyContexts(db, placed, today);
  return contexts
    .filter((c) => !filter.consortiumId || c.sendingConsortiumId === filter.consortiumId)
    .sort(
      (a, b) =>
        a.mobility.startDate.localeCompare(b.mobility.startDate) ||
        a.mobility.studentName.localeCompare(b.mobility.studentName),
    );
}
