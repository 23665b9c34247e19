import { afterAll, beforeAll, expect, it } from 'vitest';
import { RESULTS_DIR, openPage, startE2E, type E2E } from './support.ts';
import { axeContext, axeViolations, describeViolations } from './support-axe.ts';

// A visitor opens the Tsukuba–Université Grenoble Alpes partnership (004) and reads its profile:
// key figures computed from the records, co-publications per year as a chart with its table,
// cotutelles, the laboratory with Air Liquide; the PDF and the workbook download.

let e2e: E2E;
const errors: string[] = [];

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

it('a visitor reads the Tsukuba–UGA profile, its charts with tables, and downloads it', async () => {
  const page = await openPage(e2e, errors, { acceptDownloads: true });
  await page.goto(`${e2e.base}/partnerships`);
  await page.locator('[data-testid="profile-link"]').first().click();
  await page.waitForURL(/\/partnerships\/[0-9a-f-]{36}\/profile$/);
  const figures = page.locator('[data-testid="profile-figures"]');
  await figures.waitFor();
  expect(await page.locator('h1').textContent()).toContain('Tsukuba');
  const rows = page.locator('[data-testid="profile-publications-chart-table"] tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  expect(await page.locator('[data-testid="profile-cotutelles"]').textContent()).toContain('14');
  expect(await page.locator('[data-testid="profile-lab"]').first().textContent()).toContain('€');
  await page.screenshot({ path: `${RESULTS_DIR}/partnership-profile.png`, fullPage: true });

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid="profile-pdf"]').click(),
  ]);
  expect(pdf.suggestedFilename()).toBe('partnership-en.pdf');
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid="profile-xlsx"]').click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe('partnership-en.xlsx');

  expect(errors).toEqual([]);

  // axe-core on the profile (its context bypasses the app's CSP to inject the checker).
  const context = await axeContext(e2e);
  const checked = await context.newPage();
  await checked.goto(page.url());
  await checked.locator('[data-testid="profile-figures"]').waitFor();
  expect(describeViolations(await axeViolations(checked))).toEqual([]);
  await context.close();
});
