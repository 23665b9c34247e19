import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkFeasible, summarize } from './feasibility.ts';
import { makeInstance, student, uni } from './fixtures.ts';
import { tinyInstance } from './generate.ts';
import { serialDictatorship } from './serial-dictatorship.ts';

describe('serial-dictatorship baseline', () => {
  test('R4: places by score ignoring balance, then trims the lowest score of the worst net sender', () => {
    const unis = [uni('j1', 'JP'), uni('j2', 'JP'), uni('r', 'RU')];
    const inst = makeInstance(
      unis,
      [
        ['j1', 'r', 5],
        ['j2', 'r', 5],
      ],
      [
        student('a', 'j1', 3.9, ['r']),
        student('b', 'j1', 3.5, ['r']),
        student('c', 'j1', 3.1, ['r']),
        student('d', 'j2', 3.4, ['r']),
        student('e', 'r', 3.0, ['j1']),
        student('f', 'r', 2.0, ['j2']),
      ],
    );
    const out = serialDictatorship(inst);
    // Before trimming: j1 sends 3, receives 1 (net +2); j2 sends 1, receives 1; r net −2.
    // j1 loses c, then b.
    expect(out.result.assignments.map((a) => a.student)).toEqual(['a', 'd', 'e', 'f']);
    expect(out.trace?.phase).toEqual([
      'serial',
      'trimmed',
      'trimmed',
      'serial',
      'serial',
      'serial',
    ]);
    expect(checkFeasible(inst, out.result)).toEqual([]);
  });

  test('R4: a net receiver beyond tolerance loses its lowest-priority incoming student', () => {
    const unis = [uni('j', 'JP', 'jp'), uni('r1', 'RU', 'ru'), uni('r2', 'RU', 'ru')];
    const inst = makeInstance(
      unis,
      [
        ['j', 'r1', 3],
        ['j', 'r2', 3],
      ],
      [student('a', 'j', 3, ['r1']), student('b', 'j', 2, ['r2']), student('c', 'r1', 1, ['j'])],
      { tolerance: 1 },
    );
    const out = serialDictatorship(inst);
    expect(checkFeasible(inst, out.result)).toEqual([]);
    expect(summarize(inst, out.result.assignments).worstImbalance).toBeLessThanOrEqual(1);
  });

  test('R14: the baseline is feasible (balance, caps) on random instances', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (s) => {
        const inst = tinyInstance(s, 10);
        expect(checkFeasible(inst, serialDictatorship(inst).result)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
