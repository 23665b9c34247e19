/**
 * The domain's MipSolver (src/domain/allocation/mip.ts) implemented with HiGHS compiled to
 * WebAssembly (`highs` package): the model is passed as its sparse rows and solved with zero
 * gaps, so "Optimal" is a proof of the exact optimum of the integer program. A start solution
 * is checked by HiGHS, never trusted.
 */
import highsLoader from 'highs';
import type { Highs } from 'highs';
import type { MipModel, MipSolution, MipSolver } from '../../domain/allocation/mip.ts';

type Loader = () => Promise<Highs>;

// The package ships CommonJS-style typings but an ES module build: under NodeNext the default
// import is typed as the module object while at run time it is the loader itself.
const loaded: unknown = highsLoader;
const load: Loader =
  typeof loaded === 'function' ? (loaded as Loader) : (loaded as { default: Loader }).default;

let runtime: Promise<Highs> | null = null;

/** Loads the WASM runtime once per process. */
function loadHighs(): Promise<Highs> {
  runtime ??= load();
  return runtime;
}

export interface HighsSolverOptions {
  /** Seconds before HiGHS stops (the result is then not a proven optimum). */
  timeLimitSeconds?: number;
  /**
   * HiGHS's default options (`true`), or ours (the default): on programs of at least
   * `LARGE_PROGRAM` variables the root's linear program by interior point, and, when the caller
   * gives a feasible start, no feasibility-jump heuristic (the start is a better incumbent).
   * At national size with months caps the defaults spent ≈ 110 of 180 s in the dual simplex
   * at the root and ≈ 40 s in feasibility jump (bench/results/allocation.md).
   */
  defaults?: boolean;
}

/** Variables from which the root's linear program is solved by interior point. */
export const LARGE_PROGRAM = 20_000;

export function createHighsSolver(options: HighsSolverOptions = {}): MipSolver {
  return {
    name: 'highs',
    async solve(model: MipModel, start?: Float64Array): Promise<MipSolution> {
      if (model.numVars === 0)
        return { status: 'optimal', values: new Float64Array(0), objective: 0 };
      const highs = await loadHighs();
      const n = model.numVars;
      const upper = model.upper ?? new Float64Array(n).fill(1);
      const integrality = new Int32Array(n);
      for (let j = 0; j < n; j++) integrality[j] = model.isInteger ? model.isInteger[j]! : 1;
      const finite = (v: number): number =>
        v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v;
      const hm = highs.createModel({
        numCols: n,
        numRows: model.rowLower.length,
        sense: highs.constants.objectiveSense.maximize,
        colCost: model.objective,
        colLower: new Float64Array(n),
        colUpper: upper,
        rowLower: model.rowLower.map(finite),
        rowUpper: model.rowUpper.map(finite),
        matrix: {
          format: 'csr',
          numRows: model.rowLower.length,
          numCols: n,
          starts: model.rowStart,
          indices: model.rowIndex,
          values: model.rowValue,
        },
        integrality,
      });
      try {
        const ours = !options.defaults;
        hm.options.set({
          output_flag: false,
          mip_rel_gap: 0,
          mip_abs_gap: 0,
          ...(options.timeLimitSeconds !== undefined
            ? { time_limit: options.timeLimitSeconds }
            : {}),
          ...(ours && n >= LARGE_PROGRAM ? { mip_lp_solver: 'ipm' } : {}),
          ...(ours && start ? { mip_heuristic_run_feasibility_jump: false } : {}),
        });
        if (start) hm.setSolution({ colValue: start });
        hm.run();
        const status = hm.getModelStatus();
        const STATUS = highs.constants.modelStatus;
        if (status === STATUS.infeasible) {
          return { status: 'infeasible', values: null, objective: NaN, detail: 'Infeasible' };
        }
        const read = (): Float64Array => {
          const col = hm.getSolution().colValue;
          const values = new Float64Array(n);
          for (let j = 0; j < n; j++)
            values[j] = integrality[j] === 1 ? Math.round(col[j]!) : col[j]!;
          return values;
        };
        if (status === STATUS.timeLimit || status === STATUS.iterationLimit) {
          // Stopped by a limit: the incumbent, if HiGHS has one, and its proven dual bound.
          const found =
            Number(hm.info.get('primal_solution_status')) ===
            highs.constants.solutionStatus.feasible;
          const bound = Number(hm.info.get('mip_dual_bound'));
          return {
            status: 'limit',
            values: found ? read() : null,
            objective: found ? hm.getObjectiveValue() : NaN,
            ...(Number.isFinite(bound) && Math.abs(bound) < highs.infinity ? { bound } : {}),
            detail: `model status ${status}`,
          };
        }
        if (status !== STATUS.optimal) {
          return {
            status: 'error',
            values: null,
            objective: NaN,
            detail: `model status ${status}`,
          };
        }
        return {
          status: 'optimal',
          values: read(),
          objective: hm.getObjectiveValue(),
          detail: 'Optimal',
        };
      } finally {
        hm.dispose();
      }
    },
  };
}
