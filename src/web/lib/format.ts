import type { Language } from '../api/contract.ts';
import { dateTimeFormat, localeOf, numberFormat } from '../../i18n/format.ts';

export function locale(language: Language): string {
  return localeOf(language);
}

/** A calendar date (YYYY-MM-DD) in the reader's language; the input unchanged if not a date. */
export function formatDate(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return dateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatNumber(value: number, language: Language, fractionDigits?: number): string {
  return numberFormat(
    locale(language),
    fractionDigits === undefined
      ? {}
      : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits },
  ).format(value);
}

/** Today as YYYY-MM-DD in the reader's time zone (the default of date inputs). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The academic year a date falls in, by its starting calendar year (startMonth 1–12). */
export function academicYearOf(isoDate: string, startMonth: number): number | null {
  const match = /^(\d{4})-(\d{2})-\d{2}/.exec(isoDate);
  if (!match) return null;
  const year = Number(match[1]);
  return Number(match[2]) >= startMonth ? year : year - 1;
}

/** The academic years from one date to another, inclusive (at most `limit` of them). */
export function academicYearsBetween(
  from: string,
  to: string,
  startMonth: number,
  limit = 40,
): number[] {
  const first = academicYearOf(from, startMonth);
  const last = academicYearOf(to, startMonth);
  if (first === null || last === null || last < first) return [];
  const years: number[] = [];
  for (let year = first; year <= last && years.length < limit; year += 1) years.push(year);
  return years;
}

/** A month's name (1–12) in the reader's language. */
export function monthName(month: number, language: Language): string {
  const date = new Date(Date.UTC(2000, month - 1, 1));
  return dateTimeFormat(locale(language), { month: 'long', timeZone: 'UTC' }).format(date);
}
