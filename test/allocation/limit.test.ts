/**
 * `optimal` when the MIP solver stops at its time limit before a proof: by default it fails;
 * with `onLimit: 'best'` (what the server uses) it returns the best allocation found, feasible,
 * marked unproven, with bounds that enclose the optimum. The caps are R4's quotas in students
 * and months (003 §5(4)).
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { checkFeasible } from '../../src/domain/allocation/feasibility.ts';
import { cappedInstance, tinyInstance } from '../../src/domain/allocation/generate.ts';
import type { MipSolver } from '../../src/domain/allocation/mip.ts';
import { optimal } from '../../src/domain/allocation/optimal.ts';
import type { AllocationInstance, AllocationResult } from '../../src/domain/allocation/types.ts';
import { runMechanisms } from '../../src/services/allocation/compute.ts';
import { createHighsSolver } from '../../src/services/allocation/highs-solver.ts';

const exact = createHighsSolver({ timeLimitSeconds: 20 });
/** HiGHS with no time at all: it stops before proving anything. */
const stopped = createHighsSolver({ timeLimitSeconds: 0 });

/** The first `n` capped instances whose bounds do not meet, so the MIP solver is needed. */
async function needingTheSolver(n: number): Promise<AllocationInstance[]> {
  const found: AllocationInstance[] = [];
  for (let seed = 1; found.length < n && seed < 1000; seed++) {
    const inst = cappedInstance(seed, 30);
    const o = await optimal(inst, { solver: exact });
    if (o.result.stats.proof === 'mip') found.push(inst);
  }
  return found;
}

function expectUnproven(inst: AllocationInstance, result: AllocationResult, optimum: number) {
  const stats = result.stats;
  expect(checkFeasible(inst, result)).toEqual([]);
  expect(stats.proven).toBe(false);
  expect(stats.stopped).toBe('limit');
  expect(stats.proof).toBeUndefined();
  expect(stats.bounds!.lower).toBe(stats.objectiveValue);
  expect(stats.bounds!.lower).toBeLessThanOrEqual(optimum);
  expect(stats.bounds!.upper).toBeGreaterThanOrEqual(optimum);
  expect(stats.phases!.at(-1)).toMatchObject({
    name: 'mip',
    lower: stats.bounds!.lower,
    upper: stats.bounds!.upper,
  });
}

describe('optimal at the solver’s time limit', () => {
  test('R4: the bounds’ allocation, unproven, between bounds that enclose the optimum', async () => {
    const instances = await needingTheSolver(6);
    expect(instances).toHaveLength(6);
    let gaps = 0;
    for (const inst of instances) {
      const optimum = (await optimal(inst, { solver: exact })).result.stats.objectiveValue!;
      const best = await optimal(inst, { solver: stopped, onLimit: 'best' });
      expectUnproven(inst, best.result, optimum);
      if (best.result.stats.bounds!.upper > best.result.stats.bounds!.lower) gaps++;
      // The default is to fail rather than return an unproven allocation.
      await expect(optimal(inst, { solver: stopped })).rejects.toThrow(/no proven optimum/);
    }
    expect(gaps).toBe(6);
  });

  // Month balance is not a network: `optimal` is the whole program, with no bounds before it.
  const monthBalance = (): AllocationInstance => {
    for (let seed = 1; ; seed++) {
      const inst = tinyInstance(seed, 9);
      if (inst.rules.balanceUnit === 'months' && inst.students.length >= 5) return inst;
    }
  };

  test('the whole program: the solver’s best allocation, its bound kept', async () => {
    const inst = monthBalance();
    const optimum = (await optimal(inst, { solver: exact })).result.stats.objectiveValue!;
    // HiGHS's optimum, reported as if the limit had stopped it two units short of a proof.
    const early: MipSolver = {
      name: 'highs',
      async solve(model, start) {
        const sol = await exact.solve(model, start);
        return { ...sol, status: 'limit', bound: sol.objective + 2.5 };
      },
    };
    const best = await optimal(inst, { solver: early, onLimit: 'best' });
    expectUnproven(inst, best.result, optimum);
    expect(best.result.stats.objectiveValue).toBe(optimum);
    expect(best.result.stats.bounds).toEqual({ lower: optimum, upper: optimum + 2 });
  });

  test('the whole program: a limit that left no allocation still fails', async () => {
    const none: MipSolver = {
      name: 'highs',
      solve: () => Promise.resolve({ status: 'limit', values: null, objective: NaN }),
    };
    await expect(optimal(monthBalance(), { solver: none, onLimit: 'best' })).rejects.toThrow(
      /no proven optimum \(limit/,
    );
  });

  test('a run keeps all three mechanisms when the solver runs out of time', async () => {
    const [inst] = await needingTheSolver(1);
    const optimum = (await optimal(inst!, { solver: exact })).result.stats.objectiveValue!;
    const run = await runMechanisms(inst, undefined, 0);
    const results = JSON.parse(gunzipSync(Buffer.from(run.results.data, 'base64')).toString()) as {
      [m: string]: { result: AllocationResult };
    };
    expect(Object.keys(results).sort()).toEqual(['2s-ttc', 'optimal', 'serial-dictatorship']);
    expectUnproven(inst!, results.optimal!.result, optimum);
  });
});
