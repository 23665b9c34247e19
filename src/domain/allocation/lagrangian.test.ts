/**
 * `optimal` on networks with knapsack rows — agreement months caps (R4: agreements set quotas
 * in students and months, 003 §5(4)) and the funder's caps (R14, 003 §4) — without a MIP
 * solver: Lagrangian bounds, then exhaustive branch and bound when they do not meet. Held to
 * exhaustive enumeration on hundreds of tiny random instances.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bruteForceOptimum, forEachFeasible, hostsOf, objectiveValue } from './brute-force.ts';
import { compile, objectiveWeights } from './compile.ts';
import { checkFeasible } from './feasibility.ts';
import { cappedInstance } from './generate.ts';
import { COST_SCALE, buildCappedNetwork, lagrangianBounds } from './lagrangian.ts';
import { hasNetworkStructure, isNetworkInstance, optimalSync } from './optimal.ts';
import type { Objective } from './types.ts';
import { OBJECTIVES } from './types.ts';

const seed = fc.integer({ min: 0, max: 0x7fffffff });

describe('optimal with months caps (bounds, then branch and bound)', () => {
  test('R4: equals exhaustive enumeration and is feasible on 300 tiny random instances', () => {
    let bounded = 0;
    let met = 0;
    fc.assert(
      fc.property(seed, fc.constantFrom<Objective>(...OBJECTIVES), (s, objective) => {
        const inst = cappedInstance(s, 7);
        const c = compile(inst);
        const out = optimalSync(inst, { objective });
        expect(checkFeasible(inst, out.result)).toEqual([]);
        const got = objectiveValue(inst, hostsOf(inst, out.result.assignments), objective);
        expect(got).toEqual(bruteForceOptimum(inst, objective));
        if (!isNetworkInstance(c) && hasNetworkStructure(c, objectiveWeights(c, objective))) {
          bounded++;
          const stats = out.result.stats;
          expect(['lagrangian-bounds-met', 'branch-and-bound']).toContain(stats.proof);
          if (stats.proof === 'lagrangian-bounds-met') met++;
          expect(stats.bounds!.lower).toBe(stats.objectiveValue);
          expect(stats.bounds!.upper).toBe(stats.objectiveValue);
          for (const p of stats.phases!) {
            if (p.lower !== null) expect(p.lower).toBeLessThanOrEqual(stats.objectiveValue!);
            expect(p.upper).toBeGreaterThanOrEqual(stats.objectiveValue!);
          }
        }
      }),
      { numRuns: 300, seed: 20191 },
    );
    expect(bounded).toBeGreaterThan(60);
    expect(met).toBeGreaterThan(10);
  });

  test('every bound brackets the optimum, and the repaired allocation is feasible', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const inst = cappedInstance(s, 7);
        const c = compile(inst);
        const w = objectiveWeights(c, 'students');
        if (isNetworkInstance(c)) return;
        const opt = bruteForceOptimum(inst, 'students')[0];
        const lag = lagrangianBounds(c, w, { maxIterations: 5 });
        expect(lag.lower).toBeLessThanOrEqual(opt);
        expect(lag.upper).toBeGreaterThanOrEqual(opt);
        for (const p of lag.phases) expect(p.upper).toBeGreaterThanOrEqual(opt);
        expect(COST_SCALE).toBeGreaterThan(1);
      }),
      { numRuns: 150, seed: 20192 },
    );
  });

  test('R4: the class and agreement arcs bound each row without cutting off any feasible allocation', () => {
    let tightened = 0;
    let hull = 0;
    fc.assert(
      fc.property(seed, (s) => {
        const inst = cappedInstance(s, 6);
        const c = compile(inst);
        const net = buildCappedNetwork(c, objectiveWeights(c, 'students'));
        for (let i = 0; i < net.classArc.length; i++) {
          if (net.classAgArcCap[i]! < c.agSlots[net.rowAg[rowOfClass(net, i)]!]!) tightened++;
        }
        for (let r = 0; r < net.rowAg.length; r++) {
          if (net.rowHull[r] === 0) continue;
          hull++;
          // Every integer point within the arcs' capacities honours the months row (R4).
          const lo = net.rowClassStart[r]!;
          const [x, y] = [lo, lo + 1];
          for (let nx = 0; nx <= net.classAgArcCap[x]!; nx++) {
            for (let ny = 0; ny <= net.classAgArcCap[y]!; ny++) {
              if (nx + ny > net.agArcCap[net.rowAg[r]!]!) continue;
              const months = nx * net.classCoef[x]! + ny * net.classCoef[y]!;
              expect(months).toBeLessThanOrEqual(net.rowCap[r]!);
            }
          }
        }
        const byId = new Map(inst.students.map((st, i) => [st.id, i]));
        forEachFeasible(inst, (hosts) => {
          const count = new Int32Array(net.classArc.length);
          const onAgreement = new Int32Array(c.nAg);
          hosts.forEach((h, i) => {
            if (h === null) return;
            const r = c.rankOf[byId.get(inst.students[i]!.id)!]!;
            for (let k = c.prefStart[r]!; k < c.prefStart[r + 1]!; k++) {
              if (c.prefHost[k] !== c.uniIndex.get(h)) continue;
              onAgreement[c.prefAg[k]!]!++;
              if (net.prefClass[k]! >= 0) count[net.prefClass[k]!]!++;
            }
          });
          for (let i = 0; i < count.length; i++) {
            expect(count[i]).toBeLessThanOrEqual(net.classAgArcCap[i]!);
          }
          for (let a = 0; a < c.nAg; a++) {
            expect(onAgreement[a]).toBeLessThanOrEqual(Math.max(0, net.agArcCap[a]!));
          }
        });
      }),
      { numRuns: 200, seed: 20193 },
    );
    expect(tightened).toBeGreaterThan(20);
    expect(hull).toBeGreaterThan(5);
  });
});

/** The row (index into rowAg) of class i. */
function rowOfClass(net: ReturnType<typeof buildCappedNetwork>, i: number): number {
  let r = 0;
  while (net.rowClassStart[r + 1]! <= i) r++;
  return r;
}
