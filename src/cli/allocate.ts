/**
 * `kakehashi allocate INSTANCE.json --mechanism MECH [--objective OBJ] [--time-limit S]
 * [--out RESULT.json]`
 * (docs/formats/allocation.md). Exit 0 on success; 2 on an invalid instance, naming the first
 * offending field on one line of standard error and writing nothing; 1 on other usage errors.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { allocate } from '../domain/allocation/allocate.ts';
import { validateInstance } from '../domain/allocation/schema.ts';
import type { Mechanism, Objective } from '../domain/allocation/types.ts';
import { MECHANISMS, OBJECTIVES } from '../domain/allocation/types.ts';

export const ALLOCATE_HELP = `Usage: kakehashi allocate INSTANCE.json --mechanism MECH [--objective OBJ] [--time-limit S] [--out RESULT.json]

Allocates students to partner places under balance (003 §5(4)) and the funder's cap (003 §4).
Instance and result format: kakehashi-allocation/1 (docs/formats/allocation.md).

  --mechanism MECH   2s-ttc               two-sided top trading cycles: balanced, strategy-proof
                     optimal              the proven optimum of OBJ (stats.proof says how:
                                          network, lagrangian-bounds-met, mip-on-counts, mip)
                     serial-dictatorship  by score, balance ignored, then trimmed (baseline)
  --objective OBJ    for optimal: students (default), months, welfare
  --time-limit S     for optimal: seconds the MIP solver may take; past them the best
                     allocation found, with stats.proven false and stats.bounds around the
                     optimum (default: no limit, the proven optimum however long it takes)
  --out FILE         write the result there instead of standard output
  -h, --help         show this help

Exit status: 0 success, 1 usage error, 2 invalid instance (the message names the field).
`;

interface ParsedArgs {
  instance: string;
  mechanism: Mechanism;
  objective: Objective | undefined;
  timeLimit: number | undefined;
  out: string | undefined;
}

function parseArgs(argv: string[]): ParsedArgs | 'help' | string {
  let instance: string | undefined;
  let mechanism: string | undefined;
  let objective: string | undefined;
  let out: string | undefined;
  let timeLimit: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return 'help';
    const eq = arg.indexOf('=');
    const [flag, inline] =
      arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (
      flag === '--mechanism' ||
      flag === '--objective' ||
      flag === '--time-limit' ||
      flag === '--out'
    ) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') return `${flag} needs a value`;
      if (flag === '--mechanism') mechanism = value;
      else if (flag === '--objective') objective = value;
      else if (flag === '--time-limit') timeLimit = value;
      else out = value;
    } else if (arg.startsWith('-')) {
      return `unknown option ${arg}`;
    } else if (instance === undefined) {
      instance = arg;
    } else {
      return `unexpected argument ${arg}`;
    }
  }
  if (instance === undefined) return 'missing INSTANCE.json';
  if (mechanism === undefined) return `missing --mechanism (${MECHANISMS.join(', ')})`;
  if (!(MECHANISMS as readonly string[]).includes(mechanism)) {
    return `unknown mechanism "${mechanism}" (${MECHANISMS.join(', ')})`;
  }
  if (objective !== undefined) {
    if (!(OBJECTIVES as readonly string[]).includes(objective)) {
      return `unknown objective "${objective}" (${OBJECTIVES.join(', ')})`;
    }
    if (mechanism !== 'optimal') return '--objective applies to --mechanism optimal only';
  }
  const seconds = timeLimit === undefined ? undefined : Number(timeLimit);
  if (seconds !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(timeLimit!) || !Number.isFinite(seconds)) {
      return `--time-limit must be a number of seconds, not "${timeLimit}"`;
    }
    if (mechanism !== 'optimal') return '--time-limit applies to --mechanism optimal only';
  }
  return {
    instance,
    mechanism: mechanism as Mechanism,
    objective: objective as Objective | undefined,
    timeLimit: seconds,
    out,
  };
}

export async function allocateCommand(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    process.stdout.write(ALLOCATE_HELP);
    return 0;
  }
  if (typeof parsed === 'string') {
    process.stderr.write(`kakehashi allocate: ${parsed}\n(see kakehashi allocate --help)\n`);
    return 1;
  }
  let text: string;
  try {
    text = await readFile(parsed.instance, 'utf8');
  } catch (error) {
    process.stderr.write(
      `kakehashi allocate: cannot read ${parsed.instance}: ${(error as Error).message}\n`,
    );
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    process.stderr.write(`(instance): not valid JSON: ${(error as Error).message}\n`);
    return 2;
  }
  const validation = validateInstance(json);
  if (!validation.ok) {
    process.stderr.write(`${validation.error}\n`);
    return 2;
  }
  try {
    const clock = (): number => performance.now();
    let solver;
    if (parsed.mechanism === 'optimal') {
      // Loaded only when needed: the WASM solver is for instances a flow cannot express.
      const { createHighsSolver } = await import('../services/allocation/highs-solver.ts');
      solver = createHighsSolver(
        parsed.timeLimit === undefined ? {} : { timeLimitSeconds: parsed.timeLimit },
      );
    }
    const outcome = await allocate(validation.instance, {
      mechanism: parsed.mechanism,
      ...(parsed.objective ? { objective: parsed.objective } : {}),
      ...(solver ? { solver } : {}),
      ...(parsed.timeLimit === undefined ? {} : { onLimit: 'best' as const }),
      clock,
    });
    const body = `${JSON.stringify(outcome.result, null, 2)}\n`;
    if (parsed.out) {
      const tmp = `${parsed.out}.${process.pid}.tmp`;
      await writeFile(tmp, body);
      await rename(tmp, parsed.out);
    } else {
      process.stdout.write(body);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`kakehashi allocate: ${(error as Error).message}\n`);
    return 1;
  }
}
