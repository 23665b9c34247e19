import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openPglite } from '#src/db/client.ts';
import { SchemaTooNewError, loadMigrations, migrate, rowsOf } from '#src/db/migrate.ts';
import { createTestDatabase, ENGINES } from '#test/support/db.ts';

const cli = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['bin/kakehashi.js', ...args], {
    env: { ...process.env, ...env, DATABASE_URL: env.DATABASE_URL ?? '' },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe.each(ENGINES)('migrations on %s', (engine) => {
  it('are applied once: a second run does nothing', async () => {
    const database = await createTestDatabase(engine);
    try {
      expect(await migrate(database.db)).toEqual({
        applied: [],
        version: (await loadMigrations()).length,
      });
    } finally {
      await database.close();
    }
  });

  it('refuse a database written by a newer schema, touching nothing', async () => {
    const database = await createTestDatabase(engine);
    try {
      await database.db.execute(
        sql`INSERT INTO kakehashi_migrations (version, tag) VALUES (999, 'future')`,
      );
      await expect(migrate(database.db)).rejects.toBeInstanceOf(SchemaTooNewError);
    } finally {
      await database.close();
    }
  });
});

describe('a database recorded under an earlier numbering', () => {
  it('gets the migration that took an earlier number, and none twice', async () => {
    // Two migrations once both took number 9; the student sign-up moved up to 10. A database
    // migrated before that recorded the sign-up as version 10 under its old tag.
    const dir = mkdtempSync(join(tmpdir(), 'kakehashi-renumbered-'));
    const embedded = await openPglite({ dataDir: dir });
    try {
      const db = embedded.db;
      const shipped = await loadMigrations();
      const byTag = new Map(shipped.map((m) => [m.tag, m]));
      const resets = byTag.get('0009_password_resets_and_session_details')!;
      const signUp = byTag.get('0010_student_sign_up')!;
      await db.execute(
        sql`CREATE TABLE kakehashi_migrations (version integer PRIMARY KEY, tag text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const old = [...shipped.filter((m) => m.version < resets.version), signUp];
      for (const [i, m] of old.entries()) {
        for (const statement of m.statements) await db.execute(sql.raw(statement));
        const tag = m === signUp ? '0009_student_sign_up' : m.tag;
        await db.execute(
          sql`INSERT INTO kakehashi_migrations (version, tag) VALUES (${i + 1}, ${tag})`,
        );
      }

      const result = await migrate(db);
      expect(result.applied[0]).toBe(resets.tag);
      expect(result.applied).not.toContain(signUp.tag);
      expect(result.version).toBe(shipped.length);
      const recorded = await db.execute(
        sql`SELECT version, tag FROM kakehashi_migrations ORDER BY version`,
      );
      expect(rowsOf<{ version: number; tag: string }>(recorded)).toEqual(
        shipped.map((m) => ({ version: m.version, tag: m.tag })),
      );
      await db.execute(sql`SELECT count(*) FROM password_resets`);
      expect(await migrate(db)).toEqual({ applied: [], version: shipped.length });
    } finally {
      await embedded.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the command line refuses with one line and a non-zero exit', () => {
  it('when DATABASE_URL cannot be reached', () => {
    const res = cli(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' });
    expect(res.status).not.toBe(0);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^kakehashi: cannot reach PostgreSQL at 127\.0\.0\.1:1\/nowhere/);
  });

  it('when the data directory was written by a newer schema', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kakehashi-newer-'));
    try {
      const embedded = await openPglite({ dataDir: dir });
      await migrate(embedded.db);
      await embedded.db.execute(
        sql`INSERT INTO kakehashi_migrations (version, tag) VALUES (999, 'future')`,
      );
      await embedded.close();
      const res = cli(['migrate'], { KAKEHASHI_DATA_DIR: dir });
      expect(res.status).toBe(1);
      expect(res.stderr.trim()).toMatch(
        /^kakehashi: the database is at schema version 999, newer than/,
      );
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      // Nothing was re-initialised: the marker is still there.
      const again = await openPglite({ dataDir: dir });
      const rows = await again.db.execute(
        sql`SELECT max(version)::int AS v FROM kakehashi_migrations`,
      );
      expect((rows as unknown as { rows: { v: number }[] }).rows[0]?.v).toBe(999);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints help for each command', () => {
    for (const command of ['start', 'migrate', 'seed']) {
      const res = cli([command, '--help'], {});
      expect(res.status).toBe(0);
      expect(res.stdout).toContain(`Usage: kakehashi ${command}`);
    }
  });
});
