import { describe, expect, test } from 'vitest';
import { checkFeasible, summarize } from './feasibility.ts';
import { makeInstance, student, uni } from './fixtures.ts';

const inst = makeInstance(
  [
    uni('j', 'JP', 'jp', { importCap: 1, exportCap: 1 }),
    uni('r', 'RU', 'ru'),
    uni('f', 'FR', 'eu'),
  ],
  [
    ['j', 'r', 1],
    ['j', 'f', 1],
  ],
  [
    student('a', 'j', 3, ['r'], { funded: true, months: 12 }),
    student('b', 'j', 2, ['r', 'f'], { acceptedBy: ['r'] }),
    student('c', 'r', 2, ['j']),
    student('d', 'f', 2, ['j']),
  ],
  { fundedMonthsCap: 6, yenCap: 1_000_000 },
);

const codes = (assignments: { student: string; host: string }[]): string[] =>
  checkFeasible(inst, { assignments }).map((v) => v.code);

describe('checkFeasible', () => {
  test('R4: a balanced allocation within caps is feasible', () => {
    const ok = makeInstance(
      [uni('j', 'JP'), uni('r', 'RU')],
      [['j', 'r', 1]],
      [student('a', 'j', 3, ['r']), student('c', 'r', 2, ['j'])],
    );
    expect(
      checkFeasible(ok, {
        assignments: [
          { student: 'a', host: 'r' },
          { student: 'c', host: 'j' },
        ],
      }),
    ).toEqual([]);
  });

  test('R4: every kind of violation is reported', () => {
    expect(codes([{ student: 'zz', host: 'r' }])).toContain('unknown-student');
    expect(
      codes([
        { student: 'c', host: 'j' },
        { student: 'c', host: 'j' },
      ]),
    ).toContain('duplicate-student');
    expect(codes([{ student: 'a', host: 'mars' }])).toContain('unknown-host');
    expect(codes([{ student: 'a', host: 'f' }])).toContain('not-in-prefs');
    expect(codes([{ student: 'b', host: 'f' }])).toContain('not-accepted');
    expect(codes([{ student: 'c', host: 'j' }])).toContain('balance');
    expect(
      codes([
        { student: 'c', host: 'j' },
        { student: 'd', host: 'j' },
      ]),
    ).toContain('import-cap');
    expect(
      codes([
        { student: 'a', host: 'r' },
        { student: 'b', host: 'r' },
      ]),
    ).toEqual(
      expect.arrayContaining(['agreement-slots', 'export-cap', 'funded-months-cap', 'yen-cap']),
    );
  });

  test('R4: months balance counts stays; agreement scope pairs both directions', () => {
    const m = makeInstance(
      [uni('j', 'JP'), uni('r', 'RU')],
      [['j', 'r', 2]],
      [student('a', 'j', 3, ['r'], { months: 12 }), student('c', 'r', 2, ['j'], { months: 6 })],
      { balanceUnit: 'months', balanceScope: 'agreement', tolerance: 5 },
    );
    const both = [
      { student: 'a', host: 'r' },
      { student: 'c', host: 'j' },
    ];
    expect(checkFeasible(m, { assignments: both }).map((v) => v.code)).toEqual([
      'balance',
      'balance',
    ]);
    const s = summarize(m, both);
    expect(s.balance).toEqual([
      { unit: 'j ↔ r', sent: 12, received: 6, net: 6 },
      { unit: 'r ↔ j', sent: 6, received: 12, net: -6 },
    ]);
    expect(
      checkFeasible({ ...m, rules: { ...m.rules, tolerance: 6 } }, { assignments: both }),
    ).toEqual([]);
  });
});
