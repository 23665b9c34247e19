import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, readEnv, type Env } from '#src/config/env.ts';
import { DatabaseUnavailableError, openDatabase, type Database } from '#src/db/client.ts';
import { SchemaTooNewError, migrate } from '#src/db/migrate.ts';
import { isEmpty, seedDemo } from '#src/db/seed/demo.ts';
import { DEMO_USERS } from '#src/db/seed/demo-world.ts';
import { hashPassword } from '#src/services/auth/passwords.ts';
import { buildApp } from '#src/server/app.ts';
import {
  EwpConfigError,
  ewpHostFromEnv,
  type EwpHostConfig,
} from '#src/services/ewp-host/config.ts';
import { systemClock } from '#src/services/clock.ts';
import { loggerOptions } from '#src/server/logging.ts';
import { ADMIN_HELP, AdminUsageError, adminCommand } from './admin.ts';
import { IMPORT_HELP, ImportUsageError } from './import.ts';
import { createMailer } from '#src/services/notify/mailer.ts';

const WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const HELP: Record<string, string> = {
  main: `kakehashi — inter-university exchange programs

Usage: kakehashi <command> [options]

Commands:
  start [--demo]      migrate the database and serve the web app and API
  migrate             apply pending database migrations and exit
  seed --demo         load the demo world (the source documents' organisations and demo accounts)
  allocate FILE ...   allocate students to places (see: kakehashi allocate --help)
  admin create ...    create a platform administrator (see: kakehashi admin --help)
  import mobilities FILE [--as EMAIL]
                      import a mobility history file, all rows or none (see: kakehashi import --help)

Environment:
  PORT (3000), HOST (0.0.0.0), KAKEHASHI_PUBLIC_URL (http://localhost:PORT; the address in the
  links of e-mails), SMTP_URL (unset: no e-mail), DATABASE_URL (unset: embedded PGlite in KAKEHASHI_DATA_DIR, ./data),
  KAKEHASHI_DEMO_PASSWORD (unset: a random password is printed when the demo is loaded),
  KAKEHASHI_EWP_HEI_ID and KAKEHASHI_EWP_* (unset: no Erasmus Without Paper APIs; see docs/ewp-host.md)

Run 'kakehashi <command> --help' for a command's options.`,
  start: `Usage: kakehashi start [--demo]

Applies pending migrations, then serves the web app and the API on http://HOST:PORT.
  --demo   load the demo world first when the database is empty`,
  migrate: `Usage: kakehashi migrate

Applies pending forward-only migrations to the database (DATABASE_URL, or PGlite in
KAKEHASHI_DATA_DIR) and exits. A database written by a newer Kakehashi is refused.`,
  seed: `Usage: kakehashi seed --demo

Loads the demo world into an empty database: the organisations of the source documents, the tri-district
grouping, consortia, programs and one invented account per role.`,
};

class UsageError extends Error {}

/** Where people reach the web app: KAKEHASHI_PUBLIC_URL, else this machine's port. */
const publicUrlOf = (env: Env): string =>
  (env.KAKEHASHI_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');

async function openAndMigrate(env: Env): Promise<Database> {
  if (!env.DATABASE_URL) mkdirSync(resolve(env.KAKEHASHI_DATA_DIR), { recursive: true });
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: resolve(env.KAKEHASHI_DATA_DIR),
  });
  try {
    const { applied, version } = await migrate(database.db);
    if (applied.length) {
      console.log(
        `Database ${database.location}: applied ${applied.join(', ')} (schema ${version})`,
      );
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function loadDemo(database: Database, env: Env): Promise<boolean> {
  if (!(await isEmpty(database.db))) return false;
  const password = env.KAKEHASHI_DEMO_PASSWORD ?? randomBytes(9).toString('base64url');
  // Each account gets its own salt, so equal passwords do not show as equal hashes.
  await seedDemo(database.db, () => hashPassword(password));
  console.log('Loaded the demo world. Demo accounts (all invented):');
  for (const u of DEMO_USERS) console.log(`  ${u.email}`);
  console.log(
    env.KAKEHASHI_DEMO_PASSWORD
      ? '  password: the value of KAKEHASHI_DEMO_PASSWORD'
      : `  password: ${password}   (shown once; set KAKEHASHI_DEMO_PASSWORD to choose it)`,
  );
  return true;
}

async function start(args: string[], env: Env): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { demo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return help('start');
  const database = await openAndMigrate(env);
  if (values.demo) await loadDemo(database, env);
  let ewpHost: EwpHostConfig | null;
  try {
    ewpHost = await ewpHostFromEnv(env, publicUrlOf(env), systemClock);
  } catch (error) {
    await database.close();
    if (error instanceof EwpConfigError) throw new ConfigError(error.message);
    throw error;
  }
  const app = await buildApp({
    database,
    ewp: { host: ewpHost },
    mailer: createMailer(env.SMTP_URL),
    logger: loggerOptions(env.LOG_LEVEL),
    webDir: WEB_DIR,
    trustProxy: env.KAKEHASHI_TRUST_PROXY,
    publicUrl: publicUrlOf(env),
  });
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: env.PORT, host: env.HOST });
  const shown = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  console.log(
    `Kakehashi is running at http://${shown}:${env.PORT} (database: ${database.engine}, ${database.location})`,
  );
  return 0;
}

async function runMigrate(args: string[], env: Env): Promise<number> {
  const { values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) return help('migrate');
  const database = await openAndMigrate(env);
  console.log(`Database ${database.location} is up to date.`);
  await database.close();
  return 0;
}

async function seed(args: string[], env: Env): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { demo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return help('seed');
  if (!values.demo) throw new UsageError('seed needs --demo (the only data set so far)');
  const database = await openAndMigrate(env);
  try {
    if (!(await loadDemo(database, env))) {
      console.error(
        'The database already holds data; the demo world is loaded only into an empty one.',
      );
      return 1;
    }
    return 0;
  } finally {
    await database.close();
  }
}

function help(topic: string): number {
  console.log(HELP[topic] ?? HELP.main);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      return help(rest[0] ?? 'main');
    }
    if (command === 'admin' && (rest.includes('--help') || rest.includes('-h'))) {
      console.log(ADMIN_HELP);
      return 0;
    }
    if (command === 'import' && (rest.includes('--help') || rest.includes('-h'))) {
      console.log(IMPORT_HELP);
      return 0;
    }
    if (command === 'allocate') {
      const { allocateCommand } = await import('./allocate.ts');
      return await allocateCommand(rest);
    }
    const env = readEnv();
    switch (command) {
      case 'start':
        return await start(rest, env);
      case 'migrate':
        return await runMigrate(rest, env);
      case 'seed':
        return await seed(rest, env);
      case 'admin':
        return await adminCommand(rest, () => openAndMigrate(env), publicUrlOf(env));
      case 'import': {
        const { importCommand } = await import('./import.ts');
        return await importCommand(rest, () => openAndMigrate(env));
      }
      default:
        throw new UsageError(`unknown command "${command}"; run 'kakehashi --help'`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof AdminUsageError ||
      error instanceof ImportUsageError ||
      error instanceof ConfigError ||
      error instanceof DatabaseUnavailableError ||
      error instanceof SchemaTooNewError ||
      (error instanceof TypeError &&
        (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
    ) {
      console.error(`kakehashi: ${error.message}`);
      return error instanceof UsageError ||
        error instanceof AdminUsageError ||
        error instanceof ImportUsageError ||
        error instanceof TypeError
        ? 64
        : 1;
    }
    throw error;
  }
}

const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
