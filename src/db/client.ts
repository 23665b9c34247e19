import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The one query interface, whether the engine is embedded PGlite or a PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Where the data lives, for messages: the data directory or the server's host/database. */
  location: string;
  /** The embedded engine itself, for dumps (tests clone a migrated template from one). */
  pglite?: PGlite;
  /** A PostgreSQL server's pool, as plain SQL with parameters (for the job queue, pg-boss). */
  executeSql?: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>;
  /**
   * Runs `work` while holding PostgreSQL advisory lock `key` on a connection of its own, so that
   * two processes never do it at once (migrations at start); at once on embedded PGlite.
   */
  exclusive<T>(key: number, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

/** Opens a PostgreSQL server by URL; fails with one line when it cannot be reached. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const where = describeUrl(url);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DatabaseUnavailableError(`cannot reach PostgreSQL at ${where}: ${reason}`);
  }
  return {
    db: drizzlePg(pool, { schema }) as unknown as Db,
    engine: 'postgres',
    location: where,
    executeSql: (text, values) => pool.query(text, values),
    exclusive: async (key, work) => {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await work();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Opens embedded PostgreSQL (PGlite): in a data directory, in memory, or from a dump. */
export async function openPglite(
  options: { dataDir?: string; loadDataDir?: Blob | File } = {},
): Promise<Database> {
  let client: PGlite;
  try {
    client = await PGlite.create(options.dataDir, {
      // Trigram search (the migrations create the extension; PGlite ships it separately).
      extensions: { pg_trgm },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DatabaseUnavailableError(
      `cannot open the embedded database in ${options.dataDir ?? 'memory'}: ${reason}`,
    );
  }
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    engine: 'pglite',
    location: options.dataDir ?? 'memory',
    pglite: client,
    exclusive: (_key, work) => work(),
    close: () => client.close(),
  };
}

export function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : openPglite({ dataDir: config.dataDir });
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the given DATABASE_URL';
  }
}
