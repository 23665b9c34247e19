/**
 * The CPU-heavy half of an allocation run: the instance checked, then the three mechanisms on
 * it, each checked, summarised and explained. It runs on a task worker (services/tasks), and
 * hands back the instance and the results as gzipped JSON, the form they are stored in: a
 * 10,000-student run explains 30,000 placements (about 20 MB of JSON, a tenth of that gzipped),
 * and its instance is 2 MB; the embedded database parses jsonb on the request thread, where
 * that much would hold every other request for seconds.
 */
import { gunzip, gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { allocate } from '#src/domain/allocation/allocate.ts';
import { explain } from '#src/domain/allocation/explain.ts';
import { checkFeasible, summarize } from '#src/domain/allocation/feasibility.ts';
import { MECHANISMS, type AllocationInstance } from '#src/domain/allocation/types.ts';
import type { PackedInstance, PackedResults, StoredResults } from '#src/db/schema/allocation.ts';
import { validateInstance } from '#src/domain/allocation/schema.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { AppError, fieldIssues, invalidField, invalidInput } from '../errors.ts';
import { LIMITS } from '../limits.ts';
import { createHighsSolver } from './highs-solver.ts';

export type {
  PackedInstance,
  PackedResults,
  StoredResult,
  StoredResults,
} from '#src/db/schema/allocation.ts';

function isPacked(value: unknown): value is PackedResults {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { encoding?: unknown }).encoding === 'gzip-base64' &&
    typeof (value as { data?: unknown }).data === 'string'
  );
}

const gunzipAsync = promisify(gunzip);

const pack = (value: unknown): PackedResults => ({
  encoding: 'gzip-base64',
  data: gzipSync(JSON.stringify(value), { level: 9 }).toString('base64'),
});

async function unpack(packed: PackedResults): Promise<unknown> {
  const json = await gunzipAsync(Buffer.from(packed.data, 'base64'));
  return JSON.parse(json.toString('utf8'));
}

/** The results of a stored run, whichever form the row holds. */
export async function unpackResults(
  stored: PackedResults | StoredResults | null | undefined,
): Promise<StoredResults> {
  if (!isPacked(stored)) return stored ?? {};
  return (await unpack(stored)) as StoredResults;
}

/** The instance of a stored run, whichever form the row holds. */
export async function unpackInstance(
  stored: PackedInstance | AllocationInstance,
): Promise<AllocationInstance> {
  if (!isPacked(stored)) return stored;
  return (await unpack(stored)) as AllocationInstance;
}

/** The instance, or the 400 naming its first offending field (`body.instance.students[1]…`). */
export function parseOr400(input: unknown): AllocationInstance {
  const v = validateInstance(input);
  if (v.ok) return v.instance;
  if (v.issue) throw invalidInput(fieldIssues({ issues: [v.issue] }, 'body.instance'));
  const field = v.path === '(instance)' ? 'body.instance' : `body.instance.${v.path}`;
  throw invalidField(field, v.refusal ?? refusal('custom'), v.message);
}

/**
 * Checks the instance (a 400 naming the field), then runs the three mechanisms;
 * `progress(done, total)` after each. Both come back packed, as they are stored. `optimal`'s
 * MIP solver stops after `timeLimitSeconds`, and the run then keeps its best allocation,
 * unproven, with the bounds of the optimum.
 */
export async function runMechanisms(
  input: unknown,
  progress: (done: number, total: number) => void = () => undefined,
  timeLimitSeconds: number = LIMITS.optimalSolverSeconds,
): Promise<{ instance: PackedInstance; results: PackedResults; students: number }> {
  const instance = parseOr400(input);
  const solver = createHighsSolver({ timeLimitSeconds });
  const results: StoredResults = {};
  progress(0, MECHANISMS.length);
  for (const [i, mechanism] of MECHANISMS.entries()) {
    const started = performance.now();
    const outcome = await allocate(instance, { mechanism, solver, onLimit: 'best' });
    const seconds = (performance.now() - started) / 1000;
    const violations = checkFeasible(instance, outcome.result);
    if (violations.length) {
      throw new AppError('internal', `${mechanism} returned an infeasible result`, {
        violations: violations.slice(0, 5),
      });
    }
    results[mechanism] = {
      result: { ...outcome.result, stats: { ...outcome.result.stats, seconds } },
      summary: summarize(instance, outcome.result.assignments),
      explanations: explain(instance, outcome),
    };
    progress(i + 1, MECHANISMS.length);
  }
  return {
    instance: { ...pack(instance), universities: instance.universities },
    results: pack(results),
    students: instance.students.length,
  };
}
