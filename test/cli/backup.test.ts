import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '#src/db/client.ts';
import { agreements, calls, consortia, institutions, users } from '#src/db/schema.ts';
import { buildApp } from '#src/server/app.ts';
import { DEMO_PASSWORD } from '#test/support/app.ts';

const root = mkdtempSync(join(tmpdir(), 'kakehashi-backup-'));
const source = join(root, 'source');
const restored = join(root, 'restored');
const file = join(root, 'demo.tar.gz');

const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/kakehashi.js', ...args], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      KAKEHASHI_DATA_DIR: source,
      KAKEHASHI_DEMO_PASSWORD: DEMO_PASSWORD,
      ...env,
    },
    encoding: 'utf8',
    timeout: 300_000,
  });

async function counts(database: Database) {
  const of = async (table: PgTable) => (await database.db.select({ n: count() }).from(table))[0]!.n;
  return {
    users: await of(users),
    institutions: await of(institutions),
    consortia: await of(consortia),
    agreements: await of(agreements),
    calls: await of(calls),
  };
}

describe('kakehashi backup and restore (embedded database)', () => {
  beforeAll(() => {
    const seeded = cli(['seed', '--demo']);
    expect(seeded.status, seeded.stderr).toBe(0);
  }, 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('backs the demo world up to one file and restores it into a fresh directory, rows and sign-in alike', async () => {
    const backup = cli(['backup', '--out', file]);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain(`to ${file}`);
    expect(statSync(file).size).toBeGreaterThan(0);

    const restore = cli(['restore', file], { KAKEHASHI_DATA_DIR: restored });
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain(`into ${restored}`);

    const before = await openPglite({ dataDir: source });
    const after = await openPglite({ dataDir: restored });
    try {
      const expected = await counts(before);
      expect(expected.users).toBeGreaterThan(0);
      expect(expected.institutions).toBeGreaterThan(0);
      expect(await counts(after)).toEqual(expected);
      const app = await buildApp({ database: after });
      try {
        const signIn = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { email: 'admin@demo.kakehashi.example', password: DEMO_PASSWORD },
        });
        expect(signIn.statusCode).toBe(200);
      } finally {
        await app.close();
      }
    } finally {
      await before.close();
      await after.close();
    }
  }, 300_000);

  it('refuses to restore over a data directory that holds something, unless --force', () => {
    const busy = join(root, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'keep.txt'), 'data');
    const refused = cli(['restore', file], { KAKEHASHI_DATA_DIR: busy });
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('--force');
    expect(existsSync(join(busy, 'keep.txt'))).toBe(true);

    const forced = cli(['restore', file, '--force'], { KAKEHASHI_DATA_DIR: busy });
    expect(forced.status).toBe(0);
    expect(existsSync(join(busy, 'keep.txt'))).toBe(false);
  }, 300_000);

  it('refuses a file that is no backup, and leaves no half-restored directory', () => {
    const junk = join(root, 'junk.tar.gz');
    writeFileSync(junk, 'not a backup');
    const target = join(root, 'from-junk');
    const res = cli(['restore', junk], { KAKEHASHI_DATA_DIR: target });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('is not a Kakehashi backup');
    expect(existsSync(target)).toBe(false);
  }, 300_000);

  it('with DATABASE_URL set, says in one line to use pg_dump or pg_restore instead', () => {
    const env = { DATABASE_URL: 'postgres://kakehashi@127.0.0.1:1/kakehashi' };
    const backup = cli(['backup'], env);
    expect(backup.status).toBe(1);
    expect(backup.stderr.trim().split('\n')).toHaveLength(1);
    expect(backup.stderr).toContain('pg_dump');
    const restore = cli(['restore', file], env);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain('pg_restore');
  });

  it('explains itself', () => {
    expect(cli(['backup', '--help']).stdout).toContain('Usage: kakehashi backup [--out FILE]');
    expect(cli(['restore', '--help']).stdout).toContain('Usage: kakehashi restore FILE');
    expect(cli(['--help']).stdout).toContain('backup [--out FILE]');
  });
});
