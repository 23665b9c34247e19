/**
 * The domain's MipSolver (src/domain/allocation/mip.ts) implemented with HiGHS compiled to
 * WebAssembly (`highs` package): the model is written in CPLEX LP format and solved with a
 * zero relative gap, so "Optimal" is a proof of the exact optimum of the integer program.
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

const num = (v: number): string => (Number.isInteger(v) ? String(v) : v.toPrecision(17));

/** Writes the 0/1 program as CPLEX LP text (variables x0…, rows r0…). */
export function toLpFormat(model: MipModel): string {
  const parts: string[] = ['Maximize', ' obj:'];
  let line = '';
  const flush = (): void => {
    if (line) parts.push(line);
    line = '';
  };
  const term = (coef: number, j: number, first: boolean): void => {
    const sign = coef < 0 ? '-' : first ? '' : '+';
    line += ` ${sign} ${num(Math.abs(coef))} x${j}`;
    if (line.length > 200) flush();
  };
  let any = false;
  for (let j = 0; j < model.numVars; j++) {
    const coef = model.objective[j]!;
    if (coef === 0) continue;
    term(coef, j, !any);
    any = true;
  }
  if (!any) line += ' 0 x0';
  flush();
  parts.push('Subject To');
  const nRows = model.rowLower.length;
  for (let r = 0; r < nRows; r++) {
    const lo = model.rowLower[r]!;
    const hi = model.rowUpper[r]!;
    const start = model.rowStart[r]!;
    const end = model.rowStart[r + 1]!;
    if (end === start) continue;
    const write = (name: string, sense: string, rhs: number): void => {
      line = ` ${name}:`;
      for (let i = start; i < end; i++) term(model.rowValue[i]!, model.rowIndex[i]!, i === start);
      line += ` ${sense} ${num(rhs)}`;
      flush();
    };
    if (lo === hi) write(`r${r}`, '=', lo);
    else {
      if (Number.isFinite(lo)) write(`r${r}l`, '>=', lo);
      if (Number.isFinite(hi)) write(`r${r}u`, '<=', hi);
    }
  }
  const upper = (j: number): number => model.upper?.[j] ?? 1;
  const integer = (j: number): boolean => (model.isInteger ? model.isInteger[j] === 1 : true);
  const bounded: number[] = [];
  const binary: number[] = [];
  const general: number[] = [];
  for (let j = 0; j < model.numVars; j++) {
    if (integer(j) && upper(j) === 1) binary.push(j);
    else {
      bounded.push(j);
      if (integer(j)) general.push(j);
    }
  }
  if (bounded.length > 0) {
    parts.push('Bounds');
    for (const j of bounded) parts.push(` 0 <= x${j} <= ${num(upper(j))}`);
  }
  const list = (title: string, vars: number[]): void => {
    if (vars.length === 0) return;
    parts.push(title);
    for (const j of vars) {
      line += ` x${j}`;
      if (line.length > 200) flush();
    }
    flush();
  };
  list('Binary', binary);
  list('General', general);
  parts.push('End');
  return parts.join('\n');
}

export interface HighsSolverOptions {
  /** Seconds before HiGHS stops (the result is then not a proven optimum). */
  timeLimitSeconds?: number;
}

export function createHighsSolver(options: HighsSolverOptions = {}): MipSolver {
  return {
    name: 'highs',
    async solve(model: MipModel): Promise<MipSolution> {
      if (model.numVars === 0)
        return { status: 'optimal', values: new Float64Array(0), objective: 0 };
      const highs = await loadHighs();
      const lp = toLpFormat(model);
      const sol = highs.solve(lp, {
        output_flag: false,
        mip_rel_gap: 0,
        mip_abs_gap: 0,
        ...(options.timeLimitSeconds !== undefined ? { time_limit: options.timeLimitSeconds } : {}),
      });
      if (sol.Status === 'Infeasible') {
        return { status: 'infeasible', values: null, objective: NaN, detail: sol.Status };
      }
      if (sol.Status !== 'Optimal') {
        const limit = sol.Status.includes('limit');
        return {
          status: limit ? 'limit' : 'error',
          values: null,
          objective: NaN,
          detail: sol.Status,
        };
      }
      const values = new Float64Array(model.numVars);
      for (let j = 0; j < model.numVars; j++) {
        const col = sol.Columns[`x${j}`];
        const integer = model.isInteger ? model.isInteger[j] === 1 : true;
        values[j] = col ? (integer ? Math.round(col.Primal) : col.Primal) : 0;
      }
      return { status: 'optimal', values, objective: sol.ObjectiveValue, detail: sol.Status };
    },
  };
}
