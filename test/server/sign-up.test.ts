/**
 * Students join by their university, end to end: the coordinator lists the e-mail domains of its
 * students; a sign-up with such an address gets an e-mail over a real SMTP server (the
 * `smtp-server` package on a random local port) in the language chosen, with a link that makes
 * the student account once, within 24 hours (the app's injectable clock moves time). Unlisted
 * domains, existing accounts, forged, used and expired links, and the rate limit are checked.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '#src/db/migrate.ts';
import type { Clock } from '#src/services/clock.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, sessionCookie, signInAs, type TestApp } from '#test/support/app.ts';
import {
  startMailCatcher,
  headerOf,
  textOf,
  type MailCatcher,
  type ReceivedMail,
} from '#test/support/mail.ts';

const PUBLIC_URL = 'https://kakehashi.test';
const START = new Date('2026-12-01T09:00:00Z');
const D = 'demo.kakehashi.example';
const PASSWORD = 'a long passphrase 1';
/** Sign-ups (and sign-ins) per minute from one address in this file's app. */
const PER_MINUTE = 12;

describe.each(ENGINES)('students signing up by their university on %s', (engine) => {
  let mail: MailCatcher;
  let t: TestApp;
  let inbox: ReceivedMail[] = [];
  let now = START;
  const clock: Clock = { now: () => new Date(now) };

  beforeAll(async () => {
    mail = await startMailCatcher();
    inbox = mail.inbox;
    t = await createTestApp(engine, {
      mailer: mail.mailer,
      clock,
      publicUrl: PUBLIC_URL,
      signInPerMinute: PER_MINUTE,
    });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  const signedIn = new Map<string, Record<string, string>>();
  const as = async (who: string) => {
    if (!signedIn.has(who)) {
      const s = await signInAs(t.app, `${who}@${D}`);
      signedIn.set(who, { cookie: s.cookie, 'x-csrf-token': s.csrfToken });
    }
    return signedIn.get(who)!;
  };
  const domains = (id: string) => `/api/v1/institutions/${id}/student-domains`;
  const addDomain = async (who: string | null, id: string, domain: string) =>
    t.app.inject({
      method: 'POST',
      url: domains(id),
      headers: who ? await as(who) : {},
      payload: { domain },
    });
  const signUp = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/sign-up', payload });
  const verify = (token: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/sign-up/verify', payload: { token } });
  const refusalOf = (res: { json(): { error: { details: { refusals?: { code: string }[] } } } }) =>
    res.json().error.details.refusals?.[0]?.code;
  const count = async (query: ReturnType<typeof sql>) =>
    rowsOf<{ n: number }>(await t.database.db.execute(query))[0]!.n;
  const accountOf = async (email: string) =>
    rowsOf<{ id: string }>(
      await t.database.db.execute(sql`SELECT id FROM users WHERE lower(email) = ${email}`),
    );
  /** Signs `email` up and returns the token from the e-mail that arrived. */
  async function tokenFor(email: string, language = 'en', displayName = 'Sakura Yamada') {
    const before = inbox.length;
    const res = await signUp({ email, displayName, language, password: PASSWORD });
    expect(res.statusCode, res.body).toBe(202);
    expect(inbox.length).toBe(before + 1);
    const mail = inbox.at(-1)!;
    expect(mail.to).toEqual([email]);
    const text = textOf(mail.raw);
    const link = /https:\/\/kakehashi\.test\/sign-up\/verify\/([A-Za-z0-9_-]+)/.exec(text);
    expect(link).not.toBeNull();
    return { token: link![1]!, mail, text };
  }

  it('the coordinator of a university lists its student domains; others may not', async () => {
    expect((await addDomain(null, 'tohoku.ac.jp', 's.tohoku.ac.jp')).statusCode).toBe(401);
    expect((await addDomain('coordinator.nsu', 'tohoku.ac.jp', 's.tohoku.ac.jp')).statusCode).toBe(
      403,
    );
    expect((await addDomain('student.tohoku', 'tohoku.ac.jp', 's.tohoku.ac.jp')).statusCode).toBe(
      403,
    );
    const bad = await addDomain('coordinator.tohoku', 'tohoku.ac.jp', 'not a domain');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('body.domain');

    const added = await addDomain('coordinator.tohoku', 'tohoku.ac.jp', '@S.Tohoku.ac.jp');
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      items: [{ domain: 's.tohoku.ac.jp' }],
      mayEdit: true,
    });
    const again = await addDomain('coordinator.tohoku', 'tohoku.ac.jp', 's.tohoku.ac.jp');
    expect(again.statusCode).toBe(409);
    expect(refusalOf(again)).toBe('signup.domain_listed');
    const taken = await addDomain('coordinator.nsu', 'nsu.ru', 's.tohoku.ac.jp');
    expect(taken.statusCode).toBe(409);
    expect(refusalOf(taken)).toBe('signup.domain_taken');
    expect(taken.json().error.details.refusals[0].params.institution.en).toMatch(/Tohoku/);

    const read = await t.app.inject({ method: 'GET', url: domains('tohoku.ac.jp') });
    expect(read.json()).toMatchObject({ items: [{ domain: 's.tohoku.ac.jp' }], mayEdit: false });
    const audited = await count(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'institution.student-domain-add' AND resource_id = 'tohoku.ac.jp'`,
    );
    expect(audited).toBe(1);

    // Added and removed again: the removal is audited too.
    expect(
      (await addDomain('coordinator.tohoku', 'tohoku.ac.jp', 'old.tohoku.ac.jp')).statusCode,
    ).toBe(201);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `${domains('tohoku.ac.jp')}/old.tohoku.ac.jp`,
      headers: await as('coordinator.tohoku'),
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().items.map((i: { domain: string }) => i.domain)).toEqual([
      's.tohoku.ac.jp',
    ]);
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `${domains('tohoku.ac.jp')}/s.tohoku.ac.jp`,
      headers: await as('coordinator.nsu'),
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('refuses an address whose domain no university lists, and stores nothing', async () => {
    const res = await signUp({
      email: 'someone@gmail.example',
      displayName: 'Someone',
      language: 'en',
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0]).toMatchObject({
      field: 'body.email',
      code: 'signup.domain_not_listed',
    });
    expect(await count(sql`SELECT count(*)::int AS n FROM pending_sign_ups`)).toBe(0);
    const short = await signUp({
      email: 'sakura@s.tohoku.ac.jp',
      displayName: 'Sakura',
      language: 'en',
      password: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.issues[0].field).toBe('body.password');
  });

  it('sends the link in the language chosen; opening it makes the student account, once', async () => {
    const { token, mail, text } = await tokenFor('sakura@s.tohoku.ac.jp', 'ru');
    expect(headerOf(mail.raw, 'subject')).toBe(
      'Подтверждение студенческой учётной записи в Kakehashi',
    );
    expect(text).toContain('Университет Тохоку');
    // Nothing but the pending sign-up exists, with hashes only.
    expect(await accountOf('sakura@s.tohoku.ac.jp')).toEqual([]);
    const pending = rowsOf<{ token_hash: string; password_hash: string; expires_at: unknown }>(
      await t.database.db.execute(
        sql`SELECT token_hash, password_hash, expires_at FROM pending_sign_ups`,
      ),
    );
    expect(pending).toHaveLength(1);
    expect(JSON.stringify(pending)).not.toContain(token);
    expect(JSON.stringify(pending)).not.toContain(PASSWORD);
    expect(pending[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(new Date(String(pending[0]!.expires_at)).toISOString()).toBe('2026-12-02T09:00:00.000Z');

    const forged = await verify('a'.repeat(43));
    expect(forged.statusCode).toBe(404);
    expect(refusalOf(forged)).toBe('signup.unknown');

    const done = await verify(token);
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().home.en).toMatch(/Tohoku/);
    const cookie = sessionCookie(done);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.json().actor).toMatchObject({
      email: 'sakura@s.tohoku.ac.jp',
      displayName: 'Sakura Yamada',
      language: 'ru',
      roles: [{ role: 'student', scopeType: 'self' }],
    });
    const profile = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/student-profile',
      headers: { cookie },
    });
    expect(profile.json()).toMatchObject({ homeId: 'tohoku.ac.jp', grade: null });
    const created = await count(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.create' AND details->>'via' = 'sign-up'`,
    );
    expect(created).toBe(1);
    // The password chosen at sign-up is the account's.
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'sakura@s.tohoku.ac.jp', password: PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);

    const reused = await verify(token);
    expect(reused.statusCode).toBe(409);
    expect(refusalOf(reused)).toBe('signup.used');
    expect(await accountOf('sakura@s.tohoku.ac.jp')).toHaveLength(1);
  });

  it('answers an address that has an account as any other, and sends nothing', async () => {
    expect((await addDomain('coordinator.tohoku', 'tohoku.ac.jp', D)).statusCode).toBe(201);
    const before = inbox.length;
    const pendingBefore = await count(sql`SELECT count(*)::int AS n FROM pending_sign_ups`);
    const existing = await signUp({
      email: `Student.Tohoku@${D}`,
      displayName: 'Anyone',
      language: 'en',
      password: PASSWORD,
    });
    const fresh = await signUp({
      email: `someone.new@${D}`,
      displayName: 'Someone New',
      language: 'en',
      password: PASSWORD,
    });
    expect(existing.statusCode).toBe(202);
    expect(existing.json()).toEqual(fresh.json());
    expect(inbox.length).toBe(before + 1);
    expect(inbox.at(-1)!.to).toEqual([`someone.new@${D}`]);
    expect(await count(sql`SELECT count(*)::int AS n FROM pending_sign_ups`)).toBe(
      pendingBefore + 1,
    );
  });

  it('refuses a link past its 24 hours, and one whose address got an account meanwhile', async () => {
    const { token } = await tokenFor('late@s.tohoku.ac.jp', 'ja');
    now = new Date(START.getTime() + 24 * 3_600_000);
    const expired = await verify(token);
    expect(expired.statusCode).toBe(409);
    expect(refusalOf(expired)).toBe('signup.expired');
    expect(await accountOf('late@s.tohoku.ac.jp')).toEqual([]);

    // Two sign-ups of one address: the first link opened makes the account, the second is refused.
    const first = await tokenFor('twice@s.tohoku.ac.jp');
    const second = await tokenFor('twice@s.tohoku.ac.jp');
    expect((await verify(first.token)).statusCode).toBe(201);
    const refused = await verify(second.token);
    expect(refused.statusCode).toBe(409);
    expect(refusalOf(refused)).toBe('signup.account_exists');
    expect(await accountOf('twice@s.tohoku.ac.jp')).toHaveLength(1);
  });

  it('limits sign-ups from one address per minute, like sign-ins', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= PER_MINUTE; i++) {
      const res = await signUp({
        email: `x${i}@gmail.example`,
        displayName: 'X',
        language: 'en',
        password: PASSWORD,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toContain(429);
  });
});
