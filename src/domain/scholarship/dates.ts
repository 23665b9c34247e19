/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) and months (`YYYY-MM`), without a clock and
 * without `Date`: every date is passed in, and day numbers are computed from the proleptic
 * Gregorian calendar (days since 1970-01-01), so results do not depend on the time zone.
 */
import { z } from 'zod';

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A calendar month, `YYYY-MM`. */
export type IsoMonth = string;

export interface YearMonth {
  year: number;
  /** 1–12 */
  month: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export interface DateParts extends YearMonth {
  day: number;
}

/** Parses `YYYY-MM-DD`; throws a RangeError naming the value when it is not a real date. */
export function parseIsoDate(value: IsoDate): DateParts {
  const m = DATE_RE.exec(value);
  if (!m) throw new RangeError(`not an ISO date (YYYY-MM-DD): "${value}"`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date: "${value}"`);
  }
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

export function parseIsoMonth(value: IsoMonth): YearMonth {
  const m = MONTH_RE.exec(value);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12) throw new RangeError(`not an ISO month (YYYY-MM): "${value}"`);
  return { year, month };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatMonth(ym: YearMonth): IsoMonth {
  return `${pad(ym.year, 4)}-${pad(ym.month, 2)}`;
}

export function formatDate(d: DateParts): IsoDate {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** Days since 1970-01-01 (negative before), for the proleptic Gregorian calendar. */
export function dayNumber(date: IsoDate | DateParts): number {
  const { year, month, day } = typeof date === 'string' ? parseIsoDate(date) : date;
  // Shift the year so that it starts in March: the leap day is then the year's last day.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (inverse of `dayNumber`). */
export function dateOfDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatDate({ year, month, day });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOfDayNumber(dayNumber(date) + days);
}

export function addMonths(ym: YearMonth, months: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

export function firstDayOfMonth(ym: YearMonth): IsoDate {
  return formatDate({ ...ym, day: 1 });
}

export function lastDayOfMonth(ym: YearMonth): IsoDate {
  return formatDate({ ...ym, day: daysInMonth(ym.year, ym.month) });
}

/** Compares ISO dates (or months): negative, zero or positive. */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** zod: a real calendar date `YYYY-MM-DD`. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });

/** zod: a month `YYYY-MM`. */
export const isoMonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');

/**
 * The last day (inclusive) of a stay of `months` months from `start`: the same day `months`
 * months later, minus a day (clamped to the month's end); a fraction of a month counts as that
 * part of 30 days.
 */
export function stayEndDate(start: IsoDate, months: number): IsoDate {
  const s = parseIsoDate(start);
  const whole = Math.floor(months);
  const extraDays = Math.round((months - whole) * 30);
  const ym = addMonths({ year: s.year, month: s.month }, whole);
  const day = Math.min(s.day, daysInMonth(ym.year, ym.month));
  return addDays(formatDate({ ...ym, day }), extraDays - 1);
}
