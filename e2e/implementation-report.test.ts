import { afterAll, beforeAll, expect, it } from 'vitest';
import { RESULTS_DIR, openPage, signIn, startE2E, type E2E } from './support.ts';
import { axeContext, axeViolations, describeViolations } from './support-axe.ts';

// The funder opens the implementation reports' status (R20), sees Tohoku's project late for
// fiscal year 2015, opens the report, sets the cut-off; the representative officer writes the
// four sections and submits; the figures shown agree with the chart's table, and the PDF
// downloads.

let e2e: E2E;
const errors: string[] = [];

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

it('the funder sets the cut-off and the representative officer submits the report', async () => {
  const funder = await openPage(e2e, errors);
  await signIn(funder, e2e.base, 'funder@demo.kakehashi.example');
  await funder.goto(`${e2e.base}/reports?fy=2015`);
  const row = funder.locator('table.data-table tbody tr').first();
  await row.waitFor();
  expect(await row.textContent()).toContain('Late');
  await row.locator('a').click();
  await funder.waitForURL(/\/projects\/tohoku-jr-2014\/reports\/2015$/);
  await funder.locator('[data-testid="key-figures"]').waitFor();
  await funder.locator('#report-cut-off').fill('31/03/2016');
  await funder.getByRole('button', { name: 'Set the cut-off' }).click();
  await funder.getByText('Cut-off date').first().waitFor();
  await funder.locator('dd time[datetime="2016-03-31"]').first().waitFor();
  await funder.screenshot({
    path: `${RESULTS_DIR}/implementation-report-funder.png`,
    fullPage: true,
  });

  const rep = await openPage(e2e, errors, { acceptDownloads: true });
  await signIn(rep, e2e.base, 'rep.tohoku@demo.kakehashi.example');
  await rep.goto(`${e2e.base}/projects/tohoku-jr-2014/reports/2015`);
  await rep.locator('[data-testid="key-figures"]').waitFor();
  // The key figure agrees with the per-partner table under the chart.
  const sentTotal = Number(
    (await rep.locator('[data-testid="key-figures"] dd').first().textContent())?.trim(),
  );
  const partnerRows = rep.locator(
    'table:has(caption:text("Sent and received per partner")) tbody tr',
  );
  let sum = 0;
  for (let i = 0; i < (await partnerRows.count()); i++) {
    sum += Number((await partnerRows.nth(i).locator('td').first().textContent())?.trim());
  }
  expect(sentTotal).toBeGreaterThan(0);
  expect(sum).toBe(sentTotal);

  for (const s of ['self_evaluation', 'quality_assurance', 'issues_and_measures', 'plan']) {
    await rep.locator(`#narrative-${s}-ja`).fill(`${s}：記述の例`);
  }
  await rep.getByRole('button', { name: 'Save the narrative' }).click();
  await rep.getByText('4 of 4 sections written').waitFor();
  await rep
    .getByRole('button', {
      name: 'Submit in the name of the head of the representative university',
    })
    .click();
  await rep.locator('.badge-submitted').first().waitFor();

  const [pdf] = await Promise.all([
    rep.waitForEvent('download'),
    rep.getByRole('link', { name: 'PDF (Japanese)' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toBe('implementation-report-tohoku-jr-2014-FY2015-v1-ja.pdf');
  expect(errors).toEqual([]);

  const context = await axeContext(e2e);
  const checked = await context.newPage();
  await signIn(checked, e2e.base, 'funder@demo.kakehashi.example');
  await checked.goto(`${e2e.base}/projects/tohoku-jr-2014/reports/2015`);
  await checked.locator('[data-testid="key-figures"]').waitFor();
  expect(describeViolations(await axeViolations(checked))).toEqual([]);
  await context.close();
});
