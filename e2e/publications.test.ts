import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RESULTS_DIR, openPage, signIn, startE2E, type E2E } from './support.ts';

// A coordinator of Tsukuba imports a BibTeX file: the preview names the broken entry by its line,
// nothing is added until she confirms, and then the publications are in the list.

let e2e: E2E;
const consoleErrors: string[] = [];
const D = 'demo.kakehashi.example';
const FILE = fileURLToPath(new URL('../test/research/fixtures/sample.bib', import.meta.url));

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

it('a coordinator previews a BibTeX file with a broken entry, confirms, and sees the list', async () => {
  const page = await openPage(e2e, consoleErrors, { ignore: /400|Bad Request/ });
  await signIn(page, e2e.base, `coordinator.tsukuba@${D}`);
  await page.goto(`${e2e.base}/publications/import`);
  await page.locator('#import-file').setInputFiles(FILE);
  await page.getByTestId('read-file').click();
  const broken = page.getByTestId('broken-entries');
  await broken.waitFor();
  // The entry whose braces never close starts on line 32 of the file.
  await expect.poll(() => broken.locator('tbody tr').first().textContent()).toContain('32');
  await expect.poll(() => broken.locator('tbody tr').count()).toBe(3);
  await page.screenshot({ path: `${RESULTS_DIR}/publications-preview.png`, fullPage: true });

  const before = await fetch(`${e2e.base}/api/v1/publications?q=Smart%20grids`).then((r) =>
    r.json(),
  );
  expect(before.total).toBe(0);
  await page.getByTestId('confirm-import').click();
  await page.getByRole('status').waitFor();

  await page.goto(`${e2e.base}/publications`);
  await page.locator('#publication-q').fill('Smart grids');
  await page.locator('#publication-q').press('Enter');
  await expect
    .poll(() => page.locator('table.data-table tbody').textContent())
    .toContain('Smart grids for Tsukuba');
  await page.screenshot({ path: `${RESULTS_DIR}/publications-list.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});
