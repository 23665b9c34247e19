/**
 * `kakehashi allocate` (docs/formats/allocation.md): exit 2 naming the first offending field
 * and writing nothing on an invalid instance; a feasible result written on success.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { allocateCommand } from '../../src/cli/allocate.ts';
import { checkFeasible } from '../../src/domain/allocation/feasibility.ts';
import { cappedInstance, tinyInstance } from '../../src/domain/allocation/generate.ts';
import type { AllocationInstance, AllocationResult } from '../../src/domain/allocation/types.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kakehashi-allocate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the command, capturing what it writes to stdout and stderr. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await allocateCommand(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const instance = (): AllocationInstance => {
  for (let seed = 1; ; seed++) {
    const inst = tinyInstance(seed, 8, { balanceScope: 'consortium', balanceUnit: 'students' });
    if (inst.students.length >= 4) return inst;
  }
};

describe('kakehashi allocate', () => {
  test('an invalid instance exits 2 naming the field, and writes nothing', async () => {
    const inst = instance();
    inst.students[2]!.prefs = [...inst.students[2]!.prefs, 'msu.rx'];
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify(inst));
    const out = join(dir, 'bad-result.json');
    const r = await run([file, '--mechanism', '2s-ttc', '--out', out]);
    expect(r.code).toBe(2);
    const prefIndex = inst.students[2]!.prefs.length - 1;
    expect(r.stderr).toBe(`students[2].prefs[${prefIndex}]: unknown university "msu.rx"\n`);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  test('invalid JSON exits 2 too', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ "format": ');
    const r = await run([file, '--mechanism', 'optimal']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  test('R4: each mechanism writes a feasible result to --out or standard output', async () => {
    const inst = instance();
    const file = join(dir, 'ok.json');
    await writeFile(file, JSON.stringify(inst));
    for (const mechanism of ['2s-ttc', 'optimal', 'serial-dictatorship']) {
      const out = join(dir, `${mechanism}.json`);
      const r = await run([file, '--mechanism', mechanism, '--out', out]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      const result = JSON.parse(await readFile(out, 'utf8')) as AllocationResult;
      expect(result.format).toBe('kakehashi-allocation-result/1');
      expect(result.mechanism).toBe(mechanism);
      expect(checkFeasible(inst, result)).toEqual([]);
    }
    const r = await run([file, '--mechanism', 'optimal', '--objective', 'welfare']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as AllocationResult;
    expect(result.objective).toBe('welfare');
    expect(result.stats.proven).toBe(true);
  });

  test('R14: optimal under month balance and the funder cap is solved by HiGHS', async () => {
    const inst = instance();
    inst.rules = { ...inst.rules, balanceUnit: 'months', fundedMonthsCap: 12 };
    const file = join(dir, 'months.json');
    await writeFile(file, JSON.stringify(inst));
    const r = await run([file, '--mechanism', 'optimal', '--objective', 'months']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as AllocationResult;
    expect(result.stats.solver).toBe('mip:highs');
    expect(checkFeasible(inst, result)).toEqual([]);
  });

  test('usage errors exit 1; --help exits 0', async () => {
    expect((await run([])).code).toBe(1);
    expect((await run(['x.json'])).code).toBe(1);
    expect((await run(['x.json', '--mechanism', 'lottery'])).code).toBe(1);
    expect((await run(['x.json', '--mechanism', '2s-ttc', '--objective', 'months'])).code).toBe(1);
    expect((await run([join(dir, 'missing.json'), '--mechanism', '2s-ttc'])).code).toBe(1);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--mechanism');
    expect(help.stdout).toContain('--time-limit');
    const notSeconds = await run(['x.json', '--mechanism', 'optimal', '--time-limit', '1e9x']);
    expect(notSeconds.code).toBe(1);
    expect(notSeconds.stderr).toContain('--time-limit must be a number of seconds, not "1e9x"');
    const ttc = await run(['x.json', '--mechanism', '2s-ttc', '--time-limit', '5']);
    expect(ttc.code).toBe(1);
    expect(ttc.stderr).toContain('--time-limit applies to --mechanism optimal only');
  });

  test('R4: past --time-limit, optimal writes its best allocation, unproven, with bounds', async () => {
    // Months caps whose Lagrangian bounds do not meet (the solver is needed to prove): 003 §5(4).
    const inst = cappedInstance(16, 30);
    const file = join(dir, 'capped.json');
    await writeFile(file, JSON.stringify(inst));
    const proven = JSON.parse(
      (await run([file, '--mechanism', 'optimal'])).stdout,
    ) as AllocationResult;
    expect(proven.stats.proof).toBe('mip');
    const r = await run([file, '--mechanism', 'optimal', '--time-limit', '0']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as AllocationResult;
    expect(checkFeasible(inst, result)).toEqual([]);
    expect(result.stats).toMatchObject({ proven: false, stopped: 'limit' });
    const optimum = proven.stats.objectiveValue!;
    expect(result.stats.bounds!.lower).toBeLessThan(optimum);
    expect(result.stats.bounds!.upper).toBeGreaterThanOrEqual(optimum);
  });
});
