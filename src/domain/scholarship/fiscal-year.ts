/**
 * Fiscal years. Japan's runs April–March (003 §10(2), R20) and is named after the calendar year
 * it starts in: FY2024 is 1 April 2024 – 31 March 2025 (令和6年度). The start month is program
 * data; with a start month of 1 the fiscal year is the calendar year.
 */
import type { IsoDate, IsoMonth } from './dates.ts';
import {
  firstDayOfMonth,
  lastDayOfMonth,
  addMonths,
  parseIsoDate,
  parseIsoMonth,
} from './dates.ts';

function checkStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`fiscal-year start month must be 1–12, got ${startMonth}`);
  }
}

/** The fiscal year of a date (`YYYY-MM-DD`) or a month (`YYYY-MM`). */
export function fiscalYearOf(date: IsoDate | IsoMonth, startMonth: number): number {
  checkStartMonth(startMonth);
  const { year, month } = date.length === 7 ? parseIsoMonth(date) : parseIsoDate(date);
  return month >= startMonth ? year : year - 1;
}

/** The first and last day of a fiscal year. */
export function fiscalYearRange(
  fiscalYear: number,
  startMonth: number,
): { start: IsoDate; end: IsoDate } {
  checkStartMonth(startMonth);
  const first = { year: fiscalYear, month: startMonth };
  return { start: firstDayOfMonth(first), end: lastDayOfMonth(addMonths(first, 11)) };
}
