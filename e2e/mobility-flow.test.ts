import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { mobilities } from '#src/db/schema.ts';
import { DEMO_PASSWORD } from '#test/support/app.ts';
import { RESULTS_DIR, startE2E, type E2E } from './support.ts';

// A nominated student's learning agreement is signed by three parties, a change is proposed and
// approved, the host enters grades, home recognises, the student sees credits — all through the
// mobility pages, as the student (Tohoku), the home coordinator (Tohoku) and the host coordinator
// (NSU), each in their own browser context.

const STUDENT = 'student.tohoku@demo.kakehashi.example';
const HOME = 'coordinator.tohoku@demo.kakehashi.example';
const HOST = 'coordinator.nsu@demo.kakehashi.example';

let e2e: E2E;
let mobilityId: string;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  e2e = await startE2E();
  // Test setup, not UI: the demo world has no *nominated* mobility of student.tohoku (its NSU
  // mobility is already la_signed and its MSU one transcript_issued), and the only way the
  // product creates one is publishing an allocation run fed by a call's ranked applications —
  // a different flow (e2e/allocation.test.ts). So the nomination that run would produce is
  // written here: same student, agreement and pair as the seeded NSU mobility, state nominated.
  const db = e2e.server.database.db;
  const [seeded] = await db
    .select()
    .from(mobilities)
    .where(and(eq(mobilities.hostId, 'nsu.ru'), eq(mobilities.status, 'la_signed')));
  if (!seeded?.studentUserId) throw new Error('the demo world has no NSU mobility of the student');
  const [row] = await db
    .insert(mobilities)
    .values({
      agreementId: seeded.agreementId,
      homeId: 'tohoku.ac.jp',
      hostId: 'nsu.ru',
      studentName: seeded.studentName,
      studentUserId: seeded.studentUserId,
      level: 'bachelor',
      // Planned to start today: the walk records departure, arrival and completion on this day.
      startDate: new Date().toISOString().slice(0, 10),
      months: 5,
      status: 'nominated',
      invented: true,
    })
    .returning({ id: mobilities.id });
  mobilityId = row!.id;
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await e2e?.close();
});

async function signIn(email: string): Promise<Page> {
  const context = await e2e.browser.newContext({
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  contexts.push(context);
  const page = await context.newPage();
  // The one expected failed load: GET …/learning-agreement answers 404 while there is none yet
  // (the page shows "no learning agreement" and the draft editor). The browser logs it as a
  // console error without its address, so such 404 lines are checked by their response instead.
  page.on('console', (m) => {
    // The refusals the walk provokes (below) are checked by URL in the response listener.
    if (m.type() === 'error' && !/status of (404|409|422)/.test(m.text())) {
      consoleErrors.push(`${email}: ${m.text()}`);
    }
  });
  page.on('response', (r) => {
    const expected =
      (r.status() === 404 && r.url().endsWith('/learning-agreement')) ||
      // The warnings about the one-day stay (R12) and the repeated home course (R7).
      (r.status() === 422 && r.url().endsWith('/transitions')) ||
      (r.status() === 409 && r.url().endsWith('/recognition-decisions'));
    if (r.status() >= 400 && !expected) consoleErrors.push(`${email}: ${r.status()} ${r.url()}`);
  });
  await page.goto(`${e2e.base}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(`${e2e.base}/`);
  return page;
}

/** Opens the mobility through the header link and the list, as a user would. */
async function openMobility(page: Page): Promise<Locator> {
  await expect.poll(() => page.locator('header a[href="/mobilities"]').count()).toBe(1);
  await page.locator('header a[href="/mobilities"]').click();
  await page.locator('[data-testid="mobility-list"]').waitFor();
  await page.locator(`a[href="/mobilities/${mobilityId}"]`).first().click();
  const detail = page.locator('[data-testid="mobility-page"]');
  await detail.waitFor();
  return detail;
}

/** Reloads the mobility page (another party acted in another browser). */
async function reopen(page: Page): Promise<Locator> {
  await page.goto(`${e2e.base}/mobilities/${mobilityId}`);
  const detail = page.locator('[data-testid="mobility-page"]');
  await detail.waitFor();
  return detail;
}

/** A workflow step through the Actions buttons and the confirmation form. */
async function act(page: Page, action: string, to: string): Promise<void> {
  const detail = page.locator('[data-testid="mobility-page"]');
  await detail.locator(`button[data-action="${action}"]`).click();
  const form = detail.locator('[data-testid="transition-form"]');
  await form.waitFor();
  await form.locator('button[type="submit"]').click();
  await expect.poll(() => detail.getAttribute('data-state')).toBe(to);
}

/** Takes a step whose dates raise warnings, and records them anyway with a reason (R12). */
async function actAnyway(page: Page, action: string, to: string, reason: string): Promise<void> {
  const detail = page.locator('[data-testid="mobility-page"]');
  await detail.locator(`button[data-action="${action}"]`).click();
  const form = detail.locator('[data-testid="transition-form"]');
  await form.waitFor();
  await form.locator('button[type="submit"]').click();
  const warnings = form.locator('[data-testid="date-warnings"]');
  await warnings.waitFor();
  await warnings.locator('textarea[name="overrideReason"]').fill(reason);
  await shot(page, 'date-warnings');
  await warnings.locator('[data-testid="date-warnings-confirm"]').click();
  await expect.poll(() => detail.getAttribute('data-state')).toBe(to);
}

/** Signs the pending version of the learning agreement as `party`. */
async function sign(page: Page, party: 'student' | 'home' | 'host'): Promise<void> {
  const la = page.locator('[data-testid="learning-agreement"]');
  await la.locator(`button[data-sign="${party}"]`).click();
  await expect
    .poll(() => la.locator(`.signature-list li[data-party="${party}"]`).getAttribute('data-signed'))
    .toBe('yes');
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${RESULTS_DIR}mobility-flow-${name}.png`, fullPage: true });

it('R7: nominated → learning agreement signed by three → change approved by three → grades → recognition → the student sees the credits', async () => {
  const student = await signIn(STUDENT);
  const home = await signIn(HOME);
  const host = await signIn(HOST);

  // 1. The host accepts the nomination.
  const hostDetail = await openMobility(host);
  expect(await hostDetail.getAttribute('data-state')).toBe('nominated');
  await act(host, 'accept', 'accepted');

  // 2. The student drafts the learning agreement from the two catalogues.
  await openMobility(student);
  const la = student.locator('[data-testid="learning-agreement"]');
  const editor = la.locator('[data-testid="la-editor"]');
  await editor.waitFor();
  for (const [hostCode, homeCode] of [
    ['NSU-RUS110', 'TOH-RU201'],
    ['NSU-SIB300', 'TOH-AS310'],
  ] as const) {
    await editor.getByRole('button', { name: 'Add a course' }).click();
    const row = editor.locator('fieldset').last();
    await row.locator('select[name^="host-"]').selectOption(hostCode);
    await row.locator('select[name^="home-"]').selectOption(homeCode);
  }
  // 5 з.е. × 27 h = 135 h ÷ 45 h = 3 単位, proposed by the editor from the host credits.
  expect(await editor.locator('input[name="credits-c1"]').inputValue()).toBe('3');
  await editor.getByRole('button', { name: 'Save the draft' }).click();
  const components = la.locator('[data-testid="la-components"]');
  await components.waitFor();
  await expect.poll(() => components.locator('tbody tr').count()).toBe(2);
  expect(await components.locator('tr[data-component="c1"]').textContent()).toContain('3 単位');

  // 3. Three signatures: student, home, host.
  await sign(student, 'student');
  await reopen(home);
  await sign(home, 'home');
  await reopen(host);
  await sign(host, 'host');
  await expect
    .poll(() => host.locator('[data-testid="learning-agreement"]').textContent())
    .toContain('version 1 is in force');
  await shot(host, 'signed');

  // The home coordinator confirms the signed agreement: the mobility is la_signed.
  await reopen(home);
  await act(home, 'confirm_learning_agreement', 'la_signed');

  // 4. After signing, the student proposes a change: add the data science course as an elective.
  await reopen(student);
  await la.getByRole('button', { name: 'Propose changes' }).click();
  await editor.waitFor();
  await editor.getByRole('button', { name: 'Add a course' }).click();
  await editor.locator('select[name="host-c3"]').selectOption('NSU-DS240');
  // 4 з.е. × 27 h = 108 h ÷ 45 h = 2.4 → 2.5 単位.
  expect(await editor.locator('input[name="credits-c3"]').inputValue()).toBe('2.5');
  await editor.locator('select[name="reason"]').selectOption('adding-virtual-component');
  await editor.getByRole('button', { name: 'Propose these changes' }).click();
  await expect.poll(() => la.textContent()).toContain('Version 2 waits for signatures');
  await expect.poll(() => components.locator('tbody tr').count()).toBe(3);

  // …and all three approve it.
  await sign(student, 'student');
  await reopen(home);
  await sign(home, 'home');
  await reopen(host);
  await sign(host, 'host');
  await expect
    .poll(() => host.locator('[data-testid="learning-agreement"]').textContent())
    .toContain('version 2 is in force');
  await expect
    .poll(() => host.locator('[data-testid="la-diff"] li').allTextContents())
    .toEqual([expect.stringContaining('NSU-DS240')]);
  await shot(host, 'change-approved');

  // 5. The student goes, arrives, completes; the host enters the transcript with grades.
  await reopen(student);
  await act(student, 'depart', 'departed');
  await reopen(host);
  await act(host, 'confirm_arrival', 'arrived');
  // Completed the day it started: a stay far shorter than planned (and than R12's minimum) is
  // recorded only with the host coordinator's reason.
  await actAnyway(host, 'complete', 'completed', 'The walk plays the whole stay in one day.');
  const transcript = host.locator('[data-testid="transcript-form"]');
  await transcript.waitFor();
  const grades: Record<string, string> = { c1: '5', c2: '4', c3: '5' };
  for (const [component, grade] of Object.entries(grades)) {
    await transcript.locator(`input[id$="-${component}-grade"]`).fill(grade);
  }
  await transcript.getByRole('button', { name: 'Save and issue the transcript' }).click();
  await expect
    .poll(() => host.locator('[data-testid="mobility-page"]').getAttribute('data-state'))
    .toBe('transcript_issued');
  await shot(host, 'transcript');

  // 6. The home coordinator records a decision per component, then closes recognition:
  // 3 (NSU-RUS110) + 2 (NSU-SIB300, 3 з.е. = 81 h ÷ 45 h = 1.8 → 2) + 2.5 (NSU-DS240) 単位.
  const homeDetail = await reopen(home);
  const recognition = home.locator('[data-testid="recognition"]');
  for (const component of ['c1', 'c2', 'c3']) {
    const card = recognition.locator(`article[data-component="${component}"]`);
    await card.locator('[data-testid="decision-form"]').waitFor();
    expect(await card.textContent()).toContain(`passed · ${grades[component]}`);
    await card.getByRole('button', { name: 'Record the decision' }).click();
    if (component === 'c1') {
      // R7: TOH-RU201 was credited on the student's MSU exchange; recognised again with a reason.
      const repeat = card.locator('[data-testid="repeat-recognition"]');
      await repeat.waitFor();
      expect(await repeat.textContent()).toContain('TOH-RU201');
      await repeat
        .locator('textarea[name="overrideReason"]')
        .fill('Taken again at a higher level.');
      await shot(home, 'repeat-recognition');
      await repeat.locator('[data-testid="repeat-recognition-confirm"]').click();
    }
    await expect.poll(() => card.getAttribute('data-decided')).toBe('full');
  }
  await expect
    .poll(() => home.locator('[data-testid="recognised-total"]').textContent())
    .toMatch(/7\.5 単位.*of 7\.5 単位/);
  await act(home, 'recognise', 'recognised');
  expect(await homeDetail.getAttribute('data-state')).toBe('recognised');
  await shot(home, 'recognised');

  // 7. The student sees the recognised credits of this mobility.
  await student.goto(`${e2e.base}/`);
  await expect.poll(() => student.locator('header a[href="/mobilities"]').count()).toBe(1);
  await student.locator('header a[href="/mobilities"]').click();
  await student.getByRole('link', { name: 'My recognised credits' }).click();
  const table = student.locator('[data-testid="recognised-credits"]');
  await table.waitFor();
  const mine = table.locator('tbody tr', {
    has: student.locator(`a[href="/mobilities/${mobilityId}"]`),
  });
  await expect.poll(() => mine.count()).toBe(3);
  const text = (await mine.allTextContents()).join(' | ');
  for (const code of ['NSU-RUS110', 'NSU-SIB300', 'NSU-DS240']) expect(text).toContain(code);
  await shot(student, 'student-credits');

  expect(consoleErrors).toEqual([]);
}, 180_000); // the longest walk: three parties, three signatures twice, on a loaded machine
