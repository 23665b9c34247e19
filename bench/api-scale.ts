/**
 * `npm run bench:api:scale [-- --mobilities N] [--duration S] [--out FILE]`
 * (default: 1,000,000 mobilities, 10 s per measurement, bench/results/api-scale.md).
 *
 * On the PostgreSQL server (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432, in a
 * database of its own, kakehashi_bench_api) loads the synthetic world once (`kakehashi seed
 * --synthetic`; a database that already holds it is reused), starts Kakehashi's server as a child
 * process, signs a platform administrator in, and measures with autocannon, at 50 and 200
 * concurrent connections, req/s and p50/p99 latency of: the mobility list (first page and a deep
 * cursor page), mobility search (Japanese, Russian, Latin), an agreement's balance ledger, an
 * institution dashboard and the workspace of the hub's coordinator (GET /me/tasks, which reads
 * the stays that can hold work among all those the hub's role reaches) — and, in the same run, a
 * bare Fastify hello-world on the same machine.
 * Targets: list and search ≥ 40 % of hello-world's req/s and p99 < 50 ms at 200 connections;
 * ledger and dashboard p99 < 200 ms. Writes every figure with the machine's description, the
 * servers' peak memory and the load average.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { openPostgres } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { roleAssignments, users } from '../src/db/schema.ts';
import { loadSynthetic, syntheticRefusal } from '../src/db/seed/synthetic.ts';
import { hashPassword } from '../src/services/auth/passwords.ts';
import { encodeCursor } from '../src/services/cursor.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DB_NAME = 'kakehashi_bench_api';
const ADMIN = 'bench-admin@bench.kakehashi.example';
const PASSWORD = 'bench-api-scale-password';
const COORDINATOR = 'bench-hub-coordinator@bench.kakehashi.example';
const HUB = 'jp-0001.synthetic.example';

function option(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

const argv = process.argv.slice(2);
const MOBILITIES = Number(option(argv, '--mobilities') ?? 1_000_000);
const DURATION = Number(option(argv, '--duration') ?? 10);
const OUT = option(argv, '--out') ?? join(here, 'results', 'api-scale.md');

const dbUrl = (name: string) => {
  const u = new URL(SERVER_URL);
  u.pathname = `/${name}`;
  return u.toString();
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The database with the synthetic world and a signed-in-able administrator; what it took. */
async function prepareDatabase(): Promise<{ loadSeconds: number | null; agreementId: string }> {
  const admin = new pg.Client({ connectionString: dbUrl('postgres') });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  const database = await openPostgres(dbUrl(DB_NAME));
  try {
    await migrate(database.db);
    let loadSeconds: number | null = null;
    if ((await syntheticRefusal(database.db)) === null) {
      const started = performance.now();
      console.log(
        `Loading the synthetic world with ${MOBILITIES.toLocaleString('en')} mobilities…`,
      );
      await loadSynthetic(
        database.db,
        { mobilities: MOBILITIES, seed: 1, today: new Date().toISOString().slice(0, 10) },
        (done) => {
          if (done % 100_000 === 0) console.log(`  ${done.toLocaleString('en')}`);
        },
      );
      loadSeconds = (performance.now() - started) / 1000;
      await database.db.execute(sql`VACUUM ANALYZE`);
    }
    const [found] = await database.db.select().from(users).where(eq(users.email, ADMIN));
    if (!found) {
      await database.db.insert(users).values({
        email: ADMIN,
        displayName: 'Benchmark administrator',
        language: 'en',
        names: { latin: 'Benchmark administrator' },
        passwordHash: await hashPassword(PASSWORD),
        platformAdmin: true,
        invented: true,
      });
    }
    // The hub's international office: a coordinator of the hub, whose workspace is measured.
    const [coordinator] = await database.db
      .select()
      .from(users)
      .where(eq(users.email, COORDINATOR));
    if (!coordinator) {
      const [made] = await database.db
        .insert(users)
        .values({
          email: COORDINATOR,
          displayName: 'Benchmark hub coordinator',
          language: 'en',
          names: { latin: 'Benchmark hub coordinator' },
          passwordHash: await hashPassword(PASSWORD),
          invented: true,
        })
        .returning();
      await database.db.insert(roleAssignments).values({
        userId: made!.id,
        role: 'coordinator',
        scopeType: 'institution',
        scopeId: HUB,
      });
    }
    // The hub's busiest agreement: the ledger with the most mobilities behind it.
    const busiest = await database.db.execute(sql`
      SELECT agreement_id AS id FROM mobilities WHERE home_id = ${HUB}
      GROUP BY agreement_id ORDER BY count(*) DESC LIMIT 1`);
    const rows = (busiest as unknown as { rows: { id: string }[] }).rows;
    return { loadSeconds, agreementId: rows[0]!.id };
  } finally {
    await database.close();
  }
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server at ${url} exited`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer from ${url}`);
}

/** Peak resident memory of a process (VmHWM), in MB. */
function peakRss(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

const HELLO = `
import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
`;

interface Measure {
  name: string;
  kind: 'list' | 'search' | 'ledger' | 'dashboard' | 'workspace' | 'hello' | 'floor';
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function measure(
  name: string,
  kind: Measure['kind'],
  url: string,
  connections: number,
  headers: Record<string, string>,
): Promise<Measure> {
  // A short warm-up, then the measurement.
  await autocannon({ url, connections, duration: 2, headers });
  const r = await autocannon({ url, connections, duration: DURATION, headers });
  const m = {
    name,
    kind,
    connections,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
  console.log(
    `${name} @${connections}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms${m.non2xx ? `, ${m.non2xx} non-2xx` : ''}`,
  );
  return m;
}

async function main() {
  const loadBefore = os.loadavg();
  const { loadSeconds, agreementId } = await prepareDatabase();
  const port = await freePort();
  const helloPort = await freePort();
  const server = spawn(process.execPath, [join(repo, 'bin', 'kakehashi.js'), 'start'], {
    cwd: repo,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl(DB_NAME),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const hello = spawn(process.execPath, ['--input-type=module', '-e', HELLO], {
    cwd: repo,
    env: { ...process.env, PORT: String(helloPort) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const results: Measure[] = [];
  let serverRss: number | null = null;
  let helloRss: number | null = null;
  try {
    const base = `http://127.0.0.1:${port}/api/v1`;
    await waitFor(`${base}/institutions?pageSize=1`, server);
    await waitFor(`http://127.0.0.1:${helloPort}/`, hello);
    const signIn = async (email: string) => {
      const res = await fetch(`${base}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`sign-in failed: ${await res.text()}`);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      return { cookie };
    };
    const headers = await signIn(ADMIN);
    const hubHeaders = await signIn(COORDINATOR);
    const deep = encodeCursor(['2010-04-01', 'ffffffff-ffff-4fff-bfff-ffffffffffff']);
    const targets: [string, Measure['kind'], string][] = [
      ['hello-world (bare Fastify)', 'hello', `http://127.0.0.1:${helloPort}/`],
      ['signed-in floor: GET /me (session and roles only)', 'floor', `${base}/me`],
      ['mobility list, first page', 'list', `${base}/mobilities`],
      ['mobility list, deep cursor (2010)', 'list', `${base}/mobilities?cursor=${deep}`],
      [
        'mobility search, ja 佐藤翔',
        'search',
        `${base}/mobilities?q=${encodeURIComponent('佐藤翔')}`,
      ],
      [
        'mobility search, ru Иванова',
        'search',
        `${base}/mobilities?q=${encodeURIComponent('Иванова')}`,
      ],
      ['mobility search, latin elodie', 'search', `${base}/mobilities?q=elodie`],
      ['workspace of the hub’s coordinator (GET /me/tasks)', 'workspace', `${base}/me/tasks`],
      // The aggregates last: at 50 connections they hold the pool (see the results file).
      [
        'balance ledger (hub’s busiest agreement)',
        'ledger',
        `${base}/agreements/${agreementId}/balance`,
      ],
      ['institution dashboard (the hub)', 'dashboard', `${base}/institutions/${HUB}/dashboard`],
    ];
    const headersOf = (kind: Measure['kind']) => (kind === 'workspace' ? hubHeaders : headers);
    for (const [name, kind, url] of targets) {
      const res = await fetch(url, { headers: headersOf(kind) });
      if (res.status !== 200) throw new Error(`${name}: ${res.status} ${await res.text()}`);
    }
    // A row whose requests outlive its measurement (they queue for the pool) would slow the
    // next one: each row starts once the server answers a signed-in request within a second.
    const drained = async () => {
      for (let i = 0; i < 120; i++) {
        const started = performance.now();
        const res = await fetch(`${base}/me`, { headers, signal: AbortSignal.timeout(5000) }).catch(
          () => null,
        );
        if (res?.status === 200 && performance.now() - started < 1000) return;
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    for (const connections of [50, 200]) {
      for (const [name, kind, url] of targets) {
        await drained();
        results.push(await measure(name, kind, url, connections, headersOf(kind)));
      }
    }
    serverRss = peakRss(server.pid);
    helloRss = peakRss(hello.pid);
  } finally {
    server.kill('SIGTERM');
    hello.kill('SIGTERM');
  }
  const loadAfter = os.loadavg();
  await report(results, { loadSeconds, serverRss, helloRss, loadBefore, loadAfter });
}

async function postgresVersion(): Promise<string> {
  const c = new pg.Client({ connectionString: dbUrl(DB_NAME) });
  await c.connect();
  const v = await c.query<{ v: string }>('SELECT current_setting($1) AS v', ['server_version']);
  const n = await c.query<{ n: string }>('SELECT count(*)::text AS n FROM mobilities');
  await c.end();
  return `${v.rows[0]!.v} (${Number(n.rows[0]!.n).toLocaleString('en')} mobilities in the database)`;
}

async function report(
  results: Measure[],
  run: {
    loadSeconds: number | null;
    serverRss: number | null;
    helloRss: number | null;
    loadBefore: number[];
    loadAfter: number[];
  },
) {
  const helloAt = (c: number) => results.find((r) => r.kind === 'hello' && r.connections === c)!;
  const lines: string[] = [];
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  lines.push(
    '# API at scale: lists, search, ledger, dashboard and workspace on 1,000,000 mobilities',
    '',
    `Run ${new Date().toISOString()} by \`npm run bench:api:scale\` (bench/api-scale.ts).`,
    '',
    '## Machine',
    '',
    `- CPU: ${cpu}, ${os.cpus().length} cores (shared with other work during the run)`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version}, PostgreSQL ${await postgresVersion()}`,
    `- Load average (1, 5, 15 min) before: ${run.loadBefore.map((x) => x.toFixed(2)).join(', ')}; after: ${run.loadAfter.map((x) => x.toFixed(2)).join(', ')}`,
    `- Peak RSS: Kakehashi server ${run.serverRss ?? '?'} MB, hello-world ${run.helloRss ?? '?'} MB`,
    `- Synthetic world: ${run.loadSeconds === null ? 'reused (loaded before this run)' : `loaded in ${run.loadSeconds.toFixed(0)} s`}`,
    `- Each figure: autocannon, ${DURATION} s after a 2 s warm-up, one server process, the database's pool of 10 connections`,
    '',
    '## Figures',
    '',
    '| endpoint | connections | req/s | p50 ms | p99 ms | vs hello-world | target | met |',
    '|---|---:|---:|---:|---:|---:|---|---|',
  );
  for (const r of results) {
    const ratio = r.rps / helloAt(r.connections).rps;
    let target = '';
    let met = '';
    if ((r.kind === 'list' || r.kind === 'search') && r.connections === 200) {
      target = '≥ 40 % of hello-world, p99 < 50 ms';
      const ok = ratio >= 0.4 && r.p99 < 50;
      met = ok
        ? 'yes'
        : ratio === 0
          ? 'no (no answer within the 10 s timeout)'
          : `no (${[
              ratio < 0.4
                ? `${(ratio * 100).toFixed(1)} % of hello-world, ${(0.4 / ratio).toFixed(1)}× short`
                : '',
              r.p99 >= 50 ? `p99 ${r.p99} ms, ${(r.p99 / 50).toFixed(1)}× over` : '',
            ]
              .filter(Boolean)
              .join('; ')})`;
    }
    if (r.kind === 'ledger' || r.kind === 'dashboard') {
      target = 'p99 < 200 ms';
      met =
        r.rps === 0
          ? 'no (no answer within the 10 s timeout)'
          : r.p99 < 200
            ? 'yes'
            : `no (${(r.p99 / 200).toFixed(1)}× over)`;
    }
    const extra = r.non2xx || r.errors ? ` (${r.non2xx} non-2xx, ${r.errors} errors)` : '';
    lines.push(
      `| ${r.name}${extra} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.kind === 'hello' ? '—' : `${(ratio * 100).toFixed(1)} %`} | ${target} | ${met} |`,
    );
  }
  lines.push('');
  await writeFile(OUT, lines.join('\n'));
  console.log(`Wrote ${OUT}`);
}

await main();
