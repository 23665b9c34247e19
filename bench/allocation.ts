/**
 * `npm run bench:allocation [-- --size pair|national|erasmus|all] [--skip-highs] [--only-caps]
 *  [--month-balance] [--highs-limit SECONDS] [--out FILE]`
 * (default: pair and national, all steps, writing bench/results/allocation.md; `--out` writes a
 * partial run elsewhere so it does not replace the committed results, `--skip-highs` leaves out
 * the HiGHS comparison row, minutes of CPU at national size; `--only-caps` runs only the
 * months-caps family, `--month-balance` adds its month-balance variant). Runs every mechanism, and HiGHS on the same instance, in one process, and writes
 * bench/results/allocation.md: placed, months, ratio to the optimum, first-choice share,
 * balance, seconds and peak memory.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { allocate } from '../src/domain/allocation/allocate.ts';
import { checkFeasible, summarize } from '../src/domain/allocation/feasibility.ts';
import { hasNetworkStructure, optimal } from '../src/domain/allocation/optimal.ts';
import { compile, objectiveWeights } from '../src/domain/allocation/compile.ts';
import { lagrangianBounds } from '../src/domain/allocation/lagrangian.ts';
import type {
  AllocationInstance,
  AllocationResult,
  Mechanism,
  Objective,
} from '../src/domain/allocation/types.ts';
import { createHighsSolver } from '../src/services/allocation/highs-solver.ts';
import type { MipSolver } from '../src/domain/allocation/mip.ts';
import type { Knobs, Size } from './allocation-generator.ts';
import { SIZES, benchInstance, cappedBenchInstance, defaultKnobs } from './allocation-generator.ts';

const here = dirname(fileURLToPath(import.meta.url));
const clock = (): number => performance.now();
const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
const peakMib = (): string => (process.resourceUsage().maxRSS / 1024).toFixed(0);

interface Row {
  label: string;
  result: AllocationResult | null;
  seconds: number;
  /** CPU seconds (user + system) of this step: steadier than wall time on a shared machine. */
  cpu: number;
  peak: string;
  note: string;
}

function parseSizes(argv: string[]): Size[] {
  const i = argv.indexOf('--size');
  const value = i >= 0 ? argv[i + 1] : undefined;
  if (value === undefined) return ['pair', 'national'];
  if (value === 'all') return [...SIZES];
  if (!(SIZES as readonly string[]).includes(value)) {
    throw new Error(`--size must be one of pair, national, erasmus, all (got ${value})`);
  }
  return [value as Size];
}

async function timed(
  label: string,
  run: () => Promise<AllocationResult>,
  inst: AllocationInstance,
): Promise<Row> {
  const t0 = clock();
  const c0 = process.cpuUsage();
  const result = await run();
  const seconds = (clock() - t0) / 1000;
  const c1 = process.cpuUsage(c0);
  const cpu = (c1.user + c1.system) / 1e6;
  const violations = checkFeasible(inst, result);
  if (violations.length > 0) throw new Error(`${label}: infeasible: ${violations[0]!.message}`);
  const note = `${result.stats.solver ?? ''}${result.stats.proven === false ? ', unproven at the time limit' : ''}`;
  return { label, result, seconds, cpu, peak: peakMib(), note };
}

function table(inst: AllocationInstance, rows: Row[], optimum: number | null): string[] {
  const lines = [
    '| mechanism | placed | months | ratio to optimum | first choice | worst imbalance | seconds | cpu s | peak RSS MiB | how |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    if (!r.result) {
      lines.push(`| ${r.label} | — | — | — | — | — | — | — | — | ${r.note} |`);
      continue;
    }
    const s = summarize(inst, r.result.assignments);
    const ratio = optimum ? (s.placed / optimum).toFixed(3) : '—';
    const first = s.placed ? `${((100 * s.firstChoices) / s.placed).toFixed(1)} %` : '—';
    lines.push(
      `| ${r.label} | ${s.placed} | ${s.placedMonths} | ${ratio} | ${first} | ${s.worstImbalance} (tol ${inst.rules.tolerance}) | ${r.seconds.toFixed(3)} | ${r.cpu.toFixed(3)} | ${r.peak} | ${r.note} |`,
    );
  }
  return lines;
}

const describeInstance = (size: string, inst: AllocationInstance, knobs: Knobs): string =>
  `${size}: ${inst.universities.length} universities, ${inst.agreements.length} agreements, ` +
  `${inst.students.length} students; balance per ${inst.rules.balanceScope} in ${inst.rules.balanceUnit}, ` +
  `tolerance ${inst.rules.tolerance}; popularity correlation ${knobs.popularityCorrelation}, ` +
  `first-side share ${knobs.firstSideShare}, lists ≤ ${knobs.listLength}, stays ${knobs.months.join('/')} months, seed ${knobs.seed}`;

interface Solvers {
  /** HiGHS with our options (what `optimal` uses). */
  ours: MipSolver;
  /** HiGHS with its own default options (the comparison rows). */
  defaults: MipSolver;
}

/**
 * What `optimal`'s bounds alone reach on an instance it could not finish (lagrangian.ts), with
 * their time and memory; none without count balance, where the instance is not a network.
 */
function boundsAlone(inst: AllocationInstance): string {
  const c = compile(inst);
  const weights = objectiveWeights(c, 'students');
  if (!hasNetworkStructure(c, weights)) {
    return 'No bounds: without count balance the instance is not a network.';
  }
  const b0 = clock();
  const cpu0 = process.cpuUsage();
  const lag = lagrangianBounds(c, weights, {
    maxIterations: 0,
    elapsed: () => (clock() - b0) / 1000,
  });
  const cpu = process.cpuUsage(cpu0);
  const phases = lag.phases
    .map((p) => `${p.name} [${p.lower ?? '—'}, ${p.upper}] at ${p.seconds.toFixed(1)} s`)
    .join('; ');
  const hulls = lag.net.rowHull.reduce((n, h) => n + h, 0);
  return (
    `The bounds alone: ${phases} (gap ${lag.upper - lag.lower}, ` +
    `${((cpu.user + cpu.system) / 1e6).toFixed(1)} cpu s; ${hulls} of ${lag.net.rowAg.length} ` +
    `capped rows became network capacities; peak RSS ${mib(process.resourceUsage().maxRSS * 1024)} MiB).`
  );
}

/**
 * The months-caps family: one agreement in five also caps months (003 §5(4): quotas in
 * students and months), balance per university in students — a network with knapsack rows,
 * solved by `optimal`'s bounds and then the whole program by HiGHS with our options — and, on
 * the same instance in the same run, HiGHS on the whole 0/1 program with its default options
 * (the baseline) and with ours but without the bounds. Month balance (not a network: `optimal`
 * is the whole program) only with `--month-balance`.
 */
async function capsFamily(
  size: Size,
  highs: Solvers,
  withHighs: boolean,
  monthBalance: boolean,
): Promise<string[]> {
  const out: string[] = [];
  const variants: { title: string; rules: Knobs['rules'] }[] = [
    { title: 'count balance', rules: { balanceScope: 'university' } },
  ];
  if (monthBalance) {
    variants.push({
      title: 'month balance (tolerance 6)',
      rules: { balanceScope: 'university', balanceUnit: 'months', tolerance: 6 },
    });
  }
  for (const v of variants) {
    const knobs: Knobs = { ...defaultKnobs, rules: v.rules };
    const t0 = clock();
    const inst = cappedBenchInstance(size, knobs, 0.2);
    const capped = inst.agreements.filter((a) => a.monthsCap !== null).length;
    out.push(
      `Months caps, ${v.title} (${describeInstance(size, inst, knobs)}; ${capped} of ${inst.agreements.length} agreements cap months; generated in ${((clock() - t0) / 1000).toFixed(1)} s):`,
      '',
    );
    const rows: Row[] = [];
    try {
      rows.push(
        await timed(
          'optimal',
          async () => (await optimal(inst, { solver: highs.ours, onLimit: 'best', clock })).result,
          inst,
        ),
      );
    } catch (error) {
      // E.g. the whole program (month balance) past the solver's time limit with no allocation
      // found: say so, do not guess, and measure what the bounds alone reach (lagrangian.ts).
      out.push(`optimal did not finish: ${(error as Error).message}`, '');
      out.push(boundsAlone(inst), '');
      continue;
    }
    console.error(`[${size} caps ${v.title}] optimal: ${rows[0]!.seconds.toFixed(2)} s`);
    const ours = rows[0]!.result!.stats;
    // HiGHS alone cannot do better where optimal, HiGHS included, ran out of time.
    if (withHighs && ours.proven !== false) {
      rows.push(
        await timed(
          'HiGHS (same MIP)',
          async () =>
            (await optimal(inst, { solver: highs.defaults, method: 'mip', clock })).result,
          inst,
        ),
      );
      console.error(`[${size} caps ${v.title}] HiGHS: ${rows[1]!.seconds.toFixed(2)} s`);
      rows.push(
        await timed(
          'HiGHS (same MIP, our options, no bounds)',
          async () => (await optimal(inst, { solver: highs.ours, method: 'mip', clock })).result,
          inst,
        ),
      );
      console.error(
        `[${size} caps ${v.title}] HiGHS, our options: ${rows[2]!.seconds.toFixed(2)} s`,
      );
    } else {
      rows.push({
        label: 'HiGHS (same MIP)',
        result: null,
        seconds: 0,
        cpu: 0,
        peak: '',
        note: withHighs ? 'skipped: optimal ran out of time' : 'skipped at this size',
      });
    }
    const proof =
      ours.proof ??
      (ours.stopped
        ? `none, the solver stopped at its ${ours.stopped} with the optimum in [${ours.bounds!.lower}, ${ours.bounds!.upper}]`
        : '—');
    out.push(...table(inst, rows, ours.placed), '');
    const hi = rows[1]!;
    out.push(
      `Proof: ${proof}; phases: ${(ours.phases ?? [])
        .map(
          (p) =>
            `${p.name} [${p.lower ?? '—'}, ${p.upper ?? '—'}] at ${p.seconds.toFixed(1)} s${p.freeVariables !== undefined ? ` (${p.freeVariables} integer of ${p.variables} variables)` : ''}`,
        )
        .join('; ')}.` +
        (hi.result
          ? ` HiGHS / optimal: ${(hi.seconds / rows[0]!.seconds).toFixed(2)}× wall, ${(hi.cpu / rows[0]!.cpu).toFixed(2)}× cpu${hi.result.stats.objectiveValue === ours.objectiveValue ? ' (same optimum)' : ' (DIFFERENT optimum)'}` +
            (rows[2]?.result
              ? `; with our options and no bounds / optimal: ${(rows[2].seconds / rows[0]!.seconds).toFixed(2)}× wall${rows[2].result.stats.objectiveValue === ours.objectiveValue ? ' (same optimum)' : ' (DIFFERENT optimum)'}.`
              : '.')
          : ''),
      '',
    );
  }
  return out;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const sizes = parseSizes(argv);
  const outAt = argv.indexOf('--out');
  const outFile = outAt >= 0 ? argv[outAt + 1] : undefined;
  const noHighs = argv.includes('--skip-highs');
  const onlyCaps = argv.includes('--only-caps');
  const monthBalance = argv.includes('--month-balance');
  // HiGHS stops after this many wall seconds (`--highs-limit`; 600 by default): on a loaded
  // machine the 0/1 program of the months-caps family needs more.
  const limitAt = argv.indexOf('--highs-limit');
  // `optimal` runs HiGHS with our options; the comparison rows run HiGHS as it comes.
  const timeLimitSeconds = limitAt >= 0 ? Number(argv[limitAt + 1]) : 600;
  const highs: Solvers = {
    ours: createHighsSolver({ timeLimitSeconds }),
    defaults: createHighsSolver({ timeLimitSeconds, defaults: true }),
  };
  const out: string[] = [
    '# Allocation benchmark',
    '',
    `Generated by \`npm run bench:allocation -- --size ${sizes.join(',')}\` on ${os.cpus().length}× ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${mib(os.totalmem())} MiB RAM.`,
    `Load average when it started: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' / ',
      )} (a shared 2-core machine: wall seconds vary with other work; cpu s is this process's own CPU time).`,
    'Every result was checked feasible with `checkFeasible` (balance 003 §5(4), caps 003 §4).',
    '"ratio to optimum" = placed / placed by `optimal` (objective students). Peak RSS is the',
    "process's maximum resident set so far (it only grows), read after each step.",
    '',
  ];
  const summary: string[] = [];
  for (const size of sizes) {
    if (size !== 'pair') {
      out.push(`## ${size}: months caps`, '');
      out.push(...(await capsFamily(size, highs, !noHighs && size !== 'erasmus', monthBalance)));
    }
    if (onlyCaps) continue;
    const knobs: Knobs = {
      ...defaultKnobs,
      rules: size === 'national' ? { balanceScope: 'consortium' } : {},
    };
    let t0 = clock();
    const inst = benchInstance(size, knobs);
    const genSeconds = (clock() - t0) / 1000;
    console.error(`[${size}] generated in ${genSeconds.toFixed(1)} s`);
    out.push(
      `## ${size}`,
      '',
      describeInstance(size, inst, knobs) + ` (generated in ${genSeconds.toFixed(1)} s).`,
      '',
    );
    const rows: Row[] = [];
    for (const mechanism of ['2s-ttc', 'serial-dictatorship', 'optimal'] as Mechanism[]) {
      rows.push(
        await timed(
          mechanism,
          async () => (await allocate(inst, { mechanism, clock })).result,
          inst,
        ),
      );
      console.error(`[${size}] ${mechanism}: ${rows[rows.length - 1]!.seconds.toFixed(2)} s`);
    }
    const skipHighs = size === 'erasmus' || noHighs;
    if (skipHighs) {
      rows.push({
        label: 'HiGHS (same MIP)',
        result: null,
        seconds: 0,
        cpu: 0,
        peak: '',
        note:
          size === 'erasmus'
            ? 'skipped: a 2.4-million-variable MIP in single-threaded WASM would take hours'
            : 'skipped (--skip-highs)',
      });
    } else {
      rows.push(
        await timed(
          'HiGHS (same MIP)',
          async () =>
            (await optimal(inst, { solver: highs.defaults, method: 'mip', clock })).result,
          inst,
        ),
      );
      console.error(`[${size}] HiGHS: ${rows[rows.length - 1]!.seconds.toFixed(2)} s`);
    }
    const opt = rows[2]!.result!.stats.placed;
    out.push(...table(inst, rows, opt), '');
    const ttc = rows[0]!.result!.stats.placed;
    const base = rows[1]!.result!.stats.placed;
    const hi = rows[3]!;
    const speed = hi.result ? `${(hi.seconds / rows[2]!.seconds).toFixed(1)}×` : 'n/a';
    out.push(
      `Ratios: 2s-ttc / optimal = ${(ttc / opt).toFixed(3)}; 2s-ttc / baseline = ${base ? (ttc / base).toFixed(2) : '∞'}; ` +
        `optimal is ${speed} faster than HiGHS on the same instance${hi.result && hi.result.stats.placed === opt ? ' (same optimum)' : ''}.`,
      '',
    );
    summary.push(
      `| ${size} | ${(ttc / opt).toFixed(3)} | ${base ? (ttc / base).toFixed(2) : '∞'} | ${rows[0]!.seconds.toFixed(2)} | ${rows[2]!.seconds.toFixed(2)} | ${hi.result ? hi.seconds.toFixed(1) : 'skipped'} | ${speed} |`,
    );

    // Other objectives and rules on the same generator (same seed).
    const extra: Row[] = [];
    for (const objective of ['months', 'welfare'] as Objective[]) {
      if (size === 'erasmus' && objective === 'welfare') continue;
      extra.push(
        await timed(
          `optimal --objective ${objective}`,
          async () => (await optimal(inst, { objective, clock })).result,
          inst,
        ),
      );
    }
    out.push(
      'Other objectives (count balance, own min-cost circulation):',
      '',
      ...table(inst, extra, opt),
      '',
    );

    if (size !== 'erasmus') {
      // Sensitivity: balance scope × popularity correlation (no HiGHS: own optimum only).
      out.push('Sensitivity (placed; ratio 2s-ttc/optimal; ratio 2s-ttc/baseline):', '');
      out.push(
        '| scope | correlation | 2s-ttc | baseline | optimal | ttc/opt | ttc/base | optimal s |',
        '|---|---:|---:|---:|---:|---:|---:|---:|',
      );
      for (const scope of ['university', 'consortium', 'side'] as const) {
        for (const corr of [0.3, 0.6, 0.9]) {
          const k: Knobs = {
            ...defaultKnobs,
            popularityCorrelation: corr,
            rules: { balanceScope: scope },
          };
          const i2 = benchInstance(size, k);
          const a = (await allocate(i2, { mechanism: '2s-ttc' })).result.stats.placed;
          const b = (await allocate(i2, { mechanism: 'serial-dictatorship' })).result.stats.placed;
          t0 = clock();
          const o = (await allocate(i2, { mechanism: 'optimal' })).result.stats.placed;
          const os_ = (clock() - t0) / 1000;
          out.push(
            `| ${scope} | ${corr} | ${a} | ${b} | ${o} | ${o ? (a / o).toFixed(3) : '—'} | ${b ? (a / b).toFixed(2) : '∞'} | ${os_.toFixed(2)} |`,
          );
        }
      }
      out.push('');
      // Month balance and the funder's cap: integer programs, `optimal` solved by HiGHS.
      if (size === 'pair') {
        const k: Knobs = {
          ...knobs,
          months: [3, 6, 9, 12],
          rules: {
            balanceScope: 'consortium',
            balanceUnit: 'months',
            tolerance: 3,
            fundedMonthsCap: 360,
          },
        };
        const i3 = benchInstance(size, k);
        const rows3: Row[] = [];
        for (const mechanism of ['2s-ttc', 'serial-dictatorship'] as Mechanism[]) {
          rows3.push(
            await timed(
              mechanism,
              async () => (await allocate(i3, { mechanism, clock })).result,
              i3,
            ),
          );
        }
        rows3.push(
          await timed(
            'optimal (HiGHS MIP)',
            async () => (await optimal(i3, { solver: highs.ours, clock })).result,
            i3,
          ),
        );
        out.push(
          `Month balance (${describeInstance(size, i3, k)}, funded-months cap 360 — 003 §4):`,
          '',
        );
        out.push(...table(i3, rows3, rows3[2]!.result!.stats.placed), '');
      }
    }
  }
  if (summary.length > 0)
    out.splice(
      8,
      0,
      '## Summary',
      '',
      '| size | 2s-ttc / optimal | 2s-ttc / baseline | 2s-ttc s | optimal s | HiGHS s | optimal vs HiGHS |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...summary,
      '',
    );
  const file = outFile ?? join(here, 'results', 'allocation.md');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, out.join('\n'));
  console.error(`wrote ${file}`);
}

await main();
