/**
 * `npm run bench:api:sessions [-- --duration S] [--baseline-duration S] [--sessions N]
 *   [--engines pglite,postgres] [--log-level L] [--cpu-prof DIR] [--out FILE]`
 * (default: 60 s of reading, 20 s of baseline, 200 sessions, both engines, log level info as the
 * server's default, bench/results/api-sessions.md).
 *
 * For each engine, starts the real server in a child process on the demo world: a fresh PGlite
 * data directory, or a fresh database on the PostgreSQL server of BENCH_POSTGRES_URL
 * (postgres://postgres@127.0.0.1:5432, created and dropped by the run). The child opens the
 * sessions through the sign-in service's `openSession` — what the sign-in route does once the
 * password is checked: the route's per-address limit (10 a minute) and argon2 would make signing
 * in 200 sessions the benchmark itself, and they are not what is measured here. The sessions are
 * spread over the demo accounts (one per role), so several sessions share an account as several
 * devices of one person would.
 *
 * Then every session reads in a closed loop, one request at a time on its own keep-alive
 * connection, what its pages fetch when they open (src/web/features/<feature>/api.ts): the
 * workspace tasks, /me, the notifications, the open calls, one call, the mobilities, the
 * agreements, the dashboards. A request without an answer after 30 s counts as unanswered.
 * Baseline in the same run: the same server, the same sessions and connections, each reading
 * /api/health (one `SELECT 1`), so the figures read as ratios.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inArray } from 'drizzle-orm';
import pg from 'pg';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REQUEST_TIMEOUT_MS = 30_000;
const TARGET_P99_MS = 100;

type Engine = 'pglite' | 'postgres';

/** What the server child tells the bench once it listens. */
interface Ready {
  type: 'ready';
  port: number;
  sessions: { email: string; token: string }[];
  seedSeconds: number;
}
interface Stopped {
  type: 'stopped';
  peakRssMiB: number;
  maxRssMiB: number;
}
interface Sampled {
  type: 'rss';
  peakRssMiB: number;
}

// ───────────────────────────── the server child ─────────────────────────────

async function serve(engine: Engine, sessionCount: number, logLevel: string): Promise<void> {
  const { openDatabase, openPglite } = await import('../src/db/client.ts');
  const { migrate } = await import('../src/db/migrate.ts');
  const { seedDemo } = await import('../src/db/seed/demo.ts');
  const { DEMO_USERS } = await import('../src/db/seed/demo-world.ts');
  const { users } = await import('../src/db/schema.ts');
  const { openSession } = await import('../src/services/auth/sessions.ts');
  const { hashPassword } = await import('../src/services/auth/passwords.ts');
  const { buildApp } = await import('../src/server/app.ts');
  const { loggerOptions } = await import('../src/server/logging.ts');
  const { SESSION_CACHE_MS } = await import('../src/services/auth/session-cache.ts');

  const started = Date.now();
  let dataDir: string | null = null;
  let dbName: string | null = null;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: `${POSTGRES_URL}/postgres` });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  let database;
  if (engine === 'pglite') {
    dataDir = mkdtempSync(join(os.tmpdir(), 'kakehashi-bench-sessions-'));
    database = await openPglite({ dataDir });
  } else {
    dbName = `kakehashi_bench_sessions_${process.pid}`;
    await admin(`CREATE DATABASE ${dbName}`);
    // The server's own way of opening a URL (its pool size included).
    database = await openDatabase({ databaseUrl: `${POSTGRES_URL}/${dbName}`, dataDir: '' });
  }
  await migrate(database.db);
  await seedDemo(database.db, await hashPassword('bench-api-sessions'));
  const accounts = await database.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_USERS.map((u) => u.email),
      ),
    );
  accounts.sort((a, b) => a.email.localeCompare(b.email));
  const sessions: Ready['sessions'] = [];
  for (let i = 0; i < sessionCount; i++) {
    const account = accounts[i % accounts.length]!;
    const { token } = await openSession(database.db, account.id, undefined, {
      userAgent: `bench session ${i}`,
    });
    sessions.push({ email: account.email, token });
  }
  // As `kakehashi start` builds it.
  const app = await buildApp({
    database,
    logger: loggerOptions(logLevel),
    sessionCacheMs: SESSION_CACHE_MS,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const sampler = setInterval(sample, 250);
  sampler.unref();
  const send = (message: Ready | Stopped | Sampled) =>
    new Promise<void>((done) => process.send!(message, () => done()));

  process.on('message', (message: { type: string }) => {
    if (message.type === 'reset-rss') {
      sample();
      peak = process.memoryUsage.rss();
    } else if (message.type === 'read-rss') {
      sample();
      void send({ type: 'rss', peakRssMiB: peak / 2 ** 20 });
    } else if (message.type === 'stop') {
      void (async () => {
        sample();
        clearInterval(sampler);
        await app.close();
        await database.close();
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
        if (dbName) await admin(`DROP DATABASE ${dbName} WITH (FORCE)`);
        await send({
          type: 'stopped',
          peakRssMiB: peak / 2 ** 20,
          maxRssMiB: process.resourceUsage().maxRSS / 1024,
        });
        process.exit(0);
      })();
    }
  });
  await send({ type: 'ready', port, sessions, seedSeconds: (Date.now() - started) / 1000 });
}

// ───────────────────────────── the load ─────────────────────────────

interface Result {
  requests: number;
  seconds: number;
  latencies: Float64Array;
  statuses: Map<string, number>;
  errors: number;
  timeouts: number;
  byRoute: Map<string, { latencies: number[]; statuses: Map<string, number> }>;
}

interface Answer {
  status: number;
  body: string;
}

function get(agent: http.Agent, port: number, path: string, cookie: string): Promise<Answer> {
  return new Promise((done, fail) => {
    const request = http.get(
      {
        host: '127.0.0.1',
        port,
        path,
        agent,
        headers: { cookie, accept: 'application/json' },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          done({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        response.on('error', fail);
      },
    );
    request.on('timeout', () => request.destroy(new TimeoutError()));
    request.on('error', fail);
  });
}

class TimeoutError extends Error {}

/** What a session reads when its person opens their pages; `{call}` is one of its open calls. */
const PAGE_READS = [
  ['workspace', '/api/v1/me/tasks'],
  ['me', '/api/v1/me'],
  ['notifications', '/api/v1/me/notifications'],
  ['calls', '/api/v1/calls?status=open'],
  ['call', '/api/v1/calls/{call}'],
  ['mobilities', '/api/v1/mobilities'],
  ['agreements', '/api/v1/agreements'],
  ['dashboards', '/api/v1/dashboards'],
] as const;
const HEALTH = [['health', '/api/health']] as const;

interface Client {
  cookie: string;
  agent: http.Agent;
  reads: (readonly [string, string])[];
}

async function prepareClients(port: number, sessions: Ready['sessions']): Promise<Client[]> {
  const callOf = new Map<string, string | null>();
  const clients: Client[] = [];
  for (const s of sessions) {
    const cookie = `kakehashi_session=${s.token}`;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    if (!callOf.has(s.email)) {
      // The call a person opens: the first of the list they see, as the catalogue shows it.
      let call: string | null = null;
      const answer = await get(agent, port, '/api/v1/calls', cookie);
      if (answer.status === 200) {
        const items = (JSON.parse(answer.body) as { items?: { id: string }[] }).items ?? [];
        call = items[0]?.id ?? null;
      }
      callOf.set(s.email, call);
    }
    const call = callOf.get(s.email) ?? null;
    const reads = PAGE_READS.filter(([, path]) => !path.includes('{call}') || call).map(
      ([name, path]) => [name, path.replace('{call}', call ?? '')] as const,
    );
    clients.push({ cookie, agent, reads });
  }
  return clients;
}

async function load(
  port: number,
  clients: Client[],
  seconds: number,
  reads: ((c: Client) => readonly (readonly [string, string])[]) | 'pages',
): Promise<Result> {
  const latencies: number[] = [];
  const statuses = new Map<string, number>();
  const byRoute: Result['byRoute'] = new Map();
  let errors = 0;
  let timeouts = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  await Promise.all(
    clients.map(async (client, i) => {
      const list = reads === 'pages' ? client.reads : reads(client);
      // Sessions start at different pages, as people do.
      let next = i % list.length;
      while (performance.now() < deadline) {
        const [name, path] = list[next % list.length]!;
        next++;
        const t0 = performance.now();
        let status: string;
        try {
          status = String((await get(client.agent, port, path, client.cookie)).status);
        } catch (error) {
          if (error instanceof TimeoutError) {
            timeouts++;
            status = 'unanswered';
          } else {
            errors++;
            status = 'error';
          }
        }
        const ms = performance.now() - t0;
        latencies.push(ms);
        count(statuses, status);
        let route = byRoute.get(name);
        if (!route) byRoute.set(name, (route = { latencies: [], statuses: new Map() }));
        route.latencies.push(ms);
        count(route.statuses, status);
      }
    }),
  );
  return {
    requests: latencies.length,
    seconds: (performance.now() - started) / 1000,
    latencies: Float64Array.from(latencies).sort(),
    statuses,
    errors,
    timeouts,
    byRoute,
  };
}

const quantile = (sorted: ArrayLike<number>, q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(1) : v.toFixed(0)) : '—');
const statusText = (m: Map<string, number>) =>
  [...m.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');

// ───────────────────────────── the run ─────────────────────────────

interface EngineRun {
  engine: Engine;
  seedSeconds: number;
  pages: Result;
  baseline: Result | null;
  pagesRssMiB: number;
  baselineRssMiB: number | null;
  maxRssMiB: number;
  loadPages: number[];
  loadBaseline: number[] | null;
}

function startServer(
  engine: Engine,
  sessions: number,
  logLevel: string,
  cpuProf: string | null,
): ChildProcess {
  const execArgv = ['--import', 'tsx'];
  if (cpuProf) {
    mkdirSync(cpuProf, { recursive: true });
    // One profile per thread (the module loader has its own): the largest is the server's.
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${cpuProf}`);
  }
  return fork(
    fileURLToPath(import.meta.url),
    ['--serve', engine, '--sessions', String(sessions), '--log-level', logLevel],
    { execArgv, cwd: repo, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
}

function nextMessage<T extends { type: string }>(child: ChildProcess, type: T['type']): Promise<T> {
  return new Promise((done, fail) => {
    const onMessage = (message: T) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      done(message);
    };
    const onExit = (code: number | null) => fail(new Error(`the server exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function runEngine(engine: Engine, o: Options): Promise<EngineRun> {
  const child = startServer(engine, o.sessions, o.logLevel, o.cpuProf);
  const ready = await nextMessage<Ready>(child, 'ready');
  console.log(
    `${engine}: server on port ${ready.port}, demo world and ${ready.sessions.length} sessions in ${ready.seedSeconds.toFixed(1)} s`,
  );
  const clients = await prepareClients(ready.port, ready.sessions);
  const rss = async () => {
    child.send({ type: 'read-rss' });
    return (await nextMessage<Sampled>(child, 'rss')).peakRssMiB;
  };
  // A short warm-up: compiled routes and schemas, the pool's connections opened.
  await load(ready.port, clients, 3, 'pages');
  let baseline: Result | null = null;
  let baselineRssMiB: number | null = null;
  let loadBaseline: number[] | null = null;
  if (o.baselineSeconds > 0) {
    child.send({ type: 'reset-rss' });
    baseline = await load(ready.port, clients, o.baselineSeconds, () => HEALTH);
    baselineRssMiB = await rss();
    loadBaseline = os.loadavg();
    console.log(`${engine} baseline: ${summary(baseline)}`);
  }
  child.send({ type: 'reset-rss' });
  const pages = await load(ready.port, clients, o.seconds, 'pages');
  const pagesRssMiB = await rss();
  const loadPages = os.loadavg();
  console.log(`${engine} pages: ${summary(pages)}`);
  for (const c of clients) c.agent.destroy();
  child.send({ type: 'stop' });
  const stopped = await nextMessage<Stopped>(child, 'stopped');
  return {
    engine,
    seedSeconds: ready.seedSeconds,
    pages,
    baseline,
    pagesRssMiB,
    baselineRssMiB,
    maxRssMiB: stopped.maxRssMiB,
    loadPages,
    loadBaseline,
  };
}

const summary = (r: Result) =>
  `${r.requests} requests, ${(r.requests / r.seconds).toFixed(0)}/s, p50 ${ms(quantile(r.latencies, 0.5))} ms, p99 ${ms(quantile(r.latencies, 0.99))} ms, max ${ms(quantile(r.latencies, 1))} ms, ${r.errors} errors, ${r.timeouts} unanswered; ${statusText(r.statuses)}`;

interface Options {
  seconds: number;
  baselineSeconds: number;
  sessions: number;
  engines: Engine[];
  logLevel: string;
  cpuProf: string | null;
  out: string;
}

function postgresVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: `${POSTGRES_URL}/postgres` });
  return client
    .connect()
    .then(() => client.query<{ server_version: string }>('SHOW server_version'))
    .then((r) => r.rows[0]?.server_version ?? '?')
    .catch(() => 'unreachable')
    .finally(() => client.end().catch(() => undefined));
}

function report(o: Options, runs: EngineRun[], pgVersion: string, startedAt: Date): string {
  const cpus = os.cpus();
  const row = (label: string, r: Result, rss: number | null, load: number[] | null) =>
    `| ${label} | ${r.requests} | ${(r.requests / r.seconds).toFixed(0)} | ${ms(quantile(r.latencies, 0.5))} | ${ms(quantile(r.latencies, 0.9))} | ${ms(quantile(r.latencies, 0.99))} | ${ms(quantile(r.latencies, 1))} | ${r.errors} | ${r.timeouts} | ${statusText(r.statuses)} | ${rss === null ? '—' : rss.toFixed(0)} | ${load ? load.map((l) => l.toFixed(2)).join(' / ') : '—'} |`;
  const lines = [
    '# API under 200 signed-in sessions (demo world)',
    '',
    `\`npm run bench:api:sessions\` — ${startedAt.toISOString()}; ${o.sessions} sessions, ${o.seconds} s of reading` +
      (o.baselineSeconds > 0 ? `, ${o.baselineSeconds} s of baseline` : '') +
      `, server log level \`${o.logLevel}\` (to /dev/null).`,
    '',
    `- machine: ${cpus.length}× ${cpus[0]?.model.trim() ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node ${process.version}; PGlite (PostgreSQL 18, in the server's thread); PostgreSQL server ${pgVersion}`,
    '- the bench (client) and the server are two processes on the same machine; the PostgreSQL',
    '  server runs there too. Load average is the 1 / 5 / 15 minute one when the phase ended.',
    `- target: p99 < ${TARGET_P99_MS} ms and nothing unanswered (${REQUEST_TIMEOUT_MS / 1000} s) on both engines`,
    '',
    'Each session reads, one request at a time on its own keep-alive connection, in turn: ' +
      PAGE_READS.map(([, p]) => `\`${p.replace('/api/v1', '')}\``).join(', ') +
      ' (under /api/v1; `{call}` is the first call of the list the account sees). Baseline: the same sessions reading `/api/health` (one `SELECT 1`).',
    '',
    '| engine / phase | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | unanswered | statuses | peak RSS MiB | load average |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|',
  ];
  for (const run of runs) {
    if (run.baseline) {
      lines.push(
        row(
          `${run.engine}: baseline /api/health`,
          run.baseline,
          run.baselineRssMiB,
          run.loadBaseline,
        ),
      );
    }
    lines.push(row(`${run.engine}: pages`, run.pages, run.pagesRssMiB, run.loadPages));
  }
  lines.push('');
  for (const run of runs) {
    const met =
      quantile(run.pages.latencies, 0.99) < TARGET_P99_MS &&
      run.pages.timeouts === 0 &&
      run.pages.errors === 0;
    const ratio = run.baseline
      ? ` Pages / baseline: ${(quantile(run.pages.latencies, 0.99) / quantile(run.baseline.latencies, 0.99)).toFixed(1)}× the p99, ${(run.pages.requests / run.pages.seconds / (run.baseline.requests / run.baseline.seconds)).toFixed(2)}× the throughput.`
      : '';
    lines.push(
      `**${run.engine}**: target ${met ? 'met' : 'not met'} (p99 ${ms(quantile(run.pages.latencies, 0.99))} ms, ${run.pages.timeouts} unanswered).${ratio} Server max RSS over the whole run ${run.maxRssMiB.toFixed(0)} MiB (demo world loading included); demo world + sessions ready in ${run.seedSeconds.toFixed(1)} s.`,
      '',
    );
  }
  for (const run of runs) {
    lines.push(
      `### ${run.engine}: by page read`,
      '',
      '| read | requests | p50 ms | p90 ms | p99 ms | max ms | statuses |',
      '|---|---:|---:|---:|---:|---:|---|',
    );
    for (const [name] of PAGE_READS) {
      const r = run.pages.byRoute.get(name);
      if (!r) continue;
      const sorted = Float64Array.from(r.latencies).sort();
      lines.push(
        `| ${name} | ${sorted.length} | ${ms(quantile(sorted, 0.5))} | ${ms(quantile(sorted, 0.9))} | ${ms(quantile(sorted, 0.99))} | ${ms(quantile(sorted, 1))} | ${statusText(r.statuses)} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      serve: { type: 'string' },
      duration: { type: 'string', default: '60' },
      'baseline-duration': { type: 'string', default: '20' },
      sessions: { type: 'string', default: '200' },
      engines: { type: 'string', default: 'pglite,postgres' },
      'log-level': { type: 'string', default: 'info' },
      'cpu-prof': { type: 'string' },
      out: { type: 'string', default: join(here, 'results', 'api-sessions.md') },
    },
  });
  const sessions = Number(values.sessions);
  if (values.serve) {
    await serve(values.serve as Engine, sessions, values['log-level']);
    return;
  }
  const engines = values.engines.split(',').map((e) => e.trim()) as Engine[];
  for (const e of engines) {
    if (e !== 'pglite' && e !== 'postgres') throw new Error(`unknown engine ${e}`);
  }
  const o: Options = {
    seconds: Number(values.duration),
    baselineSeconds: Number(values['baseline-duration']),
    sessions,
    engines,
    logLevel: values['log-level'],
    cpuProf: values['cpu-prof'] ? resolve(values['cpu-prof']) : null,
    out: resolve(values.out),
  };
  const startedAt = new Date();
  const pgVersion = await postgresVersion();
  const runs: EngineRun[] = [];
  for (const engine of o.engines) runs.push(await runEngine(engine, o));
  await writeFile(o.out, `${report(o, runs, pgVersion, startedAt)}\n`);
  console.log(`wrote ${relative(process.cwd(), o.out)}`);
}

await main();
