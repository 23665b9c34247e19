/**
 * A status change is e-mailed when SMTP is configured — here against a real SMTP server (the
 * `smtp-server` package) on a random local port, not a mock of the mailer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import {
  aCall,
  aStudentProfile,
  aStudentUser,
  aUser,
  signedInAs,
  type FactoryCall,
  type FactoryUser,
} from '#test/factories/index.ts';
import { startMailCatcher, type MailCatcher, type ReceivedMail } from '#test/support/mail.ts';

/** The Subject header, RFC 2047 encoded words decoded (enough for what nodemailer writes). */
function subjectOf(raw: string): string {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => /^subject:/i.test(l)) ?? '';
  return line
    .replace(/^subject:\s*/i, '')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_w, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

describe.each(ENGINES)('notifications by e-mail on %s', (engine) => {
  let mail: MailCatcher;
  let t: TestApp;
  let inbox: ReceivedMail[] = [];
  let call: FactoryCall;
  let student: FactoryUser;
  let coordinator: FactoryUser;
  let foreign: FactoryUser;

  beforeAll(async () => {
    mail = await startMailCatcher();
    inbox = mail.inbox;
    t = await createTestApp(engine, { mailer: mail.mailer, seed: false });
    const db = t.database.db;
    call = await aCall(db, {
      title: { ja: '日露新時代を拓く人材育成', en: 'Japan–Russia leaders' },
    });
    const home = call.sending.memberIds[0]!;
    coordinator = await aUser(db, { roles: [{ role: 'coordinator', scopeId: home }] });
    student = await aStudentUser(db, { language: 'ja' });
    await aStudentProfile(db, student, { home });
    // A foreign student on the residence status 留学 ("student"), whom R9 refuses.
    foreign = await aStudentUser(db);
    await aStudentProfile(db, foreign, {
      home,
      level: 'master',
      residenceStatus: 'student',
      nationality: 'CN',
      languages: [{ language: 'en', level: 'C1' }],
    });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  it('a submitted and a withdrawn application are e-mailed to the student and the home coordinator, in their language', async () => {
    const s = await signedInAs(t.app, student);
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrfToken };
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/calls/${call.id}/applications`,
      headers,
      payload: { ranking: call.hostIds.slice(0, 2), requestedMonths: 6 },
    });
    expect(res.statusCode).toBe(201);
    // The mail is sent after the transaction commits, before the response.
    const recipients = inbox.flatMap((m) => m.to);
    expect(recipients).toContain(student.email);
    expect(recipients).toContain(coordinator.email);
    const toStudent = inbox.find((m) => m.to.includes(student.email));
    // Each recipient reads the mail in their own language, with a plain-text and an HTML part.
    expect(subjectOf(toStudent?.raw ?? '')).toMatch(/^応募を受け付けました：日露新時代/);
    expect(toStudent?.raw).toMatch(/Content-Type: text\/plain/i);
    expect(toStudent?.raw).toMatch(/Content-Type: text\/html/i);

    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/v1/call-applications/${res.json().id}/withdraw`,
      headers,
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(inbox.some((m) => subjectOf(m.raw).startsWith('応募を取り下げました'))).toBe(true);
  });

  it('a refused application sends nothing (nothing stored, nothing mailed)', async () => {
    const before = inbox.length;
    const s = await signedInAs(t.app, foreign);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/calls/${call.id}/applications`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      payload: { ranking: call.hostIds.slice(0, 1), requestedMonths: 6 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rules).toEqual(['R9']);
    expect(inbox.length).toBe(before);
  });
});
