import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseZenginFile } from '#src/interop/zengin/index.ts';
import { RESULTS_DIR, openPage, signIn, startE2E, type E2E } from './support.ts';

// The representative officer sees the budget (R14), builds a batch of the confirmed months (R8),
// approves it, marks it paid, downloads the Zengin file and sees the paid amounts.

let e2e: E2E;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  e2e = await startE2E();
  page = await openPage(e2e, consoleErrors, { acceptDownloads: true });
});
afterAll(() => e2e?.close());

const paidStipends = async () =>
  (await page.locator('[data-testid="money-paid-jpy"]').allTextContents()).join('|');

it('R8, R14: rep.tohoku builds, approves and pays a batch of confirmed months, exports the Zengin file and sees the paid amounts', async () => {
  await signIn(page, e2e.base, 'rep.tohoku@demo.kakehashi.example');

  await page.locator('header a[href="/budget"]').click();
  await page.waitForURL(/\/budget$/);
  const chart = page.locator('[data-testid="money-chart"] svg');
  await chart.first().waitFor();
  await expect
    .poll(() => page.locator('[data-testid="money-chart"] .recharts-bar-rectangle').count())
    .toBeGreaterThan(0);
  const before = await paidStipends();
  await page.screenshot({ path: `${RESULTS_DIR}money-budget.png`, fullPage: true });

  await page.locator('header a[href="/payments"]').click();
  await page.waitForURL(/\/payments$/);
  await page.locator('[data-testid="money-batches"]').waitFor();
  await page.locator('[data-testid="money-build"]').click();
  await page.locator('[data-testid="money-approve"]').waitFor();
  const summary = await page.locator('[data-testid="money-batch"] p').first().textContent();
  expect(summary).toMatch(/draft/);
  // Every line names its student and host university: no ids, no identical nameless lines.
  const students = await page
    .locator('[data-testid="money-batch"] tbody tr td:first-child')
    .allTextContents();
  expect(students.length).toBeGreaterThan(0);
  expect(students.every((s) => s.includes('→') && !/[0-9a-f]{8}-|\.ru|\.jp/.test(s))).toBe(true);
  await page.locator('[data-testid="money-approve"]').click();
  await page.locator('[data-testid="money-pay"]').waitFor();
  await page.locator('[data-testid="money-pay"]').click();
  await expect
    .poll(() => page.locator('[data-testid="money-batch"] p').first().textContent())
    .toMatch(/paid/);
  await expect.poll(() => page.locator('[data-testid="money-phase"]').textContent()).toBe('Done');
  await page.screenshot({ path: `${RESULTS_DIR}money-payments.png`, fullPage: true });

  // The Zengin file: the same request the link makes, with the session's cookie.
  const href = await page.locator('[data-testid="money-export-zengin"]').getAttribute('href');
  const res = await page.request.get(`${e2e.base}${href}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/Shift_JIS/);
  const file = parseZenginFile(new Uint8Array(await res.body()));
  expect(file.transfers.length).toBeGreaterThan(0);
  expect(file.transfers.every((t) => t.recipientName.startsWith('ｶｸｳ'))).toBe(true);
  const total = await page.locator('[data-testid="money-batch"] p').first().textContent();
  expect(total?.replace(/[^\d]/g, '')).toContain(String(file.totalAmountJpy));

  await page.locator('header a[href="/budget"]').click();
  await page.locator('[data-testid="money-chart"] svg').first().waitFor();
  await expect.poll(paidStipends).not.toBe(before);
  await page.screenshot({ path: `${RESULTS_DIR}money-budget-after.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});

it('R14, R19: the funder officer sees the program budget with its chart and the lifted advisory', async () => {
  const funder = await openPage(e2e, consoleErrors);
  await signIn(funder, e2e.base, 'funder@demo.kakehashi.example');
  await funder.locator('header a[href="/budget"]').click();
  // The funder officer's first program is the FY2014 one, whose demo project has money.
  await expect
    .poll(() => funder.locator('[data-testid="money-chart"] .recharts-bar-rectangle').count())
    .toBeGreaterThan(0);
  // The advisory names its country and its dates in the reader's language, never codes.
  await expect.poll(() => funder.getByText(/lifted on 1 Feb 2016/).count()).toBe(1);
  expect(await funder.getByText(/2016-02-01/).count()).toBe(0);
  expect(await funder.locator('section li strong', { hasText: 'Russia' }).count()).toBeGreaterThan(
    0,
  );
  await funder.screenshot({ path: `${RESULTS_DIR}money-funder-budget.png`, fullPage: true });
  await funder.context().close();
});
