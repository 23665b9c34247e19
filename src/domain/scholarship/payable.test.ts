import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, firstDayOfMonth, lastDayOfMonth, parseIsoMonth } from './dates.ts';
import { capStatus, checkPlacesWithinCap, monthsByFiscalYear } from './cap.ts';
import type { Ledger } from './ledger.ts';
import {
  emptyLedger,
  markBatchPaid,
  paidKeysOf,
  paidMonthsByFiscalYear,
  planBatch,
} from './ledger.ts';
import type { PayabilityState } from './payable.ts';
import { checkPayable } from './payable.ts';
import type { CountryAdvisory } from './safety.ts';
import {
  advisoriesInEffect,
  countryAdvisorySchema,
  dispatchStatus,
  isOver,
  windowOverlaps,
} from './safety.ts';
import { buildSchedule } from './schedule.ts';
import type { Schedule, ScheduleLine, ScholarshipRules, Stay } from './types.ts';

const mext: ScholarshipRules = {
  monthlyStipendJpy: 100_000,
  minMonths: 3,
  maxMonths: 12,
  partialMonthRule: 'full-if-over-half',
  fiscalYearStartMonth: 4,
  studentMonthsCapPerFiscalYear: 360,
  maxSupportYears: 3,
};
const support = { start: '2024-04-01', end: '2027-03-31' };

function schedule(s: Stay, rules = mext): Schedule {
  const r = buildSchedule(s, rules, support);
  if (!r.ok) throw new Error(r.refusal.code);
  return r.schedule;
}

const novosibirsk = schedule({
  mobilityId: 'm-nsu',
  hostCountry: 'RU',
  start: '2024-09-01',
  end: '2025-02-28',
});
const sept = novosibirsk.lines[0] as ScheduleLine;

function state(over: Partial<PayabilityState> = {}): PayabilityState {
  return {
    asOf: '2024-10-05',
    confirmedKeys: new Set([sept.key]),
    paidKeys: new Set(),
    advisories: [],
    capPerFiscalYear: mext.studentMonthsCapPerFiscalYear,
    paidMonthsByFiscalYear: new Map(),
    ...over,
  };
}

const codes = (p: ReturnType<typeof checkPayable>) =>
  p.payable ? [] : p.refusals.map((r) => `${r.rule}:${r.code}`);

describe('checkPayable', () => {
  it('pays a scheduled, confirmed, unpaid month', () => {
    expect(checkPayable(sept, state())).toEqual({
      payable: true,
      key: 'stipend:m-nsu:2024-09',
      amountJpy: 100_000,
    });
  });

  it('R8: a month whose enrolment the host has not confirmed is not payable', () => {
    expect(codes(checkPayable(sept, state({ confirmedKeys: new Set() })))).toEqual([
      'R8:scholarship.enrolment_not_confirmed',
    ]);
  });

  it('R8: only the representative university pays', () => {
    const p = checkPayable(
      sept,
      state({
        payer: { institutionId: 'tsukuba.ac.jp', representativeInstitutionId: 'tohoku.ac.jp' },
      }),
    );
    expect(codes(p)).toEqual(['R8:scholarship.not_representative_university']);
    const rep = { institutionId: 'tohoku.ac.jp', representativeInstitutionId: 'tohoku.ac.jp' };
    expect(checkPayable(sept, state({ payer: rep })).payable).toBe(true);
  });

  it('PAID_ONCE: a paid month, or one in an open batch, is refused', () => {
    expect(codes(checkPayable(sept, state({ paidKeys: new Set([sept.key]) })))).toEqual([
      'PAID_ONCE:scholarship.already_paid',
    ]);
    expect(codes(checkPayable(sept, state({ pendingKeys: new Set([sept.key]) })))).toEqual([
      'PAID_ONCE:scholarship.already_in_batch',
    ]);
  });

  it('R19: no payment while an advisory for the host country is in effect; lifting resumes', () => {
    const advisory: CountryAdvisory = {
      id: 'adv-1',
      country: 'RU',
      level: 'suspend',
      from: '2024-09-20',
    };
    const held = checkPayable(sept, state({ advisories: [advisory] }));
    expect(codes(held)).toEqual(['R19:scholarship.country_suspended']);
    const lifted = { ...advisory, liftedOn: '2024-10-01' };
    expect(checkPayable(sept, state({ advisories: [lifted] })).payable).toBe(true);
    // Another country's advisory does not hold it.
    expect(
      checkPayable(sept, state({ advisories: [{ ...advisory, country: 'FR' }] })).payable,
    ).toBe(true);
    // A postponement holds payments the same way.
    expect(
      codes(checkPayable(sept, state({ advisories: [{ ...advisory, level: 'postpone' }] }))),
    ).toEqual(['R19:scholarship.country_postponed']);
  });

  it('R19: a month that ended before the advisory started is not held', () => {
    const advisory: CountryAdvisory = {
      id: 'a',
      country: 'RU',
      level: 'suspend',
      from: '2024-10-01',
    };
    expect(checkPayable(sept, state({ advisories: [advisory] })).payable).toBe(true);
  });

  it('R19: dispatch status by date, strictest advisory first', () => {
    const advisories: CountryAdvisory[] = [
      { id: 'p', country: 'RU', level: 'postpone', from: '2024-09-01', liftedOn: '2024-12-01' },
      { id: 's', country: 'RU', level: 'suspend', from: '2024-10-01', liftedOn: '2024-11-01' },
    ];
    expect(dispatchStatus(advisories, 'RU', '2024-08-31')).toBe('open');
    expect(dispatchStatus(advisories, 'RU', '2024-09-15')).toBe('postponed');
    expect(dispatchStatus(advisories, 'RU', '2024-10-15')).toBe('suspended');
    expect(dispatchStatus(advisories, 'RU', '2024-11-15')).toBe('postponed');
    expect(dispatchStatus(advisories, 'RU', '2024-12-01')).toBe('open');
    expect(advisoriesInEffect(advisories, 'JP', '2024-10-15')).toEqual([]);
    expect(
      countryAdvisorySchema.safeParse({ ...advisories[0], liftedOn: '2024-08-01' }).success,
    ).toBe(false);
  });

  it('R14: a payment beyond the fiscal year’s cap is refused', () => {
    const full = state({ paidMonthsByFiscalYear: new Map([[2024, 360]]) });
    expect(codes(checkPayable(sept, full))).toEqual(['R14:scholarship.cap_exceeded']);
    const almost = state({ paidMonthsByFiscalYear: new Map([[2024, 359]]) });
    expect(checkPayable(sept, almost).payable).toBe(true);
  });

  it('R12: an excluded month (beyond the maximum) is not payable', () => {
    const long = schedule({
      mobilityId: 'm-long',
      hostCountry: 'RU',
      start: '2024-04-01',
      end: '2025-04-30',
    });
    const april = long.lines.at(-1) as ScheduleLine;
    const p = checkPayable(
      april,
      state({ confirmedKeys: new Set([april.key]), asOf: '2025-05-01' }),
    );
    expect(codes(p)).toEqual(['R12:scholarship.beyond_max_months']);
  });

  it('names every rule that refuses, in a fixed order', () => {
    const p = checkPayable(
      sept,
      state({
        confirmedKeys: new Set(),
        paidKeys: new Set([sept.key]),
        advisories: [{ id: 'a', country: 'RU', level: 'suspend', from: '2024-01-01' }],
        paidMonthsByFiscalYear: new Map([[2024, 360]]),
      }),
    );
    expect(codes(p).map((c) => c.split(':')[0])).toEqual(['PAID_ONCE', 'R8', 'R19', 'R14']);
  });
});

describe('cap', () => {
  it('R14: cap status shows committed, paid and remaining student-months', () => {
    expect(capStatus(360, 300, 120)).toEqual({
      cap: 360,
      committed: 300,
      paid: 120,
      remaining: 60,
      overBy: 0,
    });
    expect(capStatus(360, 362, 0)).toMatchObject({ remaining: 0, overBy: 2 });
  });

  it('R14: publishing places beyond the cap of a fiscal year is refused with the year', () => {
    const places = [novosibirsk];
    expect(monthsByFiscalYear(places)).toEqual(new Map([[2024, 6]]));
    const ok = checkPlacesWithinCap({
      capPerFiscalYear: 360,
      committedByFiscalYear: new Map([[2024, 354]]),
      places,
    });
    expect(ok.ok).toBe(true);
    expect(ok.after.get(2024)).toMatchObject({ committed: 360, remaining: 0 });
    const over = checkPlacesWithinCap({
      capPerFiscalYear: 360,
      committedByFiscalYear: new Map([[2024, 355]]),
      paidByFiscalYear: new Map([[2024, 100]]),
      places,
    });
    expect(over).toMatchObject({
      ok: false,
      refusal: {
        rule: 'R14',
        code: 'scholarship.places_over_cap',
        params: { fiscalYear: 2024, remaining: 5 },
      },
    });
    expect(over.after.get(2024)).toMatchObject({ committed: 361, paid: 100, overBy: 1 });
  });

  it('R14: 30 students for 12 months fill the cap of 360 exactly, pro rata too', () => {
    const rules: ScholarshipRules = { ...mext, partialMonthRule: 'pro-rata-days' };
    const places = Array.from({ length: 30 }, (_, i) =>
      schedule(
        { mobilityId: `m-${i}`, hostCountry: 'RU', start: '2024-04-16', end: '2025-04-15' },
        rules,
      ),
    );
    const check = checkPlacesWithinCap({
      capPerFiscalYear: 360,
      committedByFiscalYear: new Map(),
      places,
    });
    // 11.5 months in FY2024 and 0.5 in FY2025 each: 345 + 15.
    expect(check.ok).toBe(true);
    expect(monthsByFiscalYear(places)).toEqual(
      new Map([
        [2024, 345],
        [2025, 15],
      ]),
    );
  });
});

describe('batches', () => {
  it('PAID_ONCE: a month listed twice in a batch goes in once; re-marking a batch is a no-op', () => {
    const confirmed = new Set(novosibirsk.lines.map((l) => l.key));
    const plan = planBatch(
      [...novosibirsk.lines, sept],
      state({ confirmedKeys: confirmed, asOf: '2025-03-10' }),
    );
    expect(plan.items).toHaveLength(6);
    expect(plan.totalJpy).toBe(600_000);
    expect(plan.refused.map((r) => r.refusals[0]?.code)).toEqual(['scholarship.already_in_batch']);
    const first = markBatchPaid(emptyLedger, 'b-1', plan.items, '2025-03-10');
    expect(first.recorded).toHaveLength(6);
    const retry = markBatchPaid(first.ledger, 'b-1', plan.items, '2025-03-11');
    expect(retry.recorded).toEqual([]);
    expect(retry.skipped.every((s) => s.sameBatch)).toBe(true);
    const other = markBatchPaid(first.ledger, 'b-2', [sept], '2025-03-12');
    expect(other.skipped[0]?.refusal?.rule).toBe('PAID_ONCE');
    expect(other.ledger.payments).toHaveLength(6);
  });

  it('R14: a batch counts its own items against the cap', () => {
    const confirmed = new Set(novosibirsk.lines.map((l) => l.key));
    const plan = planBatch(
      novosibirsk.lines,
      state({ confirmedKeys: confirmed, asOf: '2025-03-10', capPerFiscalYear: 4 }),
    );
    expect(plan.items).toHaveLength(4);
    expect(plan.refused.map((r) => r.refusals[0]?.rule)).toEqual(['R14', 'R14']);
  });

  it('PAID_ONCE, R8, R19, R14: random operations never pay a student-month twice or wrongly', () => {
    const stays: Stay[] = [
      { mobilityId: 'a', hostCountry: 'RU', start: '2024-09-01', end: '2025-05-31' },
      { mobilityId: 'b', hostCountry: 'FR', start: '2024-10-10', end: '2025-02-20' },
      { mobilityId: 'c', hostCountry: 'RU', start: '2025-01-01', end: '2025-12-31' },
    ];
    const lines = stays.flatMap((s) => schedule(s).lines);
    const cap = 14;
    const index = fc.integer({ min: 0, max: lines.length - 1 });
    const op = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({
          t: fc.constant('confirm' as const),
          picks: fc.array(index, { maxLength: 10 }),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          t: fc.constant('days' as const),
          n: fc.integer({ min: 1, max: 60 }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          t: fc.constant('advise' as const),
          country: fc.constantFrom('RU', 'FR'),
          level: fc.constantFrom('postpone' as const, 'suspend' as const),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          t: fc.constant('lift' as const),
          country: fc.constantFrom('RU', 'FR'),
        }),
      },
      {
        weight: 4,
        arbitrary: fc.record({
          t: fc.constant('pay' as const),
          picks: fc.array(index, { maxLength: 12 }),
          batch: fc.integer({ min: 0, max: 3 }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          t: fc.constant('forceMark' as const),
          picks: fc.array(index, { maxLength: 4 }),
          batch: fc.integer({ min: 0, max: 3 }),
        }),
      },
    );
    let totalPaid = 0;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let today = '2024-09-01';
        let ledger: Ledger = emptyLedger;
        const confirmed = new Set<string>();
        let advisories: CountryAdvisory[] = [];
        let n = 0;
        for (const o of ops) {
          switch (o.t) {
            case 'confirm':
              for (const i of o.picks) confirmed.add((lines[i] as ScheduleLine).key);
              break;
            case 'days':
              today = addDays(today, o.n);
              break;
            case 'advise':
              advisories.push({
                id: `adv-${n++}`,
                country: o.country,
                level: o.level,
                from: today,
              });
              break;
            case 'lift':
              advisories = advisories.map((a) =>
                a.country === o.country && a.liftedOn == null && a.from <= today
                  ? { ...a, liftedOn: addDays(today, 1) }
                  : a,
              );
              break;
            case 'pay': {
              const s: PayabilityState = {
                asOf: today,
                confirmedKeys: confirmed,
                paidKeys: paidKeysOf(ledger),
                advisories,
                capPerFiscalYear: cap,
                paidMonthsByFiscalYear: paidMonthsByFiscalYear(ledger),
              };
              const plan = planBatch(
                o.picks.map((i) => lines[i] as ScheduleLine),
                s,
              );
              for (const item of plan.items) {
                // Each item was payable when the batch was built.
                expect(confirmed.has(item.key)).toBe(true);
                expect(item.status).toBe('scheduled');
                // R19: no month overlapping the window of an advisory that is not over is paid.
                const ym = parseIsoMonth(item.month);
                const holding = advisories.filter(
                  (a) =>
                    a.country === item.hostCountry &&
                    !isOver(a, today) &&
                    windowOverlaps(a, firstDayOfMonth(ym), lastDayOfMonth(ym)),
                );
                expect(holding).toEqual([]);
              }
              ledger = markBatchPaid(ledger, `b-${o.batch}`, plan.items, today).ledger;
              break;
            }
            case 'forceMark': {
              // A replay of "mark paid" with stale data (a retry after a crash): paid months
              // under any batch id add nothing.
              const before = ledger.payments.length;
              const paid = paidKeysOf(ledger);
              const replay = o.picks
                .map((i) => lines[i] as ScheduleLine)
                .filter((l) => paid.has(l.key));
              ledger = markBatchPaid(ledger, `b-${o.batch}`, replay, today).ledger;
              expect(ledger.payments.length).toBe(before);
              break;
            }
          }
          const keys = ledger.payments.map((p) => p.key);
          expect(new Set(keys).size).toBe(keys.length);
        }
        totalPaid += ledger.payments.length;
        for (const [, months] of paidMonthsByFiscalYear(ledger)) {
          expect(months).toBeLessThanOrEqual(cap);
        }
      }),
      { numRuns: 300 },
    );
    // The operations do reach payments (the property is not vacuous).
    expect(totalPaid).toBeGreaterThan(100);
  });
});
