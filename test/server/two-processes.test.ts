/**
 * Two real server processes (`kakehashi start`, two ports) on one fresh PostgreSQL database:
 * what one process does, the other sees — sessions, rate limits, jobs, notifications — and a
 * scheduled job runs once, not once per process. Both start at once on an empty database, so
 * they also show that migrations run one process at a time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '#src/db/client.ts';
import { loadMigrations } from '#src/db/migrate.ts';
import { seedDemo } from '#src/db/seed/demo.ts';
import { defaultRules, generateInstance } from '#src/domain/allocation/generate.ts';
import { hashPassword } from '#src/services/auth/passwords.ts';
import { DEMO_PASSWORD } from '#test/support/app.ts';

const SERVER_URL = process.env.TEST_DATABASE_URL;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const D = 'demo.kakehashi.example';

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
  output: string[];
}

interface Session {
  cookie: string;
  csrf: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** `kakehashi start` in a child process; resolves once it says it is running. */
async function startServer(name: string, databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/kakehashi.js', 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      KAKEHASHI_REMINDERS_CRON: '* * * * *',
      KAKEHASHI_PUBLIC_URL: '',
      SMTP_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server: Server = { name, url: `http://127.0.0.1:${port}`, child, output: [] };
  await new Promise<void>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      server.output.push(chunk.toString());
      if (server.output.join('').includes('Kakehashi is running at')) resolve();
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.once('exit', (code) =>
      reject(new Error(`${name} exited with ${code}: ${server.output.join('')}`)),
    );
  });
  return server;
}

async function stopServer(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

async function call(
  server: Server,
  method: string,
  path: string,
  options: { session?: Session; body?: unknown } = {},
): Promise<{ status: number; json: ReturnType<typeof JSON.parse>; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.session) {
    headers.cookie = options.session.cookie;
    headers['x-csrf-token'] = options.session.csrf;
  }
  const res = await fetch(server.url + path, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, headers: res.headers };
}

async function signIn(server: Server, email: string): Promise<Session> {
  const res = await fetch(`${server.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { csrfToken: string };
  if (res.status !== 200) throw new Error(`sign-in as ${email} on ${server.name}: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('kakehashi_session='));
  return { cookie: cookie!, csrf: body.csrfToken };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!SERVER_URL)(
  'two server processes on one PostgreSQL database (needs TEST_DATABASE_URL: the embedded database is one process by construction)',
  () => {
    const name = `kk_two_${randomBytes(4).toString('hex')}`;
    let databaseUrl = '';
    let a: Server | undefined;
    let b: Server | undefined;
    let database: Database | undefined;

    beforeAll(async () => {
      const admin = new pg.Client({ connectionString: SERVER_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(SERVER_URL!);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      // Both at once, on an empty database: each migrates before it serves.
      [a, b] = await Promise.all([startServer('A', databaseUrl), startServer('B', databaseUrl)]);
      database = await openPostgres(databaseUrl, 2);
      await seedDemo(database.db, await hashPassword(DEMO_PASSWORD));
    }, 240_000);

    afterAll(async () => {
      await Promise.all([stopServer(a), stopServer(b)]);
      await database?.close();
      const admin = new pg.Client({ connectionString: SERVER_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }, 120_000);

    it('both processes started at once; the migrations were applied once each', async () => {
      const migrations = await loadMigrations();
      const recorded = await database!.executeSql!(
        'SELECT version, count(*)::int AS n FROM kakehashi_migrations GROUP BY version',
        [],
      );
      expect(recorded.rows).toHaveLength(migrations.length);
      expect((await call(a!, 'GET', '/api/health')).json).toMatchObject({ database: 'postgres' });
      expect((await call(b!, 'GET', '/api/health')).json).toMatchObject({ database: 'postgres' });
    });

    it('signed in on A, the session works on B; signed out on B, A refuses it', async () => {
      const session = await signIn(a!, `reviewer@${D}`);
      const onB = await call(b!, 'GET', '/api/v1/me', { session });
      expect(onB.status).toBe(200);
      expect(onB.json.actor.email).toBe(`reviewer@${D}`);
      expect((await call(b!, 'POST', '/api/v1/auth/sign-out', { session })).status).toBe(204);
      expect((await call(a!, 'GET', '/api/v1/me', { session })).status).toBe(401);
    });

    it('a rate limit counts the requests to A and to B as one', async () => {
      // Password-reset requests: 30 per client address and hour, whichever process answers.
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const server = i % 2 === 0 ? a! : b!;
        const res = await call(server, 'POST', '/api/v1/auth/password-reset', {
          body: { email: 'nobody@example.org' },
        });
        statuses.push(res.status);
      }
      expect(statuses.every((s) => s === 202)).toBe(true);
      const onA = await call(a!, 'POST', '/api/v1/auth/password-reset', {
        body: { email: 'nobody@example.org' },
      });
      const onB = await call(b!, 'POST', '/api/v1/auth/password-reset', {
        body: { email: 'nobody@example.org' },
      });
      expect([onA.status, onB.status]).toEqual([429, 429]);
      expect(onB.json.error.code).toBe('rate_limited');
    });

    it('an allocation job started on A runs, and B reads its progress and its run', async () => {
      const admin = await signIn(a!, `admin@${D}`);
      const instance = generateInstance({
        seed: 11,
        sides: [
          { name: 'JP', universities: 6, consortia: 2 },
          { name: 'RU', universities: 6, consortia: 2 },
        ],
        students: 300,
        firstSideShare: 0.5,
        partnersPerUniversity: 4,
        bipartite: true,
        slotsMin: 1,
        slotsMax: 3,
        listLength: 4,
        popularityCorrelation: 0.5,
        acceptRate: 0.9,
        months: [6, 12],
        fundedShare: 0.3,
        capShare: 0,
        monthsCapShare: 0,
        rules: { ...defaultRules, balanceScope: 'university' },
      });
      const started = await call(a!, 'POST', '/api/v1/allocation-jobs', {
        session: admin,
        body: { instance },
      });
      expect(started.status).toBe(202);
      expect(started.json).toMatchObject({ kind: 'allocation-run', state: 'running' });
      let job = started.json;
      while (job.state === 'running') {
        await pause(200);
        const read = await call(b!, 'GET', `/api/v1/allocation-jobs/${job.id}`, {
          session: admin,
        });
        expect(read.status).toBe(200);
        job = read.json;
      }
      expect(job).toMatchObject({ state: 'done', progress: { done: 3, total: 3 }, error: null });
      const run = await call(b!, 'GET', `/api/v1/allocation-runs/${job.resultId}`, {
        session: admin,
      });
      expect(run.status).toBe(200);
      expect(run.json.instance.students).toBe(300);
      // Nobody else reads the job, on either process.
      const other = await signIn(b!, `coordinator.nsu@${D}`);
      expect(
        (await call(a!, 'GET', `/api/v1/allocation-jobs/${job.id}`, { session: other })).status,
      ).toBe(404);
    }, 120_000);

    it('a notification made through A is listed on B', async () => {
      const student = await signIn(a!, `student.tohoku@${D}`);
      const applied = await call(a!, 'POST', '/api/v1/calls/tohoku-jr-2027/applications', {
        session: student,
        body: { ranking: ['nsu.ru', 'msu.ru'], requestedMonths: 10 },
      });
      expect(applied.status).toBe(201);
      const coordinator = await signIn(b!, `coordinator.tohoku@${D}`);
      const listed = await call(b!, 'GET', '/api/v1/me/notifications', { session: coordinator });
      expect(listed.json.items.map((n: { type: string }) => n.type)).toContain(
        'application.submitted_home',
      );
      const own = await call(b!, 'GET', '/api/v1/me/notifications', { session: student });
      expect(own.json.items[0]).toMatchObject({ type: 'application.submitted' });
    });

    it('a scheduled job (report reminders, every minute here) runs once per minute, not once per process', async () => {
      const runs = async () =>
        (
          await database!.executeSql!(
            `SELECT date_trunc('minute', created_at) AS minute, count(*)::int AS n,
                    bool_and(state = 'done') AS done
               FROM jobs WHERE kind = 'report-reminders' GROUP BY 1 ORDER BY 1`,
            [],
          )
        ).rows as { minute: Date; n: number; done: boolean }[];
      // Two minutes' slots, both processes checking the schedule all along.
      const alive = () => [a!, b!].every((s) => s.child.exitCode === null && !s.child.signalCode);
      while (alive() && (await runs()).length < 2) await pause(2000);
      expect(alive(), 'both processes run all along').toBe(true);
      await pause(5000);
      const slots = await runs();
      expect(slots.length).toBeGreaterThanOrEqual(2);
      expect(slots.map((s) => s.n)).toEqual(slots.map(() => 1));
      expect(slots[0]!.done).toBe(true);
    }, 240_000);
  },
);
