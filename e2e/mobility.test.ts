import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { mobilities } from '#src/db/schema.ts';
import { DEMO_PASSWORD } from '#test/support/app.ts';
import { RESULTS_DIR, startE2E, type E2E } from './support.ts';

// The home coordinator opens a mobility, sees the learning agreement's components with
// credits converted (R7), records a recognition decision following the earlier decision for the
// same course pair, and the student sees the recognised credits.

let e2e: E2E;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  e2e = await startE2E();
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
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 40\d/.test(m.text())) consoleErrors.push(m.text());
  });
  await page.goto(`${e2e.base}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(`${e2e.base}/`);
  return page;
}

it('R7: the coordinator decides on a component of the learning agreement and the student sees the recognised credits', async () => {
  const [past] = await e2e.server.database.db
    .select({ id: mobilities.id })
    .from(mobilities)
    .where(and(eq(mobilities.hostId, 'msu.ru'), isNotNull(mobilities.studentUserId)));
  if (!past) throw new Error('the demo world has no mobility of student.tohoku at MSU');

  const coordinator = await signIn('coordinator.tohoku@demo.kakehashi.example');
  await expect.poll(() => coordinator.locator('header a[href="/mobilities"]').count()).toBe(1);
  await coordinator.locator('header a[href="/mobilities"]').click();
  await coordinator.locator('[data-testid="mobility-list"]').waitFor();
  await coordinator.locator(`a[href="/mobilities/${past.id}"]`).click();
  await coordinator.locator('[data-testid="mobility-page"]').waitFor();
  expect(
    await coordinator.locator('[data-testid="mobility-page"]').getAttribute('data-state'),
  ).toBe('transcript_issued');

  // The learning agreement: host credits (з.е.) with their value in 単位 and the rule used.
  const components = coordinator.locator('[data-testid="la-components"]');
  await components.waitFor();
  const c1 = components.locator('tr[data-component="c1"]');
  await expect.poll(() => c1.textContent()).toContain('MSU-RUS120');
  expect(await c1.textContent()).toContain('5 з.е.');
  expect(await c1.locator('.conversion summary').textContent()).toContain('3 単位');
  await c1.locator('.conversion summary').click();
  // ФГОС ВО: 5 × 27 h = 135 h; 大学設置基準 Art. 21(2): 135 h ÷ 45 h = 3.
  expect(await c1.locator('.conversion').textContent()).toContain('135 h');
  // Two versions: the politics course was replaced after signing; the diff says so.
  await expect.poll(() => coordinator.locator('[data-testid="la-diff"] li').count()).toBe(1);
  expect(await coordinator.locator('[data-testid="la-diff"]').textContent()).toContain(
    'MSU-HIS210',
  );

  // Recognition: the third component is pending, with the earlier decision as a suggestion.
  const card = coordinator.locator('[data-testid="recognition"] article[data-component="c3"]');
  await card.waitFor();
  expect(await card.getAttribute('data-decided')).toBe('pending');
  await card.locator('[data-testid="suggestion"]').waitFor();
  await card.getByRole('button', { name: 'Use this suggestion' }).click();
  await card.getByRole('button', { name: 'Record the decision' }).click();
  await expect.poll(() => card.getAttribute('data-decided')).toBe('full');
  expect(await coordinator.locator('[data-testid="recognised-total"]').textContent()).toContain(
    '6.5',
  );
  await coordinator.screenshot({ path: `${RESULTS_DIR}mobility-coordinator.png`, fullPage: true });

  // The student sees the credits recognised.
  const student = await signIn('student.tohoku@demo.kakehashi.example');
  await expect.poll(() => student.locator('header a[href="/mobilities"]').count()).toBe(1);
  await student.locator('header a[href="/mobilities"]').click();
  await student.getByRole('link', { name: 'My recognised credits' }).click();
  const table = student.locator('[data-testid="recognised-credits"]');
  await table.waitFor();
  await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
  expect(await table.textContent()).toContain('TOH-EC310');
  expect(await student.locator('[data-testid="credit-totals"]').textContent()).toContain('6.5');
  await student.screenshot({ path: `${RESULTS_DIR}mobility-student.png`, fullPage: true });

  expect(consoleErrors).toEqual([]);
});

it('R7, R16: a Tsukuba student takes a Grenoble online course in the Course Jukebox (source document 004) and the credits are recognised at Tsukuba', async () => {
  const student = await signIn('student.tsukuba@demo.kakehashi.example');
  await student.goto(`${e2e.base}/alliances/cic/jukebox`);
  const row = student.locator('[data-testid="jukebox-list"] tr[data-course="UGA-OL-CLIM"]');
  await row.waitFor();
  // 3 ECTS × 27.5 h = 82.5 h ÷ 45 h → 2 単位 for Tsukuba.
  expect(await row.textContent()).toContain('2 単位');
  // A course of the student's own university is not offered: the reason is shown instead.
  const own = student.locator('[data-testid="jukebox-list"] tr[data-course="TSK-OL101"]');
  expect(await own.getByRole('button', { name: 'Enrol' }).count()).toBe(0);
  expect(
    await own
      .locator('[data-testid="why-not-enrol"] li[data-code="recognition.jukebox_own_institution"]')
      .textContent(),
  ).toContain('University of Tsukuba');
  await row.getByRole('button', { name: 'Enrol' }).click();
  await expect.poll(() => row.textContent()).toContain('You are enrolled');

  const uga = await signIn('coordinator.uga@demo.kakehashi.example');
  await uga.goto(`${e2e.base}/alliances/cic/jukebox`);
  const hostCard = uga.locator('article[data-enrolment]');
  await hostCard.waitFor();
  await hostCard.getByLabel('Grade').fill('15');
  await hostCard.getByRole('button', { name: 'Save the result' }).click();
  await expect.poll(() => hostCard.textContent()).toContain('result entered');

  const tsukuba = await signIn('coordinator.tsukuba@demo.kakehashi.example');
  await tsukuba.goto(`${e2e.base}/alliances/cic/jukebox`);
  const homeCard = tsukuba.locator('article[data-enrolment]');
  await homeCard.locator('[data-testid="decision-form"]').waitFor();
  await homeCard.getByRole('button', { name: 'Record the decision' }).click();
  await homeCard.locator('[data-testid="decision"]').waitFor();
  expect(await homeCard.locator('[data-testid="decision"]').textContent()).toContain('2 単位');

  await student.goto(`${e2e.base}/recognised-credits`);
  await student.locator('[data-testid="recognised-credits"]').waitFor();
  expect(await student.locator('[data-testid="recognised-credits"]').textContent()).toContain(
    'UGA-OL-CLIM',
  );
  expect(await student.locator('[data-testid="credit-totals"]').textContent()).toContain('2 単位');
  await student.screenshot({ path: `${RESULTS_DIR}mobility-jukebox.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});
