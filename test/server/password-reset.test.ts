/**
 * "Forgot my password" end to end: the request answers the same whether or not the address has an
 * account, the link arrives by e-mail over real SMTP (the `smtp-server` package on a local port)
 * in the person's language, and using it sets the password once, ends every session and is
 * audited. An expired, used or forged link is refused with a code and changes nothing; the expiry
 * is judged on the app's clock, moved by the test.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, passwordResets, users } from '#src/db/schema.ts';
import { verifyPassword } from '#src/services/auth/passwords.ts';
import type { Clock } from '#src/services/clock.ts';
import { ENGINES } from '#test/support/db.ts';
import { DEMO_PASSWORD, createTestApp, signInAs, type TestApp } from '#test/support/app.ts';
import {
  startMailCatcher,
  textOf,
  type MailCatcher,
  type ReceivedMail,
} from '#test/support/mail.ts';

const PUBLIC_URL = 'https://kakehashi.example.ac.jp';
const STUDENT = 'student.tohoku@demo.kakehashi.example';
const NEW_PASSWORD = 'a bridge between two universities';

const linkIn = (raw: string): string => {
  const m = /https:\/\/kakehashi\.example\.ac\.jp\/password\/reset\/([A-Za-z0-9_-]+)/.exec(
    textOf(raw),
  );
  if (!m) throw new Error('no link in the mail');
  return m[1]!;
};

describe.each(ENGINES)('password reset by e-mail on %s', (engine) => {
  let mail: MailCatcher;
  let t: TestApp;
  let now = new Date('2026-12-07T09:00:00Z');
  const clock: Clock = { now: () => new Date(now) };
  let inbox: ReceivedMail[] = [];
  /** Waits until the inbox holds `n` messages (the mail leaves after the answer). */
  const mailCount = (n: number) => mail.waitForCount(n);
  /** Gives a mail that would be sent the time to arrive (to show that none is). */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  const request = (email: string, ip = '203.0.113.5') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email },
      remoteAddress: ip,
    });
  const complete = (token: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/auth/password-reset/${token}`,
      payload: { password },
    });
  const hashOf = async (email: string) =>
    (await t.database.db.select().from(users).where(eq(users.email, email)))[0]!.passwordHash;

  beforeAll(async () => {
    mail = await startMailCatcher();
    inbox = mail.inbox;
    t = await createTestApp(engine, { mailer: mail.mailer, clock, publicUrl: PUBLIC_URL });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  it('answers the same for an address with an account and one without, and mails only the account', async () => {
    const known = await request(STUDENT.toUpperCase());
    const unknown = await request('nobody@nowhere.example');
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(known.json()).toEqual({ accepted: true });
    await mailCount(1);
    await settle();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.to).toEqual([STUDENT]);
    // The student reads Japanese: the mail is in Japanese, with a link to the public address.
    const text = textOf(inbox[0]!.raw);
    expect(text).toContain('パスワードの再設定が依頼されました');
    expect(linkIn(inbox[0]!.raw)).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('sets the password once from the link: the old sessions end, the new password signs in, it is audited', async () => {
    const token = linkIn(inbox[0]!.raw);
    const session = await signInAs(t.app, STUDENT);
    const check = await t.app.inject({
      method: 'GET',
      url: `/api/v1/auth/password-reset/${token}`,
    });
    expect(check.statusCode).toBe(200);
    expect(check.json().email).toBe(STUDENT);

    // A common password is refused with its code, and the link stays usable.
    const common = await complete(token, 'password1234');
    expect(common.statusCode).toBe(400);
    expect(common.json().error.details.issues[0]).toMatchObject({
      field: 'body.password',
      code: 'accounts.password_common',
    });
    const short = await complete(token, 'short');
    expect(short.json().error.details.issues[0]).toMatchObject({
      code: 'accounts.password_too_short',
      params: { minimum: 12 },
    });
    expect(await verifyPassword(await hashOf(STUDENT), DEMO_PASSWORD)).toBe(true);

    const done = await complete(token, NEW_PASSWORD);
    expect(done.statusCode).toBe(200);
    expect(done.json().sessionsEnded).toBeGreaterThanOrEqual(1);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: session.cookie },
    });
    expect(me.statusCode).toBe(401);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: STUDENT, password: DEMO_PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    const fresh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: STUDENT, password: NEW_PASSWORD },
    });
    expect(fresh.statusCode).toBe(200);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.password-reset'));
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited[0]!.details)).not.toContain('argon2');

    // Used once: the same link again is refused, and nothing changes.
    const hash = await hashOf(STUDENT);
    const again = await complete(token, 'yet another long passphrase');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.refusals[0].code).toBe('accounts.reset_link_used');
    expect(await hashOf(STUDENT)).toBe(hash);
  });

  it('refuses a forged link and an expired one, changing nothing', async () => {
    const forged = await complete('x'.repeat(43), NEW_PASSWORD);
    expect(forged.statusCode).toBe(404);
    expect(forged.json().error.details.refusals[0].code).toBe('accounts.reset_link_invalid');

    const email = 'coordinator.nsu@demo.kakehashi.example';
    const before = inbox.length;
    expect((await request(email)).statusCode).toBe(202);
    await mailCount(before + 1);
    const mail = inbox.at(-1)!;
    expect(mail.to).toEqual([email]);
    expect(textOf(mail.raw)).toContain('в течение часа');
    const token = linkIn(mail.raw);
    const hash = await hashOf(email);

    now = new Date(now.getTime() + 61 * 60_000);
    const check = await t.app.inject({
      method: 'GET',
      url: `/api/v1/auth/password-reset/${token}`,
    });
    expect(check.statusCode).toBe(409);
    expect(check.json().error.details.refusals[0].code).toBe('accounts.reset_link_expired');
    const late = await complete(token, NEW_PASSWORD);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.refusals[0].code).toBe('accounts.reset_link_expired');
    expect(await hashOf(email)).toBe(hash);
  });

  it('sends at most three links an hour to one address, still answering the same', async () => {
    const email = 'reviewer@demo.kakehashi.example';
    const [user] = await t.database.db.select().from(users).where(eq(users.email, email));
    for (let i = 0; i < 5; i++) {
      const res = await request(email, `198.51.100.${i + 1}`);
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ accepted: true });
    }
    const links = await t.database.db
      .select()
      .from(passwordResets)
      .where(and(eq(passwordResets.userId, user!.id)));
    expect(links).toHaveLength(3);
  });

  it('limits the requests of one client address, whatever addresses they name', async () => {
    const limited = await createTestApp(engine, { seed: false, passwordResetPerHour: 2 });
    try {
      const statuses: number[] = [];
      for (const email of ['a@x.example', 'b@x.example', 'c@x.example']) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset',
          payload: { email },
          remoteAddress: '192.0.2.7',
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([202, 202, 429]);
    } finally {
      await limited.close();
    }
  });
});
