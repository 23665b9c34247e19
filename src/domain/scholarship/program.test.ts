import { describe, expect, it } from 'vitest';
import { IEP_RUSSIA_INDIA_2014, PILOT_PROGRAM_2003 } from '#src/db/seed/demo-programs.ts';
import { reviseProgramRules } from '../program/rules.ts';
import { scholarshipRulesOf } from './program.ts';
import { buildSchedule } from './schedule.ts';
import type { Schedule, Stay } from './types.ts';

const support = { start: '2014-10-01', end: '2019-03-31' };
const stay = (start: string, end: string): Stay => ({
  mobilityId: 'm-1',
  hostCountry: 'RU',
  start,
  end,
});
function ok(result: ReturnType<typeof buildSchedule>): Schedule {
  if (!result.ok) throw new Error(`refused: ${result.refusal.code}`);
  return result.schedule;
}

describe('scholarshipRulesOf (the program’s rules as the scholarship sees them)', () => {
  it('R11, R12, R14, R10: every number comes from the program data (003 §3(1), §3(2), §4)', () => {
    expect(scholarshipRulesOf(PILOT_PROGRAM_2003)).toEqual({
      monthlyStipendJpy: 100_000,
      minMonths: 3,
      maxMonths: 12,
      partialMonthRule: 'whole-months',
      partialMonthDaysPerMonth: undefined,
      fiscalYearStartMonth: 4,
      studentMonthsCapPerFiscalYear: 360,
      maxSupportYears: 3,
    });
  });

  it('R11: the demo — a Tohoku student at Novosibirsk for 6 months gets 600,000 JPY', () => {
    const s = ok(
      buildSchedule(
        stay('2015-09-01', '2016-02-29'),
        scholarshipRulesOf(IEP_RUSSIA_INDIA_2014),
        support,
      ),
    );
    expect(s.totalJpy).toBe(600_000);
    expect(s.partialMonthRule).toBe('whole-months');
  });

  it('R11: doubling the stipend in the program doubles the schedule', () => {
    const richer = reviseProgramRules(IEP_RUSSIA_INDIA_2014, (r) => ({
      ...r,
      stipend: { ...r.stipend, monthlyAmount: 200_000 },
    }));
    const s = ok(
      buildSchedule(stay('2015-09-01', '2016-02-29'), scholarshipRulesOf(richer), support),
    );
    expect(s.totalJpy).toBe(1_200_000);
  });

  it('the program’s partial-month kinds — whole-months, started-month, pro-rata-days with daysPerMonth', () => {
    const withKind = (partialMonth: (typeof IEP_RUSSIA_INDIA_2014)['stipend']['partialMonth']) =>
      scholarshipRulesOf({
        ...IEP_RUSSIA_INDIA_2014,
        stipend: { ...IEP_RUSSIA_INDIA_2014.stipend, partialMonth },
      });
    // 15 September 2015 – 14 March 2016: 16 days of September, 14 of March.
    const s = stay('2015-09-15', '2016-03-14');
    const whole = ok(buildSchedule(s, withKind({ kind: 'whole-months' }), support));
    expect(whole.lines.filter((l) => l.status === 'scheduled').map((l) => l.month)).toEqual([
      '2015-10',
      '2015-11',
      '2015-12',
      '2016-01',
      '2016-02',
    ]);
    expect(whole.totalJpy).toBe(500_000);
    const started = ok(buildSchedule(s, withKind({ kind: 'started-month' }), support));
    expect(started.totalJpy).toBe(700_000);
    const pro = ok(
      buildSchedule(s, withKind({ kind: 'pro-rata-days', daysPerMonth: 30 }), support),
    );
    // 16/30 and 14/30 of 100,000 yen, rounded down: 53,333 + 46,666.
    expect(pro.totalJpy).toBe(500_000 + 53_333 + 46_666);
    expect(pro.partialMonthDaysPerMonth).toBe(30);
  });
});
