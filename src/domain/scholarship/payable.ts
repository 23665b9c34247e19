/**
 * Whether one student-month may be paid now. Every refusal names its rule:
 * - PAID_ONCE — a student-month is paid at most once (and sits in at most one open batch);
 * - R10 / R12 — the month is not on the schedule (outside the support period, beyond the
 *   maximum, a partial month the program's rule does not pay);
 * - R8 — paid through the representative university only (003 §5(8), §7(1)), and only after the
 *   host confirmed the student's enrolment for that month (003 §6(2)2));
 * - R19 — no payment for a country under a safety advisory (003 §10(1)); lifting resumes;
 * - R14 — the paid student-months of the fiscal year stay within the cap (003 §4).
 */
import type { IsoDate } from './dates.ts';
import { firstDayOfMonth, lastDayOfMonth, parseIsoMonth } from './dates.ts';
import { fromMonthUnits, toMonthUnits } from './months.ts';
import type { AdvisedStay, CountryAdvisory } from './safety.ts';
import { holdingAdvisory } from './safety.ts';
import type { ScheduleLine } from './types.ts';
import { refusal, type LocalizedText, type Refusal } from '../shared/refusal.ts';
import { SCHOLARSHIP_CODES as C } from './refusal-codes.ts';

export interface PayabilityState {
  /** The day of the payment decision (passed in: the domain has no clock). */
  asOf: IsoDate;
  /** Keys of student-months whose enrolment the host confirmed (R8). */
  confirmedKeys: ReadonlySet<string>;
  /** Keys of student-months already paid. */
  paidKeys: ReadonlySet<string>;
  /** Keys of student-months in another batch not yet paid or cancelled. */
  pendingKeys?: ReadonlySet<string>;
  advisories: readonly CountryAdvisory[];
  /**
   * R19: the stays of the mobilities (program, state, days), by mobility id; a line whose stay is
   * not given is read as a stay of its month in its host country, in a state advisories touch.
   */
  stays?: ReadonlyMap<string, AdvisedStay>;
  /** R19: override decisions recorded by the funder officer (`overrideKey(advisory, mobility)`). */
  overrides?: ReadonlySet<string>;
  /** R14: the program's cap of student-months per fiscal year. */
  capPerFiscalYear: number;
  /** Student-months already paid (or in open batches), per fiscal year. */
  paidMonthsByFiscalYear: ReadonlyMap<number, number>;
  /** R8: who pays, and the representative university of the consortium; checked when given. */
  payer?: {
    institutionId: string;
    representativeInstitutionId: string;
    payerName?: LocalizedText;
    representativeName?: LocalizedText;
  };
}

export type Payability =
  | { payable: true; key: string; amountJpy: number }
  | { payable: false; key: string; refusals: Refusal[] };

/** All the reasons a student-month may not be paid now (none: payable). */
export function checkPayable(line: ScheduleLine, state: PayabilityState): Payability {
  const refusals: Refusal[] = [];
  const { key, month } = line;
  const rule = { rule: 'PAID_ONCE' } as const;

  if (state.paidKeys.has(key)) {
    refusals.push(refusal(C.alreadyPaid, { month }, rule));
  } else if (state.pendingKeys?.has(key)) {
    refusals.push(refusal(C.alreadyInBatch, { month }, rule));
  }

  if (line.status !== 'scheduled' || line.amountJpy <= 0) {
    refusals.push(line.note ?? refusal(C.notScheduled, { month }, { rule: 'R12' }));
  }

  if (state.payer && state.payer.institutionId !== state.payer.representativeInstitutionId) {
    refusals.push(
      refusal(
        C.notRepresentativeUniversity,
        {
          payer: state.payer.payerName ?? { en: state.payer.institutionId },
          representative: state.payer.representativeName ?? {
            en: state.payer.representativeInstitutionId,
          },
        },
        { rule: 'R8' },
      ),
    );
  }

  if (!state.confirmedKeys.has(key)) {
    refusals.push(refusal(C.enrolmentNotConfirmed, { month }, { rule: 'R8' }));
  }

  // R19: a month that overlaps an advisory's window is held until the advisory is over or an
  // override is recorded for the mobility; months outside the window are paid as usual.
  const ym = parseIsoMonth(month);
  const stay = state.stays?.get(line.mobilityId) ?? {
    mobilityId: line.mobilityId,
    programId: null,
    hostCountry: line.hostCountry,
    start: firstDayOfMonth(ym),
    end: lastDayOfMonth(ym),
    status: 'arrived',
  };
  const holding = holdingAdvisory(
    state.advisories,
    stay,
    { kind: 'stipend', month },
    state.asOf,
    state.overrides,
  );
  if (holding) refusals.push(advisoryRefusal(holding));

  const paidUnits = toMonthUnits(state.paidMonthsByFiscalYear.get(line.fiscalYear) ?? 0);
  const capUnits = toMonthUnits(state.capPerFiscalYear);
  if (paidUnits + line.monthUnits > capUnits) {
    refusals.push(
      refusal(
        C.capExceeded,
        {
          fiscalYear: line.fiscalYear,
          paid: fromMonthUnits(paidUnits),
          cap: state.capPerFiscalYear,
        },
        { rule: 'R14' },
      ),
    );
  }

  return refusals.length === 0
    ? { payable: true, key, amountJpy: line.amountJpy }
    : { payable: false, key, refusals };
}

/** R19: what an advisory in effect says about a payment it holds (the country and the date). */
export function advisoryRefusal(advisory: CountryAdvisory): Refusal {
  return refusal(
    advisory.level === 'suspend' ? C.countrySuspended : C.countryPostponed,
    { country: advisory.country, from: advisory.from },
    { rule: 'R19' },
  );
}
