import { describe, expect, it } from 'vitest';
import {
  DATE_WARNING_CODES,
  PLANNED_START_TOLERANCE_DAYS,
  dateWarnings,
  daysBetween,
  stayMonths,
} from './date-plausibility.ts';
import { transition, type Mobility } from './mobility-workflow.ts';
import { REFUSAL_CODES } from './refusal-codes.ts';

const plan = { startDate: '2027-09-01', months: 6 };
const pilot = { min: 3, max: 12 };
const noDates = { departedOn: null, arrivedOn: null };

function mobility(over: Partial<Mobility>): Mobility {
  return {
    id: 'm-1',
    state: 'la_signed',
    version: 3,
    stateSince: '2026-03-01T00:00:00Z',
    departedOn: null,
    arrivedOn: null,
    completedOn: null,
    endedOn: null,
    learningAgreementVersion: 1,
    transcriptRef: null,
    closingReason: null,
    ...over,
  };
}

describe('counting days and months', () => {
  it('counts days across a leap day and months as average months, both ends included', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-09-01', '2027-08-31')).toBe(-1);
    expect(stayMonths('2027-09-01', '2028-02-29')).toBe(6);
    expect(stayMonths('2027-09-01', '2027-09-01')).toBe(0);
  });
});

describe('dateWarnings', () => {
  it('accepts a departure and arrival within the tolerance of the planned start', () => {
    expect(dateWarnings(noDates, plan, 'departedOn', '2027-08-28', pilot)).toEqual([]);
    expect(dateWarnings(noDates, plan, 'arrivedOn', '2027-10-02', pilot)).toEqual([]);
  });

  it('warns about a departure further than the tolerance from the planned start, either way', () => {
    const late = dateWarnings(noDates, plan, 'departedOn', '2027-10-03', pilot);
    expect(late).toEqual([
      expect.objectContaining({
        code: 'mobility.date_far_from_plan',
        params: {
          date: '2027-10-03',
          planned: '2027-09-01',
          days: 32,
          tolerance: PLANNED_START_TOLERANCE_DAYS,
        },
        field: 'body.date',
      }),
    ]);
    const twoYearsEarly = dateWarnings(noDates, plan, 'departedOn', '2025-09-01', pilot);
    expect(twoYearsEarly[0]).toMatchObject({ code: 'mobility.date_far_from_plan' });
    expect(twoYearsEarly[0]!.params.days).toBe(730);
  });

  it('R12: warns when a 6-month stay is completed the day it started: below the minimum and the plan', () => {
    const m = { departedOn: '2025-12-06', arrivedOn: '2025-12-06' };
    const w = dateWarnings(m, plan, 'completedOn', '2025-12-06', pilot);
    expect(w.map((x) => x.code)).toEqual([
      'mobility.date_stay_below_minimum',
      'mobility.date_stay_shorter_than_plan',
    ]);
    expect(w[0]).toMatchObject({ rule: 'R12', params: { months: 0, minimum: 3 } });
    expect(w[1]!.rule).toBeUndefined();
  });

  it('R12: warns when a stay goes beyond the longest the program supports', () => {
    const m = { departedOn: '2027-08-30', arrivedOn: '2027-09-01' };
    const w = dateWarnings(m, { ...plan, months: 12 }, 'completedOn', '2028-10-31', pilot);
    expect(w.map((x) => x.code)).toEqual([
      'mobility.date_stay_above_maximum',
      'mobility.date_stay_longer_than_plan',
    ]);
    expect(w[0]).toMatchObject({ rule: 'R12', params: { maximum: 12 } });
  });

  it('without a program, only the plan is checked', () => {
    const m = { departedOn: '2027-08-30', arrivedOn: '2027-09-01' };
    const w = dateWarnings(m, { ...plan, months: 2 }, 'completedOn', '2027-10-31', null);
    expect(w).toEqual([]);
    const longer = dateWarnings(m, { ...plan, months: 2 }, 'completedOn', '2028-01-31', null);
    expect(longer.map((x) => x.code)).toEqual(['mobility.date_stay_longer_than_plan']);
  });

  it('accepts a completion close to the planned months and within R12', () => {
    const m = { departedOn: '2027-08-30', arrivedOn: '2027-09-01' };
    expect(dateWarnings(m, plan, 'completedOn', '2028-02-20', pilot)).toEqual([]);
  });

  it('raises nothing about the end of a withdrawn or interrupted stay', () => {
    const m = { departedOn: '2027-08-30', arrivedOn: '2027-09-01' };
    expect(dateWarnings(m, plan, 'endedOn', '2027-09-02', pilot)).toEqual([]);
  });

  it('every warning code has its place among the refusal codes (and so its messages)', () => {
    for (const code of DATE_WARNING_CODES) expect(REFUSAL_CODES).toContain(code);
  });
});

describe('transition refuses dates that have not happened yet', () => {
  const student = { role: 'student', side: null } as const;
  const at = '2026-12-06T09:00:00Z';

  it('R12: refuses a departure recorded in the future', () => {
    const r = transition(mobility({}), 'depart', student, {
      at,
      date: '2026-12-07',
      today: '2026-12-06',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.refusal).toMatchObject({
        code: 'mobility.date_in_future',
        params: { date: '2026-12-07', today: '2026-12-06' },
        field: 'body.date',
      });
    }
  });

  it('records a departure of today', () => {
    const r = transition(mobility({}), 'depart', student, {
      at,
      date: '2026-12-06',
      today: '2026-12-06',
    });
    expect(r.ok && r.mobility.departedOn).toBe('2026-12-06');
  });

  it('refuses a completion in the future too', () => {
    const host = { role: 'coordinator', side: 'host' } as const;
    const arrived = mobility({
      state: 'arrived',
      departedOn: '2026-09-01',
      arrivedOn: '2026-09-02',
    });
    const r = transition(arrived, 'complete', host, {
      at,
      date: '2027-06-30',
      today: '2026-12-06',
    });
    expect(!r.ok && r.refusal.code).toBe('mobility.date_in_future');
  });
});
