/**
 * The scholarship schedule of a funded placed student: the monthly stipend (R11, 003 §3(2)1))
 * times the supported months (R12, 003 §3(2)2)), counted by the program's partial-month rule,
 * within the project's support period (R10, 003 §3(1)), split by fiscal year for the cap (R14).
 */
import type { IsoDate, YearMonth } from './dates.ts';
import {
  addDays,
  addMonths,
  compareIso,
  dayNumber,
  daysInMonth,
  firstDayOfMonth,
  formatDate,
  formatMonth,
  isLeapYear,
  lastDayOfMonth,
  parseIsoDate,
} from './dates.ts';
import { fiscalYearOf } from './fiscal-year.ts';
import { MONTH_UNITS, amountOfUnits, fromMonthUnits, unitsOfDays } from './months.ts';
import { refusal, type Refusal } from '../shared/refusal.ts';
import { SCHOLARSHIP_CODES as C } from './refusal-codes.ts';
import type {
  FiscalYearTotal,
  PartialMonthRule,
  ScheduleLine,
  ScheduleResult,
  ScholarshipRules,
  Stay,
  SupportPeriod,
} from './types.ts';

/** The key of a student-month: what "paid at most once" is about. */
export function stipendKey(mobilityId: string, month: string): string {
  return `stipend:${mobilityId}:${month}`;
}

/** The support period of a project that starts on `start` and lasts `years` years (R10). */
export function supportPeriodFor(start: IsoDate, years: number): SupportPeriod {
  const s = parseIsoDate(start);
  const year = s.year + years;
  // The same day `years` later, exclusive; 29 February → 1 March when that year has no 29th.
  const endExclusive =
    s.month === 2 && s.day === 29 && !isLeapYear(year)
      ? formatDate({ year, month: 3, day: 1 })
      : formatDate({ year, month: s.month, day: s.day });
  return { start, end: addDays(endExclusive, -1) };
}

/** R10: the support period is a real interval and no longer than the program allows. */
export function checkSupportPeriod(period: SupportPeriod, rules: ScholarshipRules): Refusal | null {
  if (compareIso(period.end, period.start) < 0) {
    return refusal(
      C.supportPeriodInvalid,
      { start: period.start, end: period.end },
      { rule: 'R10' },
    );
  }
  const longest = supportPeriodFor(period.start, rules.maxSupportYears);
  if (compareIso(period.end, longest.end) > 0) {
    return refusal(
      C.supportPeriodTooLong,
      {
        maxSupportYears: rules.maxSupportYears,
        count: rules.maxSupportYears,
        start: period.start,
        end: period.end,
        latestEnd: longest.end,
      },
      { rule: 'R10' },
    );
  }
  return null;
}

/** Days of [from, to] (inclusive) that fall in a month. */
function daysWithin(ym: YearMonth, from: IsoDate, to: IsoDate): number {
  const first = firstDayOfMonth(ym);
  const last = lastDayOfMonth(ym);
  const a = compareIso(from, first) > 0 ? from : first;
  const b = compareIso(to, last) < 0 ? to : last;
  return compareIso(b, a) < 0 ? 0 : dayNumber(b) - dayNumber(a) + 1;
}

function shareUnits(
  rule: PartialMonthRule,
  days: number,
  dim: number,
  daysPerMonth?: number,
): number {
  if (days >= dim) return MONTH_UNITS;
  switch (rule) {
    case 'full-if-over-half':
      return 2 * days > dim ? MONTH_UNITS : 0;
    case 'pro-rata-days':
      return daysPerMonth
        ? Math.min(MONTH_UNITS, unitsOfDays(days, daysPerMonth))
        : unitsOfDays(days, dim);
    case 'calendar-months-only':
    case 'whole-months':
      return 0;
    case 'started-month':
      return days > 0 ? MONTH_UNITS : 0;
  }
}

function monthsBetween(start: IsoDate, end: IsoDate): YearMonth[] {
  const s = parseIsoDate(start);
  const e = parseIsoDate(end);
  const out: YearMonth[] = [];
  for (let ym: YearMonth = { year: s.year, month: s.month }; ; ym = addMonths(ym, 1)) {
    out.push(ym);
    if (ym.year === e.year && ym.month === e.month) return out;
  }
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Builds the schedule of one stay. Refuses (R12) a stay shorter than `minMonths` counted by the
 * partial-month rule, (R10) a support period longer than the program allows or a stay outside it.
 * Months beyond `maxMonths` and months outside the support period (or after its suspension) are
 * listed as excluded lines with the rule that excludes them, so the schedule explains itself.
 */
export function buildSchedule(
  stay: Stay,
  rules: ScholarshipRules,
  support: SupportPeriod,
): ScheduleResult {
  if (compareIso(stay.end, stay.start) < 0) {
    return {
      ok: false,
      refusal: refusal(C.stayInvalid, { start: stay.start, end: stay.end }, { rule: 'R12' }),
    };
  }
  const supportRefusal = checkSupportPeriod(support, rules);
  if (supportRefusal) return { ok: false, refusal: supportRefusal };

  const rule = rules.partialMonthRule;
  const perMonth = rule === 'pro-rata-days' ? rules.partialMonthDaysPerMonth : undefined;
  // The last supported day: the period's end, or the day before a suspension (R10).
  let supportedTo = support.end;
  if (support.suspendedFrom && compareIso(addDays(support.suspendedFrom, -1), supportedTo) < 0) {
    supportedTo = addDays(support.suspendedFrom, -1);
  }

  const months = monthsBetween(stay.start, stay.end);
  // R12 is about the stay itself: its months counted by the program's rule.
  const stayUnits = months.reduce(
    (sum, ym) =>
      sum +
      shareUnits(
        rule,
        daysWithin(ym, stay.start, stay.end),
        daysInMonth(ym.year, ym.month),
        perMonth,
      ),
    0,
  );
  if (stayUnits < rules.minMonths * MONTH_UNITS) {
    return {
      ok: false,
      refusal: refusal(
        C.stayTooShort,
        {
          minMonths: rules.minMonths,
          count: rules.minMonths,
          months: round2(fromMonthUnits(stayUnits)),
          start: stay.start,
          end: stay.end,
          rule,
        },
        { rule: 'R12' },
      ),
    };
  }

  const maxUnits = rules.maxMonths * MONTH_UNITS;
  let cumulative = 0;
  const lines: ScheduleLine[] = [];
  for (const ym of months) {
    const month = formatMonth(ym);
    const dim = daysInMonth(ym.year, ym.month);
    const daysInStay = daysWithin(ym, stay.start, stay.end);
    const from = compareIso(stay.start, support.start) > 0 ? stay.start : support.start;
    const to = compareIso(stay.end, supportedTo) < 0 ? stay.end : supportedTo;
    const daysSupported = compareIso(to, from) < 0 ? 0 : daysWithin(ym, from, to);
    let units = daysSupported === 0 ? 0 : shareUnits(rule, daysSupported, dim, perMonth);
    let note: Refusal | undefined;
    if (daysSupported < daysInStay) {
      const suspended =
        support.suspendedFrom != null && compareIso(lastDayOfMonth(ym), support.suspendedFrom) >= 0;
      note = suspended
        ? refusal(C.projectSuspended, { from: support.suspendedFrom ?? '' }, { rule: 'R10' })
        : refusal(
            C.outsideSupportPeriod,
            { month, daysSupported, daysInStay, start: support.start, end: support.end },
            { rule: 'R10' },
          );
    }
    if (units === 0 && daysSupported > 0) {
      note = refusal(
        C.partialMonthNotCounted,
        { month, days: daysSupported, daysInMonth: dim, rule },
        { rule: 'R12' },
      );
    }
    if (units > 0 && cumulative + units > maxUnits) {
      units = Math.max(0, maxUnits - cumulative);
      note = refusal(
        C.beyondMaxMonths,
        { maxMonths: rules.maxMonths, count: rules.maxMonths },
        { rule: 'R12' },
      );
    }
    cumulative += units;
    const line: ScheduleLine = {
      key: stipendKey(stay.mobilityId, month),
      mobilityId: stay.mobilityId,
      hostCountry: stay.hostCountry,
      month,
      fiscalYear: fiscalYearOf(month, rules.fiscalYearStartMonth),
      daysInStay,
      daysSupported,
      daysInMonth: dim,
      months: fromMonthUnits(units),
      monthUnits: units,
      amountJpy: amountOfUnits(rules.monthlyStipendJpy, units),
      status: units > 0 ? 'scheduled' : 'excluded',
    };
    if (note) line.note = note;
    lines.push(line);
  }

  const scheduled = lines.filter((l) => l.status === 'scheduled');
  if (scheduled.length === 0) {
    return {
      ok: false,
      refusal: refusal(
        C.noMonthInSupportPeriod,
        { start: stay.start, end: stay.end, supportStart: support.start, supportEnd: supportedTo },
        { rule: 'R10' },
      ),
    };
  }
  const totalMonthUnits = scheduled.reduce((s, l) => s + l.monthUnits, 0);
  return {
    ok: true,
    schedule: {
      mobilityId: stay.mobilityId,
      hostCountry: stay.hostCountry,
      stay: { start: stay.start, end: stay.end },
      monthlyStipendJpy: rules.monthlyStipendJpy,
      partialMonthRule: rule,
      partialMonthDaysPerMonth: perMonth ?? null,
      lines,
      totalMonths: fromMonthUnits(totalMonthUnits),
      totalMonthUnits,
      totalJpy: scheduled.reduce((s, l) => s + l.amountJpy, 0),
      byFiscalYear: totalsByFiscalYear(scheduled),
    },
  };
}

/** Scheduled months and yen per fiscal year, in year order. */
export function totalsByFiscalYear(lines: readonly ScheduleLine[]): FiscalYearTotal[] {
  const byYear = new Map<number, FiscalYearTotal>();
  for (const l of lines) {
    if (l.status !== 'scheduled') continue;
    const t = byYear.get(l.fiscalYear) ?? {
      fiscalYear: l.fiscalYear,
      months: 0,
      monthUnits: 0,
      amountJpy: 0,
    };
    t.monthUnits += l.monthUnits;
    t.months = fromMonthUnits(t.monthUnits);
    t.amountJpy += l.amountJpy;
    byYear.set(l.fiscalYear, t);
  }
  return [...byYear.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
}
