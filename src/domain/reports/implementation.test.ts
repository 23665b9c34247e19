import { describe, expect, it } from 'vitest';
import {
  durationBand,
  implementationFigures,
  monthsElapsed,
  type ImplementationOptions,
  type ImplementationRecords,
  type ReportStay,
} from './implementation.ts';

// FY2021 = 2021-04-01 … 2022-03-31 (Japan's fiscal year starts in April).
const base: ImplementationOptions = {
  fiscalYear: 2021,
  cutOff: '2022-03-31',
  fiscalYearStartMonth: 4,
  capStudentMonths: 360,
  balanceTolerance: { students: 1, months: 3 },
};

let n = 0;
function stay(over: Partial<ReportStay>): ReportStay {
  n += 1;
  return {
    id: `s${n}`,
    homeInstitutionId: 'tohoku',
    hostInstitutionId: 'msu',
    direction: 'sent',
    level: 'master',
    iscedField: '0533',
    component: 'semester',
    hostCountry: 'RU',
    startDate: '2021-09-01',
    months: 6,
    status: 'completed',
    ...over,
  };
}

const empty: ImplementationRecords = {
  stays: [],
  recognitions: [],
  payments: [],
  planned: [],
  events: [],
  advisories: [],
};

describe('duration bands', () => {
  it('puts exactly 1 and exactly 3 months in 1_to_3, the rest by strict bounds', () => {
    expect(durationBand(0.5)).toBe('under_1');
    expect(durationBand(0.99)).toBe('under_1');
    expect(durationBand(1)).toBe('1_to_3');
    expect(durationBand(3)).toBe('1_to_3');
    expect(durationBand(3.01)).toBe('over_3');
    expect(durationBand(12)).toBe('over_3');
  });
});

describe('monthsElapsed', () => {
  it('counts whole months from the start, then the days as a share of the month', () => {
    expect(monthsElapsed('2021-04-10', 6, '2021-05-09')).toBe(1);
    expect(monthsElapsed('2021-04-10', 6, '2021-04-10')).toBe(Math.round(100 / 30) / 100);
    expect(monthsElapsed('2021-09-01', 6, '2021-11-15')).toBe(2.5);
    expect(monthsElapsed('2021-09-01', 6, '2021-08-31')).toBe(0);
    expect(monthsElapsed('2021-09-01', 6, '2022-06-01')).toBe(6);
  });
});

describe('implementationFigures (R20)', () => {
  it('counts a stay in the fiscal year it starts in, whole, and only stays that took place', () => {
    const f = implementationFigures(
      {
        ...empty,
        stays: [
          stay({ startDate: '2021-04-01', months: 12 }), // first day of FY2021
          stay({ startDate: '2022-03-31', months: 3, status: 'departed' }), // last day
          stay({ startDate: '2021-03-31', months: 6 }), // FY2020
          stay({ startDate: '2022-04-01', months: 6, status: 'nominated' }), // FY2022
          stay({ startDate: '2021-10-01', months: 6, status: 'withdrawn' }),
          stay({ startDate: '2021-10-01', months: 6, status: 'accepted' }),
          stay({
            direction: 'received',
            homeInstitutionId: 'msu',
            hostInstitutionId: 'tohoku',
            startDate: '2021-10-01',
            months: 5.5,
            status: 'interrupted',
          }),
        ],
      },
      base,
    );
    expect(f.period).toEqual({ start: '2021-04-01', end: '2022-03-31' });
    expect(f.students).toEqual({
      sentStudents: 2,
      receivedStudents: 1,
      sentMonths: 15,
      receivedMonths: 5.5,
    });
  });

  it('counts nothing after the cut-off date', () => {
    const records = {
      ...empty,
      stays: [stay({ startDate: '2021-09-01' }), stay({ startDate: '2021-12-01' })],
      payments: [
        { kind: 'stipend' as const, months: 1, amountJpy: 100_000, paidOn: '2021-10-25' },
        { kind: 'stipend' as const, months: 1, amountJpy: 100_000, paidOn: '2021-11-26' },
      ],
      events: [
        { id: 'e1', heldOn: '2021-10-30', participants: 40 },
        { id: 'e2', heldOn: '2021-11-20', participants: 25 },
      ],
    };
    const f = implementationFigures(records, { ...base, cutOff: '2021-10-31' });
    expect(f.period.end).toBe('2021-10-31');
    expect(f.students.sentStudents).toBe(1);
    expect(f.studentMonthsElapsed.sent).toBe(2);
    expect(f.scholarships).toMatchObject({ months: 1, spentJpy: 100_000, payments: 1 });
    expect(f.events).toEqual({ held: 1, participants: 40 });
  });

  it('a cut-off after the fiscal year still counts only the fiscal year', () => {
    const f = implementationFigures(
      { ...empty, stays: [stay({ startDate: '2022-04-15' })] },
      { ...base, cutOff: '2022-05-31' },
    );
    expect(f.period.end).toBe('2022-03-31');
    expect(f.students.sentStudents).toBe(0);
  });

  it('breaks the stays down by partner, component, level, field and duration band', () => {
    const f = implementationFigures(
      {
        ...empty,
        stays: [
          stay({ hostInstitutionId: 'msu', level: 'master', months: 3, component: 'semester' }),
          stay({ hostInstitutionId: 'spbu', level: 'bachelor', months: 10, iscedField: '0421' }),
          stay({ hostInstitutionId: 'msu', months: 0.5, component: 'summer_school' }),
          stay({
            direction: 'received',
            homeInstitutionId: 'spbu',
            hostInstitutionId: 'kyushu',
            level: 'doctor',
            months: 1,
          }),
        ],
      },
      base,
    );
    expect(f.byPartner).toEqual([
      { key: 'msu', sentStudents: 2, receivedStudents: 0, sentMonths: 3.5, receivedMonths: 0 },
      { key: 'spbu', sentStudents: 1, receivedStudents: 1, sentMonths: 10, receivedMonths: 1 },
    ]);
    expect(f.byComponent.map((r) => [r.key, r.sentStudents + r.receivedStudents])).toEqual([
      ['semester', 3],
      ['summer_school', 1],
    ]);
    expect(f.byLevel.map((r) => r.key)).toEqual(['bachelor', 'doctor', 'master']);
    expect(f.byField.map((r) => [r.key, r.sentStudents])).toEqual([
      ['0421', 1],
      ['0533', 2],
    ]);
    expect(f.byDuration.map((r) => [r.key, r.sentStudents, r.receivedStudents])).toEqual([
      ['under_1', 1, 0],
      ['1_to_3', 1, 1],
      ['over_3', 1, 0],
    ]);
  });

  it('a partner can be given by the caller (e.g. the partner consortium member)', () => {
    const f = implementationFigures(
      { ...empty, stays: [stay({ hostInstitutionId: 'msu' })] },
      { ...base, partnerOf: (s) => `consortium:${s.hostInstitutionId}` },
    );
    expect(f.byPartner.map((r) => r.key)).toEqual(['consortium:msu']);
  });

  it('R7: recognition rate of the decisions taken in the period, per home credit system', () => {
    const rec = (decidedOn: string, planned: number, recognised: number, system = 'jp-tan-i') => ({
      stayId: 's',
      decidedOn,
      outcome: (recognised === planned ? 'full' : recognised === 0 ? 'none' : 'partial') as
        'full' | 'partial' | 'none',
      creditSystem: system,
      creditsPlanned: planned,
      creditsRecognised: recognised,
    });
    const f = implementationFigures(
      {
        ...empty,
        recognitions: [
          rec('2021-06-01', 10, 10),
          rec('2022-02-01', 10, 6),
          rec('2022-04-02', 10, 0), // FY2022
          rec('2021-07-01', 30, 27, 'ects'),
        ],
      },
      base,
    );
    expect(f.recognition).toEqual([
      {
        creditSystem: 'ects',
        decided: 1,
        full: 0,
        partial: 1,
        none: 0,
        creditsPlanned: 30,
        creditsRecognised: 27,
        rate: 0.9,
      },
      {
        creditSystem: 'jp-tan-i',
        decided: 2,
        full: 1,
        partial: 1,
        none: 0,
        creditsPlanned: 20,
        creditsRecognised: 16,
        rate: 0.8,
      },
    ]);
  });

  it('R14: scholarship months paid in the year against the cap, and money against the budget', () => {
    const f = implementationFigures(
      {
        ...empty,
        payments: [
          { kind: 'stipend', months: 200, amountJpy: 20_000_000, paidOn: '2021-12-24' },
          { kind: 'stipend', months: 0.5, amountJpy: 50_000, paidOn: '2022-03-25' },
          { kind: 'stipend', months: 10, amountJpy: 1_000_000, paidOn: '2021-03-25' }, // FY2020
          { kind: 'travel', trips: 12, amountJpy: 1_800_000, paidOn: '2021-08-20' },
        ],
      },
      {
        ...base,
        committedStudentMonths: 300,
        budget: { stipendJpy: 36_000_000, travelJpy: 1_500_000 },
      },
    );
    expect(f.scholarships).toEqual({
      months: 200.5,
      spentJpy: 20_050_000,
      payments: 2,
      budgetJpy: 36_000_000,
      remainingJpy: 15_950_000,
    });
    expect(f.travel).toEqual({
      trips: 12,
      spentJpy: 1_800_000,
      payments: 1,
      budgetJpy: 1_500_000,
      remainingJpy: -300_000,
    });
    expect(f.cap).toEqual({ cap: 360, committed: 300, paid: 200.5, remaining: 60, overBy: 0 });
  });

  it('R14: without a committed figure the cap is held against the months paid', () => {
    const f = implementationFigures(
      {
        ...empty,
        payments: [{ kind: 'stipend', months: 370, amountJpy: 37_000_000, paidOn: '2022-01-25' }],
      },
      base,
    );
    expect(f.cap).toMatchObject({ committed: 370, remaining: 0, overBy: 10 });
    expect(f.scholarships.budgetJpy).toBeNull();
  });

  it('R14: a month is held against the cap of its own fiscal year, whenever it is paid', () => {
    const f = implementationFigures(
      {
        ...empty,
        payments: [
          // March 2021 (FY2020) paid in April 2021: money of FY2021, cap of FY2020.
          {
            kind: 'stipend',
            months: 1,
            amountJpy: 100_000,
            paidOn: '2021-04-23',
            fiscalYear: 2020,
          },
          {
            kind: 'stipend',
            months: 1,
            amountJpy: 100_000,
            paidOn: '2021-05-25',
            fiscalYear: 2021,
          },
          // March 2022 (FY2021) paid after the cut-off: not yet counted.
          {
            kind: 'stipend',
            months: 1,
            amountJpy: 100_000,
            paidOn: '2022-04-22',
            fiscalYear: 2021,
          },
        ],
      },
      base,
    );
    expect(f.scholarships).toMatchObject({ months: 2, spentJpy: 200_000 });
    expect(f.cap).toMatchObject({ paid: 1, committed: 1, remaining: 359 });
  });

  it('R4: the year and the cumulative balance in students and months, with warnings', () => {
    const f = implementationFigures(
      {
        ...empty,
        stays: [
          stay({ startDate: '2020-10-01', months: 6 }), // FY2020, realised
          stay({ startDate: '2021-09-01', months: 10 }),
          stay({ startDate: '2021-09-01', months: 10 }),
          stay({ startDate: '2021-12-01', months: 6, status: 'accepted' }), // planned only
          stay({
            direction: 'received',
            startDate: '2021-10-01',
            months: 6,
            homeInstitutionId: 'msu',
            hostInstitutionId: 'tohoku',
          }),
          stay({ startDate: '2021-12-01', months: 6, status: 'withdrawn' }), // not even planned
        ],
      },
      base,
    );
    expect(f.balance.fiscalYear.realised).toEqual({
      sentStudents: 2,
      receivedStudents: 1,
      sentMonths: 20,
      receivedMonths: 6,
    });
    expect(f.balance.fiscalYear.planned.sentStudents).toBe(3);
    expect(f.balance.cumulative.realised.sentStudents).toBe(3);
    const realisedYear = f.balance.warnings.filter(
      (w) => w.academicYear === 2021 && w.state === 'realised',
    );
    expect(realisedYear.map((w) => [w.unit, w.difference, w.ahead])).toEqual([
      ['months', 14, 'sent'],
    ]);
    expect(f.balance.warnings.every((w) => w.rule === 'R4')).toBe(true);
  });

  it('sets item 10 of the application against what happened', () => {
    const planned = [
      {
        year: 1,
        fiscalYear: 2021,
        outbound: { students: 10, studentMonths: 100 },
        inbound: { students: 8, studentMonths: 60 },
      },
      {
        year: 2,
        fiscalYear: 2022,
        outbound: { students: 20, studentMonths: 200 },
        inbound: { students: 20, studentMonths: 200 },
      },
    ];
    const f = implementationFigures({ ...empty, planned, stays: [stay({ months: 9 })] }, base);
    expect(f.plannedVsActual).toEqual({
      planned: {
        outbound: { students: 10, studentMonths: 100 },
        inbound: { students: 8, studentMonths: 60 },
      },
      actual: {
        outbound: { students: 1, studentMonths: 9 },
        inbound: { students: 0, studentMonths: 0 },
      },
    });
    expect(implementationFigures(empty, base).plannedVsActual.planned).toBeNull();
  });

  it('counts events held in the period and leaves out cancelled ones', () => {
    const f = implementationFigures(
      {
        ...empty,
        events: [
          { id: 'a', heldOn: '2021-05-15', participants: 30 },
          { id: 'b', heldOn: '2021-07-01', participants: 12, cancelled: true },
          { id: 'c', heldOn: '2022-04-10', participants: 50 },
        ],
      },
      base,
    );
    expect(f.events).toEqual({ held: 1, participants: 30 });
  });

  it('R19: advisories meeting the period, cut to it, with the stays they concern', () => {
    const f = implementationFigures(
      {
        ...empty,
        stays: [
          stay({ hostCountry: 'RU', startDate: '2021-09-01', months: 6 }),
          stay({ hostCountry: 'FR', startDate: '2021-09-01', months: 6 }),
          // Started in FY2020, still abroad in April 2021.
          stay({ hostCountry: 'FR', startDate: '2021-01-05', months: 4 }),
          stay({ hostCountry: 'RU', startDate: '2022-02-01', months: 6, status: 'withdrawn' }),
        ],
        advisories: [
          { id: 'a1', country: 'RU', level: 'suspend', from: '2022-02-24', until: null },
          {
            id: 'a2',
            country: 'FR',
            level: 'postpone',
            from: '2021-01-10',
            liftedOn: '2021-04-16',
          },
          { id: 'a3', country: 'FR', level: 'postpone', from: '2020-01-10', until: '2020-12-31' },
        ],
      },
      base,
    );
    expect(f.advisories).toEqual([
      {
        id: 'a2',
        country: 'FR',
        level: 'postpone',
        from: '2021-04-01',
        last: '2021-04-15',
        days: 15,
        staysConcerned: 1,
      },
      {
        id: 'a1',
        country: 'RU',
        level: 'suspend',
        from: '2022-02-24',
        last: '2022-03-31',
        days: 36,
        staysConcerned: 1,
      },
    ]);
  });
});
