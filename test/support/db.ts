import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '#src/db/client.ts';
import { withDatabase } from './global-setup.ts';

export type Engine = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const ENGINES: Engine[] = inject('pgTemplateUrl') ? ['pglite', 'postgres'] : ['pglite'];

let templateDump: Promise<Buffer> | undefined;

/** A clean, migrated database of its own: a clone of the run's template. */
export async function createTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    templateDump ??= readFile(inject('pgliteTemplate'));
    const bytes = await templateDump;
    return openPglite({ loadDataDir: new Blob([new Uint8Array(bytes)]) });
  }
  const templateUrl = inject('pgTemplateUrl');
  if (!templateUrl) throw new Error('TEST_DATABASE_URL is not set');
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `${template.replace('tpl', 't')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: templateUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const database = await openPostgres(withDatabase(templateUrl, name), 4);
  return {
    ...database,
    close: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: templateUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
