import { describe, expect, it } from 'vitest';
import {
  advisoryWindow,
  checkLift,
  checkUntil,
  concernsStay,
  countryAdvisorySchema,
  holdingAdvisory,
  isOver,
  overrideKey,
  stayDispatchStatus,
  type AdvisedStay,
  type CountryAdvisory,
} from './safety.ts';

const advisory: CountryAdvisory = {
  id: 'a',
  country: 'RU',
  level: 'suspend',
  from: '2025-10-15',
  programId: 'p',
};
const stay = (over: Partial<AdvisedStay> = {}): AdvisedStay => ({
  mobilityId: 'm',
  programId: 'p',
  hostCountry: 'RU',
  start: '2025-09-01',
  end: '2026-02-28',
  status: 'arrived',
  ...over,
});

describe('safety advisory window (R19, 003 §10(1))', () => {
  it('R19: the window is [from, until], cut to [from, liftedOn) by a lift', () => {
    expect(advisoryWindow(advisory)).toEqual({ from: '2025-10-15', last: null });
    expect(advisoryWindow({ ...advisory, until: '2025-11-30' })).toEqual({
      from: '2025-10-15',
      last: '2025-11-30',
    });
    expect(advisoryWindow({ ...advisory, until: '2025-11-30', liftedOn: '2025-11-01' })).toEqual({
      from: '2025-10-15',
      last: '2025-10-31',
    });
    // Lifted on its first day: it covers no day at all.
    expect(advisoryWindow({ ...advisory, liftedOn: '2025-10-15' })).toBeNull();
  });

  it('R19: an advisory may end and be lifted on its first day, not before', () => {
    expect(checkUntil(advisory, '2025-10-15')).toBeNull();
    expect(checkUntil(advisory, '2025-10-14')?.code).toBe('scholarship.advisory_ends_before_start');
    expect(checkLift(advisory, '2025-10-15')).toBeNull();
    expect(checkLift(advisory, '2025-10-14')?.code).toBe(
      'scholarship.advisory_lifted_before_start',
    );
    const base = { id: 'a', country: 'RU', level: 'suspend', from: '2025-10-15' };
    expect(countryAdvisorySchema.safeParse({ ...base, liftedOn: '2025-10-15' }).success).toBe(true);
    expect(countryAdvisorySchema.safeParse({ ...base, until: '2025-10-14' }).success).toBe(false);
  });

  it('R19: only stays that overlap the window and are still going are concerned', () => {
    expect(concernsStay(advisory, stay())).toBe(true);
    // A stay paid and over years ago is untouched.
    expect(concernsStay(advisory, stay({ start: '2016-04-01', end: '2017-03-31' }))).toBe(false);
    // Ended the day before the advisory starts.
    expect(concernsStay(advisory, stay({ end: '2025-10-14' }))).toBe(false);
    // Starts after its last day.
    const bounded = { ...advisory, until: '2025-12-31' };
    expect(concernsStay(bounded, stay({ start: '2026-01-01', end: '2026-06-30' }))).toBe(false);
    expect(concernsStay(bounded, stay({ start: '2025-12-31', end: '2026-06-30' }))).toBe(true);
    for (const status of ['completed', 'recognised', 'withdrawn', 'refused', 'transcript_issued'])
      expect(concernsStay(advisory, stay({ status }))).toBe(false);
    expect(concernsStay(advisory, stay({ hostCountry: 'FR' }))).toBe(false);
    expect(concernsStay(advisory, stay({ programId: 'other' }))).toBe(false);
    expect(concernsStay({ ...advisory, liftedOn: advisory.from }, stay())).toBe(false);
  });

  it('R19: a stay shows suspended only while an advisory that concerns it holds', () => {
    expect(stayDispatchStatus([advisory], stay(), '2025-10-15')).toBe('suspended');
    expect(
      stayDispatchStatus(
        [advisory],
        stay({ end: '2016-03-31', start: '2016-01-01' }),
        '2025-10-15',
      ),
    ).toBe('open');
    expect(stayDispatchStatus([{ ...advisory, level: 'postpone' }], stay(), '2025-10-15')).toBe(
      'postponed',
    );
    const lifted = { ...advisory, liftedOn: '2025-10-15' };
    expect(stayDispatchStatus([lifted], stay(), '2025-10-15')).toBe('open');
    const over = { ...advisory, until: '2025-10-31' };
    expect(isOver(over, '2025-10-31')).toBe(false);
    expect(isOver(over, '2025-11-01')).toBe(true);
    expect(stayDispatchStatus([over], stay(), '2025-11-01')).toBe('open');
  });

  it('R19: holds the months overlapping the window and the trip departing in it', () => {
    const bounded = { ...advisory, until: '2025-11-30' };
    const held = (month: string) =>
      holdingAdvisory([bounded], stay(), { kind: 'stipend', month }, '2025-10-20')?.id ?? null;
    expect(held('2025-09')).toBeNull();
    expect(held('2025-10')).toBe('a');
    expect(held('2025-11')).toBe('a');
    expect(held('2025-12')).toBeNull();
    // The trip departs on the stay's first day: before the window, not held.
    expect(holdingAdvisory([bounded], stay(), { kind: 'travel' }, '2025-10-20')).toBeUndefined();
    expect(
      holdingAdvisory([bounded], stay({ start: '2025-11-01' }), { kind: 'travel' }, '2025-10-20')
        ?.id,
    ).toBe('a');
    // Over (after its last day) or lifted: nothing is held any more.
    expect(held('2025-10')).toBe('a');
    expect(
      holdingAdvisory([bounded], stay(), { kind: 'stipend', month: '2025-10' }, '2025-12-01'),
    ).toBeUndefined();
    // An override for the mobility releases it, and only it.
    const overrides = new Set([overrideKey('a', 'm')]);
    expect(
      holdingAdvisory(
        [bounded],
        stay(),
        { kind: 'stipend', month: '2025-10' },
        '2025-10-20',
        overrides,
      ),
    ).toBeUndefined();
    expect(
      holdingAdvisory(
        [bounded],
        stay({ mobilityId: 'n' }),
        { kind: 'stipend', month: '2025-10' },
        '2025-10-20',
        overrides,
      )?.id,
    ).toBe('a');
  });
});
