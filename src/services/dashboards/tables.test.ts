import { describe, expect, it } from 'vitest';
import { dashboardFilter } from './dashboards.ts';
import { nameIn, plainCell, tableCsv, type Table } from './tables.ts';

describe('the dashboards’ tables as files', () => {
  const table: Table = {
    id: 'partners',
    columns: ['fiscal_year', 'partner', 'outgoing_students'],
    rows: [
      [
        2015,
        { names: { en: 'Moscow State University', ja: 'モスクワ大学' } },
        { n: 1, records: { year: 2015 } },
      ],
      [2016, { names: { en: 'Novosibirsk State University' } }, null],
    ],
  };

  it('writes names in the asked language (else English), counts as numbers, empty cells empty', () => {
    expect(plainCell(table.rows[0]![1]!, 'ja')).toBe('モスクワ大学');
    expect(plainCell(table.rows[1]![1]!, 'ja')).toBe('Novosibirsk State University');
    expect(plainCell(table.rows[0]![2]!, 'en')).toBe(1);
    expect(nameIn({ fr: 'Université' }, 'ru')).toBe('Université');
    const csv = tableCsv(table, 'ja');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'fiscal_year,partner,outgoing_students',
      '2015,モスクワ大学,1',
      '2016,Novosibirsk State University,',
      '',
    ]);
  });
});

describe('the filter of a dashboard’s query', () => {
  it('keeps fiscal years once, in order, and drops what is not a year', () => {
    expect(
      dashboardFilter({ years: '2017,2015,2017,abc,99999', partner: '', level: 'master' }),
    ).toEqual({
      years: [2015, 2017],
      partner: null,
      level: 'master',
      field: null,
    });
    expect(dashboardFilter({})).toEqual({
      years: [],
      partner: null,
      level: null,
      field: null,
    });
  });
});
