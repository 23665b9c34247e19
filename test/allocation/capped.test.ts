/**
 * `optimal` with months caps on agreements (R4: agreements set quotas in students and months,
 * 003 §5(4)) and the funder's caps (R14, 003 §4), by Lagrangian bounds and then the whole
 * program (default) or the program over the counts per agreement and stay length, equals
 * HiGHS on the whole 0/1 program.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compile } from '../../src/domain/allocation/compile.ts';
import { checkFeasible } from '../../src/domain/allocation/feasibility.ts';
import { cappedInstance } from '../../src/domain/allocation/generate.ts';
import { isNetworkInstance, optimal } from '../../src/domain/allocation/optimal.ts';
import type { Objective } from '../../src/domain/allocation/types.ts';
import { OBJECTIVES } from '../../src/domain/allocation/types.ts';
import { createHighsSolver } from '../../src/services/allocation/highs-solver.ts';

const solver = createHighsSolver({ timeLimitSeconds: 20 });

describe('optimal with months caps equals HiGHS on the whole program', () => {
  test('R4: on 300 small random instances (up to 30 students), every objective', async () => {
    const proofs = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 0x7fffffff }),
        fc.constantFrom<Objective>(...OBJECTIVES),
        async (s, objective) => {
          const inst = cappedInstance(s, 30);
          const ours = await optimal(inst, { objective, solver });
          expect(checkFeasible(inst, ours.result)).toEqual([]);
          const theirs = await optimal(inst, { objective, solver, method: 'mip' });
          expect(ours.result.stats.objectiveValue).toBe(theirs.result.stats.objectiveValue);
          const counts = await optimal(inst, { objective, solver, program: 'counts' });
          expect(checkFeasible(inst, counts.result)).toEqual([]);
          expect(counts.result.stats.objectiveValue).toBe(theirs.result.stats.objectiveValue);
          const proof = counts.result.stats.proof!;
          expect(ours.result.stats.proof).toBe(proof === 'mip-on-counts' ? 'mip' : proof);
          proofs.set(proof, (proofs.get(proof) ?? 0) + 1);
          if (!isNetworkInstance(compile(inst))) {
            expect(['lagrangian-bounds-met', 'mip-on-counts']).toContain(proof);
            for (const r of [ours.result, counts.result]) {
              expect(r.stats.bounds).toEqual({
                lower: r.stats.objectiveValue,
                upper: r.stats.objectiveValue,
              });
            }
          }
        },
      ),
      { numRuns: 300, seed: 20194 },
    );
    expect(proofs.get('mip-on-counts') ?? 0).toBeGreaterThan(20);
    expect(proofs.get('lagrangian-bounds-met') ?? 0).toBeGreaterThan(5);
  });
});
