/**
 * `npx tsx bench/allocation-pareto-gap.ts [--size pair|national]` — is 2S-TTC's gap to the optimum
 * inherent, or does it leave tradable places unused? (The target of
 * docs/decisions/002-allocation.md: 2S-TTC ≥ 0.92 × the optimum at national size.)
 *
 * For a benchmark instance and an allocation A, solve exactly (our min-cost circulation,
 * optimal.ts) the largest balanced allocation in which
 *  - "pareto": every student A placed stays placed at a host she ranks at least as high as her
 *    host in A (her worse options are removed, a huge weight forces her placement) and every
 *    student A left at home may go to any acceptable host. Its extra students are the most any
 *    repair of A could add without making some student worse off — including balanced cycles
 *    among students still at home after the cycles stop, or a better residue phase;
 *  - "keep": every student A placed stays placed, at any acceptable host (she may be moved
 *    down her list). The difference to "pareto" is what preferences cost.
 * The trimmed baseline (serial dictatorship) is the control: it is not Pareto-efficient among
 * balanced allocations, so its "pareto" column must be > 0 if the measurement can see a gap.
 * Prints a markdown table.
 */
import type { Compiled } from '../src/domain/allocation/compile.ts';
import { compile } from '../src/domain/allocation/compile.ts';
import { isNetworkInstance, solveByFlow } from '../src/domain/allocation/optimal.ts';
import { runSerialDictatorship } from '../src/domain/allocation/serial-dictatorship.ts';
import { runTtc } from '../src/domain/allocation/ttc.ts';
import type { Knobs, Size } from './allocation-generator.ts';
import { benchInstance, defaultKnobs } from './allocation-generator.ts';

const count = (chosen: Int32Array): number => chosen.reduce((n, k) => n + (k >= 0 ? 1 : 0), 0);

/** Extra students the largest balanced allocation keeping A's students placed can add. */
export function extraOver(c: Compiled, base: Int32Array, mode: 'pareto' | 'keep'): number {
  const nS = c.nStu;
  const big = nS + 1;
  const prefOk = c.prefOk.slice();
  const weights = new Float64Array(c.prefStart[nS]!).fill(1);
  for (let s = 0; s < nS; s++) {
    const k0 = base[s]!;
    if (k0 < 0) continue;
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      if (mode === 'pareto' && k > k0)
        prefOk[k] = 0; // worse than her host in A
      else weights[k] = big; // she must stay placed
    }
  }
  const restricted: Compiled = { ...c, prefOk };
  if (!isNetworkInstance(restricted)) throw new Error('not a network instance');
  const sol = solveByFlow(restricted, weights);
  for (let s = 0; s < nS; s++) {
    const k0 = base[s]!;
    if (k0 < 0) continue;
    const k = sol.chosen[s]!;
    if (k < 0) throw new Error('a placed student lost her place');
    if (mode === 'pareto' && k > k0) throw new Error('a student was moved down her list');
  }
  return count(sol.chosen) - count(base);
}

function main(): void {
  const i = process.argv.indexOf('--size');
  const size = (i >= 0 ? process.argv[i + 1] : 'national') as Size;
  console.log(
    '| scope | correlation | 2s-ttc | optimal | ttc/opt | extra over 2s-ttc, nobody worse off | extra over 2s-ttc, nobody unplaced | baseline | extra over baseline, nobody worse off (control) | cpu s |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const scope of ['consortium', 'university'] as const) {
    for (const corr of [0.3, 0.6, 0.9]) {
      const knobs: Knobs = {
        ...defaultKnobs,
        popularityCorrelation: corr,
        rules: { balanceScope: scope },
      };
      const c = compile(benchInstance(size, knobs));
      const c0 = process.cpuUsage();
      const ttc = runTtc(c).chosen;
      const base = runSerialDictatorship(c).chosen;
      const optimum = count(solveByFlow(c, new Float64Array(c.prefStart[c.nStu]!).fill(1)).chosen);
      const pareto = extraOver(c, ttc, 'pareto');
      const keep = extraOver(c, ttc, 'keep');
      const control = extraOver(c, base, 'pareto');
      const c1 = process.cpuUsage(c0);
      const t = count(ttc);
      console.log(
        `| ${scope} | ${corr} | ${t} | ${optimum} | ${(t / optimum).toFixed(3)} | ${pareto} | ${keep} | ${count(base)} | ${control} | ${((c1.user + c1.system) / 1e6).toFixed(1)} |`,
      );
    }
  }
}

main();
