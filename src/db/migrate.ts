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
    sql.raw('SELECT version, tag, applied_at FROM kakehashi_migrations ORDER BY version'),
  );
  const recorded = rowsOf<{ version: number; tag: string; applied_at: unknown }>(result);
  const current = Math.max(0, ...recorded.map((r) => Number(r.version)));
  const known = migrations.length;
  if (current > known) {
    throw new SchemaTooNewError(
      `the database is at schema version ${current}, newer than this Kakehashi knows (${known}); upgrade Kakehashi instead`,
    );
  }
  await renumberRecorded(db, migrations, recorded);
  // A migration is known by its name: a database recorded under an earlier numbering (two
  // migrations once took the same number and one moved up) gets what it lacks, nothing twice.
  const done = new Set(recorded.map((r) => nameOf(r.tag)));
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(nameOf(migration.tag))) continue;
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

const instant = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

/** A migration's name without its number: `0010_student_sign_up` → `student_sign_up`. */
const nameOf = (tag: string) => tag.replace(/^\d+_/, '');

/**
 * Rewrites the record of applied migrations to this version's numbering when it differs (the same
 * migrations under other numbers), keeping when each was applied; one transaction.
 */
async function renumberRecorded(
  db: Db,
  migrations: readonly Migration[],
  recorded: readonly { version: number; tag: string; applied_at: unknown }[],
) {
  const shipped = new Map(migrations.map((m) => [m.version, m.tag]));
  if (recorded.every((r) => shipped.get(Number(r.version)) === r.tag)) return;
  const byName = new Map(recorded.map((r) => [nameOf(r.tag), r]));
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw('DELETE FROM kakehashi_migrations'));
    for (const m of migrations) {
      const row = byName.get(nameOf(m.tag));
      if (!row) continue;
      await tx.execute(
        sql`INSERT INTO kakehashi_migrations (version, tag, applied_at) VALUES (${m.version}, ${m.tag}, ${instant(row.applied_at)}::timestamptz)`,
      );
    }
  });
}

/** Rows of a raw `execute`, whose result shape is the same on PGlite and node-postgres. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
