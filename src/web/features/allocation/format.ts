import { formatInstant } from '../../../i18n/format.ts';
import type { Language } from '../../api/types.ts';
import { formatNumber, locale } from '../../lib/format.ts';
import type { MechanismResult } from './api.ts';

/**
 * An instant (ISO 8601) as date and time of day with its time zone, in the reader's language.
 * Shown on Tokyo's clock, the funder's, with the zone named so readers elsewhere can tell.
 */
export function formatDateTime(iso: string, language: Language, timeZone = 'Asia/Tokyo'): string {
  return formatInstant(iso, language, timeZone);
}

/** A share 0–1 as a percentage in the reader's language. */
export function formatPercent(value: number, language: Language): string {
  return new Intl.NumberFormat(locale(language), {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(value);
}

export type Better = 'higher' | 'lower' | null;

/** The mechanisms holding the best value of a metric; none when all values are equal. */
export function bestOf(values: (number | null)[], better: Better): boolean[] {
  const present = values.filter((v): v is number => v !== null);
  if (better === null || present.length < 2) return values.map(() => false);
  const best = better === 'higher' ? Math.max(...present) : Math.min(...present);
  if (present.every((v) => v === best)) return values.map(() => false);
  return values.map((v) => v === best);
}

/**
 * What the result says of its optimum, as a translation key and its values: proven, or, when
 * the solver stopped at its time limit, the bounds the optimum lies between; null for the
 * mechanisms that claim no optimum.
 */
export function proofNote(
  stats: MechanismResult['result']['stats'],
  language: Language,
): { key: string; values?: Record<string, string> } | null {
  if (stats.proven) return { key: 'allocation.compare.proven' };
  if (stats.proven === false && stats.bounds) {
    return {
      key: 'allocation.compare.unproven',
      values: {
        lower: formatNumber(stats.bounds.lower, language),
        upper: formatNumber(stats.bounds.upper, language),
      },
    };
  }
  return null;
}
