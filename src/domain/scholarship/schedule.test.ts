import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, dateOfDayNumber, dayNumber } from './dates.ts';
import { fiscalYearOf, fiscalYearRange } from './fiscal-year.ts';
import { buildSchedule, checkSupportPeriod, supportPeriodFor } from './schedule.ts';
import type { Schedule, ScholarshipRules, Stay, SupportPeriod } from './types.ts';
import { scholarshipRulesSchema } from './types.ts';

/** The pilot program's numbers (003 §3(1), §3(2), §4) — data passed in, as a program would. */
const mext: ScholarshipRules = {
  monthlyStipendJpy: 100_000,
  minMonths: 3,
  maxMonths: 12,
  partialMonthRule: 'full-if-over-half',
  fiscalYearStartMonth: 4,
  studentMonthsCapPerFiscalYear: 360,
  maxSupportYears: 3,
};
const support: SupportPeriod = { start: '2024-04-01', end: '2027-03-31' };
const stay = (start: string, end: string, mobilityId = 'm-1'): Stay => ({
  mobilityId,
  hostCountry: 'RU',
  start,
  end,
});

function ok(result: ReturnType<typeof buildSchedule>): Schedule {
  if (!result.ok) throw new Error(`refused: ${result.refusal.code}`);
  return result.schedule;
}

describe('dates', () => {
  it('day numbers round-trip and count days', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('0001-01-01'), max: dayNumber('9999-12-31') }),
        (n) => {
          expect(dayNumber(dateOfDayNumber(n))).toBe(n);
        },
      ),
    );
  });
});

describe('fiscal year', () => {
  it('Japan’s fiscal year runs April–March and is named by its first year', () => {
    expect(fiscalYearOf('2024-04-01', 4)).toBe(2024);
    expect(fiscalYearOf('2025-03-31', 4)).toBe(2024);
    expect(fiscalYearOf('2025-04', 4)).toBe(2025);
    expect(fiscalYearOf('2025-03-31', 1)).toBe(2025);
    expect(fiscalYearRange(2024, 4)).toEqual({ start: '2024-04-01', end: '2025-03-31' });
    expect(fiscalYearRange(2024, 1)).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(() => fiscalYearOf('2024-04-01', 13)).toThrow(RangeError);
  });
});

describe('schedule', () => {
  it('R11: the demo — a Tohoku student at Novosibirsk for 6 months gets 600,000 JPY', () => {
    const s = ok(buildSchedule(stay('2024-09-01', '2025-02-28'), mext, support));
    expect(s.totalJpy).toBe(600_000);
    expect(s.totalMonths).toBe(6);
    expect(s.lines.map((l) => l.month)).toEqual([
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(s.byFiscalYear).toEqual([
      { fiscalYear: 2024, months: 6, monthUnits: expect.any(Number), amountJpy: 600_000 },
    ]);
  });

  it('R11: the stipend comes from the program data, never a constant', () => {
    const s = ok(
      buildSchedule(
        stay('2024-09-01', '2025-02-28'),
        { ...mext, monthlyStipendJpy: 80_000 },
        support,
      ),
    );
    expect(s.totalJpy).toBe(480_000);
    expect(s.lines.every((l) => l.amountJpy === 80_000)).toBe(true);
  });

  it('R11: a stay across March is split between fiscal years', () => {
    const s = ok(buildSchedule(stay('2025-01-01', '2025-06-30'), mext, support));
    expect(s.byFiscalYear.map((t) => [t.fiscalYear, t.months, t.amountJpy])).toEqual([
      [2024, 3, 300_000],
      [2025, 3, 300_000],
    ]);
  });

  it('the partial-month rule "full-if-over-half" pays a month covered for more than half', () => {
    // 10 Sep: 21 of 30 days (> half, paid); 5 Dec: 5 of 31 (not paid).
    const s = ok(buildSchedule(stay('2024-09-10', '2024-12-05'), mext, support));
    expect(s.lines.map((l) => [l.month, l.amountJpy, l.status])).toEqual([
      ['2024-09', 100_000, 'scheduled'],
      ['2024-10', 100_000, 'scheduled'],
      ['2024-11', 100_000, 'scheduled'],
      ['2024-12', 0, 'excluded'],
    ]);
    expect(s.lines[3]?.note?.code).toBe('scholarship.partial_month_not_counted');
    expect(s.partialMonthRule).toBe('full-if-over-half');
    // Exactly half is not "over half": 15 of 30 days in September.
    const half = ok(buildSchedule(stay('2024-09-16', '2024-12-31'), mext, support));
    expect(half.lines[0]).toMatchObject({ month: '2024-09', daysInStay: 15, amountJpy: 0 });
  });

  it('the partial-month rule "pro-rata-days" pays days ÷ days in the month, rounded down', () => {
    const rules = { ...mext, partialMonthRule: 'pro-rata-days' as const };
    const s = ok(buildSchedule(stay('2024-09-16', '2025-01-10'), rules, support));
    // Sep 15/30 → 50,000; Jan 10/31 → 32,258.06… → 32,258.
    expect(s.lines.map((l) => l.amountJpy)).toEqual([50_000, 100_000, 100_000, 100_000, 32_258]);
    expect(s.totalJpy).toBe(382_258);
    expect(s.totalMonths).toBeCloseTo(0.5 + 3 + 10 / 31, 12);
    // 2.82 months counted pro rata is shorter than the minimum of 3.
    expect(buildSchedule(stay('2024-09-16', '2024-12-10'), rules, support)).toMatchObject({
      ok: false,
      refusal: { rule: 'R12' },
    });
  });

  it('the partial-month rule "calendar-months-only" pays whole calendar months only', () => {
    const rules = { ...mext, partialMonthRule: 'calendar-months-only' as const };
    const s = ok(buildSchedule(stay('2024-08-31', '2025-01-30'), rules, support));
    expect(s.lines.filter((l) => l.status === 'scheduled').map((l) => l.month)).toEqual([
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
    ]);
    expect(s.totalJpy).toBe(400_000);
  });

  it('R12: a stay shorter than the minimum is refused', () => {
    const r = buildSchedule(stay('2024-09-01', '2024-11-14'), mext, support);
    expect(r).toMatchObject({
      ok: false,
      refusal: { rule: 'R12', code: 'scholarship.stay_too_short' },
    });
    // Three calendar months exactly is enough.
    expect(buildSchedule(stay('2024-09-01', '2024-11-30'), mext, support).ok).toBe(true);
  });

  it('R12: months beyond the maximum are listed but not paid', () => {
    const s = ok(buildSchedule(stay('2024-04-01', '2025-06-30'), mext, support));
    expect(s.totalMonths).toBe(12);
    expect(s.totalJpy).toBe(1_200_000);
    const beyond = s.lines.filter((l) => l.status === 'excluded');
    expect(beyond.map((l) => l.month)).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(beyond.every((l) => l.note?.code === 'scholarship.beyond_max_months')).toBe(true);
  });

  it('R12: the maximum cuts a pro-rata month to what is left', () => {
    const rules = { ...mext, partialMonthRule: 'pro-rata-days' as const };
    const s = ok(buildSchedule(stay('2024-04-16', '2025-04-30'), rules, support));
    expect(s.totalMonths).toBe(12);
    expect(s.totalJpy).toBeLessThanOrEqual(1_200_000);
    expect(s.totalJpy).toBeGreaterThanOrEqual(1_200_000 - 1);
  });

  it('R10: months after the support period ends are excluded', () => {
    const short: SupportPeriod = { start: '2024-04-01', end: '2024-12-31' };
    const s = ok(buildSchedule(stay('2024-09-01', '2025-02-28'), mext, short));
    expect(s.totalJpy).toBe(400_000);
    expect(s.lines.filter((l) => l.status === 'excluded').map((l) => l.note?.rule)).toEqual([
      'R10',
      'R10',
    ]);
  });

  it('R10: a suspended project pays no month from the suspension on', () => {
    const suspended: SupportPeriod = { ...support, suspendedFrom: '2024-11-20' };
    const s = ok(buildSchedule(stay('2024-09-01', '2025-02-28'), mext, suspended));
    // November: 19 of 30 supported days (> half) is still paid; December on is not.
    expect(s.lines.map((l) => l.amountJpy)).toEqual([100_000, 100_000, 100_000, 0, 0, 0]);
    expect(s.lines[3]?.note?.code).toBe('scholarship.project_suspended');
  });

  it('R10: a stay entirely outside the support period is refused', () => {
    const r = buildSchedule(stay('2028-01-01', '2028-06-30'), mext, support);
    expect(r).toMatchObject({ ok: false, refusal: { rule: 'R10' } });
  });

  it('R10: the support period lasts at most the program’s number of years', () => {
    expect(supportPeriodFor('2024-04-01', 3)).toEqual({ start: '2024-04-01', end: '2027-03-31' });
    expect(supportPeriodFor('2024-02-29', 1).end).toBe('2025-02-28');
    expect(checkSupportPeriod(support, mext)).toBeNull();
    expect(checkSupportPeriod({ start: '2024-04-01', end: '2027-04-01' }, mext)).toMatchObject({
      rule: 'R10',
      code: 'scholarship.support_period_too_long',
    });
    const r = buildSchedule(stay('2024-09-01', '2025-02-28'), mext, {
      start: '2024-04-01',
      end: '2028-03-31',
    });
    expect(r).toMatchObject({ ok: false, refusal: { rule: 'R10' } });
  });

  it('R11: every rule’s total equals the sum of its lines and never exceeds max × stipend', () => {
    const day = fc.integer({ min: dayNumber('2024-04-01'), max: dayNumber('2026-12-31') });
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 500 }),
        fc.constantFrom(
          'full-if-over-half',
          'pro-rata-days',
          'calendar-months-only',
        ) as fc.Arbitrary<ScholarshipRules['partialMonthRule']>,
        (start, length, partialMonthRule) => {
          const rules = { ...mext, partialMonthRule };
          const r = buildSchedule(
            stay(dateOfDayNumber(start), dateOfDayNumber(start + length)),
            rules,
            support,
          );
          if (!r.ok) return;
          const s = r.schedule;
          expect(s.totalJpy).toBe(s.lines.reduce((a, l) => a + l.amountJpy, 0));
          expect(s.totalJpy).toBeLessThanOrEqual(rules.maxMonths * rules.monthlyStipendJpy);
          expect(s.totalMonths).toBeLessThanOrEqual(rules.maxMonths);
          expect(s.totalMonths).toBeGreaterThan(0);
          expect(s.byFiscalYear.reduce((a, t) => a + t.amountJpy, 0)).toBe(s.totalJpy);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('validates the program’s rules with zod', () => {
    expect(scholarshipRulesSchema.safeParse(mext).success).toBe(true);
    expect(scholarshipRulesSchema.safeParse({ ...mext, minMonths: 13 }).success).toBe(false);
    expect(scholarshipRulesSchema.safeParse({ ...mext, fiscalYearStartMonth: 0 }).success).toBe(
      false,
    );
  });
});
