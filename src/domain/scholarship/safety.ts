/**
 * Country advisories (R19, 003 §10(1)): "if ensuring safe study in a recipient nation is
 * difficult …, dispatching students to that country may be postponed or suspended." The funder
 * officer records an advisory for a country from a date; lifting it (a date) resumes dispatches
 * and payments.
 */
import { z } from 'zod';
import type { IsoDate } from './dates.ts';
import { compareIso, isoDateSchema } from './dates.ts';
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
  /** Lifted on this day (no longer in effect from it on); null while in effect. */
  liftedOn?: IsoDate | null;
}

export const countryAdvisorySchema = z
  .object({
    id: z.string().min(1),
    country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code'),
    level: z.enum(ADVISORY_LEVELS),
    from: isoDateSchema,
    liftedOn: isoDateSchema.nullable().optional(),
  })
  .refine((a) => a.liftedOn == null || a.liftedOn > a.from, {
    message: 'an advisory is lifted after it starts',
    path: ['liftedOn'],
  });

/** R19: an advisory is lifted after the day it starts; otherwise why not. */
export function checkLift(advisory: { from: IsoDate }, liftedOn: IsoDate): Refusal | null {
  return compareIso(liftedOn, advisory.from) > 0
    ? null
    : refusal(
        SCHOLARSHIP_CODES.advisoryLiftedBeforeStart,
        { from: advisory.from, on: liftedOn },
        { rule: 'R19', field: 'body.on' },
      );
}

/** Whether an advisory is in effect on a date. */
export function isInEffect(advisory: CountryAdvisory, date: IsoDate): boolean {
  return (
    compareIso(advisory.from, date) <= 0 &&
    (advisory.liftedOn == null || compareIso(date, advisory.liftedOn) < 0)
  );
}

/**
 * The advisories in effect for a country on a date, the strictest first (suspend before
 * postpone). Dispatch to the country is held while this list is not empty.
 */
export function advisoriesInEffect(
  advisories: readonly CountryAdvisory[],
  country: string,
  date: IsoDate,
): CountryAdvisory[] {
  return advisories
    .filter((a) => a.country === country && isInEffect(a, date))
    .sort((a, b) =>
      a.level === b.level ? compareIso(a.from, b.from) : a.level === 'suspend' ? -1 : 1,
    );
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
