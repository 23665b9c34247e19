import { describe, expect, it } from 'vitest';
import {
  addMonths,
  annualCapInFiscalYear,
  applicationClosesAt,
  fiscalYearOf,
  isSupportedStay,
  fiscalYearEnd,
  scholarshipFor,
  stayLength,
} from './calendar.ts';
import {
  DEMO_PROGRAM_RULES,
  IEP_RUSSIA_INDIA_2014 as IEP,
  PILOT_PROGRAM_2003 as PILOT,
} from '#src/db/seed/demo-programs.ts';
import {
  effectiveFromProblem,
  parseProgramRules,
  programRulesSchema,
  reviseProgramRules,
  rulesOn,
} from './rules.ts';

describe('programs as data', () => {
  it('both demo programs parse, and the pilot carries the numbers of 003', () => {
    for (const p of DEMO_PROGRAM_RULES)
      expect(() => parseProgramRules(JSON.parse(JSON.stringify(p)))).not.toThrow();
    expect(PILOT).toMatchObject({
      stipend: { monthlyAmount: 100_000 }, // 003 §3(2)1)
      stayMonths: { min: 3, max: 12 }, // 003 §3(2)2)
      supportPeriod: { maxYears: 3 }, // 003 §3(1)
      annualCap: { studentMonths: 360, studentsAtFullLength: 30 }, // 003 §4
      projectsSupported: 1, // 003 §4
      consortium: { minHomeUniversities: 3, minPartnerUniversities: 3 }, // 003 §5(1)
      levels: ['bachelor', 'master', 'doctor'], // 003 §5(3)
      call: { applicationDeadline: '2003-05-30', outcomeBy: '2003-06-30' }, // 003 §8–9
      fiscalYearStartMonth: 4,
    });
    expect(IEP.consortium.partnerCountries).toEqual(['RU', 'IN']); // source document 000
  });

  it('R14: the cap in student-months must equal students at full length × the longest stay', () => {
    const bad = { ...PILOT, annualCap: { studentMonths: 300, studentsAtFullLength: 30 } };
    const r = programRulesSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['annualCap', 'studentMonths']);
  });

  it('R18: an outcome date before the deadline is refused', () => {
    expect(
      programRulesSchema.safeParse({ ...PILOT, call: { ...PILOT.call, outcomeBy: '2003-05-01' } })
        .success,
    ).toBe(false);
  });

  it('R11: an edit by the funder officer is a new version', () => {
    const next = reviseProgramRules(PILOT, (r) => ({
      ...r,
      stipend: { ...r.stipend, monthlyAmount: 80_000 },
    }));
    expect(next.version).toBe(2);
    expect(next.stipend.monthlyAmount).toBe(80_000);
    expect(PILOT.stipend.monthlyAmount).toBe(100_000);
  });
});

describe('rules over time', () => {
  const v1 = PILOT;
  const v2 = { ...reviseProgramRules(PILOT, (r) => r), effectiveFrom: '2005-04-01' };
  const v3 = {
    ...reviseProgramRules(v2, (r) => ({ ...r, stipend: { ...r.stipend, monthlyAmount: 80_000 } })),
    effectiveFrom: '2006-04-01',
  };

  it('R11: a stay is paid under the version in force when it starts, not the latest', () => {
    expect(rulesOn([v3, v1, v2], '2004-09-01')?.version).toBe(1);
    expect(rulesOn([v3, v1, v2], '2005-04-01')?.version).toBe(2);
    expect(rulesOn([v3, v1, v2], '2006-03-31')?.stipend.monthlyAmount).toBe(100_000);
    expect(rulesOn([v3, v1, v2], '2026-12-06')?.stipend.monthlyAmount).toBe(80_000);
  });

  it('R14: a fiscal year keeps the cap in force on its first day', () => {
    const smaller = {
      ...reviseProgramRules(v3, (r) => ({
        ...r,
        annualCap: { studentMonths: 120, studentsAtFullLength: 10 },
      })),
      effectiveFrom: '2007-10-01',
    };
    expect(annualCapInFiscalYear([v1, v2, v3, smaller], 2007)).toBe(360);
    expect(annualCapInFiscalYear([v1, v2, v3, smaller], 2008)).toBe(120);
    expect(annualCapInFiscalYear([], 2008)).toBe(0);
  });

  it('a day before every dated version falls to the first version; no versions, no rules', () => {
    expect(rulesOn([{ ...v1, effectiveFrom: '2003-04-01' }, v2], '2001-01-01')?.version).toBe(1);
    expect(rulesOn([], '2001-01-01')).toBeUndefined();
  });

  it('a new version may not be dated before the version it follows', () => {
    expect(effectiveFromProblem(v2, '2005-03-31')).toEqual({ previous: '2005-04-01' });
    expect(effectiveFromProblem(v2, undefined)).toEqual({ previous: '2005-04-01' });
    expect(effectiveFromProblem(v2, '2005-04-01')).toBeNull();
    expect(effectiveFromProblem(v1, '1999-01-01')).toBeNull();
    expect(effectiveFromProblem(null, undefined)).toBeNull();
  });
});

describe('calendar', () => {
  it('the fiscal year a day falls in, and its last day (April–March, or the calendar year)', () => {
    expect(fiscalYearOf(PILOT, '2003-04-01')).toBe(2003);
    expect(fiscalYearOf(PILOT, '2004-03-31')).toBe(2003);
    expect(fiscalYearOf(PILOT, '2004-04-01')).toBe(2004);
    expect(fiscalYearEnd(PILOT, 2003)).toBe('2004-03-31');
    const calendarYear = reviseProgramRules(PILOT, (r) => ({ ...r, fiscalYearStartMonth: 1 }));
    expect(fiscalYearOf(calendarYear, '2004-02-15')).toBe(2004);
    expect(fiscalYearEnd(calendarYear, 2004)).toBe('2004-12-31');
  });

  it('R18: the call closes at midnight after the deadline day, Tokyo time', () => {
    expect(applicationClosesAt(PILOT)).toBe('2003-05-30T15:00:00.000Z');
  });

  it('R12: stay lengths in completed months and days', () => {
    expect(stayLength('2003-09-01', '2004-02-29')).toEqual({ months: 6, days: 0 });
    expect(stayLength('2003-09-15', '2003-12-20')).toEqual({ months: 3, days: 6 });
    expect(addMonths('2003-01-31', 1)).toBe('2003-02-28');
    expect(isSupportedStay(PILOT, { months: 2, days: 29 })).toBe(false);
    expect(isSupportedStay(PILOT, { months: 3, days: 0 })).toBe(true);
    expect(isSupportedStay(PILOT, { months: 12, days: 0 })).toBe(true);
    expect(isSupportedStay(PILOT, { months: 12, days: 1 })).toBe(false);
  });

  it('R11: the scholarship of a stay follows the program’s amount and partial-month rule', () => {
    const m = PILOT.stipend.monthlyAmount;
    const len = { months: 3, days: 6 };
    expect(scholarshipFor(PILOT, len)).toBe(3 * m);
    const started = reviseProgramRules(PILOT, (r) => ({
      ...r,
      stipend: { ...r.stipend, partialMonth: { kind: 'started-month' } },
    }));
    expect(scholarshipFor(started, len)).toBe(4 * m);
    const proRata = reviseProgramRules(PILOT, (r) => ({
      ...r,
      stipend: { ...r.stipend, partialMonth: { kind: 'pro-rata-days', daysPerMonth: 30 } },
    }));
    expect(scholarshipFor(proRata, len)).toBe(3 * m + Math.floor((m * 6) / 30));
  });
});
