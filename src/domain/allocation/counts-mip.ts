/**
 * The integer program of a network with knapsack rows (lagrangian.ts), with integrality only
 * where the network needs it: the count of students per agreement and stay length ("class").
 *
 * Given integer counts n(a, m) — each class arc's flow fixed to an integer — what remains is a
 * network with integer capacities, whose polytope is integral (total unimodularity). So the
 * students' variables may be continuous: the program has one integer variable per class
 * (a few per capped agreement) instead of one binary per student and option, and
 *
 *     maximise Σ w·x   s.t. the rows of mip.ts,   Σ_{x in class} x = n(class),
 *                          Σ coef(class)·n(class) ≤ cap(row),   n integer,  0 ≤ x ≤ 1
 *
 * has the optimum of the 0/1 program. The funder's rows (003 §4) sum over students, not
 * classes: when they can bind, funded students' variables stay binary. An integral allocation
 * with the optimum's value is then read back by our own min-cost flow on the network
 * restricted to the optimum's counts (and its funded students): `solveRestricted`.
 */
import type { Compiled } from './compile.ts';
import type { CappedNetwork } from './lagrangian.ts';
import type { AllocationMip, MipModel } from './mip.ts';
import { buildAllocationMip } from './mip.ts';

export interface CountsMip {
  base: AllocationMip;
  model: MipModel;
  /** Variable of the first class (classes follow in CappedNetwork order). */
  classVar0: number;
}

export function buildCountsMip(c: Compiled, weights: Float64Array, net: CappedNetwork): CountsMip {
  // The months caps of the capped agreements are stated on the counts below; those that
  // cannot bind need no row at all.
  const base = buildAllocationMip(c, weights, true);
  const m = base.model;
  const nx = m.numVars;
  const nClass = net.classArc.length;
  const numVars = nx + nClass;
  const objective = new Float64Array(numVars);
  objective.set(m.objective);
  const isInteger = new Uint8Array(numVars);
  const upper = new Float64Array(numVars).fill(1);
  const binaryFunded = net.globalCoef.length > 0;
  for (let j = 0; j < nx; j++) {
    if (binaryFunded && c.funded[base.varStudent[j]!] === 1) isInteger[j] = 1;
  }
  const rowStart = Array.from(m.rowStart);
  const rowIndex = Array.from(m.rowIndex);
  const rowValue = Array.from(m.rowValue);
  const rowLower = Array.from(m.rowLower);
  const rowUpper = Array.from(m.rowUpper);
  // Members of each class.
  const members: number[][] = Array.from({ length: nClass }, () => []);
  for (let j = 0; j < nx; j++) {
    const cl = net.prefClass[base.varPref[j]!]!;
    if (cl >= 0) members[cl]!.push(j);
  }
  for (let r = 0; r < net.rowAg.length; r++) {
    const a = net.rowAg[r]!;
    for (let i = net.rowClassStart[r]!; i < net.rowClassStart[r + 1]!; i++) {
      const v = nx + i;
      isInteger[v] = 1;
      upper[v] = Math.min(
        c.agSlots[a]!,
        members[i]!.length,
        Math.floor(net.rowCap[r]! / net.classCoef[i]!),
      );
      for (const j of members[i]!) {
        rowIndex.push(j);
        rowValue.push(1);
      }
      rowIndex.push(v);
      rowValue.push(-1);
      rowStart.push(rowIndex.length);
      rowLower.push(0);
      rowUpper.push(0);
    }
    for (let i = net.rowClassStart[r]!; i < net.rowClassStart[r + 1]!; i++) {
      rowIndex.push(nx + i);
      rowValue.push(net.classCoef[i]!);
    }
    rowStart.push(rowIndex.length);
    rowLower.push(-Infinity);
    rowUpper.push(net.rowCap[r]!);
  }
  return {
    base,
    classVar0: nx,
    model: {
      numVars,
      objective,
      rowStart: Int32Array.from(rowStart),
      rowIndex: Int32Array.from(rowIndex),
      rowValue: Float64Array.from(rowValue),
      rowLower: Float64Array.from(rowLower),
      rowUpper: Float64Array.from(rowUpper),
      isInteger,
      upper,
    },
  };
}
