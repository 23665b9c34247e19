import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

const migrationsDir = new URL('./migrations/', import.meta.url);

interface Journal {
  entries: { idx: number; tag: string }[];
}

export interface Migration {
  version: number;
  tag: string;
  statements: string[];
}

export class SchemaTooNewError extends Error {}

/** The forward-only migrations shipped with this version, in order. */
export async function loadMigrations(): Promise<Migration[]> {
  const journal = JSON.parse(
    await readFile(new URL('meta/_journal.json', migrationsDir), 'utf8'),
  ) as Journal;
  const migrations: Migration[] = [];
  for (const entry of [...journal.entries].sort((a, b) => a.idx - b.idx)) {
    const text = await readFile(new URL(`${entry.tag}.sql`, migrationsDir), 'utf8');
    const statements = text
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    migrations.push({ version: entry.idx + 1, tag: entry.tag, statements });
  }
  return migrations;
}

/**
 * Applies every migration the database has not seen, each in its own transaction. A database
 * written by a newer Kakehashi is refused, never re-initialised.
 */
export async function migrate(db: Db): Promise<{ applied: string[]; version: number }> {
  const migrations = await loadMigrations();
  await db.execute(
    sql.raw(`CREATE TABLE IF NOT EXISTS kakehashi_migrations (
      version integer PRIMARY KEY,
      tag text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`),
  );
  const result = await db.execute(
    sql.raw('SELECT coalesce(max(version), 0)::int AS version FROM kakehashi_migrations'),
  );
  const current = Number(rowsOf<{ version: number }>(result)[0]?.version ?? 0);
  const known = migrations.length;
  if (current > known) {
    throw new SchemaTooNewError(
      `the database is at schema version ${current}, newer than this Kakehashi knows (${known}); upgrade Kakehashi instead`,
    );
  }
  const applied: string[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    await db.transaction(async (tx) => {
      for (const statement of migration.statements) await tx.execute(sql.raw(statement));
      await tx.execute(
        sql`INSERT INTO kakehashi_migrations (version, tag) VALUES (${migration.version}, ${migration.tag})`,
      );
    });
    applied.push(migration.tag);
  }
  return { applied, version: Math.max(current, known) };
}

/** Rows of a raw `execute`, whose result shape is the same on PGlite and node-postgres. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
