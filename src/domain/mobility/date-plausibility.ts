/**
 * Whether the dates a mobility records — departure, arrival, completion — fit its plan (start date
 * and months) and the supported stay of R12 (003 §3(2)2): "from 3 to 12 months" in the pilot; the
 * program's `stayMonths` when the mobility belongs to a program).
 *
 * Two kinds of answer:
 * - an impossible date is refused by the state table (`transition`: a date in the future, or
 *   before the date it follows);
 * - an implausible date is a *warning*: real stays move (a visa comes late, a semester is cut
 *   short), so the coordinator may record it anyway, with a reason that is kept with the warnings.
 *
 * Pure: the plan, the stay limits and the date come in; nothing here reads a clock.
 */
import { refusal, type Refusal } from '../shared/refusal.ts';
import type { Mobility, RecordedDate } from './mobility-workflow.ts';

/** How many days a departure or arrival may be away from the planned start without a warning. */
export const PLANNED_START_TOLERANCE_DAYS = 31;

/**
 * How many months the actual stay (arrival → completion) may differ from the planned months
 * without a warning.
 */
export const PLANNED_STAY_TOLERANCE_MONTHS = 1;

/** Days in an average month (365.25 / 12): stays are measured in days and shown in months. */
export const DAYS_PER_MONTH = 30.4375;

export type DateWarningCode =
  | 'mobility.date_far_from_plan'
  | 'mobility.date_stay_below_minimum'
  | 'mobility.date_stay_above_maximum'
  | 'mobility.date_stay_shorter_than_plan'
  | 'mobility.date_stay_longer_than_plan';

export const DATE_WARNING_CODES: readonly DateWarningCode[] = [
  'mobility.date_far_from_plan',
  'mobility.date_stay_below_minimum',
  'mobility.date_stay_above_maximum',
  'mobility.date_stay_shorter_than_plan',
  'mobility.date_stay_longer_than_plan',
];

export type DateWarning = Refusal & { code: DateWarningCode };

/** What a mobility was planned as. */
export type MobilityPlan = {
  /** ISO date the stay was planned to start. */
  startDate: string;
  /** Planned length in months. */
  months: number;
};

/** R12: the supported stay in months (inclusive), from the program's rules; null outside one. */
export type StayLimits = { min: number; max: number } | null;

export type PlausibilityTolerances = {
  startDays: number;
  stayMonths: number;
};

export const DEFAULT_TOLERANCES: PlausibilityTolerances = {
  startDays: PLANNED_START_TOLERANCE_DAYS,
  stayMonths: PLANNED_STAY_TOLERANCE_MONTHS,
};

const DAY_MS = 86_400_000;

/** Whole days from `a` to `b` (ISO dates; negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** A stay from `from` to `to` (both days included) in months, to one decimal. */
export function stayMonths(from: string, to: string): number {
  return Math.round(((daysBetween(from, to) + 1) / DAYS_PER_MONTH) * 10) / 10;
}

/**
 * The warnings recording `date` as `field` would raise for this mobility: a departure or arrival
 * far from the planned start; a completion that makes the stay shorter or longer than R12 allows,
 * or much shorter or longer than planned. Other fields (the end of a withdrawn or interrupted
 * stay) raise none: an early end is what those steps are for.
 */
export function dateWarnings(
  mobility: Pick<Mobility, 'arrivedOn' | 'departedOn'>,
  plan: MobilityPlan,
  field: RecordedDate,
  date: string,
  stay: StayLimits,
  tolerances: PlausibilityTolerances = DEFAULT_TOLERANCES,
): DateWarning[] {
  const out: DateWarning[] = [];
  const warn = (code: DateWarningCode, params: DateWarning['params'], rule?: 'R12') =>
    out.push({ ...refusal(code, params, { rule, field: 'body.date' }), code });

  if (field === 'departedOn' || field === 'arrivedOn') {
    const days = daysBetween(plan.startDate, date);
    if (Math.abs(days) > tolerances.startDays) {
      warn('mobility.date_far_from_plan', {
        date,
        planned: plan.startDate,
        days: Math.abs(days),
        tolerance: tolerances.startDays,
      });
    }
  }

  if (field === 'completedOn') {
    const from = mobility.arrivedOn ?? mobility.departedOn;
    if (from === null) return out;
    const months = stayMonths(from, date);
    if (stay && months < stay.min) {
      warn(
        'mobility.date_stay_below_minimum',
        { months, minimum: stay.min, from, to: date },
        'R12',
      );
    }
    if (stay && months > stay.max) {
      warn(
        'mobility.date_stay_above_maximum',
        { months, maximum: stay.max, from, to: date },
        'R12',
      );
    }
    if (months < plan.months - tolerances.stayMonths) {
      warn('mobility.date_stay_shorter_than_plan', {
        months,
        planned: plan.months,
        from,
        to: date,
      });
    }
    if (months > plan.months + tolerances.stayMonths) {
      warn('mobility.date_stay_longer_than_plan', { months, planned: plan.months, from, to: date });
    }
  }
  return out;
}
