import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRules, generateInstance } from '#src/domain/allocation/generate.ts';
import { LIMITS } from '#src/services/limits.ts';
import { ENGINES } from '#test/support/db.ts';
import { bombWorkbook } from '#test/support/zip.ts';
import { createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import { aUser, anAdmin, anInstitution, signedInAs } from '#test/factories/index.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UNPACKED = 128 * 1024 * 1024; // four times the workbook limit
let bomb: Buffer | undefined;
let lyingBomb: Buffer | undefined;

describe.each(ENGINES)('resource limits on %s', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
    const institution = await anInstitution(t.database.db);
    coordinator = await signedInAs(
      t.app,
      await aUser(t.database.db, { roles: [{ role: 'coordinator', scopeId: institution }] }),
    );
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: string | Buffer, contentType: string) =>
    t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: {
        cookie: coordinator.cookie,
        'x-csrf-token': coordinator.csrfToken,
        'content-type': contentType,
      },
    });

  it('refuses a zip bomb before parsing it: 413 naming the limit, as a code with params', async () => {
    // Well under a megabyte sent, 128 MB unpacked: one sheet of the same row repeated.
    bomb ??= bombWorkbook(UNPACKED);
    expect(bomb.length).toBeLessThan(LIMITS.importBodyBytes);
    const res = await post('/api/v1/import/institutions?dryRun=true', bomb, XLSX);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'payload_too_large',
      details: {
        refusals: [{ code: 'limits.archive_too_large', params: { limitBytes: 32 * 1024 * 1024 } }],
      },
    });
  });

  it('refuses a zip bomb that declares small sizes, once it has inflated past the limit', async () => {
    const res = await post(
      '/api/v1/import/institutions',
      (lyingBomb ??= bombWorkbook(UNPACKED, { lie: true })),
      XLSX,
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().error.details.refusals[0].code).toMatch(
      /^limits\.archive_(too_large|ratio)$/,
    );
  });

  it('each route accepts the body it needs: JSON forms small, imports up to their maximum', async () => {
    const big = JSON.stringify({ email: 'a'.repeat(LIMITS.jsonBodyBytes), password: 'x' });
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(signIn.statusCode).toBe(413);
    expect(signIn.json().error).toMatchObject({
      code: 'payload_too_large',
      details: {
        refusals: [{ code: 'limits.body_too_large', params: { limitBytes: LIMITS.jsonBodyBytes } }],
      },
    });
    const csv = Buffer.alloc(LIMITS.importBodyBytes + 1, 'a');
    const imported = await post('/api/v1/import/institutions', csv, 'text/csv');
    expect(imported.statusCode).toBe(413);
    expect(imported.json().error.details.refusals[0].params).toEqual({
      limitBytes: LIMITS.importBodyBytes,
    });
    const instance = JSON.stringify({ instance: { pad: 'x'.repeat(LIMITS.allocationBodyBytes) } });
    const run = await post('/api/v1/allocation-runs', instance, 'application/json');
    expect(run.statusCode).toBe(413);
    expect(run.json().error.details.refusals[0].params).toEqual({
      limitBytes: LIMITS.allocationBodyBytes,
    });
  });
});

describe.each(ENGINES)('heavy tasks per person on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false, tasks: { perUser: 1 } });
    admin = await signedInAs(t.app, await anAdmin(t.database.db));
  });
  afterAll(() => t?.close());

  const instance = generateInstance({
    seed: 7,
    sides: [
      { name: 'JP', universities: 12, consortia: 2 },
      { name: 'RU', universities: 12, consortia: 2 },
    ],
    students: 2000,
    firstSideShare: 0.5,
    partnersPerUniversity: 6,
    bipartite: true,
    slotsMin: 1,
    slotsMax: 3,
    listLength: 5,
    popularityCorrelation: 0.5,
    acceptRate: 0.9,
    months: [6, 12],
    fundedShare: 0.3,
    capShare: 0,
    monthsCapShare: 0,
    rules: { ...defaultRules, balanceScope: 'university' },
  });
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });
  const finished = async (id: string) => {
    for (;;) {
      const job = (await call('GET', `/api/v1/allocation-jobs/${id}`)).json();
      if (job.state !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('one more task than the limit is a 429 naming it; the first runs to its end', async () => {
    const [a, b] = await Promise.all([
      call('POST', '/api/v1/allocation-jobs', { instance }),
      call('POST', '/api/v1/allocation-jobs', { instance }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([202, 429]);
    const [accepted, refused] = a.statusCode === 202 ? [a, b] : [b, a];
    expect(refused.json().error).toMatchObject({
      code: 'rate_limited',
      details: { refusals: [{ code: 'limits.too_many_tasks', params: { limit: 1 } }] },
    });
    expect(accepted.json()).toMatchObject({ state: 'running', resultId: null });
    const job = await finished(accepted.json().id);
    expect(job).toMatchObject({ state: 'done', progress: { done: 3, total: 3 } });
    const run = (await call('GET', `/api/v1/allocation-runs/${job.resultId}`)).json();
    expect(run.instance.students).toBe(2000);
    expect(run.results['2s-ttc'].explanations).toHaveLength(2000);
    // The task is over: the next one is accepted.
    const next = await call('POST', '/api/v1/allocation-jobs', { instance });
    expect(next.statusCode).toBe(202);
    await finished(next.json().id);
  });

  it('a job on an instance whose references do not hold fails with the 400 naming the field', async () => {
    const bad = structuredClone(instance);
    bad.students[3]!.prefs = ['nowhere.example'];
    const started = await call('POST', '/api/v1/allocation-jobs', { instance: bad });
    expect(started.statusCode).toBe(202);
    const job = await finished(started.json().id);
    expect(job.state).toBe('failed');
    expect(job.error.code).toBe('validation_failed');
    expect(job.error.details.issues[0].field).toMatch(/^body\.instance\.students\[3\]/);
    // Nobody else sees the job.
    const institution = await anInstitution(t.database.db);
    const coordinator = await signedInAs(
      t.app,
      await aUser(t.database.db, { roles: [{ role: 'coordinator', scopeId: institution }] }),
    );
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/allocation-jobs/${started.json().id}`,
      headers: { cookie: coordinator.cookie },
    });
    expect(other.statusCode).toBe(404);
  });
});
