/**
 * A series of events and its rotation rule: the association's congress "in turn in Russia and
 * Japan once in one and a half to two years" is `{ countries: ['JP', 'RU'], minMonths: 18,
 * maxMonths: 24 }`; Russian Week "each year" at one host is `{ countries: ['JP'], minMonths: 12,
 * maxMonths: 12 }`. The next host is a suggestion: the organisers decide.
 */
import { z } from 'zod';
import { refusal, type Refusal } from '../shared/refusal.ts';
import { EVENT_CODES } from './refusal-codes.ts';

export const rotationSchema = z.object({
  /** ISO 3166 alpha-2 countries, in the order the series turns through them. */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).max(20),
  minMonths: z.number().int().min(1).max(120),
  maxMonths: z.number().int().min(1).max(120),
});
export type Rotation = z.infer<typeof rotationSchema>;

/** A party that may host an edition, with its country. */
export interface HostCandidate {
  id: string;
  country: string;
}

export interface SeriesRule {
  rotation: Rotation;
  /** Who may host, in the order the organisers prefer. */
  candidates: readonly HostCandidate[];
}

/** A past (or planned) edition of the series. */
export interface PastEdition {
  startsOn: string;
  /** Country the edition took place in (its first host's). */
  country: string | null;
  hostIds: readonly string[];
}

export interface NextHost {
  /** The country whose turn it is; null when the rotation names none. */
  country: string | null;
  /** The suggested host: a candidate of that country that hosted least recently (never first). */
  hostId: string | null;
  /** The window in which the next edition falls by the rule; null before a first edition. */
  earliest: string | null;
  latest: string | null;
}

/** The refusals of a rotation rule (empty when it is sound), each naming its field. */
export function rotationProblems(rotation: Rotation): Refusal[] {
  const out: Refusal[] = [];
  if (rotation.countries.length === 0)
    out.push(refusal(EVENT_CODES.rotationEmpty, {}, { field: 'rotation.countries' }));
  if (rotation.minMonths > rotation.maxMonths)
    out.push(
      refusal(
        EVENT_CODES.rotationInterval,
        { minMonths: rotation.minMonths, maxMonths: rotation.maxMonths },
        { field: 'rotation.maxMonths' },
      ),
    );
  return out;
}

/** `date` plus `months` calendar months (day clamped to the month's end). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The next host by the rule: the country after the latest edition's in the rotation (the first
 * country before any edition), and of that country's candidates the one who hosted least
 * recently, one who never hosted before any who did, ties in the organisers' order.
 */
export function nextHost(series: SeriesRule, past: readonly PastEdition[]): NextHost {
  const editions = [...past].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const last = editions.at(-1);
  const { countries, minMonths, maxMonths } = series.rotation;
  let country: string | null = countries[0] ?? null;
  if (last?.country && countries.length > 0) {
    const i = countries.indexOf(last.country);
    country = countries[(i + 1) % countries.length] ?? null;
  }
  const lastHosted = (id: string) =>
    editions.reduce<string | null>((acc, e) => (e.hostIds.includes(id) ? e.startsOn : acc), null);
  const candidates = series.candidates
    .map((c, order) => ({ ...c, order, last: lastHosted(c.id) }))
    .filter((c) => country === null || c.country === country)
    .sort(
      (a, b) =>
        (a.last === null ? 0 : 1) - (b.last === null ? 0 : 1) ||
        (a.last ?? '').localeCompare(b.last ?? '') ||
        a.order - b.order,
    );
  return {
    country,
    hostId: candidates[0]?.id ?? null,
    earliest: last ? addMonths(last.startsOn, minMonths) : null,
    latest: last ? addMonths(last.startsOn, maxMonths) : null,
  };
}
