/**
 * Invitations end to end: the e-mail arrives over a real SMTP server (the `smtp-server` package on
 * a random local port) in the invitee's language with a link that works once, before it expires
 * (the app's injectable clock moves time), and not after it is revoked; forged links are refused.
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

describe.each(ENGINES)('invitations on %s', (engine) => {
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
      signInPerMinute: 10_000,
    });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  const signedIn = new Map<string, Record<string, string>>();
  const as = async (who: string) => {
    if (!signedIn.has(who)) {
      const s = await signInAs(t.app, `${who}@demo.kakehashi.example`);
      signedIn.set(who, { cookie: s.cookie, 'x-csrf-token': s.csrfToken });
    }
    return signedIn.get(who)!;
  };

  /** Invites `email` as `who` and returns the token from the e-mail that arrived. */
  async function invite(
    who: string,
    body: { email: string; language: string; role: string; scopeType: string; scopeId: string },
  ) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: await as(who),
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().emailed).toBe(true);
    const mail = inbox.filter((m) => m.to.includes(body.email)).at(-1)!;
    const text = textOf(mail.raw);
    const link = /https:\/\/kakehashi\.test\/invitations\/([A-Za-z0-9_-]+)/.exec(text);
    expect(link).not.toBeNull();
    return { id: res.json().id as string, token: link![1]!, mail, text };
  }

  const read = (token: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/invitations/read', payload: { token } });
  const accept = (payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload, headers });
  const refusalOf = (res: { json(): { error: { details: { refusals?: { code: string }[] } } } }) =>
    res.json().error.details.refusals?.[0]?.code;
  const accountOf = async (email: string) =>
    rowsOf<{ id: string }>(
      await t.database.db.execute(sql`SELECT id FROM users WHERE lower(email) = ${email}`),
    );

  it('arrives in the invitee’s language with a link that makes the account, once', async () => {
    const { text, mail, token } = await invite('coordinator.tohoku', {
      email: 'new.colleague@example.org',
      language: 'ru',
      role: 'coordinator',
      scopeType: 'institution',
      scopeId: 'tohoku.ac.jp',
    });
    expect(headerOf(mail.raw, 'subject')).toBe('Приглашение в Kakehashi');
    expect(text).toContain('координатор');
    expect(text).toContain(`${PUBLIC_URL}/invitations/${token}`);
    // Only the hash is stored.
    const stored = rowsOf<{ token_hash: string }>(
      await t.database.db.execute(sql`SELECT token_hash FROM invitations`),
    );
    expect(JSON.stringify(stored)).not.toContain(token);

    const shown = await read(token);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      role: 'coordinator',
      scopeType: 'institution',
      accountExists: false,
      expiresAt: '2026-12-08T09:00:00.000Z',
    });
    expect(shown.json().scopeName.en).toMatch(/Tohoku/);
    expect(shown.json().invitedBy.en).toBe('Kenji Coordinator');

    const short = await accept({ token, displayName: 'Nina', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(await accountOf('new.colleague@example.org')).toEqual([]);
    // The password rules of every other way in hold here too: a common password is refused.
    const common = await accept({ token, displayName: 'Nina', password: 'password1234' });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.details.issues[0].field).toBe('body.password');
    expect(await accountOf('new.colleague@example.org')).toEqual([]);

    const done = await accept({
      token,
      displayName: 'Nina Novaya',
      password: 'a long passphrase 1',
    });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toEqual({ email: 'new.colleague@example.org', created: true });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: sessionCookie(done) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().actor.language).toBe('ru');
    expect(me.json().actor.roles).toEqual([
      expect.objectContaining({ role: 'coordinator', scopeId: 'tohoku.ac.jp' }),
    ]);

    const again = await accept({ token, displayName: 'Someone', password: 'another passphrase' });
    expect(again.statusCode).toBe(409);
    expect(refusalOf(again)).toBe('invitations.used');
    expect(refusalOf(await read(token))).toBe('invitations.used');
    const trail = rowsOf<{ action: string }>(
      await t.database.db.execute(
        sql`SELECT action FROM audit_log WHERE action LIKE 'invitation.%' OR action = 'user.create' ORDER BY id`,
      ),
    ).map((r) => r.action);
    expect(trail).toEqual(['invitation.create', 'user.create', 'invitation.accept']);
  });

  it('a link past its expiry is refused, and nothing is made', async () => {
    const { token } = await invite('rep.tohoku', {
      email: 'late@example.org',
      language: 'ja',
      role: 'rep_officer',
      scopeType: 'consortium',
      scopeId: 'tohoku-jr-japan',
    });
    now = new Date(START.getTime() + 7 * 86_400_000 + 1000);
    try {
      const shown = await read(token);
      expect(shown.statusCode).toBe(409);
      expect(refusalOf(shown)).toBe('invitations.expired');
      const res = await accept({ token, displayName: 'Late', password: 'a long passphrase 1' });
      expect(refusalOf(res)).toBe('invitations.expired');
      expect(await accountOf('late@example.org')).toEqual([]);
    } finally {
      now = START;
    }
  });

  it('a revoked link is refused; only who may grant it sees and revokes it', async () => {
    const { id, token } = await invite('coordinator.tohoku', {
      email: 'revoked@example.org',
      language: 'en',
      role: 'coordinator',
      scopeType: 'institution',
      scopeId: 'tohoku.ac.jp',
    });
    const listed = async (who: string) =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/invitations', headers: await as(who) }))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await listed('rep.tohoku')).toContain(id);
    expect(await listed('coordinator.nsu')).not.toContain(id);
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${id}/revoke`,
      headers: await as('coordinator.nsu'),
    });
    expect(foreign.statusCode).toBe(404);
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${id}/revoke`,
      headers: await as('coordinator.tohoku'),
    });
    expect(revoked.statusCode).toBe(200);
    expect(await listed('coordinator.tohoku')).not.toContain(id);
    expect(refusalOf(await read(token))).toBe('invitations.revoked');
    const res = await accept({ token, displayName: 'R', password: 'a long passphrase 1' });
    expect(refusalOf(res)).toBe('invitations.revoked');
    expect(await accountOf('revoked@example.org')).toEqual([]);
  });

  it('a forged or mangled link is unknown', async () => {
    const forged = await read('forged-token-that-was-never-sent');
    expect(forged.statusCode).toBe(404);
    expect(refusalOf(forged)).toBe('invitations.unknown');
    const res = await accept({
      token: 'forged-token-that-was-never-sent',
      displayName: 'F',
      password: 'a long passphrase 1',
    });
    expect(res.statusCode).toBe(404);
    expect(refusalOf(res)).toBe('invitations.unknown');
  });

  it('an address with an account accepts while signed in to it, and only to it', async () => {
    const { token } = await invite('admin', {
      email: 'reviewer@demo.kakehashi.example',
      language: 'fr',
      role: 'funder_officer',
      scopeType: 'program',
      scopeId: 'mext-pilot-2003',
    });
    const shown = await read(token);
    expect(shown.json().accountExists).toBe(true);
    const anonymous = await accept({ token, displayName: 'X', password: 'a long passphrase 1' });
    expect(refusalOf(anonymous)).toBe('invitations.sign_in_first');
    const other = await accept({ token }, await as('student.tohoku'));
    expect(refusalOf(other)).toBe('invitations.other_account');
    const own = await accept({ token }, await as('reviewer'));
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().created).toBe(false);
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: await as('reviewer'),
    });
    expect(session.json().actor.roles).toContainEqual(
      expect.objectContaining({ role: 'funder_officer', scopeId: 'mext-pilot-2003' }),
    );
  });

  it('a student invitation gives the new account its own scope', async () => {
    const { token, text } = await invite('coordinator.nsu', {
      email: 'student.new@example.org',
      language: 'ja',
      role: 'student',
      scopeType: 'self',
      scopeId: 'self',
    });
    expect(text).toContain('学生');
    const done = await accept({ token, displayName: 'Yui', password: 'a long passphrase 1' });
    expect(done.statusCode).toBe(201);
    const [user] = await accountOf('student.new@example.org');
    const roles = rowsOf<{ scope_id: string }>(
      await t.database.db.execute(
        sql`SELECT scope_id FROM role_assignments WHERE user_id = ${user!.id}`,
      ),
    );
    expect(roles).toEqual([{ scope_id: user!.id }]);
  });
});
