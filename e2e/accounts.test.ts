/**
 * A deployment's first day, in Chromium against the real server on a fresh database (no demo
 * world), with a real SMTP server carrying the e-mails: the registry is imported, the first
 * administrator is made by the CLI, signs in and invites a coordinator of one university; the
 * coordinator accepts by the e-mailed link and lists the university's student e-mail domain; a
 * student signs up with an address of that domain, confirms it by the e-mailed link and applies to
 * the open call.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { adminCommand } from '#src/cli/admin.ts';
import { aCall, type FactoryCall } from '#test/factories/index.ts';
import { RESULTS_DIR, openPage, startE2E, type E2E } from './support.ts';
import {
  startMailCatcher,
  textOf,
  type MailCatcher,
  type ReceivedMail,
} from '#test/support/mail.ts';

const ADMIN = 'it@kakehashi-first-day.example';
const ADMIN_PASSWORD = 'first administrator passphrase 7';
const COORDINATOR = 'international@kakehashi-first-day.example';
const COORDINATOR_PASSWORD = 'coordinator passphrase of day one';
const STUDENT_DOMAIN = 's.first-day.example';
const STUDENT = `hanako@${STUDENT_DOMAIN}`;
const STUDENT_PASSWORD = 'student passphrase of day one';

let e2e: E2E;
let mail: MailCatcher;
let call: FactoryCall;
/** "Our" university: a sending university of the call. */
let ours: string;
let inbox: ReceivedMail[] = [];
const consoleErrors: string[] = [];

/** Waits for the mail to `to`, and returns the path of its link under `prefix` on our server. */
async function linkMailedTo(to: string, prefix: string): Promise<string> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(() => (found = inbox.find((m) => m.to.includes(to))), { timeout: 30_000 })
    .toBeDefined();
  const text = textOf(found!.raw);
  const match = new RegExp(`${prefix}/[A-Za-z0-9_%.~-]+`).exec(text);
  expect(match, text).not.toBeNull();
  return `${e2e.base}${match![0]}`;
}

async function signIn(page: Page, email: string, password: string, name: string) {
  await page.goto(`${e2e.base}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(`${e2e.base}/`);
  await expect.poll(() => page.locator('.user-menu .user-name').textContent()).toBe(name);
}

beforeAll(async () => {
  mail = await startMailCatcher();
  inbox = mail.inbox;
  e2e = await startE2E({ seed: false, mailer: mail.mailer });
  // The registry a university would import: a program, a Japanese and a Russian consortium with
  // their universities, the signed agreement between them and an open call whose hosts ask for
  // English B2.
  call = await aCall(e2e.server.database.db, {
    id: 'first-day-2027',
    title: { en: 'First day exchange 2027' },
  });
  ours = call.sending.memberIds[0]!;
}, 180_000);

afterAll(async () => {
  await e2e?.close();
  await mail?.close();
});

it('the first administrator, a coordinator by invitation and a student by sign-up reach the open call', async () => {
  // 1. The first administrator, made by `kakehashi admin create` with the password on standard
  //    input (not a terminal), as a deployment script would.
  const stdin = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  Object.defineProperty(process, 'stdin', {
    configurable: true,
    value: Readable.from([Buffer.from(`${ADMIN_PASSWORD}\n`)]),
  });
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  let code: number;
  let printed: string;
  try {
    code = await adminCommand(
      ['create', '--email', ADMIN, '--name', 'Platform Admin'],
      // The command closes what it opens: hand it the running database with a close that keeps it.
      async () => ({ ...e2e.server.database, close: async () => {} }),
      e2e.base,
    );
  } finally {
    Object.defineProperty(process, 'stdin', stdin);
    printed = log.mock.calls.flat().join('\n');
    log.mockRestore();
  }
  expect(code).toBe(0);
  expect(printed).toContain(`Created the administrator ${ADMIN}`);

  // 2. The administrator signs in and invites a coordinator of our university.
  const admin = await openPage(e2e, consoleErrors);
  await signIn(admin, ADMIN, ADMIN_PASSWORD, 'Platform Admin');
  await admin.locator('header a[href="/people"]').click();
  await admin.getByRole('heading', { level: 1, name: 'People and roles' }).waitFor();
  await admin.getByRole('link', { name: 'Invitations' }).click();
  await admin.getByRole('heading', { level: 1, name: 'Invitations' }).waitFor();
  await admin.getByLabel('E-mail address').fill(COORDINATOR);
  await admin.getByLabel('Language of the e-mail').selectOption('en');
  const role = admin.getByLabel('Role');
  await role.locator('option').nth(1).waitFor({ state: 'attached' });
  // The coordinator role at our university, chosen by its visible label.
  const oursName = await e2e.server.database.db.query.institutions
    .findFirst({ where: (i, { eq }) => eq(i.id, ours) })
    .then((i) => i!.name);
  const choice = await role
    .locator('option')
    .evaluateAll(
      (options, want) =>
        options
          .map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' }))
          .find((o) => o.text.includes('Exchange coordinator') && o.text.includes(want))?.value,
      oursName,
    );
  expect(choice, `no coordinator role at ${oursName}`).toBeTruthy();
  await role.selectOption(choice!);
  await admin.getByRole('button', { name: 'Send the invitation' }).click();
  await expect
    .poll(() => admin.getByRole('status').textContent())
    .toBe(`The invitation was sent to ${COORDINATOR}.`);
  await expect
    .poll(() => admin.locator('[data-testid="invitations"]').textContent())
    .toContain(COORDINATOR);

  // 3. The invitation arrives over SMTP; the coordinator opens it and chooses a password.
  const invitationLink = await linkMailedTo(COORDINATOR, '/invitations');
  const coordinator = await openPage(e2e, consoleErrors);
  await coordinator.goto(invitationLink);
  await coordinator.getByRole('heading', { level: 1, name: 'Invitation to Kakehashi' }).waitFor();
  await expect
    .poll(() => coordinator.locator('[data-testid="invitation-offer"]').textContent())
    .toBe(`Platform Admin invites you as Exchange coordinator — ${oursName}.`);
  await coordinator.getByLabel('Your name').fill('Kei Coordinator');
  await coordinator.getByLabel(/Choose a password/).fill(COORDINATOR_PASSWORD);
  await coordinator.getByRole('button', { name: 'Accept the invitation' }).click();
  await coordinator.waitForURL(`${e2e.base}/`);
  await expect
    .poll(() => coordinator.locator('.user-menu .user-name').textContent())
    .toBe('Kei Coordinator');

  // 4. The coordinator lists the university's student e-mail domain on its page.
  await coordinator.goto(`${e2e.base}/institutions/${encodeURIComponent(ours)}`);
  const domains = coordinator.locator('[data-testid="student-domains"]');
  await domains.getByRole('heading', { name: 'Student e-mail domains' }).waitFor();
  await domains.getByText('No domain is listed: students cannot sign up by themselves.').waitFor();
  await domains.locator('input[name="domain"]').fill(STUDENT_DOMAIN);
  await domains.getByRole('button', { name: 'Add the domain' }).click();
  await domains.locator('code', { hasText: STUDENT_DOMAIN }).waitFor();
  await coordinator.screenshot({
    path: `${RESULTS_DIR}/accounts-student-domains.png`,
    fullPage: true,
  });

  // 5. A student signs up with an address of that domain; the confirmation arrives over SMTP.
  const student = await openPage(e2e, consoleErrors);
  await student.goto(`${e2e.base}/sign-up`);
  await student.getByRole('heading', { level: 1, name: 'Create a student account' }).waitFor();
  const form = student.locator('[data-testid="sign-up-form"]');
  await form.locator('input[name="email"]').fill(STUDENT);
  await form.locator('input[name="displayName"]').fill('Hanako Student');
  await form.locator('select[name="language"]').selectOption('en');
  await form.locator('input[name="password"]').fill(STUDENT_PASSWORD);
  await form.getByRole('button', { name: 'Create my account' }).click();
  await expect
    .poll(() => student.locator('[data-testid="sign-up-sent"]').textContent())
    .toContain(`If ${STUDENT} can sign up, an e-mail is on its way to it.`);

  const verifyLink = await linkMailedTo(STUDENT, '/sign-up/verify');
  await student.goto(verifyLink);
  await expect
    .poll(() => student.locator('[data-testid="sign-up-verified"]').textContent())
    .toContain(`Your student account of ${oursName} is ready, and you are signed in.`);
  await student.getByRole('link', { name: 'Go to my profile' }).click();
  await expect
    .poll(() => student.locator('.user-menu .user-name').textContent())
    .toBe('Hanako Student');

  // 6. On their profile (home university recorded by the sign-up), the student records the
  //    English the hosts ask for.
  await student.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
  await expect
    .poll(() => student.locator('[data-testid="profile-home"]').textContent())
    .toBe(oursName);
  const profile = student.locator('[data-testid="profile-form"]');
  await profile.locator('[data-testid="add-language"]').click();
  await profile.locator('select[name="languages[0].language"]').selectOption('en');
  await profile.locator('select[name="languages[0].level"]').selectOption('B2');
  await profile.getByRole('button', { name: 'Save my profile' }).click();
  await expect
    .poll(() => student.locator('[data-testid="profile-saved"]').textContent())
    .toBe('Your profile is saved.');

  // 7. The student opens the call and applies.
  await student.locator('header a[href="/calls"]').click();
  await student.waitForURL(/\/calls$/);
  await student.locator(`[data-testid="call-list"] a[href="/calls/${call.id}"]`).click();
  await student.getByRole('heading', { level: 1, name: 'First day exchange 2027' }).waitFor();
  await student.locator('[data-testid="apply-form"]').waitFor();
  await student.locator('select[name="host"]').selectOption(call.hostIds[0]!);
  await student.locator('[data-testid="add-host"]').click();
  await student.locator('input[name="requestedMonths"]').fill('6');
  await student.locator('[data-testid="apply-form"] button[type="submit"]').click();
  const applied = student.locator('[data-testid="applied"]');
  await applied.waitFor();
  expect(await applied.textContent()).toContain(
    'Your application is submitted. You may withdraw it until the deadline.',
  );
  await student.screenshot({ path: `${RESULTS_DIR}/accounts-applied.png`, fullPage: true });
  await student.locator('header a[href="/me/applications"]').click();
  await expect
    .poll(() => student.locator('[data-testid="application-status"]').first().textContent())
    .toBe('Submitted');

  expect(consoleErrors).toEqual([]);
}, 300_000);
