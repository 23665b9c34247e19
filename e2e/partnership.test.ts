import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#test/support/app.ts';
import { startE2E, type E2E } from './support.ts';

// A coordinator of the University of Tsukuba creates a dual Master's degree with the Université
// Grenoble Alpes, with its curriculum split, and sees the programme with its split.

let e2e: E2E;
const contexts: BrowserContext[] = [];
const D = 'demo.kakehashi.example';
const TITLE = 'Dual Master in Materials Chemistry (invented e2e programme)';

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
  await page.goto(`${e2e.base}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(`${e2e.base}/`);
  return page;
}

it('a coordinator creates a dual degree with its split and sees it', async () => {
  const page = await signedInPage(`coordinator.tsukuba@${D}`);
  await page.goto(`${e2e.base}/partnerships`);
  await page.locator('[data-testid="new-programme"]').click();
  const form = page.locator('[data-testid="programme-form"]');
  await form.waitFor();
  await form.locator('select[name="kind"]').selectOption('dual');
  await form.locator('input[name="title.en"]').fill(TITLE);
  await form.locator('select[name="level"]').selectOption('master');
  await form.locator('input[name="field"]').fill('0531');
  await form.locator('input[name="languages"]').fill('en, fr');
  await form.locator('input[data-date-input="startsOn"]').fill('2025-09-01');
  await form.locator('select[name="partner-0"]').selectOption('tsukuba.ac.jp');
  await form.locator('select[name="partner-1"]').selectOption('univ-grenoble-alpes.fr');
  await form.locator('input[name="semesters-0"]').fill('1, 2');
  await form.locator('input[name="credits-0"]').fill('30');
  await form.locator('input[name="semesters-1"]').fill('3, 4');
  await form.locator('input[name="credits-1"]').fill('60');
  await form.locator('button[type="submit"]').click();
  await page.waitForURL(/\/partnerships\/programmes\/[0-9a-f-]{36}$/);
  // The programme's page replaces the form once it has loaded.
  await page.locator('h1', { hasText: TITLE }).waitFor();
  const split = page.locator('[data-testid="programme-split"]');
  await split.waitFor();
  const rows = await split.locator('tbody tr').allTextContents();
  expect(rows).toHaveLength(2);
  expect(rows[0]).toContain('Tsukuba');
  expect(rows[0]).toContain('30');
  expect(rows[1]).toContain('Grenoble');
  expect(rows[1]).toContain('60');
  expect(await split.locator('tfoot').textContent()).toContain('90');
  // No identifier is shown to people.
  expect(await page.locator('main').textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  // The list shows it too.
  await page.goto(`${e2e.base}/partnerships`);
  const list = page.locator('[data-testid="programme-list"]');
  await list.waitFor();
  expect(await list.textContent()).toContain(TITLE);
});
