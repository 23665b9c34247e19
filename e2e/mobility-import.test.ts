import { afterAll, beforeAll, expect, it } from 'vitest';
import { RESULTS_DIR, openPage, signIn, startE2E, type E2E } from './support.ts';

// A coordinator of Tohoku brings past stays from a spreadsheet (the mobility history file): a
// wrong header is refused at once, a row naming a university the registry does not know is
// shown by line and column with nothing recorded, the corrected file is recorded, and the same
// file sent again adds nothing.

let e2e: E2E;
const consoleErrors: string[] = [];
const D = 'demo.kakehashi.example';
const HEADER =
  'student_name,student_number,home_institution,host_institution,start_date,end_date,level,field,credits,grade';
const ROWS = [
  '山田 花子 (e2e history),E2E-0001,tohoku.ac.jp,msu.ru,2015-09-01,2016-01-31,bachelor,0231,24,A',
  'Ivanova Anna (e2e history),E2E-0002,tohoku.ac.jp,msu.ru,2016-09-01,2017-06-30,master,0311,40,B',
];
const csv = (lines: string[]) => ({
  name: 'history.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`${lines.join('\n')}\n`, 'utf8'),
});

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

it('refuses a wrong header, names a bad row, records a right file once', async () => {
  // A refused upload is a 400 the page shows in words; the console reports its status only.
  const page = await openPage(e2e, consoleErrors, { ignore: /status of 400/ });
  await signIn(page, e2e.base, `coordinator.tohoku@${D}`);
  await page.goto(`${e2e.base}/mobilities`);
  await page.getByRole('link', { name: 'Import history' }).click();
  await page.waitForURL(`${e2e.base}/mobilities/import`);
  const file = page.locator('input[type="file"]');
  const send = page.getByRole('button', { name: 'Import' });

  // A header without the grade column: refused before any row is read.
  await file.setInputFiles(
    csv([HEADER.replace(',grade', ''), ...ROWS.map((r) => r.slice(0, r.lastIndexOf(',')))]),
  );
  await send.click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toContain('Columns missing from the file: grade');

  // A host the registry does not know, on the file's third line: nothing is recorded.
  await file.setInputFiles(csv([HEADER, ROWS[0]!, ROWS[1]!.replace('msu.ru', 'nowhere.example')]));
  await send.click();
  const errors = page.getByTestId('import-errors');
  await errors.waitFor();
  const cells = errors.locator('tbody tr').first().locator('td');
  expect(await cells.nth(0).textContent()).toBe('3');
  expect(await cells.nth(1).textContent()).toBe('host_institution');
  expect(await cells.nth(2).textContent()).toContain(
    'The registry knows no university “nowhere.example”',
  );
  await page.screenshot({ path: `${RESULTS_DIR}/mobility-import-errors.png`, fullPage: true });
  const before = await (
    await page.request.get(`${e2e.base}/api/v1/mobilities?q=e2e history`)
  ).json();
  expect(before.items).toEqual([]);

  // The corrected file: both stays recorded; sent again, both are already there.
  await file.setInputFiles(csv([HEADER, ...ROWS]));
  await send.click();
  const result = page.getByTestId('import-result');
  await expect.poll(() => result.textContent()).toBe('Done: 2 stays added, 0 already recorded.');
  await page.screenshot({ path: `${RESULTS_DIR}/mobility-import-applied.png`, fullPage: true });
  await file.setInputFiles(csv([HEADER, ...ROWS]));
  await send.click();
  await expect.poll(() => result.textContent()).toBe('Done: 0 stays added, 2 already recorded.');

  // The stays are in the list, found with its search field by the student's name in either
  // script, however it is spaced or cased.
  await page.goto(`${e2e.base}/mobilities`);
  const search = page.getByRole('search');
  const field = search.getByLabel("Student's name");
  for (const [q, name] of [
    ['山田花子', '山田 花子 (e2e history)'],
    ['ivanova anna', 'Ivanova Anna (e2e history)'],
  ] as const) {
    await field.fill(`  ${q} `);
    await search.getByRole('button', { name: 'Search' }).click();
    const rows = page.getByTestId('mobility-list').locator('tbody tr');
    await expect.poll(() => rows.allTextContents()).toHaveLength(1);
    expect(await rows.first().locator('th').textContent()).toContain(name);
  }
  await field.fill('nobody at all');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect
    .poll(() => page.getByRole('status').allTextContents())
    .toContainEqual(expect.stringContaining('nobody at all'));
  expect(consoleErrors).toEqual([]);
});
