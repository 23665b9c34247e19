/**
 * Properties every mechanism must have: feasible on random instances, and `optimal` equal to the
 * exact optimum found by exhaustive enumeration.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { allocateSync } from './allocate.ts';
import { bruteForceOptimum, hostsOf, objectiveValue } from './brute-force.ts';
import { compile, objectiveWeights } from './compile.ts';
import { checkFeasible } from './feasibility.ts';
import { generateInstance, tinyInstance } from './generate.ts';
import { branchAndBound } from './mip.ts';
import { isNetworkInstance, optimalSync, solveByFlow } from './optimal.ts';
import { createRng } from './prng.ts';
import { validateInstance } from './schema.ts';
import type { AllocationInstance, AllocationRules } from './types.ts';
import { MECHANISMS, OBJECTIVES } from './types.ts';

const seed = fc.integer({ min: 0, max: 0x7fffffff });

/** A medium instance: 4–12 universities, up to 80 students, random rules. */
function mediumInstance(s: number, rules: Partial<AllocationRules> = {}): AllocationInstance {
  const rng = createRng(s);
  const scopes = ['university', 'consortium', 'side', 'agreement', 'none'] as const;
  return generateInstance({
    seed: s,
    sides: [
      { name: 'JP', universities: 2 + rng.int(6), consortia: 1 + rng.int(3) },
      { name: 'RU', universities: 1 + rng.int(4), consortia: 1 + rng.int(2) },
      { name: 'FR', universities: rng.int(3), consortia: 1 },
    ],
    students: 1 + rng.int(80),
    firstSideShare: rng.next(),
    partnersPerUniversity: 1 + rng.int(4),
    bipartite: rng.next() < 0.5,
    slotsMin: 0,
    slotsMax: 1 + rng.int(4),
    listLength: 1 + rng.int(5),
    popularityCorrelation: rng.next(),
    acceptRate: rng.next() < 0.5 ? 1 : 0.7,
    months: [3, 6, 9, 12],
    fundedShare: rng.next(),
    capShare: rng.next() * 0.5,
    monthsCapShare: rng.next() * 0.5,
    rules: {
      balanceScope: scopes[rng.int(scopes.length)]!,
      balanceUnit: rng.next() < 0.4 ? 'months' : 'students',
      tolerance: rng.next() < 0.5 ? 0 : rng.int(7),
      fundedMonthsCap: rng.next() < 0.4 ? 360 : rng.next() < 0.5 ? rng.int(60) : null,
      yenCap: rng.next() < 0.3 ? 1_000_000 * (1 + rng.int(20)) : null,
      stipendPerMonth: 100_000,
      ...rules,
    },
  });
}

describe('every mechanism is feasible', () => {
  test('generated instances are valid instances of the contract', () => {
    fc.assert(
      fc.property(seed, (s) => {
        expect(validateInstance(tinyInstance(s)).ok).toBe(true);
        expect(validateInstance(mediumInstance(s)).ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  test('R4: every mechanism returns a feasible result on tiny random instances (balance, slots, caps, R14)', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const inst = tinyInstance(s, 7);
        for (const mechanism of MECHANISMS) {
          const out = allocateSync(inst, { mechanism });
          expect(checkFeasible(inst, out.result)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('R4: 2s-ttc and the baseline are feasible on medium random instances with every rule', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const inst = mediumInstance(s);
        for (const mechanism of ['2s-ttc', 'serial-dictatorship'] as const) {
          const out = allocateSync(inst, { mechanism });
          expect(checkFeasible(inst, out.result)).toEqual([]);
          expect(out.result.stats.placed).toBe(out.result.assignments.length);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('R4: optimal (min-cost circulation) is feasible on medium network instances', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const inst = mediumInstance(s, {
          balanceUnit: 'students',
          fundedMonthsCap: null,
          yenCap: null,
        });
        if (!isNetworkInstance(compile(inst))) return;
        const out = optimalSync(inst);
        expect(out.result.stats.solver).toBe('min-cost-circulation');
        expect(checkFeasible(inst, out.result)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('optimal is the exact optimum', () => {
  test('optimal equals exhaustive enumeration on hundreds of tiny instances, every objective', () => {
    let network = 0;
    fc.assert(
      fc.property(seed, (s) => {
        const inst = tinyInstance(s, 6);
        if (isNetworkInstance(compile(inst))) network++;
        for (const objective of OBJECTIVES) {
          const out = optimalSync(inst, { objective });
          expect(out.result.stats.proven).toBe(true);
          const got = objectiveValue(inst, hostsOf(inst, out.result.assignments), objective);
          expect(got).toEqual(bruteForceOptimum(inst, objective));
        }
      }),
      { numRuns: 300 },
    );
    expect(network).toBeGreaterThan(50); // both the flow and the integer program were exercised
  });

  test('the min-cost circulation equals branch and bound on larger network instances', () => {
    fc.assert(
      fc.property(seed, fc.constantFrom(...OBJECTIVES), (s, objective) => {
        const inst = tinyInstance(s, 12, {
          balanceUnit: 'students',
          fundedMonthsCap: null,
          yenCap: null,
        });
        const c = compile(inst);
        if (!isNetworkInstance(c)) return;
        const w = objectiveWeights(c, objective);
        expect(solveByFlow(c, w).value).toBe(branchAndBound(c, w).value);
      }),
      { numRuns: 150 },
    );
  });

  test('optimal places at least as many students as 2s-ttc and the baseline', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const inst = tinyInstance(s, 7);
        const best = optimalSync(inst).result.stats.placed;
        expect(allocateSync(inst, { mechanism: '2s-ttc' }).result.stats.placed).toBeLessThanOrEqual(
          best,
        );
        expect(
          allocateSync(inst, { mechanism: 'serial-dictatorship' }).result.stats.placed,
        ).toBeLessThanOrEqual(best);
      }),
      { numRuns: 200 },
    );
  });

  test('optimal says how it was solved', () => {
    const inst = tinyInstance(3, 5, { balanceUnit: 'months', balanceScope: 'consortium' });
    expect(optimalSync(inst).result.stats.solver).toBe('branch-and-bound');
    const net = tinyInstance(3, 5, {
      balanceUnit: 'students',
      balanceScope: 'side',
      fundedMonthsCap: null,
      yenCap: null,
    });
    expect(optimalSync(net).result.stats.solver).toBe('min-cost-circulation');
  });

  test('results are deterministic and independent of the order of students', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const inst = tinyInstance(s, 8);
        const shuffled = { ...inst, students: [...inst.students].reverse() };
        for (const mechanism of MECHANISMS) {
          const a = allocateSync(inst, { mechanism }).result.assignments;
          const b = allocateSync(shuffled, { mechanism }).result.assignments;
          const key = (xs: { student: string; host: string }[]): string[] =>
            xs.map((x) => `${x.student}>${x.host}`).sort();
          if (mechanism === 'optimal') expect(b.length).toBe(a.length);
          else expect(key(b)).toEqual(key(a));
        }
      }),
      { numRuns: 100 },
    );
  });
});
