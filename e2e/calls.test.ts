import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#test/support/app.ts';
import { RESULTS_DIR, startE2E, type E2E } from './support.ts';

// A student applies and ranks three hosts, a second student is refused with the R9 reason shown in
// Japanese and English, two reviewers score (R6: never their own institution's applicant), and the
// rank list appears.

let e2e: E2E;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];
const D = 'demo.kakehashi.example';

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await e2e?.close();
});

async function signedInPage(email: string): Promise<Page> {
  const context = await e2e.browser.newContext({
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (4\d\d)/.test(m.text())) consoleErrors.push(m.text());
  });
  await page.goto(`${e2e.base}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(`${e2e.base}/`);
  return page;
}

async function openCall(page: Page, waitFor = '[data-testid="apply-form"]') {
  await page.locator('header a[href="/calls"]').click();
  await page.waitForURL(/\/calls$/);
  await page.locator('[data-testid="call-list"] a[href="/calls/tohoku-jr-2027"]').click();
  await page.locator(waitFor).waitFor();
}

async function rank(page: Page, host: string) {
  await page.locator('select[name="host"]').selectOption(host);
  await page.locator('[data-testid="add-host"]').click();
}

it('a student applies and ranks three hosts, reordering them', async () => {
  const page = await signedInPage(`student.tohoku@${D}`);
  await openCall(page);
  await expect
    .poll(() => page.locator('[data-testid="countdown"]').textContent())
    .toMatch(/days left/);
  await rank(page, 'msu.ru');
  await rank(page, 'nsu.ru');
  await rank(page, 'dvfu.ru');
  // nsu.ru first: move position 2 up.
  await page.getByRole('button', { name: 'Move position 2 up' }).click();
  const order = await page
    .locator('[data-testid="ranking"] li')
    .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-host')));
  expect(order).toEqual(['nsu.ru', 'msu.ru', 'dvfu.ru']);
  await page.locator('input[name="requestedMonths"]').fill('10');
  await page.screenshot({ path: `${RESULTS_DIR}/calls-apply-form.png`, fullPage: true });
  await page.locator('[data-testid="apply-form"] button[type="submit"]').click();
  await page.locator('[data-testid="applied"]').waitFor();
  await page.locator('header a[href="/me/applications"]').click();
  await expect
    .poll(() => page.locator('[data-testid="application-status"]').first().textContent())
    .toBe('Submitted');
  // The ranked hosts by their names, never their ids.
  expect(
    await page.locator('[data-testid="application"] li[data-host="nsu.ru"]').first().textContent(),
  ).toBe('Novosibirsk State University');
  await page.screenshot({ path: `${RESULTS_DIR}/calls-my-applications.png`, fullPage: true });
});

it('R9: a foreign student on the residence status 留学 is not offered the form; the reason is shown in English and Japanese', async () => {
  const page = await signedInPage(`student.foreign@${D}`);
  await openCall(page, '[data-testid="apply-refusals"]');
  const reasons = page.locator(
    '[data-testid="apply-refusals"] li[data-code="calls.table1_student_residence_status"]',
  );
  await reasons.waitFor();
  expect(await page.locator('[data-testid="apply-form"]').count()).toBe(0);
  expect(await reasons.locator('.rule-badge').textContent()).toBe('R9');
  expect(await reasons.textContent()).toContain(
    'Foreign students in Japan with the residence status "Student (Ryugaku)" (Table 1 of the Immigration Control and Refugee Recognition Act) are not entitled to this program.',
  );
  await page.screenshot({ path: `${RESULTS_DIR}/calls-refused-en.png`, fullPage: true });
  await page.locator('[data-testid="language-switch"]').selectOption('ja');
  await expect
    .poll(() => reasons.textContent())
    .toContain(
      '出入国管理及び難民認定法別表第一の在留資格「留学」により日本に在留する外国人留学生は、本事業の対象外です。',
    );
  await page.screenshot({ path: `${RESULTS_DIR}/calls-refused-ja.png`, fullPage: true });
  await page.locator('[data-testid="language-switch"]').selectOption('en');
  await expect.poll(() => reasons.textContent()).toContain('Foreign students in Japan');
});

async function score(email: string, motivation: string, language: string): Promise<Page> {
  const page = await signedInPage(email);
  await page.goto(`${e2e.base}/calls/tohoku-jr-2027/screening`);
  const form = page.locator('[data-testid="score-form"][data-applicant="Sakura Student"]');
  await form.waitFor();
  await form.locator('input[name="motivation"]').fill(motivation);
  await form.locator('input[name="language"]').fill(language);
  await form.locator('button[type="submit"]').click();
  await form.locator('[data-testid="score-saved"]').waitFor();
  return page;
}

it('R6: a coordinator of the applicant’s own university is told why instead of a scoring form', async () => {
  const page = await signedInPage(`coordinator.tohoku@${D}`);
  await page.goto(`${e2e.base}/calls/tohoku-jr-2027/screening`);
  const refused = page.locator('[data-testid="score-refused"][data-applicant="Sakura Student"]');
  await refused.waitFor();
  expect(
    await page.locator('[data-testid="score-form"][data-applicant="Sakura Student"]').count(),
  ).toBe(0);
  const reason = refused.locator('li[data-code="calls.reviewer_own_institution"]');
  expect(await reason.locator('.rule-badge').textContent()).toBe('R6');
  expect(await reason.textContent()).toContain('Tohoku University');
  await page.screenshot({ path: `${RESULTS_DIR}/calls-screening-conflict.png`, fullPage: true });
});

it('R6: two reviewers of the other side score the applicant and the rank list appears', async () => {
  await score(`reviewer@${D}`, '8', '7');
  const page = await score(`coordinator.nsu@${D}`, '9', '8');
  const row = page.locator('[data-testid="rank-list"] [data-testid="rank-row"]', {
    hasText: 'Sakura Student',
  });
  await row.waitFor();
  expect(await row.textContent()).toContain('Japanese GPA 0–4: 3.3 → 88.33');
  await page.screenshot({ path: `${RESULTS_DIR}/calls-rank-list.png`, fullPage: true });

  const student = contexts[0]?.pages()[0];
  if (student) {
    await student.goto(`${e2e.base}/me/notifications`);
    await expect
      .poll(() => student.locator('[data-testid="notifications"]').textContent())
      .toContain('Screening complete');
  }
  expect(consoleErrors).toEqual([]);
});
