import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const migrations = join(root, 'src/db/migrations');

describe('schema and migrations', () => {
  let dir: string | null = null;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('agree: generating from src/db/schema.ts over the committed migrations finds nothing to do', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kakehashi-drift-'));
    await cp(migrations, dir, { recursive: true });
    const before = (await readdir(dir)).sort();
    // drizzle-kit prefixes --out with "./", so it is given relative to the project root.
    const { stdout } = await run(
      join(root, 'node_modules/.bin/drizzle-kit'),
      [
        'generate',
        '--dialect',
        'postgresql',
        '--schema',
        './src/db/schema.ts',
        '--out',
        relative(root, dir),
      ],
      { cwd: root, env: { ...process.env, CI: '1' }, timeout: 120_000 },
    ).catch((error: { stdout?: string; stderr?: string }) => {
      // A rename drizzle-kit cannot decide alone (it asks on a terminal) is a disagreement too.
      throw new Error(`drizzle-kit generate failed: ${error.stderr ?? ''}${error.stdout ?? ''}`);
    });
    expect(stdout).toContain('No schema changes');
    expect((await readdir(dir)).sort()).toEqual(before);
  });
});
