/**
 * `optimal` equals HiGHS (an independent exact MIP solver) on small random instances —
 * including month balance (R4, 003 §5(4)) and the funder's caps (R14, 003 §4), where our side
 * is the exact branch and bound, and count balance, where it is the min-cost circulation.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compile } from '../../src/domain/allocation/compile.ts';
import { checkFeasible } from '../../src/domain/allocation/feasibility.ts';
import { tinyInstance } from '../../src/domain/allocation/generate.ts';
import { isNetworkInstance, optimal, optimalSync } from '../../src/domain/allocation/optimal.ts';
import { OBJECTIVES } from '../../src/domain/allocation/types.ts';
import type { MipModel } from '../../src/domain/allocation/mip.ts';
import { createHighsSolver } from '../../src/services/allocation/highs-solver.ts';

const solver = createHighsSolver({ timeLimitSeconds: 20 });

describe('optimal equals HiGHS', () => {
  test('R4: on ~100 small random instances, every objective, months and caps included', async () => {
    let network = 0;
    let months = 0;
    let capped = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 0x7fffffff }), async (s) => {
        const inst = tinyInstance(s, 9);
        if (isNetworkInstance(compile(inst))) network++;
        if (inst.rules.balanceUnit === 'months') months++;
        if (inst.rules.fundedMonthsCap !== null || inst.rules.yenCap !== null) capped++;
        for (const objective of OBJECTIVES) {
          const ours = optimalSync(inst, { objective });
          const theirs = await optimal(inst, { objective, solver, method: 'mip' });
          expect(theirs.result.stats.solver).toBe('mip:highs');
          expect(checkFeasible(inst, theirs.result)).toEqual([]);
          expect(ours.result.stats.objectiveValue).toBe(theirs.result.stats.objectiveValue);
        }
      }),
      { numRuns: 100 },
    );
    expect(network).toBeGreaterThan(10);
    expect(months).toBeGreaterThan(10);
    expect(capped).toBeGreaterThan(10);
  });

  // maximise x0 + 2·x1 + 1.5·y  s.t.  x0 + x1 ≤ 1,  x1 + y ≤ 1.5;  x binary, 0 ≤ y ≤ 2 continuous
  const model: MipModel = {
    numVars: 3,
    objective: Float64Array.of(1, 2, 1.5),
    rowStart: Int32Array.of(0, 2, 4),
    rowIndex: Int32Array.of(0, 1, 1, 2),
    rowValue: Float64Array.of(1, 1, 1, 1),
    rowLower: Float64Array.of(-Infinity, -Infinity),
    rowUpper: Float64Array.of(1, 1.5),
    isInteger: Uint8Array.of(1, 1, 0),
    upper: Float64Array.of(1, 1, 2),
  };

  test('solves a program with continuous variables and bounds exactly', async () => {
    const sol = await solver.solve(model);
    expect(sol.status).toBe('optimal');
    // x0 = 1, x1 = 0, y = 1.5 (3.25) beats x1 = 1, y = 0.5 (2.75).
    expect(Array.from(sol.values!)).toEqual([1, 0, 1.5]);
    expect(sol.objective).toBeCloseTo(3.25, 9);
  });

  test('a start solution, feasible or not, does not change the proven optimum', async () => {
    for (const start of [Float64Array.of(0, 1, 0.5), Float64Array.of(1, 1, 2)]) {
      for (const s of [solver, createHighsSolver({ defaults: true })]) {
        const sol = await s.solve(model, start);
        expect(sol.status).toBe('optimal');
        expect(sol.objective).toBeCloseTo(3.25, 9);
      }
    }
  });
});
