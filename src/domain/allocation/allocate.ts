/**
 * The allocation engine's entry point: validate an instance, run one mechanism, get the result
 * (docs/formats/allocation.md) and the trace that `explain` reads.
 *
 *   const v = validateInstance(json);            // first offending field, e.g. students[17]…
 *   const out = await allocate(v.instance, { mechanism: '2s-ttc' });
 *   checkFeasible(v.instance, out.result);       // [] — every mechanism is feasible
 *   explain(v.instance, out);                    // per student: why this host or none
 *   summarize(v.instance, out.result.assignments) // placed, months, first choices, balance
 */
import type { MipSolver } from './mip.ts';
import { optimal, optimalSync } from './optimal.ts';
import { serialDictatorship } from './serial-dictatorship.ts';
import { twoSidedTtc } from './ttc.ts';
import type {
  AllocationInstance,
  AllocationOutcome,
  Clock,
  Mechanism,
  Objective,
} from './types.ts';

export interface AllocateOptions {
  mechanism: Mechanism;
  /** For `optimal` only (default `students`). */
  objective?: Objective;
  /** Exact MIP solver for `optimal` when the instance is not a flow network. */
  solver?: MipSolver;
  /** For `optimal`: what to do when the solver stops at its limit (optimal.ts). */
  onLimit?: 'fail' | 'best';
  clock?: Clock;
}

export async function allocate(
  inst: AllocationInstance,
  options: AllocateOptions,
): Promise<AllocationOutcome> {
  if (options.mechanism === 'optimal') {
    return optimal(inst, {
      objective: options.objective ?? 'students',
      ...(options.solver ? { solver: options.solver } : {}),
      ...(options.onLimit ? { onLimit: options.onLimit } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
  }
  return allocateSync(inst, options);
}

/** Without a MIP solver: `optimal` uses the flow or, for small instances, branch and bound. */
export function allocateSync(
  inst: AllocationInstance,
  options: AllocateOptions,
): AllocationOutcome {
  const clock = options.clock ? { clock: options.clock } : {};
  switch (options.mechanism) {
    case '2s-ttc':
      return twoSidedTtc(inst, clock);
    case 'serial-dictatorship':
      return serialDictatorship(inst, clock);
    case 'optimal':
      return optimalSync(inst, { objective: options.objective ?? 'students', ...clock });
  }
}
