import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '#src/db/client.ts';
import { migrate } from '#src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of a migrated, empty PGlite database; each test database is loaded from it. */
    pgliteTemplate: string;
    /** The URL of a migrated template database on the PostgreSQL server, when TEST_DATABASE_URL is set. */
    pgTemplateUrl: string | null;
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Migrates one template per engine, once per run; test files clone it (test/support/db.ts). */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'kakehashi-test-'));
  const embedded = await openPglite();
  await migrate(embedded.db);
  const dump = await embedded.pglite!.dumpDataDir('none');
  await embedded.close();
  const dumpPath = join(dir, 'template.tar');
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', dumpPath);

  const serverUrl = process.env.TEST_DATABASE_URL;
  let templateName: string | null = null;
  if (serverUrl) {
    templateName = `kakehashi_tpl_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${templateName}`);
    await admin.end();
    const server = await openPostgres(withDatabase(serverUrl, templateName), 1);
    await migrate(server.db);
    await server.close();
    project.provide('pgTemplateUrl', withDatabase(serverUrl, templateName));
  } else {
    project.provide('pgTemplateUrl', null);
  }

  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (serverUrl && templateName) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
        [templateName, `${templateName.replace('tpl', 't')}%`],
      );
      for (const { datname } of rows) {
        await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      }
      await admin.end();
    }
  };
}
