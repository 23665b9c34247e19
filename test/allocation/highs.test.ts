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
import { createHighsSolver, toLpFormat } from '../../src/services/allocation/highs-solver.ts';

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

  test('the LP text declares every variable binary', () => {
    const inst = tinyInstance(11, 6, { fundedMonthsCap: 6 });
    const lp = toLpFormat({
      numVars: 2,
      objective: Float64Array.of(1, 2),
      rowStart: Int32Array.of(0, 2),
      rowIndex: Int32Array.of(0, 1),
      rowValue: Float64Array.of(1, -1),
      rowLower: Float64Array.of(-1),
      rowUpper: Float64Array.of(1),
    });
    expect(lp).toContain('Maximize');
    expect(lp).toContain('r0l:  1 x0 - 1 x1 >= -1');
    expect(lp).toMatch(/Binary\n x0 x1\nEnd/);
    expect(inst.rules.fundedMonthsCap).toBe(6);
  });
});
