import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '#src/db/schema.ts';
import { FAILURES_PER_ACCOUNT } from '#src/services/auth/sessions.ts';
import { loggerOptions, safeMessage } from '#src/server/logging.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import { FACTORY_PASSWORD, aUser, anAdmin, signedInAs } from '#test/factories/index.ts';

describe.each(ENGINES)('input that used to break the server, on %s', (engine) => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await createTestApp(engine, {
      seed: false,
      signInPerMinute: 3,
      logger: { ...loggerOptions('info'), stream },
    });
  });
  afterAll(() => t?.close());

  it('a NUL character anywhere in the input is a 400 naming the field, not a 500', async () => {
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'admin\u0000@demo.kakehashi.example', password: 'x' },
    });
    expect(signIn.statusCode).toBe(400);
    expect(signIn.json().error.details.issues[0]).toMatchObject({
      field: 'body.email',
      code: 'invalid_string',
    });
    const path = await t.app.inject({ method: 'GET', url: '/api/v1/institutions/nsu%00.ru' });
    expect(path.statusCode).toBe(400);
    expect(path.json().error.details.issues[0].field).toBe('params.id');
    const query = await t.app.inject({ method: 'GET', url: '/api/v1/institutions?q=a%00b' });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.details.issues[0].field).toBe('query.q');
  });

  it('an impossible calendar date is a 400 naming the field', async () => {
    for (const at of ['2023-02-30', '9999-99-99']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/consortia/ajru?at=${at}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].field).toBe('query.at');
    }
  });

  it('CSV exports show formula-like cells as text (CSV injection)', async () => {
    const admin = await signedInAs(t.app, await anAdmin(t.database.db));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/institutions',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      payload: {
        id: 'formula.example.org',
        name: '=HYPERLINK("http://example.org","click")',
        type: 'university',
        country: 'JP',
        city: '@SUM(A1)',
      },
    });
    expect(created.statusCode).toBe(201);
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/export/institutions.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain(`filename*=UTF-8''institutions.csv`);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://example.org"",""click"")"`);
    expect(csv.body).toContain(`'@SUM(A1)`);
    expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('a forged X-Forwarded-For does not get round the sign-in rate limit', async () => {
    const { email } = await anAdmin(t.database.db);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
        payload: { email, password: `wrong-${i}` },
      });
      statuses.push(res.statusCode);
    }
    // Each forged address would be a bucket of its own if the header were believed: no 429 at all.
    expect(statuses[0]).toBe(401);
    expect(statuses.at(-1)).toBe(429);
  });

  it('the log of requests keeps no personal data: no e-mail, no search terms, no cookies', async () => {
    const s = await signedInAs(t.app, await aUser(t.database.db)).catch(() => null);
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/institutions?q=Sakura-Student-Secret',
      headers: s ? { cookie: s.cookie } : {},
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'someone.private@example.org', password: 'hunter2-secret' },
    });
    const log = lines.join('');
    expect(log).toContain('"path":"/api/v1/institutions"');
    expect(log).not.toContain('Sakura-Student-Secret');
    expect(log).not.toContain('someone.private@example.org');
    expect(log).not.toContain('hunter2-secret');
    expect(log).not.toContain('kakehashi_session=');
  });
});

describe('errors as logged', () => {
  it('drop the SQL parameters a failed query carries', () => {
    const message =
      'Failed query: select * from student_profiles where grade = $1\nparams: 3.8,留学,ru';
    expect(safeMessage(message)).toBe(
      'Failed query: select * from student_profiles where grade = $1',
    );
  });
});

describe.each(ENGINES)('sessions and sign-in, on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false, signInPerMinute: 100 });
  });
  afterAll(() => t?.close());

  it('signs out everywhere: every session of the user ends, and it is audited', async () => {
    const coordinator = await aUser(t.database.db);
    const a = await signedInAs(t.app, coordinator);
    const b = await signedInAs(t.app, coordinator);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/sign-out-everywhere',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().sessions).toBeGreaterThanOrEqual(2);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: b.cookie },
    });
    expect(me.statusCode).toBe(401);
    const rows = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.sign-out-everywhere'));
    expect(rows).toHaveLength(1);
  });

  it('failed sign-ins are audited and limited per account, from any address', async () => {
    const { email } = await aUser(t.database.db);
    const statuses: number[] = [];
    for (let i = 0; i < FAILURES_PER_ACCOUNT + 1; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: `wrong-${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, FAILURES_PER_ACCOUNT).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Even the right password waits until the window has passed.
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: FACTORY_PASSWORD },
    });
    expect(right.statusCode).toBe(429);
    const failed = await t.database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.sign-in-failed'));
    expect(failed.length).toBe(FAILURES_PER_ACCOUNT);
  });
});
