import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#test/support/app.ts';
import { RESULTS_DIR, startE2E, type E2E } from './support.ts';

let e2e: E2E;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  e2e = await startE2E();
  const context = await e2e.browser.newContext({ locale: 'en-GB' });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
});
afterAll(() => e2e?.close());

it('a coordinator signs in, finds Novosibirsk, reads it in Japanese with the accessible mode on', async () => {
  await page.goto(`${e2e.base}/sign-in`);
  await page.locator('input[name="email"]').fill('coordinator.tohoku@demo.kakehashi.example');
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await expect.poll(() => page.getByText('Kenji Coordinator').count()).toBeGreaterThan(0);

  await page.locator('header a[href="/institutions"]').first().click();
  await page.locator('input[name="q"]').fill('Novosibirsk');
  await page.locator('input[name="q"]').press('Enter');
  const link = page.getByRole('link', { name: 'Novosibirsk State University' });
  await link.first().waitFor();
  await link.first().click();
  await page.waitForURL(/\/institutions\/nsu\.ru$/);
  await expect
    .poll(() => page.locator('h1').textContent())
    .toContain('Novosibirsk State University');

  await page.locator('[data-testid="language-switch"]').selectOption('ja');
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ja');
  await expect.poll(() => page.locator('h1').textContent()).toContain('ノボシビルスク国立大学');

  const toggle = page.locator('[data-testid="a11y-toggle"]');
  await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
  await expect.poll(() => page.locator('html').getAttribute('class')).toContain('a11y');
  const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(fontSize).toBeGreaterThan(16);

  // The mode and the language are kept across pages and reloads.
  await page.reload();
  await expect.poll(() => page.locator('html').getAttribute('class')).toContain('a11y');
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ja');
  await page.screenshot({ path: `${RESULTS_DIR}/registry-nsu-ja-a11y.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});
