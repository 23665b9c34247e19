/**
 * Calendar arithmetic for programs, on ISO strings passed in (src/domain has no clock):
 * fiscal years (R20), the call's deadline (R18), stay lengths and their scholarship (R11, R12).
 * Calendar dates are `YYYY-MM-DD`; instants are ISO date-times with an offset or `Z`.
 */
import { rulesOn, type ProgramRules } from './rules.ts';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` into its parts; throws on anything else (a programming error upstream). */
export function parseDate(date: string): { y: number; m: number; d: number } {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD): "${date}"`);
  const [, y, m, d] = match;
  return { y: Number(y), m: Number(m), d: Number(d) };
}

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(date: string): number {
  const { y, m, d } = parseDate(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The calendar date of a day number. */
export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The same day `n` months later, clamped to the month's last day (2003-01-31 + 1 → 2003-02-28). */
export function addMonths(date: string, n: number): string {
  const { y, m, d } = parseDate(date);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

/** Whether `s` is a date-time (has a time part) rather than a calendar date. */
export function isInstant(s: string): boolean {
  return s.includes('T');
}

/** The calendar date of an instant as seen at `utcOffset` (`+09:00`), or the date itself. */
export function localDate(s: string, utcOffset: string): string {
  if (!isInstant(s)) {
    parseDate(s);
    return s;
  }
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date-time: "${s}"`);
  return new Date(ms + offsetMinutes(utcOffset) * 60_000).toISOString().slice(0, 10);
}

function offsetMinutes(utcOffset: string): number {
  if (utcOffset === 'Z') return 0;
  const sign = utcOffset.startsWith('-') ? -1 : 1;
  const [h, mm] = utcOffset.slice(1).split(':');
  return sign * (Number(h) * 60 + Number(mm));
}

// ---------------------------------------------------------------- fiscal years (R20)

/** The fiscal year a date falls in, named by the calendar year it starts in (April 2003–March 2004 = 2003). */
export function fiscalYearOf(rules: ProgramRules, date: string): number {
  const { y, m } = parseDate(date);
  return m >= rules.fiscalYearStartMonth ? y : y - 1;
}

/** First day of fiscal year `fy`. */
export function fiscalYearStart(rules: ProgramRules, fy: number): string {
  return `${String(fy).padStart(4, '0')}-${String(rules.fiscalYearStartMonth).padStart(2, '0')}-01`;
}

/** Last day of fiscal year `fy` (2003 → 2004-03-31 when the year starts in April). */
export function fiscalYearEnd(rules: ProgramRules, fy: number): string {
  return addDays(addMonths(fiscalYearStart(rules, fy), 12), -1);
}

// ---------------------------------------------------------------- the call (R18)

/** R18 — 003 §8: the first instant after the deadline day, as ISO UTC (submissions before it are on time). */
export function applicationClosesAt(rules: ProgramRules): string {
  const startOfDay = Date.parse(
    `${rules.call.applicationDeadline}T00:00:00${rules.call.utcOffset}`,
  );
  return new Date(startOfDay + DAY_MS).toISOString();
}

/**
 * R18 — 003 §8: whether `today` is after the deadline. `today` is a calendar date (read in the
 * funder's time zone) or an instant.
 */
export function isPastDeadline(rules: ProgramRules, today: string): boolean {
  if (isInstant(today)) return Date.parse(today) >= Date.parse(applicationClosesAt(rules));
  return dayNumber(today) > dayNumber(rules.call.applicationDeadline);
}

/** R18 — 003 §9: whether the outcome is overdue on `today` (no outcome recorded by `outcomeBy`). */
export function isOutcomeOverdue(rules: ProgramRules, today: string): boolean {
  return dayNumber(localDate(today, rules.call.utcOffset)) > dayNumber(rules.call.outcomeBy);
}

export interface Countdown {
  /** true once `now` has reached the deadline */
  passed: boolean;
  /** milliseconds left (0 once passed) */
  totalMs: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** R18: time left until `deadline` (an ISO instant, e.g. from `applicationClosesAt`) at `now`. */
export function countdown(deadline: string, now: string): Countdown {
  const end = Date.parse(deadline);
  const at = Date.parse(now);
  if (Number.isNaN(end) || Number.isNaN(at)) {
    throw new RangeError(`countdown needs ISO date-times, got "${deadline}" and "${now}"`);
  }
  const totalMs = Math.max(0, end - at);
  const totalSeconds = Math.floor(totalMs / 1000);
  return {
    passed: at >= end,
    totalMs,
    days: Math.floor(totalSeconds / 86_400),
    hours: Math.floor((totalSeconds % 86_400) / 3600),
    minutes: Math.floor((totalSeconds % 3600) / 60),
    seconds: totalSeconds % 60,
  };
}

// ---------------------------------------------------------------- stays and scholarships (R11, R12)

/** Length of a stay from `start` to `end` (both days included): completed months, then days left. */
export function stayLength(start: string, end: string): { months: number; days: number } {
  const last = dayNumber(end);
  if (last < dayNumber(start))
    throw new RangeError(`stay ends (${end}) before it starts (${start})`);
  let months = 0;
  while (dayNumber(addMonths(start, months + 1)) <= last + 1) months += 1;
  const days = last + 1 - dayNumber(addMonths(start, months));
  return { months, days };
}

/**
 * R11 — 003 §3(2)1): the scholarship for a stay of `months` completed months and `days` more,
 * under the program's monthly amount and partial-month rule. Integer yen.
 */
export function scholarshipFor(
  rules: ProgramRules,
  length: { months: number; days: number },
): number {
  const monthly = rules.stipend.monthlyAmount;
  const rule = rules.stipend.partialMonth;
  const whole = length.months * monthly;
  if (length.days === 0) return whole;
  switch (rule.kind) {
    case 'whole-months':
      return whole;
    case 'started-month':
      return whole + monthly;
    case 'pro-rata-days':
      return (
        whole + Math.floor((monthly * Math.min(length.days, rule.daysPerMonth)) / rule.daysPerMonth)
      );
  }
}

/** R12 — 003 §3(2)2): whether a stay of this length is within the supported range. */
export function isSupportedStay(
  rules: ProgramRules,
  length: { months: number; days: number },
): boolean {
  const { min, max } = rules.stayMonths;
  return (
    length.months >= min && (length.months < max || (length.months === max && length.days === 0))
  );
}

/**
 * R14 (003 §4) over time: the cap of student-months of a fiscal year is the one of the rules in
 * force on the year's first day (a later edit does not move the cap of a year already begun,
 * unless dated so). 0 without rules.
 */
export function annualCapInFiscalYear(versions: readonly ProgramRules[], fy: number): number {
  const latest = rulesOn(versions, '9999-12-31');
  if (!latest) return 0;
  return rulesOn(versions, fiscalYearStart(latest, fy))?.annualCap.studentMonths ?? 0;
}
