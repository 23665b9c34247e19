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
import { loadSynthetic, syntheticRefusal } from '#src/db/seed/synthetic.ts';
import { hashPassword } from '#src/services/auth/passwords.ts';
import { buildApp } from '#src/server/app.ts';
import {
  EwpConfigError,
  ewpHostFromEnv,
  type EwpHostConfig,
} from '#src/services/ewp-host/config.ts';
import { systemClock } from '#src/services/clock.ts';
import { loggerOptions } from '#src/server/logging.ts';
import { SESSION_CACHE_MS } from '#src/services/auth/session-cache.ts';
import { ADMIN_HELP, AdminUsageError, adminCommand } from './admin.ts';
import { IMPORT_HELP, ImportUsageError } from './import.ts';
import { createMailer } from '#src/services/notify/mailer.ts';
import { BACKUP_HELP, BackupError, RESTORE_HELP, backupCommand, restoreCommand } from './backup.ts';

/** The advisory lock around migrations: processes starting at once migrate one after another. */
const MIGRATION_LOCK = 0x6b6b6873;

const WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const HELP: Record<string, string> = {
  main: `kakehashi — inter-university exchange programs

Usage: kakehashi <command> [options]

Commands:
  start [--demo]      migrate the database and serve the web app and API
  migrate             apply pending database migrations and exit
  seed --demo         load the demo world (the source documents' organisations and demo accounts)
  seed --synthetic    load an invented national-scale world for measurements (see: kakehashi seed --help)
  allocate FILE ...   allocate students to places (see: kakehashi allocate --help)
  admin create ...    create a platform administrator (see: kakehashi admin --help)
  backup [--out FILE] write the embedded database to a .tar.gz file (PostgreSQL: use pg_dump)
  restore FILE        restore such a file into an empty data directory (PostgreSQL: pg_restore)
  import mobilities FILE [--as EMAIL]
                      import a mobility history file, all rows or none (see: kakehashi import --help)

Environment:
  PORT (3000), HOST (0.0.0.0), KAKEHASHI_PUBLIC_URL (http://localhost:PORT; the address in the
  links of e-mails), SMTP_URL (unset: no e-mail), DATABASE_URL (unset: embedded PGlite in KAKEHASHI_DATA_DIR, ./data),
  KAKEHASHI_DEMO_PASSWORD (unset: a random password is printed when the demo is loaded),
  KAKEHASHI_TRUST_PROXY (reverse proxies whose X-Forwarded-For counts, comma-separated),
  KAKEHASHI_EWP_HEI_ID and KAKEHASHI_EWP_* (unset: no Erasmus Without Paper APIs; see docs/ewp-host.md)

Run 'kakehashi <command> --help' for a command's options.`,
  start: `Usage: kakehashi start [--demo]

Applies pending migrations, then serves the web app and the API on http://HOST:PORT.
With DATABASE_URL, several processes may serve one database (docs/production.md): they share
background jobs and rate limits through it, and migrate one at a time.
  --demo   load the demo world first when the database is empty`,
  migrate: `Usage: kakehashi migrate

Applies pending forward-only migrations to the database (DATABASE_URL, or PGlite in
KAKEHASHI_DATA_DIR) and exits. A database written by a newer Kakehashi is refused.`,
  seed: `Usage: kakehashi seed --demo
       kakehashi seed --synthetic --mobilities N [--seed S]

--demo loads the demo world into an empty database: the organisations of the source documents, the
tri-district grouping, consortia, programs and one invented account per role.

--synthetic loads an invented world at national scale, to measure lists, search and reports:
800 Japanese and 2,000 foreign universities (names in Japanese, English and the local language),
bilateral agreements (a few hubs with many partners) and N mobilities over the last 20 years, with
states that agree with their dates. Every row is marked invented. The same S (default 1) gives the
same world. It loads into an empty database or one holding only the demo world, and only once.
  --mobilities N   how many mobilities (1 to 5,000,000)
  --seed S         the generator's seed (a whole number)`,
  backup: BACKUP_HELP,
  restore: RESTORE_HELP,
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
    const { applied, version } = await database.exclusive(MIGRATION_LOCK, () =>
      migrate(database.db),
    );
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
    sessionCacheMs: SESSION_CACHE_MS,
    webDir: WEB_DIR,
    trustProxy: env.KAKEHASHI_TRUST_PROXY,
    publicUrl: publicUrlOf(env),
    // With a PostgreSQL server, every process takes jobs from one queue in it.
    queue: { shared: database.engine === 'postgres' },
    schedules: {
      reportReminders: { cron: env.KAKEHASHI_REMINDERS_CRON, everyMs: 60 * 60 * 1000 },
    },
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
    options: {
      demo: { type: 'boolean' },
      synthetic: { type: 'boolean' },
      mobilities: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return help('seed');
  if (values.synthetic && !values.demo) return seedSynthetic(values, env);
  if (!values.demo || values.synthetic) {
    throw new UsageError('seed needs either --demo or --synthetic --mobilities N');
  }
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

const wholeNumber = (raw: string | undefined, name: string, min: number, max: number): number => {
  const n = Number(raw);
  if (raw === undefined || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}`);
  }
  return n;
};

async function seedSynthetic(
  values: { mobilities?: string | undefined; seed?: string | undefined },
  env: Env,
): Promise<number> {
  const mobilities = wholeNumber(values.mobilities, 'mobilities', 1, 5_000_000);
  const seedValue = values.seed === undefined ? 1 : wholeNumber(values.seed, 'seed', 0, 2 ** 31);
  const database = await openAndMigrate(env);
  try {
    const refusal = await syntheticRefusal(database.db);
    if (refusal) {
      console.error(`kakehashi: ${refusal}`);
      return 1;
    }
    const started = performance.now();
    const today = new Date().toISOString().slice(0, 10);
    const report = await loadSynthetic(
      database.db,
      { mobilities, seed: seedValue, today },
      (done) => {
        if (done % 100_000 === 0 || done === mobilities) {
          console.log(`  ${done.toLocaleString('en')} mobilities`);
        }
      },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Loaded the synthetic world (all invented): ${report.institutions} institutions, ${report.agreements} agreements, ${report.mobilities} mobilities in ${seconds} s.`,
    );
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
      case 'backup':
        return await backupCommand(rest, env);
      case 'restore':
        return await restoreCommand(rest, env);
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
      error instanceof BackupError ||
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
