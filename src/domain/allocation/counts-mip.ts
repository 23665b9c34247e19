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
 * has the optimum of the 0/1 program. Fewer counts need be integers: a row whose hull is
 * network capacities (`rowHull`, lagrangian.ts) needs no integer and no months row; a row
 * with two stay lengths whose shorter coefficient is 1 needs only the longer stay's count
 * integer (fixed, it leaves the shorter stay an integer capacity). The funder's rows (003 §4)
 * sum over students, not classes: when they can bind, funded students' variables stay binary.
 * An integral allocation with the optimum's value is then read back by our own min-cost flow
 * on the network restricted to the optimum's counts (and its funded students):
 * `solveRestricted`, with `classCapsOf`.
 */
import type { Compiled } from './compile.ts';
import type { CappedNetwork } from './lagrangian.ts';
import type { AllocationMip, MipModel } from './mip.ts';
import { buildAllocationMip, startValues } from './mip.ts';

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
    const lo = net.rowClassStart[r]!;
    const hi = net.rowClassStart[r + 1]!;
    for (let i = lo; i < hi; i++) {
      const v = nx + i;
      upper[v] = Math.min(net.classAgArcCap[i]!, members[i]!.length);
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
    // The agreement's arc (slots, or the row's hull: lagrangian.ts).
    for (let i = lo; i < hi; i++) {
      rowIndex.push(nx + i);
      rowValue.push(1);
    }
    rowStart.push(rowIndex.length);
    rowLower.push(-Infinity);
    rowUpper.push(net.agArcCap[a]!);
    // A row whose hull is those capacities needs neither its months row nor integers.
    if (net.rowHull[r] === 1) continue;
    for (let i = lo; i < hi; i++) {
      rowIndex.push(nx + i);
      rowValue.push(net.classCoef[i]!);
    }
    rowStart.push(rowIndex.length);
    rowLower.push(-Infinity);
    rowUpper.push(net.rowCap[r]!);
    // With two classes and the shorter stay's coefficient 1, the longer stay's count alone
    // need be integer: once it is fixed, the shorter one's bound is an integer capacity.
    const two = hi - lo === 2;
    const shorter = two && net.classCoef[lo]! < net.classCoef[lo + 1]! ? lo : lo + 1;
    for (let i = lo; i < hi; i++) {
      if (!(two && i === shorter && net.classCoef[shorter]! === 1)) isInteger[nx + i] = 1;
    }
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

/**
 * The class capacities that restrict the network to the counts program's optimum: an integer
 * count as it is; a hull row's classes at their network capacities; the shorter stay of a two-
 * class row at what the longer stay's count leaves of the months cap. Every flow within them
 * honours the rows, and the program's optimum is one of them.
 */
export function classCapsOf(
  net: CappedNetwork,
  counts: CountsMip,
  values: Float64Array,
): Int32Array {
  const classCap = new Int32Array(net.classArc.length);
  const integer = counts.model.isInteger!;
  for (let r = 0; r < net.rowAg.length; r++) {
    const lo = net.rowClassStart[r]!;
    const hi = net.rowClassStart[r + 1]!;
    let used = 0;
    for (let i = lo; i < hi; i++) {
      if (integer[counts.classVar0 + i] === 1) {
        classCap[i] = Math.round(values[counts.classVar0 + i]!);
        used += classCap[i]! * net.classCoef[i]!;
      }
    }
    for (let i = lo; i < hi; i++) {
      if (integer[counts.classVar0 + i] === 1) continue;
      classCap[i] =
        net.rowHull[r] === 1
          ? net.classAgArcCap[i]!
          : Math.min(
              net.classAgArcCap[i]!,
              Math.floor((net.rowCap[r]! - used) / net.classCoef[i]!),
            );
    }
  }
  return classCap;
}

/** The counts program's variables for a feasible allocation (its students and class counts). */
export function countsStart(
  c: Compiled,
  net: CappedNetwork,
  counts: CountsMip,
  chosen: Int32Array,
): Float64Array {
  const values = new Float64Array(counts.model.numVars);
  values.set(startValues(counts.base, chosen));
  for (let s = 0; s < c.nStu; s++) {
    const k = chosen[s]!;
    if (k >= 0 && net.prefClass[k]! >= 0) values[counts.classVar0 + net.prefClass[k]!]! += 1;
  }
  return values;
}
