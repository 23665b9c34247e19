import { describe, expect, it } from 'vitest';
import {
  ErrorTally,
  checkHeader,
  checkHistoryRow,
  historyRow,
  isIsoDate,
  parseCredits,
  type HistoryRow,
} from './history-import.ts';

const good: HistoryRow = historyRow(
  (c) =>
    ({
      student_name: 'Sato Hanako',
      student_number: 'B19-0042',
      home_institution: 'tohoku.ac.jp',
      host_institution: 'F  GRENOBL55',
      start_date: '2019-09-01',
      end_date: '2020-01-31',
      level: 'bachelor',
      field: '0413',
      credits: '30',
      grade: 'A',
    })[c],
);

describe('mobility history rows', () => {
  it('names the required columns missing and the unknown ones', () => {
    expect(checkHeader(['student_name', 'gpa'])).toMatchObject({ unknown: ['gpa'] });
    expect(checkHeader(['student_name']).missing).toContain('end_date');
    expect(checkHeader(['student_name']).missing).not.toContain('agreement');
  });

  it('accepts a right row and refuses bad dates, level, field, credits and status', () => {
    expect(checkHistoryRow(good, 2)).toEqual([]);
    const bad = checkHistoryRow(
      {
        ...good,
        start_date: '2019-02-29',
        level: 'postdoc',
        field: '04',
        credits: '1e3',
        status: 'done',
      },
      7,
    );
    expect(bad.map((e) => e.code)).toEqual([
      'mobility.import_date_invalid',
      'mobility.import_level_unknown',
      'mobility.import_field_unknown',
      'mobility.import_credits_invalid',
      'mobility.import_status_unknown',
    ]);
    expect(checkHistoryRow({ ...good, end_date: '2019-08-31' }, 3)).toEqual([
      {
        line: 3,
        column: 'end_date',
        code: 'mobility.import_end_before_start',
        params: { start: '2019-09-01' },
      },
    ]);
    expect(checkHistoryRow({ ...good, student_name: '' }, 4)[0]?.code).toBe(
      'mobility.import_required',
    );
  });

  it('reads dates and credits strictly', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2021-2-1')).toBe(false);
    expect(parseCredits('12.5')).toBe(12.5);
    expect(parseCredits('-1')).toBeNull();
  });

  it('keeps the first 100 errors by line and counts them all', () => {
    const tally = new ErrorTally();
    const error = (line: number) => ({
      line,
      column: 'level' as const,
      code: 'mobility.import_level_unknown' as const,
      params: {},
    });
    tally.add(Array.from({ length: 150 }, (_, i) => error(i + 10)));
    tally.add([error(3)], 1);
    tally.add([], 40);
    expect(tally.total).toBe(191);
    expect(tally.first).toHaveLength(100);
    expect(tally.first[0]?.line).toBe(3);
    expect(tally.first[99]?.line).toBe(108);
  });
});
