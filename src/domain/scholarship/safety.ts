/**
 * Country advisories (R19, 003 §10(1)): "if ensuring safe study in a recipient nation is
 * difficult …, dispatching students to that country may be postponed or suspended." The funder
 * officer records an advisory for a country of a program from a date, until a date when one is
 * known; lifting it (a date) ends it.
 *
 * The window of an advisory is the run of days it covers, both ends inclusive:
 *   [from, last] with last = the earlier of `until` and the day before `liftedOn`;
 *   open-ended while neither is set. Lifted on day L, it covers [from, L) — so an advisory lifted
 *   on its from-day covers no day at all and holds nothing from then on.
 *
 * What it touches: a stay in the country under the program whose days overlap the window and
 * that is still going (a completed, recognised, withdrawn or refused stay is left alone). What it
 * holds, until it is over (its window is behind `today`, or it was lifted) or until the funder
 * officer records an override for the mobility: the stipend months that overlap the window and
 * the trip whose departure (the first day of the stay) falls in it.
 */
import { z } from 'zod';
import type { IsoDate, IsoMonth } from './dates.ts';
import {
  addDays,
  compareIso,
  firstDayOfMonth,
  isoDateSchema,
  lastDayOfMonth,
  parseIsoMonth,
} from './dates.ts';
import { refusal, type Refusal } from '../shared/refusal.ts';
import { SCHOLARSHIP_CODES } from './refusal-codes.ts';

export const ADVISORY_LEVELS = ['postpone', 'suspend'] as const;
export type AdvisoryLevel = (typeof ADVISORY_LEVELS)[number];

export interface CountryAdvisory {
  id: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  level: AdvisoryLevel;
  /** In effect from this day on (inclusive). */
  from: IsoDate;
  /** The last day it is in effect (inclusive); null: until lifted. */
  until?: IsoDate | null;
  /** Lifted on this day (no longer in effect from it on); null while not lifted. */
  liftedOn?: IsoDate | null;
  /** The program whose mobilities it concerns; null: every program. */
  programId?: string | null;
}

export const countryAdvisorySchema = z
  .object({
    id: z.string().min(1),
    country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code'),
    level: z.enum(ADVISORY_LEVELS),
    from: isoDateSchema,
    until: isoDateSchema.nullable().optional(),
    liftedOn: isoDateSchema.nullable().optional(),
  })
  .refine((a) => a.until == null || a.until >= a.from, {
    message: 'an advisory ends on or after the day it starts',
    path: ['until'],
  })
  .refine((a) => a.liftedOn == null || a.liftedOn >= a.from, {
    message: 'an advisory is lifted on or after the day it starts',
    path: ['liftedOn'],
  });

/** R19: an advisory ends on or after the day it starts (`until` ≥ `from`); otherwise why not. */
export function checkUntil(advisory: { from: IsoDate }, until: IsoDate): Refusal | null {
  return compareIso(until, advisory.from) >= 0
    ? null
    : refusal(
        SCHOLARSHIP_CODES.advisoryEndsBeforeStart,
        { from: advisory.from, until },
        { rule: 'R19', field: 'body.until' },
      );
}

/**
 * R19: an advisory is lifted on or after the day it starts; lifted on its from-day it holds
 * nothing. Otherwise why not.
 */
export function checkLift(advisory: { from: IsoDate }, liftedOn: IsoDate): Refusal | null {
  return compareIso(liftedOn, advisory.from) >= 0
    ? null
    : refusal(
        SCHOLARSHIP_CODES.advisoryLiftedBeforeStart,
        { from: advisory.from, on: liftedOn },
        { rule: 'R19', field: 'body.on' },
      );
}

/** The days an advisory covers, both ends inclusive (`last` null: open-ended); null: none. */
export function advisoryWindow(
  advisory: CountryAdvisory,
): { from: IsoDate; last: IsoDate | null } | null {
  const ends = [
    advisory.until ?? null,
    advisory.liftedOn ? addDays(advisory.liftedOn, -1) : null,
  ].filter((d): d is IsoDate => d !== null);
  const last = ends.length ? ends.reduce((a, b) => (compareIso(a, b) <= 0 ? a : b)) : null;
  if (last !== null && compareIso(last, advisory.from) < 0) return null;
  return { from: advisory.from, last };
}

/** Whether the days [start, end] (inclusive) meet the advisory's window. */
export function windowOverlaps(advisory: CountryAdvisory, start: IsoDate, end: IsoDate): boolean {
  const w = advisoryWindow(advisory);
  if (!w) return false;
  return compareIso(end, w.from) >= 0 && (w.last === null || compareIso(start, w.last) <= 0);
}

/** Whether an advisory covers a day. */
export function isInEffect(advisory: CountryAdvisory, date: IsoDate): boolean {
  return windowOverlaps(advisory, date, date);
}

/** Whether an advisory is over on `today`: its window is empty or entirely behind. */
export function isOver(advisory: CountryAdvisory, today: IsoDate): boolean {
  const w = advisoryWindow(advisory);
  return !w || (w.last !== null && compareIso(today, w.last) > 0);
}

/** The states of a stay that an advisory leaves alone: it is over, or never began. */
export const UNTOUCHED_STATES: readonly string[] = [
  'refused',
  'withdrawn',
  'completed',
  'transcript_issued',
  'recognised',
];

/** A stay as advisories see it: where, under which program, when, and how it stands. */
export interface AdvisedStay {
  mobilityId: string;
  programId: string | null;
  /** ISO 3166-1 alpha-2 country of the host. */
  hostCountry: string;
  start: IsoDate;
  /** Inclusive. */
  end: IsoDate;
  /** The mobility's state (src/domain/mobility/mobility-workflow.ts). */
  status: string;
}

/**
 * Whether an advisory concerns a stay: same country, same program (an advisory without a program
 * concerns every program), a stay still going, and days of the stay inside the window.
 */
export function concernsStay(advisory: CountryAdvisory, stay: AdvisedStay): boolean {
  return (
    advisory.country === stay.hostCountry &&
    (advisory.programId == null ||
      stay.programId == null ||
      advisory.programId === stay.programId) &&
    !UNTOUCHED_STATES.includes(stay.status) &&
    windowOverlaps(advisory, stay.start, stay.end)
  );
}

const strictestFirst = (a: CountryAdvisory, b: CountryAdvisory) =>
  a.level === b.level ? compareIso(a.from, b.from) : a.level === 'suspend' ? -1 : 1;

/** The key of an override decision: the advisory no longer holds this mobility's payments. */
export const overrideKey = (advisoryId: string, mobilityId: string) =>
  `${advisoryId}:${mobilityId}`;

/**
 * How dispatch stands for one stay on `today`: the strictest advisory that concerns it and is
 * not over ('open' when none). A stay that ended before an advisory (or starts after it) is open.
 */
export function stayDispatchStatus(
  advisories: readonly CountryAdvisory[],
  stay: AdvisedStay,
  today: IsoDate,
): 'open' | 'postponed' | 'suspended' {
  const first = advisories
    .filter((a) => concernsStay(a, stay) && !isOver(a, today))
    .sort(strictestFirst)[0];
  if (!first) return 'open';
  return first.level === 'suspend' ? 'suspended' : 'postponed';
}

/** A payment item of a stay: a stipend month, or the trip (departing on the stay's first day). */
export type AdvisedItem = { kind: 'stipend'; month: IsoMonth } | { kind: 'travel' };

/**
 * R19: the advisory that holds an item of a stay on `asOf`, the strictest first; undefined when
 * none does. Held: a stipend month that overlaps the window, the trip whose departure falls in
 * it — while the advisory is not over and no override is recorded for the mobility.
 */
export function holdingAdvisory(
  advisories: readonly CountryAdvisory[],
  stay: AdvisedStay,
  item: AdvisedItem,
  asOf: IsoDate,
  overrides: ReadonlySet<string> = new Set(),
): CountryAdvisory | undefined {
  return advisories
    .filter(
      (a) =>
        concernsStay(a, stay) &&
        !isOver(a, asOf) &&
        !overrides.has(overrideKey(a.id, stay.mobilityId)) &&
        (item.kind === 'travel'
          ? isInEffect(a, stay.start)
          : windowOverlaps(
              a,
              firstDayOfMonth(parseIsoMonth(item.month)),
              lastDayOfMonth(parseIsoMonth(item.month)),
            )),
    )
    .sort(strictestFirst)[0];
}

/**
 * The advisories in effect for a country on a date, the strictest first (suspend before
 * postpone).
 */
export function advisoriesInEffect(
  advisories: readonly CountryAdvisory[],
  country: string,
  date: IsoDate,
): CountryAdvisory[] {
  return advisories
    .filter((a) => a.country === country && isInEffect(a, date))
    .sort(strictestFirst);
}

/** How dispatch to a country stands on a date: 'open', 'postponed' or 'suspended'. */
export function dispatchStatus(
  advisories: readonly CountryAdvisory[],
  country: string,
  date: IsoDate,
): 'open' | 'postponed' | 'suspended' {
  const first = advisoriesInEffect(advisories, country, date)[0];
  if (!first) return 'open';
  return first.level === 'suspend' ? 'suspended' : 'postponed';
}
