/**
 * The proven optimum when count balance (a network, see optimal.ts) meets knapsack rows: the
 * agreements' months caps (003 §5(4) — agreements set quotas in students and months), the
 * funded-months cap and the yen cap (003 §4, R14). Each such row sums months (or yen) over the
 * students it covers, which no network can express, but everything else is the min-cost
 * circulation of optimal.ts. So:
 *
 *  1. Upper bounds — Lagrangian relaxation. Row r (Σ coef·x ≤ cap) moves into the objective
 *     with a multiplier λ_r ≥ 0: every assignment it covers pays floor(λ_r·coef). For any
 *     allocation that honours the rows, Σ floor(λ·coef)·x ≤ Σ λ·cap, so
 *         L(λ) = max over the network of [ Σ w·x − Σ penalties·x ] + Σ λ_r·cap_r
 *     bounds the optimum from above. The maximum is our own min-cost circulation, with the
 *     penalties on arcs: an agreement's months cap on one arc per stay length ("class" node
 *     student → (agreement, months) → agreement), the funder's rows on the student's arc.
 *     Costs are scaled by COST_SCALE and multipliers are integers in that scale, so every
 *     bound is an exact integer. λ moves by subgradient steps (Polyak's rule towards the best
 *     lower bound); each step warm-starts the flow from the previous one (potentials kept,
 *     only arcs whose reduced cost turned negative are re-routed).
 *     Rows are first divided by the gcd of their coefficients (6·n₆ + 12·n₁₂ ≤ 15 becomes
 *     n₆ + 2·n₁₂ ≤ 2): the same integer points, a tighter relaxation. Then each stay length
 *     alone is bounded in the network: its class arc carries at most ⌊cap / coef⌋ students,
 *     and no more than the students who list the agreement with that stay (its candidates).
 *     With two stay lengths, the row's integer points within those bounds and the slots are
 *     enumerated: their largest n₆, n₁₂ and n₆ + n₁₂ become the class arcs' and the
 *     agreement arc's capacities, and when those capacities' corners are all such points, the
 *     row's integer hull is exactly the capacities, so the row becomes part of the network
 *     (`rowHull`) and cannot bind again. E.g. one six-month candidate, two slots and
 *     n₆ + 2·n₁₂ ≤ 2 leave {(0,0), (1,0), (0,1)}: n₆ + n₁₂ ≤ 1, where the relaxation placed
 *     one six-month and half a twelve-month student. What is left of the relaxation's gap
 *     comes from rows with two points on n₆ + 2·n₁₂ = K and from the network around them.
 *  2. Lower bounds — repair. The relaxed solution is made feasible by restricting the network
 *     so that no flow in it can break a row: per agreement, a capacity per stay length whose
 *     months sum within the cap (taken from the relaxed solution, trimmed longest stays first,
 *     the rest given to the shortest); for the funder's rows, only funded students the relaxed
 *     solution placed (dropping the costliest until the rows hold) may be placed. The
 *     restricted network is solved to optimality for the true objective: a feasible
 *     allocation.
 *  3. Proof. Objective weights are integers, so when floor(upper) = lower the lower bound's
 *     allocation is optimal ('lagrangian-bounds-met'). Otherwise optimal.ts hands the rest to
 *     the MIP solver: the whole program, or the one over counts (counts-mip.ts).
 *
 * Measured (bench/results/allocation.md; national size, one agreement in five capping 3–9
 * months per slot, optimum 15,460): of the 3,044 rows that can bind, 1,677 become network
 * capacities; the relaxation falls from 16,134 (no class bounds) and 15,580 (class bounds
 * alone) to 15,484 in one flow, and repair gives 15,436. The linear program of the tightened
 * rows is 15,471 (HiGHS; 15,491 with the class bounds alone, 15,600 plain), and the
 * subgradient steps reach 15,473 — the best multipliers give that linear relaxation's value,
 * since the subproblem is a network. What is left (11 students) is an integrality gap no
 * multipliers close, so the solver path takes no steps by default.
 */
import type { Compiled } from './compile.ts';
import { FlowGraph, solveMinCostFlow } from './flow.ts';

/** Objective weights are multiplied by this so that multipliers can be fractional. */
export const COST_SCALE = 1024;

const gcd = (a: number, b: number): number => {
  while (b) [a, b] = [b, a % b];
  return a;
};

/** The network with knapsack rows, built once and re-solved under changing multipliers. */
export interface CappedNetwork {
  readonly g: FlowGraph;
  readonly pi: Float64Array;
  /** Per pref entry: the arc student → agreement (or class node), −1 when unusable. */
  readonly prefArc: Int32Array;
  /** Per student: the arc exp(home) → student, −1 when the student has no usable option. */
  readonly stuArc: Int32Array;
  /** Per student: COST_SCALE × best weight (the student arc's cost is −that + penalty). */
  readonly stuTop: Float64Array;
  /** Agreement rows: the agreement, the reduced cap, and the class arcs with coefficients. */
  readonly rowAg: Int32Array;
  readonly rowCap: Float64Array;
  readonly rowClassStart: Int32Array;
  readonly classArc: Int32Array;
  readonly classCoef: Float64Array;
  readonly classAgArcCap: Int32Array;
  /** Per pref entry: its class (index into classArc), −1 when its agreement has no row. */
  readonly prefClass: Int32Array;
  /** Global rows (funded months, yen): reduced coefficient per student, reduced cap. */
  readonly globalCoef: Float64Array[];
  readonly globalCap: number[];
  readonly weights: Float64Array;
  /** Per agreement: its arc's capacity (slots, or less where a row's hull says so). */
  readonly agArcCap: Int32Array;
  /** Per row: 1 when its integer hull is plain network capacities (it can no longer bind). */
  readonly rowHull: Uint8Array;
}

/** Months (or yen) the candidates of each row could use; a row is kept only if it can bind. */
export function buildCappedNetwork(c: Compiled, weights: Float64Array): CappedNetwork {
  const Q = COST_SCALE;
  const nS = c.nStu;
  const usable = (k: number): boolean => c.prefOk[k] === 1 && c.agSlots[c.prefAg[k]!]! > 0;
  // Which agreement caps can bind, and the gcd of their candidates' months.
  const candMonths = new Float64Array(c.nAg);
  const agGcd = new Int32Array(c.nAg);
  let anyOption = new Uint8Array(nS);
  for (let s = 0; s < nS; s++) {
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      if (!usable(k)) continue;
      anyOption[s] = 1;
      const a = c.prefAg[k]!;
      candMonths[a]! += c.months[s]!;
      agGcd[a] = gcd(agGcd[a]!, c.months[s]!);
    }
  }
  const agRowOf = new Int32Array(c.nAg).fill(-1);
  const rowAg: number[] = [];
  for (let a = 0; a < c.nAg; a++) {
    if (c.agSlots[a]! > 0 && candMonths[a]! > c.agMonthsCap[a]! && agGcd[a]! > 0) {
      agRowOf[a] = rowAg.length;
      rowAg.push(a);
    }
  }
  const nRows = rowAg.length;
  // Classes: distinct reduced months per row.
  const classKey = new Map<number, number>(); // row * 4096… → class index, via string-free key
  const classRow: number[] = [];
  const classCoefL: number[] = [];
  const prefClass = new Int32Array(c.prefStart[nS]!).fill(-1);
  for (let s = 0; s < nS; s++) {
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      if (!usable(k)) continue;
      const r = agRowOf[c.prefAg[k]!]!;
      if (r < 0) continue;
      const coef = c.months[s]! / agGcd[rowAg[r]!]!;
      const key = r * 2 ** 21 + coef;
      let cl = classKey.get(key);
      if (cl === undefined) {
        cl = classRow.length;
        classKey.set(key, cl);
        classRow.push(r);
        classCoefL.push(coef);
      }
      prefClass[k] = cl;
    }
  }
  const nClass = classRow.length;
  // Global rows.
  const globalCoef: Float64Array[] = [];
  const globalCap: number[] = [];
  const addGlobal = (value: (s: number) => number, cap: number): void => {
    if (!Number.isFinite(cap)) return;
    let sum = 0;
    let g = 0;
    let integral = true;
    for (let s = 0; s < nS; s++) {
      if (c.funded[s] !== 1 || anyOption[s] === 0) continue;
      const v = value(s);
      sum += v;
      if (Number.isInteger(v)) g = gcd(g, v);
      else integral = false;
    }
    if (sum <= cap) return;
    const div = integral && g > 0 ? g : 1;
    const coef = new Float64Array(nS);
    for (let s = 0; s < nS; s++) {
      if (c.funded[s] === 1 && anyOption[s] === 1) coef[s] = value(s) / div;
    }
    globalCoef.push(coef);
    globalCap.push(integral ? Math.floor(cap / div) : cap);
  };
  addGlobal((s) => c.months[s]!, c.fundedMonthsCap);
  addGlobal((s) => c.yen[s]!, c.yenCap);
  anyOption = new Uint8Array(0);

  // Nodes: units | exp(h) | students | agreements | classes | imp(t) | Z.
  const nUnitNodes = Math.max(1, c.nUnits);
  const unitOfUni = new Int32Array(c.nUni);
  if (c.nUnits > 0) for (let u = 0; u < c.nUni; u++) unitOfUni[u] = c.nodeOfUni[u]!;
  const expBase = nUnitNodes;
  const stuBase = expBase + c.nUni;
  const agBase = stuBase + nS;
  const classBase = agBase + c.nAg;
  const impBase = classBase + nClass;
  const Z = impBase + c.nUni;
  const n = Z + 1;
  const totalPrefs = c.prefStart[nS]!;
  const g = new FlowGraph(n, 2 * c.nUni + nS + totalPrefs + c.nAg + nClass + 2 * nUnitNodes);
  const studentsOf = new Int32Array(c.nUni);
  for (let s = 0; s < nS; s++) studentsOf[c.home[s]!]!++;
  for (let h = 0; h < c.nUni; h++) {
    if (studentsOf[h] === 0) continue;
    g.addArc(unitOfUni[h]!, expBase + h, Math.min(c.exportCap[h]!, studentsOf[h]!), 0);
  }
  const prefArc = new Int32Array(totalPrefs).fill(-1);
  const stuArc = new Int32Array(nS).fill(-1);
  const stuTop = new Float64Array(nS);
  for (let s = 0; s < nS; s++) {
    let maxW = -Infinity;
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      if (usable(k)) maxW = Math.max(maxW, weights[k]!);
    }
    if (maxW === -Infinity) continue;
    stuTop[s] = Q * maxW;
    const e = g.addArc(expBase + c.home[s]!, stuBase + s, 1, -Q * maxW);
    g.push(e, 1);
    stuArc[s] = e;
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      if (!usable(k)) continue;
      const cl = prefClass[k]!;
      const head = cl >= 0 ? classBase + cl : agBase + c.prefAg[k]!;
      prefArc[k] = g.addArc(stuBase + s, head, 1, Q * (maxW - weights[k]!));
    }
  }
  // Class arcs grouped by row.
  const rowClassStart = new Int32Array(nRows + 1);
  for (let cl = 0; cl < nClass; cl++) rowClassStart[classRow[cl]! + 1]!++;
  for (let r = 0; r < nRows; r++) rowClassStart[r + 1]! += rowClassStart[r]!;
  const fillAt = rowClassStart.slice(0, nRows);
  const classArc = new Int32Array(nClass);
  const classCoef = new Float64Array(nClass);
  const classAgArcCap = new Int32Array(nClass);
  const posOf = new Int32Array(nClass);
  // Each class alone: at most ⌊cap / coef⌋ students (the row's bound on that class), and no
  // more than the students who could take it.
  const candidates = new Int32Array(nClass);
  for (let k = 0; k < prefClass.length; k++) if (prefClass[k]! >= 0) candidates[prefClass[k]!]!++;
  const alone = new Int32Array(nClass);
  for (let cl = 0; cl < nClass; cl++) {
    const a = rowAg[classRow[cl]!]!;
    alone[cl] = Math.min(
      c.agSlots[a]!,
      candidates[cl]!,
      Math.floor(c.agMonthsCap[a]! / agGcd[a]! / classCoefL[cl]!),
    );
  }
  const agArcCap = Int32Array.from(c.agSlots, (slots) => Math.max(0, slots));
  const rowHull = tightenTwoClassRows(c, rowAg, agGcd, classRow, classCoefL, alone, agArcCap);
  for (let cl = 0; cl < nClass; cl++) {
    const r = classRow[cl]!;
    const a = rowAg[r]!;
    const at = fillAt[r]!++;
    posOf[cl] = at;
    classArc[at] = g.addArc(classBase + cl, agBase + a, alone[cl]!, 0);
    classCoef[at] = classCoefL[cl]!;
    classAgArcCap[at] = alone[cl]!;
  }
  for (let a = 0; a < c.nAg; a++) {
    if (c.agSlots[a]! > 0) g.addArc(agBase + a, impBase + c.agTo[a]!, agArcCap[a]!, 0);
  }
  for (let t = 0; t < c.nUni; t++) {
    g.addArc(impBase + t, unitOfUni[t]!, Math.min(c.importCap[t]!, nS), 0);
  }
  if (c.tolerance > 0 && c.nUnits > 1) {
    const tol = Math.min(c.tolerance, nS);
    for (let u = 0; u < c.nUnits; u++) {
      g.addArc(u, Z, tol, 0);
      g.addArc(Z, u, tol, 0);
    }
  }
  for (let k = 0; k < prefClass.length; k++) {
    if (prefClass[k]! >= 0) prefClass[k] = posOf[prefClass[k]!]!;
  }
  const rowCap = new Float64Array(nRows);
  for (let r = 0; r < nRows; r++) {
    const a = rowAg[r]!;
    rowCap[r] = Math.floor(c.agMonthsCap[a]! / agGcd[a]!);
  }
  return {
    g,
    pi: new Float64Array(n),
    prefArc,
    stuArc,
    stuTop,
    rowAg: Int32Array.from(rowAg),
    rowCap,
    rowClassStart,
    classArc,
    classCoef,
    classAgArcCap,
    prefClass,
    globalCoef,
    globalCap,
    weights,
    agArcCap,
    rowHull,
  };
}

/**
 * The integer points of a row with two stay lengths: 0 ≤ x ≤ A, 0 ≤ y ≤ B (each class alone,
 * candidates included), x + y ≤ S (slots) and α·x + β·y ≤ K (months). When their convex hull is
 * a box and a sum — 0 ≤ x ≤ A′, 0 ≤ y ≤ B′, x + y ≤ T — the row is exactly those network
 * capacities (the class arcs and the agreement's arc) and can never bind again; otherwise the
 * capacities still tighten to A′, B′, T. E.g. one six-month candidate, two slots and two
 * months units: {(0,0), (1,0), (0,1)}, so x + y ≤ 1 — the relaxation could place 1½ students.
 * Mutates `alone` and `agArcCap`; returns, per row, 1 when it became network capacities.
 */
function tightenTwoClassRows(
  c: Compiled,
  rowAg: number[],
  agGcd: Int32Array,
  classRow: number[],
  classCoef: number[],
  alone: Int32Array,
  agArcCap: Int32Array,
): Uint8Array {
  const classesOf: number[][] = rowAg.map(() => []);
  classRow.forEach((r, cl) => classesOf[r]!.push(cl));
  const hull = new Uint8Array(rowAg.length);
  for (let r = 0; r < rowAg.length; r++) {
    const cls = classesOf[r]!;
    if (cls.length !== 2) continue;
    const [cx, cy] = classCoef[cls[0]!]! < classCoef[cls[1]!]! ? cls : [cls[1]!, cls[0]!];
    const a = rowAg[r]!;
    const A = alone[cx!]!;
    const B = alone[cy!]!;
    const S = agArcCap[a]!;
    const K = Math.floor(c.agMonthsCap[a]! / agGcd[a]!);
    const alpha = classCoef[cx!]!;
    const beta = classCoef[cy!]!;
    if ((A + 1) * (B + 1) > 1 << 16) continue;
    const inRow = (x: number, y: number): boolean =>
      x >= 0 && y >= 0 && x <= A && y <= B && x + y <= S && alpha * x + beta * y <= K;
    let maxX = 0;
    let maxY = 0;
    let maxT = 0;
    for (let x = 0; x <= A; x++) {
      for (let y = 0; y <= B; y++) {
        if (!inRow(x, y)) continue;
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
        maxT = Math.max(maxT, x + y);
      }
    }
    alone[cx!] = maxX;
    alone[cy!] = maxY;
    agArcCap[a] = Math.min(S, maxT);
    // The box-and-sum's vertices; all in the row ⇔ the row's hull is the box and the sum.
    if (inRow(maxX, Math.min(maxY, maxT - maxX)) && inRow(Math.min(maxX, maxT - maxY), maxY)) {
      hull[r] = 1;
    }
  }
  return hull;
}

/** Multipliers (integers in COST_SCALE units per reduced coefficient unit). */
export interface Multipliers {
  row: Float64Array;
  global: number[];
}

/** Puts the multipliers' penalties on the arcs (costs only; flows are fixed up by `solve`). */
function setPenalties(net: CappedNetwork, lam: Multipliers): void {
  const g = net.g;
  for (let r = 0; r < net.rowAg.length; r++) {
    const l = lam.row[r]!;
    for (let i = net.rowClassStart[r]!; i < net.rowClassStart[r + 1]!; i++) {
      const e = net.classArc[i]!;
      const cost = Math.floor(l * net.classCoef[i]!);
      g.cost[e] = cost;
      g.cost[e ^ 1] = -cost;
    }
  }
  if (net.globalCoef.length > 0) {
    for (let s = 0; s < net.stuArc.length; s++) {
      const e = net.stuArc[s]!;
      if (e < 0) continue;
      let pen = 0;
      for (let i = 0; i < net.globalCoef.length; i++) {
        pen += lam.global[i]! * net.globalCoef[i]![s]!;
      }
      const cost = -net.stuTop[s]! + Math.floor(pen);
      g.cost[e] = cost;
      g.cost[e ^ 1] = -cost;
    }
  }
}

export interface RelaxedSolution {
  /** Chosen pref entry per priority-ranked student, −1 = home. */
  chosen: Int32Array;
  /** Σ w·x (unscaled). */
  value: number;
  /** COST_SCALE × L(λ): an exact integer upper bound on COST_SCALE × the optimum. */
  upperScaled: number;
  /** Activity − cap of each agreement row, then of each global row (reduced units). */
  rowExcess: Float64Array;
  globalExcess: number[];
  phases: number;
}

/** Solves the network under the multipliers (warm start) and measures the rows. */
export function solveRelaxed(c: Compiled, net: CappedNetwork, lam: Multipliers): RelaxedSolution {
  const g = net.g;
  setPenalties(net, lam);
  g.restoreReducedCosts(net.pi);
  const stats = solveMinCostFlow(g, net.pi);
  if (stats.unrouted > 0) throw new Error('min-cost circulation: supply left unrouted');
  const chosen = new Int32Array(c.nStu).fill(-1);
  let value = 0;
  let scaled = 0;
  for (let s = 0; s < c.nStu; s++) {
    if (net.stuArc[s]! < 0) continue;
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      const e = net.prefArc[k]!;
      if (e >= 0 && g.flow(e) > 0) {
        chosen[s] = k;
        value += net.weights[k]!;
      }
    }
    if (chosen[s]! >= 0) scaled -= g.cost[net.stuArc[s]!]! + net.stuTop[s]!; // − global penalty
  }
  scaled += COST_SCALE * value;
  const rowExcess = new Float64Array(net.rowAg.length);
  for (let r = 0; r < net.rowAg.length; r++) {
    let act = 0;
    for (let i = net.rowClassStart[r]!; i < net.rowClassStart[r + 1]!; i++) {
      const e = net.classArc[i]!;
      const f = g.flow(e);
      act += f * net.classCoef[i]!;
      scaled -= f * g.cost[e]!;
    }
    rowExcess[r] = act - net.rowCap[r]!;
    scaled += lam.row[r]! * net.rowCap[r]!;
  }
  const globalExcess: number[] = [];
  for (let i = 0; i < net.globalCoef.length; i++) {
    let act = 0;
    for (let s = 0; s < c.nStu; s++) if (chosen[s]! >= 0) act += net.globalCoef[i]![s]!;
    globalExcess.push(act - net.globalCap[i]!);
    scaled += Math.ceil(lam.global[i]! * net.globalCap[i]!);
  }
  return {
    chosen,
    value,
    upperScaled: scaled,
    rowExcess,
    globalExcess,
    phases: stats.phases,
  };
}

/** True when the relaxed solution honours every row. */
export function honoursRows(sol: RelaxedSolution): boolean {
  for (const x of sol.rowExcess) if (x > 0) return false;
  for (const x of sol.globalExcess) if (x > 0) return false;
  return true;
}

/**
 * The best allocation (true objective) of the network restricted so that no flow in it breaks
 * a row: each class arc capped at `classCap` (whose months must fit the row's cap), and, when
 * `allowed` is given, only those funded students placeable. Solved on a copy of the graph.
 */
export function solveRestricted(
  c: Compiled,
  net: CappedNetwork,
  classCap: Int32Array,
  allowed: Uint8Array | null,
): { chosen: Int32Array; value: number } {
  const g = net.g.clone();
  const pi = net.pi.slice();
  // True objective: no penalties.
  for (let i = 0; i < net.classArc.length; i++) {
    g.cost[net.classArc[i]!] = 0;
    g.cost[net.classArc[i]! ^ 1] = 0;
    g.setCapacity(net.classArc[i]!, Math.min(net.classAgArcCap[i]!, classCap[i]!));
  }
  for (let s = 0; s < c.nStu; s++) {
    const e = net.stuArc[s]!;
    if (e < 0) continue;
    g.cost[e] = -net.stuTop[s]!;
    g.cost[e ^ 1] = net.stuTop[s]!;
    if (allowed && c.funded[s] === 1 && allowed[s] === 0) g.setCapacity(e, 0);
  }
  g.restoreReducedCosts(pi);
  const stats = solveMinCostFlow(g, pi);
  if (stats.unrouted > 0) throw new Error('min-cost circulation: supply left unrouted');
  const chosen = new Int32Array(c.nStu).fill(-1);
  let value = 0;
  for (let s = 0; s < c.nStu; s++) {
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      const e = net.prefArc[k]!;
      if (e >= 0 && g.flow(e) > 0) {
        chosen[s] = k;
        value += net.weights[k]!;
      }
    }
  }
  return { chosen, value };
}

/**
 * A feasible allocation near a relaxed one (see the header): per agreement row, the relaxed
 * solution's counts per stay length trimmed longest first until they fit, the room left given
 * to the shortest stays; for the funder's rows, the funded students it placed, costliest
 * dropped until the rows hold.
 */
export function repair(
  c: Compiled,
  net: CappedNetwork,
  sol: RelaxedSolution,
): { chosen: Int32Array; value: number } {
  const g = net.g;
  const classCap = new Int32Array(net.classArc.length);
  for (let r = 0; r < net.rowAg.length; r++) {
    const lo = net.rowClassStart[r]!;
    const hi = net.rowClassStart[r + 1]!;
    const idx: number[] = [];
    for (let i = lo; i < hi; i++) idx.push(i);
    idx.sort((x, y) => net.classCoef[x]! - net.classCoef[y]!); // shortest stays first
    let used = 0;
    for (const i of idx) {
      classCap[i] = g.flow(net.classArc[i]!);
      used += classCap[i]! * net.classCoef[i]!;
    }
    for (let j = idx.length - 1; j >= 0 && used > net.rowCap[r]!; j--) {
      const i = idx[j]!;
      const coef = net.classCoef[i]!;
      const drop = Math.min(classCap[i]!, Math.ceil((used - net.rowCap[r]!) / coef));
      classCap[i]! -= drop;
      used -= drop * coef;
    }
    if (idx.length > 0) {
      const i0 = idx[0]!;
      classCap[i0]! += Math.floor((net.rowCap[r]! - used) / net.classCoef[i0]!);
    }
  }
  let allowed: Uint8Array | null = null;
  if (net.globalCoef.length > 0) {
    const keep: number[] = [];
    const act = net.globalCoef.map(() => 0);
    for (let s = 0; s < c.nStu; s++) {
      if (sol.chosen[s]! < 0 || c.funded[s] !== 1) continue;
      keep.push(s);
      net.globalCoef.forEach((coef, i) => (act[i]! += coef[s]!));
    }
    const over = (): boolean => act.some((a, i) => a > net.globalCap[i]!);
    const load = (s: number): number =>
      net.globalCoef.reduce((m, coef, i) => m + coef[s]! / Math.max(1, net.globalCap[i]!), 0);
    keep.sort((x, y) => load(y) - load(x));
    allowed = new Uint8Array(c.nStu);
    let j = 0;
    while (over() && j < keep.length) {
      const s = keep[j++]!;
      net.globalCoef.forEach((coef, i) => (act[i]! -= coef[s]!));
    }
    for (; j < keep.length; j++) allowed[keep[j]!] = 1;
  }
  return solveRestricted(c, net, classCap, allowed);
}

export interface BoundPhase {
  name: string;
  /** Best feasible objective so far (null before the first repair). */
  lower: number | null;
  /** Best upper bound so far: floor(L(λ)) (the objective is an integer). */
  upper: number;
  seconds: number;
}

export interface LagrangianOutcome {
  /** Best feasible allocation. */
  chosen: Int32Array;
  lower: number;
  /** floor of the best upper bound. */
  upper: number;
  /** True when floor(upper) = lower: the allocation is proven optimal. */
  met: boolean;
  /** The network, for the integer program on the counts (counts-mip.ts). */
  net: CappedNetwork;
  phases: BoundPhase[];
  iterations: number;
  flowPhases: number;
}

export interface LagrangianOptions {
  maxIterations?: number;
  /**
   * Multipliers are kept multiples of this (COST_SCALE units): a coarse grid gives the flow
   * few distinct path lengths, hence few phases per step.
   */
  multiplierGrain?: number;
  /** Seconds since the start, for the phases (0 without a clock). */
  elapsed?: () => number;
  /** Called after each phase (progress reports). */
  onPhase?: (phase: BoundPhase, flowPhases: number) => void;
}

/**
 * Bounds by Lagrangian relaxation and repair (see the header). Stops when the bounds meet or
 * after `maxIterations` subgradient steps.
 */
export function lagrangianBounds(
  c: Compiled,
  weights: Float64Array,
  options: LagrangianOptions = {},
): LagrangianOutcome {
  const Q = COST_SCALE;
  const elapsed = options.elapsed ?? ((): number => 0);
  const maxIt = options.maxIterations ?? 40;
  const grain = options.multiplierGrain ?? COST_SCALE / 16;
  const net = buildCappedNetwork(c, weights);
  const nRows = net.rowAg.length;
  const lam: Multipliers = {
    row: new Float64Array(nRows),
    global: net.globalCoef.map(() => 0),
  };
  const exact = new Float64Array(nRows);
  const phases: BoundPhase[] = [];
  const pushPhase = (p: BoundPhase): void => {
    phases.push(p);
    options.onPhase?.(p, flowPhases);
  };
  let flowPhases = 0;
  let sol = solveRelaxed(c, net, lam);
  flowPhases += sol.phases;
  let bestUpper = sol.upperScaled;
  const upperOf = (scaled: number): number => Math.floor(scaled / Q);
  if (honoursRows(sol)) {
    pushPhase({
      name: 'relaxation',
      lower: sol.value,
      upper: upperOf(bestUpper),
      seconds: elapsed(),
    });
    return {
      chosen: sol.chosen,
      lower: sol.value,
      upper: upperOf(bestUpper),
      met: true,
      net,
      phases,
      iterations: 0,
      flowPhases,
    };
  }
  pushPhase({ name: 'relaxation', lower: null, upper: upperOf(bestUpper), seconds: elapsed() });
  let best = repair(c, net, sol);
  pushPhase({ name: 'repair', lower: best.value, upper: upperOf(bestUpper), seconds: elapsed() });
  const met = (): boolean => Math.floor(bestUpper / Q) <= best.value;
  let theta = 1;
  let sinceImproved = 0;
  let it = 0;
  for (; it < maxIt && !met(); it++) {
    // Projected subgradient, Polyak step towards the best lower bound.
    let norm = 0;
    for (let r = 0; r < nRows; r++) {
      const x = sol.rowExcess[r]!;
      if (x > 0 || exact[r]! > 0) norm += x * x;
    }
    sol.globalExcess.forEach((x, i) => {
      if (x > 0 || lam.global[i]! > 0) norm += x * x;
    });
    if (norm === 0) break;
    const step = (theta * (sol.upperScaled - Q * best.value)) / norm;
    // The multipliers move freely (`exact`); the flow sees them on the grain's grid, so that
    // small steps accumulate instead of being rounded away.
    for (let r = 0; r < nRows; r++) {
      exact[r] = Math.max(0, exact[r]! + step * sol.rowExcess[r]!);
      lam.row[r] = grain * Math.round(exact[r]! / grain);
    }
    sol.globalExcess.forEach((x, i) => {
      lam.global[i] = Math.max(0, Math.round(lam.global[i]! + step * x));
    });
    sol = solveRelaxed(c, net, lam);
    flowPhases += sol.phases;
    if (sol.upperScaled < bestUpper) {
      const gain = bestUpper - sol.upperScaled;
      bestUpper = sol.upperScaled;
      if (gain < 0.01 * Q) sinceImproved++;
      else sinceImproved = 0;
    } else {
      sinceImproved++;
    }
    if (sinceImproved >= 3) {
      theta /= 2;
      sinceImproved = 0;
    }
    if (honoursRows(sol) && sol.value > best.value) best = { chosen: sol.chosen, value: sol.value };
    else if (it % 4 === 3 || met()) {
      const rep = repair(c, net, sol);
      if (rep.value > best.value) best = rep;
    }
    pushPhase({
      name: `lagrangian-${it + 1}`,
      lower: best.value,
      upper: upperOf(bestUpper),
      seconds: elapsed(),
    });
  }
  if (!met()) {
    const rep = repair(c, net, sol);
    if (rep.value > best.value) best = rep;
  }
  return {
    chosen: best.chosen,
    lower: best.value,
    upper: upperOf(bestUpper),
    met: met(),
    net,
    phases,
    iterations: it,
    flowPhases,
  };
}
