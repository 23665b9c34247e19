/**
 * `optimal`: the most of the objective (students, months, or welfare = most students then best
 * ranks) that any feasible allocation reaches — proven, never approximated.
 *
 * Count balance per university, consortium or side (or none), without binding months or
 * funder caps, is a min-cost circulation, solved exactly by our own flow code (flow.ts):
 *
 *     unit(h) ─exportCap(h)→ exp(h) ─1, −W_s→ student s ─1, W_s − w[s,k]→ agreement a
 *        ─slots(a)→ imp(t) ─importCap(t)→ unit(t)            (and unit ⇄ Z, capacity tol)
 *
 * Conservation at each unit node is "sent = received" (003 §5(4), R4); the slack node Z lets a
 * unit be off by at most the tolerance. The constraint matrix of a network is totally
 * unimodular, so the optimum of the linear program is integral and equals the integer optimum.
 * Negative arcs are saturated up front, leaving a min-cost flow with non-negative costs.
 *
 * Count balance with agreement months caps or funder caps that bind (knapsack rows on an
 * otherwise network problem) goes through lagrangian.ts: Lagrangian upper bounds and repaired
 * lower bounds, each one min-cost flow; when they do not meet, the whole integer program (or,
 * on request, the one whose only integers are the counts per agreement and stay length:
 * counts-mip.ts) by the injected MipSolver — or, without one, our branch and bound (small
 * instances only).
 *
 * Everything else (months balance, balance per agreement — a student's one unit of flow would
 * have to pick the pair it balances) is the whole integer program (mip.ts): solved by the
 * injected MipSolver (HiGHS in the CLI), or without one by our exact branch and bound (small
 * instances only). The result says which (`stats.solver`, `stats.proof`, and for bounds
 * `stats.bounds` and `stats.phases`: docs/formats/allocation.md).
 *
 * A solver that stops at its time limit fails `optimal` — or, with `onLimit: 'best'` (what an
 * allocation run uses), leaves the best allocation found, `stats.proven` false, with the bounds
 * between which the optimum lies.
 */
import type { Compiled } from './compile.ts';
import { assignmentsFrom, compile, objectiveWeights } from './compile.ts';
import { FlowGraph, solveMinCostFlow } from './flow.ts';
import type { MipSolution, MipSolver } from './mip.ts';
import { branchAndBound, buildAllocationMip, startValues } from './mip.ts';
import { buildCountsMip, classCapsOf, countsStart } from './counts-mip.ts';
import type { LagrangianOutcome } from './lagrangian.ts';
import { lagrangianBounds, solveRestricted } from './lagrangian.ts';
import { checkFeasible } from './feasibility.ts';
import type {
  AllocationInstance,
  AllocationOutcome,
  AllocationResult,
  AllocationStats,
  Clock,
  Objective,
  OptimalPhase,
} from './types.ts';
import { RESULT_FORMAT } from './types.ts';

export type OptimalMethod = 'auto' | 'flow' | 'bounds' | 'mip' | 'branch-and-bound';

export interface OptimalOptions {
  objective?: Objective;
  /** Exact MIP solver for the cases a flow cannot express (and for method 'mip'). */
  solver?: MipSolver;
  method?: OptimalMethod;
  clock?: Clock;
  /** Branch and bound gives up (throws) beyond this many nodes. */
  nodeLimit?: number;
  /** Subgradient steps of the Lagrangian bounds before the residual program. */
  maxIterations?: number;
  /**
   * When the bounds do not meet: the whole 0/1 program (`whole`, the default) or the program
   * over the counts (`counts`), both exact. HiGHS (WASM) solved the whole program faster in
   * the benchmark (national months caps: 142 vs 211 CPU s; 56 vs 309 s once the root was
   * solved by interior point), so it is the default.
   */
  program?: 'counts' | 'whole';
  /**
   * When the MIP solver stops at its limit before proving the optimum: throw (`fail`, the
   * default), or return the best allocation found — the solver's or the bounds' — unproven,
   * with the bounds that say how far it may be from the optimum (`best`).
   */
  onLimit?: 'fail' | 'best';
}

/**
 * True when the instance is a network apart from knapsack rows (agreement months caps, funder
 * caps): count balance per university, consortium or side (or none), integer weights.
 */
export function hasNetworkStructure(c: Compiled, weights: Float64Array): boolean {
  const rules = c.inst.rules;
  if (rules.balanceUnit !== 'students' || rules.balanceScope === 'agreement') return false;
  for (const w of weights) if (!Number.isInteger(w)) return false;
  return true;
}

/** True when the instance's optimum is a min-cost circulation (see the header). */
export function isNetworkInstance(c: Compiled): boolean {
  const rules = c.inst.rules;
  if (rules.balanceUnit !== 'students' || rules.balanceScope === 'agreement') return false;
  // Months caps on agreements and funder caps must not bind.
  const candMonths = new Float64Array(c.nAg);
  let fundedMonths = 0;
  let fundedYen = 0;
  for (let s = 0; s < c.nStu; s++) {
    let any = false;
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      if (c.prefOk[k] === 0) continue;
      any = true;
      candMonths[c.prefAg[k]!]! += c.months[s]!;
    }
    if (any && c.funded[s] === 1) {
      fundedMonths += c.months[s]!;
      fundedYen += c.yen[s]!;
    }
  }
  for (let a = 0; a < c.nAg; a++) if (candMonths[a]! > c.agMonthsCap[a]!) return false;
  return fundedMonths <= c.fundedMonthsCap && fundedYen <= c.yenCap;
}

export interface FlowSolution {
  chosen: Int32Array;
  value: number;
  phases: number;
}

/** Solves the circulation of a network instance (see the header). */
export function solveByFlow(c: Compiled, weights: Float64Array): FlowSolution {
  const nS = c.nStu;
  const nUnitNodes = Math.max(1, c.nUnits);
  const unitOfUni = new Int32Array(c.nUni);
  if (c.nUnits > 0) {
    // For partition scopes the pointing node is the balance unit (compile.ts).
    for (let u = 0; u < c.nUni; u++) unitOfUni[u] = c.nodeOfUni[u]!;
  }
  const expBase = nUnitNodes;
  const stuBase = expBase + c.nUni;
  const agBase = stuBase + nS;
  const impBase = agBase + c.nAg;
  const Z = impBase + c.nUni;
  const n = Z + 1;
  const totalPrefs = c.prefStart[nS]!;
  const g = new FlowGraph(n, 2 * c.nUni + nS + totalPrefs + c.nAg + 2 * nUnitNodes);

  const studentsOf = new Int32Array(c.nUni);
  for (let s = 0; s < nS; s++) studentsOf[c.home[s]!]!++;
  for (let h = 0; h < c.nUni; h++) {
    if (studentsOf[h] === 0) continue;
    g.addArc(unitOfUni[h]!, expBase + h, Math.min(c.exportCap[h]!, studentsOf[h]!), 0);
  }
  const prefArc = new Int32Array(totalPrefs).fill(-1);
  for (let s = 0; s < nS; s++) {
    let maxW = -Infinity;
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      if (c.prefOk[k] === 1 && c.agSlots[c.prefAg[k]!]! > 0) maxW = Math.max(maxW, weights[k]!);
    }
    if (maxW === -Infinity) continue;
    const e = g.addArc(expBase + c.home[s]!, stuBase + s, 1, -maxW);
    g.push(e, 1); // saturate the negative arc: the student starts "placed", may be undone
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      if (c.prefOk[k] === 0 || c.agSlots[c.prefAg[k]!]! <= 0) continue;
      prefArc[k] = g.addArc(stuBase + s, agBase + c.prefAg[k]!, 1, maxW - weights[k]!);
    }
  }
  for (let a = 0; a < c.nAg; a++) {
    if (c.agSlots[a]! > 0) g.addArc(agBase + a, impBase + c.agTo[a]!, c.agSlots[a]!, 0);
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
  const stats = solveMinCostFlow(g);
  if (stats.unrouted > 0) throw new Error('min-cost circulation: supply left unrouted');
  const chosen = new Int32Array(nS).fill(-1);
  let value = 0;
  for (let s = 0; s < nS; s++) {
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      const e = prefArc[k]!;
      if (e >= 0 && g.flow(e) > 0) {
        chosen[s] = k;
        value += weights[k]!;
      }
    }
  }
  return { chosen, value, phases: stats.phases };
}

function outcome(
  c: Compiled,
  chosen: Int32Array,
  objective: Objective,
  solver: string,
  value: number,
  seconds: number,
  extra: Partial<AllocationStats> = {},
): AllocationOutcome {
  const { assignments, placed, placedMonths } = assignmentsFrom(c, chosen);
  const proof =
    extra.proven === false
      ? null
      : (extra.proof ??
        (solver.startsWith('mip')
          ? 'mip'
          : solver === 'branch-and-bound'
            ? 'branch-and-bound'
            : 'network'));
  const result: AllocationResult = {
    format: RESULT_FORMAT,
    mechanism: 'optimal',
    objective,
    assignments,
    stats: {
      placed,
      placedMonths,
      seconds,
      solver,
      proven: true,
      objectiveValue: value,
      ...extra,
      ...(proof ? { proof } : {}),
    },
  };
  const violations = checkFeasible(c.inst, result);
  if (violations.length > 0) {
    throw new Error(`optimal (${solver}) produced an infeasible result: ${violations[0]!.message}`);
  }
  return { result, trace: null };
}

const phaseOf = (
  name: string,
  lower: number | null,
  upper: number | null,
  seconds: number,
): OptimalPhase => ({
  name,
  lower,
  upper,
  gap: lower === null || upper === null ? null : upper - lower,
  seconds,
});

function boundsStats(lag: LagrangianOutcome): Partial<AllocationStats> {
  return {
    bounds: { lower: lag.lower, upper: lag.upper },
    phases: lag.phases.map((p) => phaseOf(p.name, p.lower, p.upper, p.seconds)),
  };
}

/**
 * Subgradient steps by default: without a solver they may spare the exhaustive search; with
 * one, each step (a warm-started flow) costs more than it saves at national size, where the
 * relaxation's bound and the repair's allocation are followed by the counts program at once.
 */
const SYNC_ITERATIONS = 30;
const SOLVER_ITERATIONS = 0;

/** The Lagrangian bounds of a network instance with knapsack rows (lagrangian.ts). */
function runBounds(
  c: Compiled,
  weights: Float64Array,
  options: OptimalOptions,
  seconds: () => number,
  defaultIterations: number,
): LagrangianOutcome {
  return lagrangianBounds(c, weights, {
    maxIterations: options.maxIterations ?? defaultIterations,
    elapsed: seconds,
  });
}

/**
 * Synchronous optimum: min-cost circulation; for a network with knapsack rows, Lagrangian
 * bounds and, when they do not meet, exact branch and bound (small instances).
 */
export function optimalSync(
  inst: AllocationInstance,
  options: OptimalOptions = {},
): AllocationOutcome {
  const t0 = options.clock?.() ?? 0;
  const objective = options.objective ?? 'students';
  const c = compile(inst);
  const weights = objectiveWeights(c, objective);
  const method = options.method ?? 'auto';
  if (method === 'mip') throw new Error('optimalSync cannot run a MIP solver; use optimal()');
  const seconds = (): number => (options.clock ? (options.clock() - t0) / 1000 : 0);
  if (method === 'flow' || (method === 'auto' && isNetworkInstance(c))) {
    if (!isNetworkInstance(c)) throw new Error('this instance is not a flow network');
    const sol = solveByFlow(c, weights);
    return outcome(c, sol.chosen, objective, 'min-cost-circulation', sol.value, seconds());
  }
  if (method === 'bounds' || (method === 'auto' && hasNetworkStructure(c, weights))) {
    if (!hasNetworkStructure(c, weights)) throw new Error('this instance is not a flow network');
    const lag = runBounds(c, weights, options, seconds, SYNC_ITERATIONS);
    if (lag.met) {
      return outcome(c, lag.chosen, objective, 'lagrangian', lag.lower, seconds(), {
        proof: 'lagrangian-bounds-met',
        ...boundsStats(lag),
      });
    }
    const bb = branchAndBound(c, weights, options.nodeLimit);
    const stats = boundsStats(lag);
    stats.bounds = { lower: bb.value, upper: bb.value };
    stats.phases!.push(phaseOf('branch-and-bound', bb.value, bb.value, seconds()));
    return outcome(c, bb.chosen, objective, 'lagrangian+branch-and-bound', bb.value, seconds(), {
      proof: 'branch-and-bound',
      ...stats,
    });
  }
  const bb = branchAndBound(c, weights, options.nodeLimit);
  return outcome(c, bb.chosen, objective, 'branch-and-bound', bb.value, seconds());
}

/**
 * The proven optimum: min-cost circulation when the instance is a network; Lagrangian bounds
 * and the integer program on what they leave open when it is a network with knapsack rows;
 * else the injected MIP solver (or, without one, branch and bound). `method` forces one way.
 */
export async function optimal(
  inst: AllocationInstance,
  options: OptimalOptions = {},
): Promise<AllocationOutcome> {
  const method = options.method ?? 'auto';
  const solver = options.solver;
  if (method === 'flow' || method === 'branch-and-bound' || !solver) {
    return optimalSync(inst, options);
  }
  const c = compile(inst);
  if (method === 'auto' && isNetworkInstance(c)) return optimalSync(inst, options);
  const t0 = options.clock?.() ?? 0;
  const seconds = (): number => (options.clock ? (options.clock() - t0) / 1000 : 0);
  const objective = options.objective ?? 'students';
  const weights = objectiveWeights(c, objective);
  if (method === 'bounds' || (method === 'auto' && hasNetworkStructure(c, weights))) {
    if (!hasNetworkStructure(c, weights)) throw new Error('this instance is not a flow network');
    const lag = runBounds(c, weights, options, seconds, SOLVER_ITERATIONS);
    const stats = boundsStats(lag);
    if (lag.met) {
      return outcome(c, lag.chosen, objective, 'lagrangian', lag.lower, seconds(), {
        proof: 'lagrangian-bounds-met',
        ...stats,
      });
    }
    const name = `lagrangian+mip:${solver.name}`;
    if (options.program !== 'counts') {
      const whole = await solveWhole(c, weights, solver, options.onLimit, lag.chosen);
      const variables = { freeVariables: whole.variables, variables: whole.variables };
      if (!whole.proven) {
        // Stopped at the limit: the better of the solver's and the bounds' allocations.
        const better = whole.chosen !== null && whole.value > lag.lower;
        const value = better ? whole.value : lag.lower;
        const upper = Math.min(lag.upper, Math.floor(whole.bound + 1e-6));
        stats.bounds = { lower: value, upper };
        stats.phases!.push({ ...phaseOf('mip', value, upper, seconds()), ...variables });
        const chosen = better ? whole.chosen! : lag.chosen;
        return outcome(c, chosen, objective, name, value, seconds(), {
          ...stats,
          proven: false,
          stopped: 'limit',
        });
      }
      stats.bounds = { lower: whole.value, upper: whole.value };
      stats.phases!.push({ ...phaseOf('mip', whole.value, whole.value, seconds()), ...variables });
      return outcome(c, whole.chosen!, objective, name, whole.value, seconds(), {
        proof: 'mip',
        ...stats,
      });
    }
    // The integer program over the counts per agreement and stay length (counts-mip.ts).
    const counts = buildCountsMip(c, weights, lag.net);
    const sol = await solver.solve(counts.model, countsStart(c, lag.net, counts, lag.chosen));
    if (sol.status === 'limit' && options.onLimit === 'best') {
      // Stopped at the limit: the bounds' allocation, the solver's bound on the counts.
      const upper = Math.min(lag.upper, Math.floor((sol.bound ?? Infinity) + 1e-6));
      stats.bounds = { lower: lag.lower, upper };
      stats.phases!.push(phaseOf('mip-on-counts', lag.lower, upper, seconds()));
      return outcome(c, lag.chosen, objective, name, lag.lower, seconds(), {
        ...stats,
        proven: false,
        stopped: 'limit',
      });
    }
    if (sol.status !== 'optimal' || !sol.values) throw noOptimum(solver, sol);
    const classCap = classCapsOf(lag.net, counts, sol.values);
    let allowed: Uint8Array | null = null;
    if (lag.net.globalCoef.length > 0) {
      allowed = new Uint8Array(c.nStu);
      for (let j = 0; j < counts.classVar0; j++) {
        if (sol.values[j]! > 0.5) allowed[counts.base.varStudent[j]!] = 1;
      }
    }
    const rest = solveRestricted(c, lag.net, classCap, allowed);
    if (rest.value + 1e-6 < sol.objective) {
      throw new Error(`counts program: the network gives ${rest.value} < ${sol.objective}`);
    }
    const better = rest.value > lag.lower;
    const value = better ? rest.value : lag.lower;
    stats.bounds = { lower: value, upper: value };
    stats.phases!.push({
      ...phaseOf('mip-on-counts', value, value, seconds()),
      freeVariables: counts.model.isInteger!.reduce((n, i) => n + i, 0),
      variables: counts.model.numVars,
    });
    return outcome(c, better ? rest.chosen : lag.chosen, objective, name, value, seconds(), {
      proof: 'mip-on-counts',
      ...stats,
    });
  }
  const whole = await solveWhole(c, weights, solver, options.onLimit);
  const name = `mip:${solver.name}`;
  if (whole.proven) return outcome(c, whole.chosen!, objective, name, whole.value, seconds());
  // Stopped at the limit with an allocation (solveWhole throws without one).
  const integral = weights.every((w) => Number.isInteger(w));
  const upper = integral ? Math.floor(whole.bound + 1e-6) : whole.bound;
  return outcome(c, whole.chosen!, objective, name, whole.value, seconds(), {
    proven: false,
    stopped: 'limit',
    bounds: { lower: whole.value, upper },
    phases: [
      {
        ...phaseOf('mip', whole.value, upper, seconds()),
        freeVariables: whole.variables,
        variables: whole.variables,
      },
    ],
  });
}

/** A trivial bound: every student at their best weight. */
function mostOf(c: Compiled, weights: Float64Array): number {
  let most = 0;
  for (let s = 0; s < c.nStu; s++) {
    let best = 0;
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      if (c.prefOk[k] === 1) best = Math.max(best, weights[k]!);
    }
    most += best;
  }
  return most;
}

const noOptimum = (solver: MipSolver, sol: MipSolution): Error =>
  new Error(
    `${solver.name}: no proven optimum (${sol.status}${sol.detail ? `: ${sol.detail}` : ''})`,
  );

interface WholeProgram {
  /** The optimum, or on a limit the solver's best allocation (null: it found none). */
  chosen: Int32Array | null;
  value: number;
  /** Variables of the program. */
  variables: number;
  proven: boolean;
  /** The solver's bound on the objective (the value when proven). */
  bound: number;
}

/**
 * The whole 0/1 program (mip.ts) by the solver, from `start` (a feasible allocation) if given.
 * Throws when the solver does not prove the optimum — unless it stopped at its limit and
 * `onLimit` is `best`: then what it found, unproven. Without a start, a limit that left no
 * allocation still throws.
 */
async function solveWhole(
  c: Compiled,
  weights: Float64Array,
  solver: MipSolver,
  onLimit: OptimalOptions['onLimit'],
  start?: Int32Array,
): Promise<WholeProgram> {
  const mip = buildAllocationMip(c, weights);
  const sol = await solver.solve(mip.model, start && startValues(mip, start));
  const stopped = sol.status === 'limit' && onLimit === 'best' && (sol.values || start);
  if (!stopped && (sol.status !== 'optimal' || !sol.values)) throw noOptimum(solver, sol);
  const variables = mip.model.numVars;
  const bound = sol.bound ?? mostOf(c, weights);
  if (!sol.values) return { chosen: null, value: -Infinity, variables, proven: false, bound };
  const chosen = new Int32Array(c.nStu).fill(-1);
  let value = 0;
  for (let j = 0; j < mip.model.numVars; j++) {
    if (sol.values[j]! > 0.5) {
      chosen[mip.varStudent[j]!] = mip.varPref[j]!;
      value += weights[mip.varPref[j]!]!;
    }
  }
  const proven = sol.status === 'optimal';
  return { chosen, value, variables, proven, bound: proven ? value : bound };
}
