import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RESULTS_DIR, openPage, signIn, startE2E, type E2E } from './support.ts';

// Creates an agreement between two consortia, signs it, and sees the ledger (R4).

let e2e: E2E;
let page: Page;
const consoleErrors: string[] = [];
const TITLE = 'Japan–Russia innovative leaders: follow-up exchange (e2e)';

beforeAll(async () => {
  e2e = await startE2E();
  page = await openPage(e2e, consoleErrors);
});
afterAll(() => e2e?.close());

async function signInAsAdmin() {
  await signIn(page, e2e.base, 'admin@demo.kakehashi.example');
  await expect.poll(() => page.locator('header a[href="/agreements"]').count()).toBe(1);
}

it('an administrator creates an agreement between two consortia, both parties sign it, and the ledger shows (R4)', async () => {
  await signInAsAdmin();
  await page.locator('header a[href="/agreements"]').click();
  await page.getByRole('link', { name: 'New agreement' }).click();
  await page.waitForURL(/\/agreements\/new$/);

  const form = page.locator('[data-testid="agreement-form"]');
  await form.waitFor();
  // Parties are consortia by default; the lists come from the registry.
  await expect
    .poll(() => form.locator('select[name="partyA.id"] option[value="tohoku-jr-japan"]').count())
    .toBe(1);
  await form.locator('select[name="partyA.id"]').selectOption('tohoku-jr-japan');
  await form.locator('select[name="partyB.id"]').selectOption('tohoku-jr-russia');
  await form.locator('input[name="title"]').fill(TITLE);
  await form.locator('input[data-date-input="validFrom"]').fill('2025-04-01');
  await form.locator('input[data-date-input="validTo"]').fill('2030-03-31');
  await form.locator('input[name="clauses.tuitionWaiver"]').check(); // R5
  await form.locator('input[name="clauses.commonScreening"]').check(); // R6
  await form.locator('input[name="clauses.commonRecognition"]').check(); // R7

  const directionA = form.locator('[data-direction="A"]');
  await directionA.locator('input[name="directions.A.levels"][value="master"]').check();
  await directionA.locator('input[name="directions.A.levels"][value="doctor"]').check();
  // A code that is not ISCED-F 2013: the server's 400 shows next to the field.
  await directionA.locator('input[name="directions.A.fields"]').fill('0533, 05x1');
  await directionA.getByRole('button', { name: 'Add a language' }).click();
  await directionA.locator('select[name="directions.A.languages.0.language"]').selectOption('ru');
  await directionA.locator('select[name="directions.A.languages.0.cefr"]').selectOption('A2');
  await directionA.getByRole('button', { name: 'Add a year' }).click();
  await expect
    .poll(() => directionA.locator('input[name="directions.A.quotas.0.academicYear"]').inputValue())
    .toBe('2025');
  await directionA.locator('input[name="directions.A.quotas.0.students"]').fill('3');
  await directionA.locator('input[name="directions.A.quotas.0.months"]').fill('30');

  const directionB = form.locator('[data-direction="B"]');
  await directionB.locator('input[name="directions.B.levels"][value="master"]').check();
  await directionB.locator('input[name="directions.B.fields"]').fill('0533');
  await directionB.getByRole('button', { name: 'Add a year' }).click();
  await directionB.locator('input[name="directions.B.quotas.0.students"]').fill('3');
  await directionB.locator('input[name="directions.B.quotas.0.months"]').fill('30');

  await form.getByRole('button', { name: 'Create the agreement' }).click();
  const fieldsError = directionA.locator('.field-error');
  await fieldsError.first().waitFor();
  expect(await fieldsError.first().textContent()).toContain('ISCED-F');
  expect(
    await directionA.locator('input[name="directions.A.fields"]').getAttribute('aria-invalid'),
  ).toBe('true');

  await directionA.locator('input[name="directions.A.fields"]').fill('0533, 0541');
  await form.getByRole('button', { name: 'Create the agreement' }).click();
  await page.waitForURL(/\/agreements\/[0-9a-f-]{36}$/);
  await expect.poll(() => page.locator('h1').textContent()).toContain(TITLE);
  await expect
    .poll(() => page.locator('.detail-subtitle [data-status]').first().getAttribute('data-status'))
    .toBe('draft');

  // A platform administrator may act for both parties: sign for A, then for B.
  for (const party of ['A', 'B'] as const) {
    const sign = page.locator(`[data-testid="sign-${party}"]`);
    await sign.locator('input[name="signatory"]').fill(`Rector of party ${party} (invented)`);
    await sign.locator('input[data-date-input="signedOn"]').fill('2025-03-15');
    await sign.locator('button[type="submit"]').click();
    await page.locator(`[data-testid="signatures"] [data-signed="${party}"]`).waitFor();
    await expect.poll(() => sign.count()).toBe(0);
  }
  await expect
    .poll(() => page.locator('[data-testid="version-in-force"]').textContent())
    .toBe('Version 1');
  await expect
    .poll(() => page.locator('.detail-subtitle [data-status]').first().getAttribute('data-status'))
    .toMatch(/^(signed|active)$/);

  // The history names who made each version, never an account id.
  const author = (await page.locator('[data-testid="created-by"]').first().textContent()) ?? '';
  expect(author.trim()).not.toBe('');
  expect(author).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

  // The ledger: every academic year of the agreement's life, from party A's side (Japan: April).
  const table = page.locator('[data-testid="balance-table"]');
  await table.waitFor();
  const years = await table.locator('tbody th[scope="row"]').allTextContents();
  expect(years.map((y) => y.slice(0, 7))).toEqual([
    '2025/26',
    '2026/27',
    '2027/28',
    '2028/29',
    '2029/30',
  ]);
  const chart = page.locator('[data-testid="balance-chart"]');
  expect(await chart.isVisible()).toBe(true);
  expect(await chart.getAttribute('aria-hidden')).toBe('true');
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${RESULTS_DIR}/agreement-ledger.png`, fullPage: true });
  // The one 400 is the refused ISCED-F code above, which the browser logs as a failed load.
  expect(consoleErrors.filter((m) => !m.includes('status of 400'))).toEqual([]);
  consoleErrors.length = 0;
});

it('the demo agreement’s ledger draws its five years of synthetic mobilities as bars, also in the accessible mode', async () => {
  const response = await page.request.get(`${e2e.base}/api/v1/agreements?party=tohoku-jr-japan`);
  expect(response.ok()).toBe(true);
  const { items } = (await response.json()) as {
    items: { id: string; status: string; content: { title: string }; partyB: { id: string } }[];
  };
  // The project's first agreement (2014–2024), not its renewal, carries the five years.
  const demo = items.find(
    (a) =>
      a.partyB.id === 'tohoku-jr-russia' && a.content.title !== TITLE && a.status === 'expired',
  );
  expect(demo).toBeDefined();

  await page.goto(`${e2e.base}/agreements/${demo?.id}`);
  const table = page.locator('[data-testid="balance-table"]');
  await table.waitFor();
  const rows = await table.locator('tbody th[scope="row"]').allTextContents();
  for (const year of ['2015/16', '2016/17', '2017/18', '2018/19', '2019/20']) {
    expect(rows.some((row) => row.startsWith(year))).toBe(true);
  }
  // The R4 check is spelled out in words under the chart, warnings or not.
  expect(await page.locator('.ledger-warnings').textContent()).toContain('R4');

  const bars = page.locator('[data-testid="balance-chart"] svg rect.balance-bar');
  await expect.poll(() => bars.count()).toBeGreaterThan(0);
  const heights = await bars.evaluateAll((nodes) =>
    nodes.map((node) => Number(node.getAttribute('height'))),
  );
  expect(heights.filter((h) => h > 0).length).toBeGreaterThanOrEqual(10);

  // Months instead of students: the chart redraws, the table stays.
  await page.locator('.ledger-controls input[value="months"]').check();
  await expect.poll(() => bars.count()).toBeGreaterThan(0);

  // The accessible mode (white on black): sent bars take the link colour, received bars are
  // outlined in the text colour.
  await page.locator('[data-testid="a11y-toggle"]').click();
  await expect.poll(() => page.locator('html').getAttribute('class')).toContain('a11y');
  const sentFill = await page
    .locator('[data-testid="balance-chart"] rect.balance-bar-sent')
    .first()
    .evaluate((node) => getComputedStyle(node).fill);
  expect(sentFill).toBe('rgb(255, 255, 0)');
  const receivedStroke = await page
    .locator('[data-testid="balance-chart"] rect.balance-bar-received')
    .first()
    .evaluate((node) => getComputedStyle(node).stroke);
  expect(receivedStroke).toBe('rgb(255, 255, 255)');
  await page.locator('[data-testid="agreement-ledger"]').screenshot({
    path: `${RESULTS_DIR}/agreement-ledger-a11y.png`,
  });
  await page.locator('[data-testid="a11y-toggle"]').click();
  expect(consoleErrors).toEqual([]);
});
