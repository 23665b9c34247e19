import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '#src/db/migrate.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, sessionCookie, type TestApp } from '#test/support/app.ts';
import {
  FACTORY_PASSWORD,
  aConsortium,
  aProgram,
  aUser,
  anAdmin,
  anInstitution,
  signedInAs,
} from '#test/factories/index.ts';

describe.each(ENGINES)('accounts and sessions on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false, signInPerMinute: 1000 });
    const tohoku = await anInstitution(t.database.db, {
      id: 'tohoku.ac.jp',
      name: 'Tohoku University',
    });
    await aUser(t.database.db, {
      email: 'coordinator.tohoku@factory.kakehashi.test',
      roles: [{ role: 'coordinator', scopeId: tohoku }],
    });
  });
  afterAll(() => t.close());

  it('signs in with argon2id and sets an httpOnly SameSite cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'Coordinator.Tohoku@factory.kakehashi.test', password: FACTORY_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'kakehashi_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json().actor.roles).toEqual([
      {
        role: 'coordinator',
        scopeType: 'institution',
        scopeId: 'tohoku.ac.jp',
        scopeName: 'Tohoku University',
      },
    ]);
    const [user] = rowsOf<{ password_hash: string }>(
      await t.database.db.execute(sql`SELECT password_hash FROM users LIMIT 1`),
    );
    expect(user?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers a wrong password and an unknown account alike, with 401', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: (await anAdmin(t.database.db)).email, password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'nobody@factory.kakehashi.test', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('returns the actor with scoped roles from /me, 401 without a session', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');
    const programs = [await aProgram(t.database.db), await aProgram(t.database.db)];
    const funder = await aUser(t.database.db, {
      invented: true,
      roles: programs.map((p) => ({ role: 'funder_officer' as const, scopeId: p })),
    });
    const s = await signedInAs(t.app, funder);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: s.cookie },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().actor).toMatchObject({
      email: funder.email,
      invented: true,
    });
    expect(
      me
        .json()
        .actor.roles.map((r: { scopeId: string }) => r.scopeId)
        .sort(),
    ).toEqual(programs.map((p) => p.id).sort());
    // What the lists offer comes from the server's policy: a funder officer represents no party.
    expect(me.json().may).toEqual({ createInstitution: false, proposeAgreement: false });
    const coordinator = await signedInAs(t.app, {
      email: 'coordinator.tohoku@factory.kakehashi.test',
    });
    const theirs = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: coordinator.cookie },
    });
    expect(theirs.json().may).toEqual({ createInstitution: true, proposeAgreement: true });
  });

  it('requires the CSRF token for cookie-authenticated writes, then signs out', async () => {
    const s = await signedInAs(t.app, await anAdmin(t.database.db));
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie: s.cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
    });
    expect(forged.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    });
    expect(ok.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: s.cookie },
    });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a sign-in that is not JSON (no login CSRF from a form post)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=${encodeURIComponent((await anAdmin(t.database.db)).email)}&password=${FACTORY_PASSWORD}`,
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('names the missing field of a sign-in body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'a@b.c' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].field).toBe('body.password');
  });

  it('audits every sign-in', async () => {
    const secretariat = await aUser(t.database.db, {
      roles: [
        {
          role: 'secretariat',
          scopeId: await aConsortium(t.database.db, { kind: 'association', side: null }),
        },
      ],
    });
    const s = await signedInAs(t.app, secretariat);
    expect(sessionCookie).toBeTypeOf('function');
    const rows = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.sign-in'`,
      ),
    );
    expect(rows[0]?.n).toBeGreaterThan(0);
    expect(s.csrfToken.length).toBeGreaterThan(20);
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { seed: false, signInPerMinute: 3 });
  });
  afterAll(() => t.close());

  it('answers 429 after the limit of attempts per minute', async () => {
    const { email } = await anAdmin(t.database.db);
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: 'guess' },
      });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await attempt()).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    expect((await attempt()).json().error.code).toBe('rate_limited');
  });
});
