import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { academicYearOf, startMonthFor } from './academic-year.ts';
import {
  buildLedger,
  buildLedgerFromGroups,
  type LedgerGroup,
  type LedgerMobility,
} from './ledger.ts';

describe('balance ledger', () => {
  it('derives academic years per country: Japan April–March, Russia and France September–June', () => {
    expect(academicYearOf('2019-04-01', startMonthFor('JP'))).toBe(2019);
    expect(academicYearOf('2019-03-31', startMonthFor('JP'))).toBe(2018);
    expect(academicYearOf('2019-06-30', startMonthFor('RU'))).toBe(2018);
    expect(academicYearOf('2019-09-01', startMonthFor('fr'))).toBe(2019);
  });

  const m = (
    outgoing: boolean,
    startDate: string,
    months: number,
    realised = false,
  ): LedgerMobility => ({ outgoing, startDate, months, realised });

  it('R4: counts students and months sent and received, planned and realised, per year and in total', () => {
    const ledger = buildLedger(
      [
        m(true, '2016-10-01', 6, true),
        m(true, '2016-10-01', 12, true),
        m(false, '2016-09-01', 10, true),
        m(false, '2017-09-01', 6),
      ],
      4,
      { students: 1, months: 3 },
    );
    expect(ledger.years.map((y) => y.academicYear)).toEqual([2016, 2017]);
    expect(ledger.years[0]).toEqual({
      academicYear: 2016,
      planned: { sentStudents: 2, receivedStudents: 1, sentMonths: 18, receivedMonths: 10 },
      realised: { sentStudents: 2, receivedStudents: 1, sentMonths: 18, receivedMonths: 10 },
    });
    expect(ledger.total.planned).toEqual({
      sentStudents: 2,
      receivedStudents: 2,
      sentMonths: 18,
      receivedMonths: 16,
    });
    expect(ledger.total.realised.receivedStudents).toBe(1);
  });

  it('R4: warns when one direction runs ahead beyond the tolerance, in students or months', () => {
    const ledger = buildLedger(
      [m(true, '2016-10-01', 6), m(true, '2016-10-01', 12), m(false, '2016-10-01', 10)],
      4,
      { students: 1, months: 3 },
    );
    const planned2016 = ledger.warnings.filter(
      (w) => w.academicYear === 2016 && w.state === 'planned',
    );
    expect(planned2016).toEqual([
      {
        rule: 'R4',
        academicYear: 2016,
        state: 'planned',
        unit: 'months',
        difference: 8,
        tolerance: 3,
        ahead: 'sent',
      },
    ]);
    const strict = buildLedger([m(false, '2016-10-01', 6)], 4, { students: 0, months: 0 });
    expect(
      strict.warnings.find((w) => w.academicYear === 'total' && w.unit === 'students')?.ahead,
    ).toBe('received');
  });

  it('R4: totals equal the sum of the years, and swapping sides mirrors the ledger', () => {
    const arb = fc.array(
      fc.record({
        outgoing: fc.boolean(),
        startDate: fc
          .date({ min: new Date('2010-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        months: fc.integer({ min: 1, max: 12 }),
        realised: fc.boolean(),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (ms) => {
        const a = buildLedger(ms, 4, { students: 0, months: 0 });
        const sum = a.years.reduce(
          (s, y) => s + y.planned.sentStudents + y.planned.receivedStudents,
          0,
        );
        expect(sum).toBe(ms.length);
        const b = buildLedger(
          ms.map((x) => ({ ...x, outgoing: !x.outgoing })),
          4,
          { students: 0, months: 0 },
        );
        expect(b.total.planned.sentMonths).toBe(a.total.planned.receivedMonths);
        expect(b.total.realised.sentStudents).toBe(a.total.realised.receivedStudents);
      }),
    );
  });

  /** The mobilities grouped as a database would group them: direction, start month, length, state. */
  const grouped = (ms: readonly LedgerMobility[]): LedgerGroup[] => {
    const groups = new Map<string, LedgerGroup>();
    for (const x of ms) {
      const month = `${x.startDate.slice(0, 7)}-01`;
      const key = `${x.outgoing}|${month}|${x.months}|${x.realised}`;
      const g = groups.get(key);
      if (g) g.students += 1;
      else groups.set(key, { ...x, startDate: month, students: 1 });
    }
    return [...groups.values()];
  };

  it('R4: the ledger of grouped stays equals the ledger of the same stays one by one', () => {
    const arb = fc.array(
      fc.record({
        outgoing: fc.boolean(),
        startDate: fc
          .date({ min: new Date('2014-01-01'), max: new Date('2018-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        // Whole months and 30-day parts of a month (as a nomination counts a fraction).
        months: fc.oneof(
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1, max: 720 }).map((days) => days / 30),
        ),
        realised: fc.boolean(),
      }),
      { maxLength: 60 },
    );
    const tolerance = fc.record({
      students: fc.integer({ min: 0, max: 3 }),
      months: fc.integer({ min: 0, max: 12 }),
    });
    fc.assert(
      fc.property(arb, tolerance, fc.constantFrom(1, 4, 7, 9), (ms, tol, startMonth) => {
        const groups = grouped(ms);
        expect(buildLedgerFromGroups(groups, startMonth, tol)).toEqual(
          buildLedger(ms, startMonth, tol),
        );
        // The order in which groups arrive does not matter.
        expect(buildLedgerFromGroups([...groups].reverse(), startMonth, tol)).toEqual(
          buildLedger(ms, startMonth, tol),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('R4: a group of n stays counts n students and n times its months', () => {
    const one = { outgoing: true, startDate: '2016-10-01', months: 10 / 3, realised: true };
    const ledger = buildLedgerFromGroups([{ ...one, students: 3 }], 4, { students: 0, months: 0 });
    expect(ledger).toEqual(buildLedger([one, one, one], 4, { students: 0, months: 0 }));
    expect(ledger.total.realised).toEqual({
      sentStudents: 3,
      receivedStudents: 0,
      sentMonths: 9.99,
      receivedMonths: 0,
    });
  });
});
