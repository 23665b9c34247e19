/**
 * `kakehashi backup` and `kakehashi restore`: the embedded database (PGlite in
 * KAKEHASHI_DATA_DIR) as one `.tar.gz` file and back. A PostgreSQL server is backed up with its
 * own tools (pg_dump, pg_restore; docs/production.md), so both refuse when DATABASE_URL is set.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Env } from '#src/config/env.ts';
import { openPglite } from '#src/db/client.ts';
import { rowsOf } from '#src/db/migrate.ts';

export const BACKUP_HELP = `Usage: kakehashi backup [--out FILE]

Writes the embedded database (KAKEHASHI_DATA_DIR, ./data) to one .tar.gz file: FILE, or
kakehashi-backup-YYYYMMDD-HHMMSS.tar.gz in the current directory. Stop the server first: the
embedded database is opened by one process at a time. With DATABASE_URL set, use pg_dump instead
(docs/production.md).
  --out FILE   where to write the backup`;

export const RESTORE_HELP = `Usage: kakehashi restore FILE [--force]

Restores a file written by 'kakehashi backup' into KAKEHASHI_DATA_DIR (./data), which must be
empty or absent; the next 'kakehashi start' applies any migrations the backup lacks. With
DATABASE_URL set, use pg_restore instead (docs/production.md).
  --force   replace what the data directory holds (it is deleted first)`;

/** A refusal said in one line; the CLI prints it and exits with 1. */
export class BackupError extends Error {}

function refuseServer(env: Env, tool: string): void {
  if (env.DATABASE_URL) {
    throw new BackupError(
      `DATABASE_URL is set: this backs up only the embedded database; use ${tool} for the PostgreSQL server (see docs/production.md)`,
    );
  }
}

const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

function stamp(now: Date): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}

/** How many rows the database's migrations table holds: a restored copy must be readable. */
async function schemaVersion(database: Awaited<ReturnType<typeof openPglite>>): Promise<number> {
  const result = await database.db.execute(
    sql.raw('SELECT coalesce(max(version), 0) AS version FROM kakehashi_migrations'),
  );
  return Number(rowsOf<{ version: number }>(result)[0]?.version ?? 0);
}

export async function backupCommand(args: string[], env: Env): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(BACKUP_HELP);
    return 0;
  }
  refuseServer(env, 'pg_dump');
  const dataDir = resolve(env.KAKEHASHI_DATA_DIR);
  if (isEmptyDir(dataDir)) throw new BackupError(`no embedded database in ${dataDir}`);
  const out = resolve(values.out ?? `kakehashi-backup-${stamp(new Date())}.tar.gz`);
  const database = await openPglite({ dataDir });
  try {
    const version = await schemaVersion(database);
    const dump = await database.pglite!.dumpDataDir('gzip');
    await writeFile(out, new Uint8Array(await dump.arrayBuffer()));
    console.log(`Backed up ${dataDir} (schema ${version}) to ${out} (${dump.size} bytes)`);
  } finally {
    await database.close();
  }
  return 0;
}

export async function restoreCommand(args: string[], env: Env): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(RESTORE_HELP);
    return 0;
  }
  refuseServer(env, 'pg_restore');
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new BackupError('restore needs one FILE');
  const source = resolve(file);
  if (!existsSync(source)) throw new BackupError(`no such file: ${source}`);
  const dataDir = resolve(env.KAKEHASHI_DATA_DIR);
  if (!isEmptyDir(dataDir)) {
    if (!values.force) {
      throw new BackupError(
        `${dataDir} is not empty; restore into an empty data directory, or add --force to replace it`,
      );
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  mkdirSync(dataDir, { recursive: true });
  const bytes = await readFile(source);
  let version: number;
  try {
    const database = await openPglite({
      dataDir,
      loadDataDir: new Blob([new Uint8Array(bytes)], { type: 'application/x-gzip' }),
    });
    try {
      version = await schemaVersion(database);
    } finally {
      await database.close();
    }
  } catch (error) {
    // Nothing half-restored is left behind to be started.
    rmSync(dataDir, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new BackupError(`${source} is not a Kakehashi backup: ${reason}`);
  }
  console.log(`Restored ${source} into ${dataDir} (schema ${version})`);
  return 0;
}
