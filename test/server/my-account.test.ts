/**
 * The signed-in person's own account: the password change (the current password asked for, the
 * other sessions ended), the list of their sessions with sign-out per session, their names in
 * each script, and the export of all their personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import {
  DEMO_PASSWORD,
  createTestApp,
  sessionCookie,
  signInAs,
  type Session,
  type TestApp,
} from '#test/support/app.ts';

const STUDENT = 'student.tohoku@demo.kakehashi.example';
const COORDINATOR = 'coordinator.tohoku@demo.kakehashi.example';

describe.each(ENGINES)('my account on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const as = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
  const signInWith = async (email: string, password: string, userAgent: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password },
      headers: { 'user-agent': userAgent },
    });
    expect(res.statusCode).toBe(200);
    return { cookie: sessionCookie(res), csrfToken: res.json().csrfToken as string };
  };
  const me = (s: Session) =>
    t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });

  it('lists one’s own sessions with their browser, and ends one of them', async () => {
    const laptop = await signInWith(COORDINATOR, DEMO_PASSWORD, 'Firefox on the office laptop');
    const phone = await signInWith(COORDINATOR, DEMO_PASSWORD, 'Safari on a phone');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/sessions',
      headers: as(laptop),
    });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; userAgent: string; current: boolean }[];
    expect(items.map((s) => s.userAgent).sort()).toEqual([
      'Firefox on the office laptop',
      'Safari on a phone',
    ]);
    expect(items.find((s) => s.current)?.userAgent).toBe('Firefox on the office laptop');
    // The id shown is not the session's key.
    expect(list.body).not.toContain(phone.cookie.split('=')[1]!);

    const other = items.find((s) => !s.current)!;
    const ended = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${other.id}`,
      headers: as(laptop),
    });
    expect(ended.statusCode).toBe(200);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(laptop)).statusCode).toBe(200);

    // Someone else's session reads as no session at all.
    const student = await signInAs(t.app, STUDENT);
    const theirs = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${items.find((s) => s.current)!.id}`,
      headers: as(student),
    });
    expect(theirs.statusCode).toBe(404);
    expect((await me(laptop)).statusCode).toBe(200);
  });

  it('changes the password only with the current one, by the rules, ending the other sessions', async () => {
    const here = await signInWith(STUDENT, DEMO_PASSWORD, 'here');
    const elsewhere = await signInWith(STUDENT, DEMO_PASSWORD, 'elsewhere');
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/me/password',
        headers: as(here),
        payload: { currentPassword, newPassword },
      });
    const wrong = await change('not the password', 'a long and fresh passphrase');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0]).toMatchObject({
      field: 'body.currentPassword',
      code: 'accounts.current_password_wrong',
    });
    const common = await change(DEMO_PASSWORD, 'qwerty123456');
    expect(common.json().error.details.issues[0]).toMatchObject({
      field: 'body.newPassword',
      code: 'accounts.password_common',
    });
    expect((await me(elsewhere)).statusCode).toBe(200);

    const done = await change(DEMO_PASSWORD, 'a long and fresh passphrase');
    expect(done.statusCode).toBe(200);
    expect(done.json().sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    await signInWith(STUDENT, 'a long and fresh passphrase', 'again');
  });

  it('keeps the name in each script the person writes it in', async () => {
    const s = await signInAs(t.app, COORDINATOR);
    const names = { latin: 'Hanako Sato', kanji: '佐藤 花子', kana: 'さとう はなこ' };
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/names',
      headers: as(s),
      payload: { displayName: '佐藤 花子', names },
    });
    expect(put.statusCode).toBe(200);
    const got = await t.app.inject({ method: 'GET', url: '/api/v1/me/names', headers: as(s) });
    expect(got.json()).toEqual({ displayName: '佐藤 花子', names });
    const empty = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/names',
      headers: as(s),
      payload: { displayName: '  ', names: {} },
    });
    expect(empty.statusCode).toBe(400);
  });

  it('exports all of one’s personal data as one JSON file, secrets left out', async () => {
    const s = await signInAs(t.app, COORDINATOR);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/data', headers: as(s) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="kakehashi-my-data\.json"/,
    );
    const data = res.json();
    expect(data.format).toBe('kakehashi.personal-data/1');
    expect(data.user.email).toBe(COORDINATOR);
    expect(data.roles).toContainEqual(
      expect.objectContaining({ role: 'coordinator', scopeId: 'tohoku.ac.jp' }),
    );
    expect(data.roles.every((r: { scopeName: unknown }) => r.scopeName !== null)).toBe(true);
    for (const key of ['applications', 'mobilities', 'notifications', 'sessions', 'audit']) {
      expect(Array.isArray(data[key])).toBe(true);
    }
    expect(data.audit.some((a: { action: string }) => a.action === 'auth.sign-in')).toBe(true);
    expect(res.body).not.toMatch(/argon2|passwordHash|csrf/i);
    expect(res.body).not.toContain(s.cookie.split('=')[1]!);

    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/me/data' });
    expect(anonymous.statusCode).toBe(401);
  });
});
