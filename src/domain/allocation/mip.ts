/**
 * The integer program of the allocation, built in pure code, and the solver interface the
 * domain declares (implemented with HiGHS in src/services/allocation/highs-solver.ts — the
 * domain never imports a solver).
 *
 *   maximise  Σ w[s,k] x[s,k]             x binary, one per student and accepted, fitting host
 *   s.t.      Σ_k x[s,k] ≤ 1               each student at most one host
 *             Σ x over agreement a ≤ slots(a);  Σ months·x ≤ monthsCap(a)
 *             Σ x into t ≤ importCap(t);  Σ x out of h ≤ exportCap(h)
 *             −tol ≤ Σ bw·x (sent by U) − Σ bw·x (received by U) ≤ tol   per balance unit U
 *             Σ months·x (funded) ≤ fundedMonthsCap;  Σ yen·x (funded) ≤ yenCap   (003 §4)
 *
 * Rows that cannot bind (e.g. slots ≥ number of candidates) are left out.
 *
 * Also here: an exact branch and bound over the students (for tiny instances and for tests,
 * when no solver is injected), which enumerates students in priority order with an upper
 * bound of the remaining best weights and a balance bound.
 */
import type { Compiled } from './compile.ts';
import { CapacityState, R_NONE } from './state.ts';

/**
 * A mixed-integer program: maximise objective·x subject to rowLower ≤ A x ≤ rowUpper and
 * 0 ≤ x ≤ upper (1 by default), x integer where `isInteger` says so (everywhere by default).
 */
export interface MipModel {
  readonly numVars: number;
  /** Objective coefficients (integers), maximised. */
  readonly objective: Float64Array;
  /** Rows in compressed sparse row form. */
  readonly rowStart: Int32Array;
  readonly rowIndex: Int32Array;
  readonly rowValue: Float64Array;
  /** −Infinity / Infinity where unbounded. */
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** 1 = integer, 0 = continuous; absent = every variable integer. */
  readonly isInteger?: Uint8Array;
  /** Upper bound of each variable (lower bounds are 0); absent = every bound 1. */
  readonly upper?: Float64Array;
}

export type MipStatus = 'optimal' | 'infeasible' | 'limit' | 'error';

export interface MipSolution {
  status: MipStatus;
  /**
   * Variable values (0/1), when a solution is available: the optimum, or on `limit` the best
   * feasible solution found before the solver stopped (null when it found none).
   */
  values: Float64Array | null;
  /** Objective value of `values` (NaN without values). */
  objective: number;
  /** On `limit`: the solver's proven bound on the objective (no solution exceeds it). */
  bound?: number;
  /** Solver's own words about the outcome. */
  detail?: string;
}

/** An exact MIP solver the caller injects (e.g. HiGHS). */
export interface MipSolver {
  readonly name: string;
  /** `start`: a feasible solution (e.g. the bounds' best allocation) to begin from. */
  solve(model: MipModel, start?: Float64Array): Promise<MipSolution>;
}

export interface AllocationMip {
  model: MipModel;
  /** Variable → pref entry (priority-ranked student's option). */
  varPref: Int32Array;
  varStudent: Int32Array;
}

/** The program's variables for an allocation (chosen pref entry per student, −1 = none). */
export function startValues(mip: AllocationMip, chosen: Int32Array): Float64Array {
  const values = new Float64Array(mip.model.numVars);
  for (let j = 0; j < values.length; j++) {
    if (chosen[mip.varStudent[j]!] === mip.varPref[j]) values[j] = 1;
  }
  return values;
}

/** Builds the integer program of a compiled instance for the given weights per pref entry. */
export function buildAllocationMip(
  c: Compiled,
  weights: Float64Array,
  /** Leave out the agreements' months-cap rows (a caller that states them otherwise). */
  withoutMonthsCaps = false,
): AllocationMip {
  const st = new CapacityState(c);
  const varPref: number[] = [];
  const varStudent: number[] = [];
  for (let s = 0; s < c.nStu; s++) {
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      if (st.capacityRefusal(s, k) !== R_NONE) continue; // can never be used
      varPref.push(k);
      varStudent.push(s);
    }
  }
  const nVar = varPref.length;
  const objective = new Float64Array(nVar);
  for (let j = 0; j < nVar; j++) objective[j] = weights[varPref[j]!]!;

  const rowStart: number[] = [0];
  const rowIndex: number[] = [];
  const rowValue: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const addRow = (vars: number[], coef: number[], lo: number, hi: number): void => {
    if (vars.length === 0) return;
    let maxSum = 0;
    let minSum = 0;
    for (const v of coef) {
      if (v > 0) maxSum += v;
      else minSum += v;
    }
    if (maxSum <= hi && minSum >= lo) return; // cannot bind
    for (let i = 0; i < vars.length; i++) {
      rowIndex.push(vars[i]!);
      rowValue.push(coef[i]!);
    }
    rowStart.push(rowIndex.length);
    rowLower.push(lo);
    rowUpper.push(hi);
  };

  // Group variables (CSR-like buckets) by student, agreement, host, home, unit.
  const group = (n: number, key: (j: number) => number): number[][] => {
    const out: number[][] = Array.from({ length: n }, () => []);
    for (let j = 0; j < nVar; j++) {
      const g = key(j);
      if (g >= 0) out[g]!.push(j);
    }
    return out;
  };
  const ones = (vars: number[]): number[] => vars.map(() => 1);
  const monthsOf = (vars: number[]): number[] => vars.map((j) => c.months[varStudent[j]!]!);

  for (const vars of group(c.nStu, (j) => varStudent[j]!)) addRow(vars, ones(vars), -Infinity, 1);
  const byAg = group(c.nAg, (j) => c.prefAg[varPref[j]!]!);
  for (let a = 0; a < c.nAg; a++) {
    const vars = byAg[a]!;
    addRow(vars, ones(vars), -Infinity, c.agSlots[a]!);
    if (!withoutMonthsCaps) addRow(vars, monthsOf(vars), -Infinity, c.agMonthsCap[a]!);
  }
  const byHost = group(c.nUni, (j) => c.prefHost[varPref[j]!]!);
  const byHome = group(c.nUni, (j) => c.home[varStudent[j]!]!);
  for (let u = 0; u < c.nUni; u++) {
    addRow(byHost[u]!, ones(byHost[u]!), -Infinity, c.importCap[u]!);
    addRow(byHome[u]!, ones(byHome[u]!), -Infinity, c.exportCap[u]!);
  }
  if (c.nUnits > 0) {
    const unitVars: number[][] = Array.from({ length: c.nUnits }, () => []);
    const unitCoef: number[][] = Array.from({ length: c.nUnits }, () => []);
    for (let j = 0; j < nVar; j++) {
      const a = c.prefAg[varPref[j]!]!;
      const src = c.agSrc[a]!;
      const dst = c.agDst[a]!;
      if (src < 0 || src === dst) continue;
      const w = c.bw[varStudent[j]!]!;
      unitVars[src]!.push(j);
      unitCoef[src]!.push(w);
      unitVars[dst]!.push(j);
      unitCoef[dst]!.push(-w);
    }
    for (let u = 0; u < c.nUnits; u++) {
      addRow(unitVars[u]!, unitCoef[u]!, -c.tolerance, c.tolerance);
    }
  }
  const fundedVars: number[] = [];
  for (let j = 0; j < nVar; j++) if (c.funded[varStudent[j]!] === 1) fundedVars.push(j);
  addRow(fundedVars, monthsOf(fundedVars), -Infinity, c.fundedMonthsCap);
  addRow(
    fundedVars,
    fundedVars.map((j) => c.yen[varStudent[j]!]!),
    -Infinity,
    c.yenCap,
  );

  return {
    model: {
      numVars: nVar,
      objective,
      rowStart: Int32Array.from(rowStart),
      rowIndex: Int32Array.from(rowIndex),
      rowValue: Float64Array.from(rowValue),
      rowLower: Float64Array.from(rowLower),
      rowUpper: Float64Array.from(rowUpper),
    },
    varPref: Int32Array.from(varPref),
    varStudent: Int32Array.from(varStudent),
  };
}

export interface BranchAndBoundResult {
  chosen: Int32Array;
  value: number;
  nodes: number;
}

/**
 * Exact branch and bound over students (priority order): each student takes one of her
 * options or stays home; prune when value + (best remaining weights) cannot beat the
 * incumbent, or when some unit is further from balance than the remaining students could
 * repair. Throws when more than `nodeLimit` nodes would be needed.
 */
export function branchAndBound(
  c: Compiled,
  weights: Float64Array,
  nodeLimit = 2_000_000,
): BranchAndBoundResult {
  const nS = c.nStu;
  const st = new CapacityState(c);
  const best = new Float64Array(nS + 1); // suffix sums of each student's best weight
  const reach = new Float64Array(nS + 1); // suffix sums of balance weights of students with options
  for (let s = nS - 1; s >= 0; s--) {
    let m = 0;
    let any = false;
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      if (c.prefOk[k] === 0) continue;
      any = true;
      m = Math.max(m, weights[k]!);
    }
    best[s] = best[s + 1]! + m;
    reach[s] = reach[s + 1]! + (any ? c.bw[s]! : 0);
  }
  // Options of each student, best weight first.
  const options: number[][] = [];
  for (let s = 0; s < nS; s++) {
    const ks: number[] = [];
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) if (c.prefOk[k] === 1) ks.push(k);
    ks.sort((a, b) => weights[b]! - weights[a]! || a - b);
    options.push(ks);
  }
  const current = new Int32Array(nS).fill(-1);
  const chosen = new Int32Array(nS).fill(-1);
  let incumbent = -Infinity;
  let nodes = 0;
  const tol = c.tolerance;

  const dfs = (s: number, value: number): void => {
    if (++nodes > nodeLimit) {
      throw new Error(`branch and bound: more than ${nodeLimit} nodes; inject a MIP solver`);
    }
    if (value + best[s]! <= incumbent) return;
    if (st.worstImbalance() - reach[s]! > tol) return;
    if (s === nS) {
      if (st.worstImbalance() <= tol) {
        incumbent = value;
        chosen.set(current);
      }
      return;
    }
    for (const k of options[s]!) {
      if (st.capacityRefusal(s, k) !== R_NONE) continue;
      st.place(s, k);
      current[s] = k;
      dfs(s + 1, value + weights[k]!);
      current[s] = -1;
      st.unplace(s, k);
    }
    dfs(s + 1, value);
  };
  dfs(0, 0);
  return { chosen, value: incumbent, nodes };
}
