import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RESULTS_DIR, openPage, signIn, startE2E, type E2E } from './support.ts';

// An administrator runs an allocation on an uploaded instance naming students of both consortia
// (a coordinator may only upload their own university's students), compares the three mechanisms
// side by side (placed, months, first choices, balance per unit — 003 §5(4), R4), publishes one,
// and the published places become nominations.

/** The small consortium pair of test/server/allocation-runs.test.ts (source document 000). */
const INSTANCE_FILE = fileURLToPath(
  new URL('./fixtures/allocation-instance.json', import.meta.url),
);

let e2e: E2E;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  e2e = await startE2E();
  page = await openPage(e2e, consoleErrors);
});
afterAll(() => e2e?.close());

async function signInAsAdministrator() {
  await signIn(page, e2e.base, 'admin@demo.kakehashi.example');
  await expect.poll(() => page.locator('header a[href="/allocation"]').count()).toBe(1);
}

it('refuses an instance that is not JSON and an unknown university naming the field; a call is picked by its title', async () => {
  await signInAsAdministrator();
  await page.locator('header a[href="/allocation"]').click();
  await page.waitForURL(`${e2e.base}/allocation`);
  const form = page.locator('[data-testid="allocation-new"]');
  await form.waitFor();

  // Client-side: it must parse.
  await form.locator('input[name="source"][value="paste"]').check();
  await form.locator('textarea[name="instance"]').fill('{"format": ');
  await form.locator('[data-testid="allocation-run"]').click();
  await expect.poll(() => form.locator('.field-error').textContent()).toContain('not valid JSON');

  // Server-side: the 400 names the field.
  const bad = JSON.parse(readFileSync(INSTANCE_FILE, 'utf8')) as {
    students: { prefs: string[] }[];
  };
  bad.students[1]!.prefs = ['msu.rx'];
  await form.locator('textarea[name="instance"]').fill(JSON.stringify(bad));
  await form.locator('[data-testid="allocation-run"]').click();
  const refused = page.locator('[data-testid="allocation-run-error"]');
  await refused.waitFor();
  // The field, and the refusal in the reader's words (not the server's English).
  const refusedText = await refused.textContent();
  expect(refusedText).toContain('students[1].prefs[0]');
  expect(refusedText).toContain('Unknown university: msu.rx.');

  // A call is chosen by its title from those one may hand to allocation, never typed.
  await form.locator('input[name="source"][value="call"]').check();
  const picker = form.locator('select[name="callId"]');
  await picker.waitFor();
  expect((await picker.locator('option').allTextContents()).join('\n')).toContain(
    'exchange call 2015–16',
  );
  await picker.selectOption('tohoku-jr-2015');
  await form.locator('[data-testid="allocation-load-call"]').click();
  await form.locator('[data-testid="allocation-call-loaded"]').waitFor();
  consoleErrors.length = 0; // the browser logs the 400 as a failed load
});

it('an administrator uploads an instance, compares the three mechanisms, reads the explanations and publishes 2S-TTC (R4)', async () => {
  await page.goto(`${e2e.base}/allocation`);
  const form = page.locator('[data-testid="allocation-new"]');
  await form.waitFor();
  await form.locator('input[name="source"][value="file"]').check();
  await form.locator('input[name="file"]').setInputFiles(INSTANCE_FILE);
  await form.locator('[data-testid="allocation-run"]').click();
  await page.waitForURL(/\/allocation\/[0-9a-f-]{36}$/);

  // The three mechanisms side by side; the optimum exchanges two students a side.
  const compare = page.locator('[data-testid="allocation-compare"]');
  await compare.waitFor();
  const heads = await compare
    .locator('thead th[data-mechanism]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-mechanism')));
  expect(heads).toEqual(['2s-ttc', 'optimal', 'serial-dictatorship']);
  const placed = compare.locator('tr[data-metric="placed"] td[data-mechanism="optimal"]');
  expect(await placed.textContent()).toMatch(/^4 of 5/);
  // Nobody places more than the optimum: its cell is never beaten.
  const placedCells = await compare
    .locator('tr[data-metric="placed"] td')
    .evaluateAll((nodes) => nodes.map((node) => Number.parseInt(node.textContent ?? '', 10)));
  expect(Math.max(...placedCells)).toBe(4);
  for (const metric of ['months', 'first-choices', 'average-rank', 'worst-imbalance']) {
    expect(await compare.locator(`tr[data-metric="${metric}"] td`).count()).toBe(3);
  }
  // Every mechanism balances the two consortia exactly (tolerance 0).
  const imbalance = await compare.locator('tr[data-metric="worst-imbalance"] td').allTextContents();
  expect(imbalance.every((text) => text.startsWith('0 '))).toBe(true);

  // R6: the optimum passes over jp-1 (3.9) for jp-2 (3.5) at her first choice: the comparison
  // counts and names it, with the reason in words, before anyone publishes.
  expect(
    await compare
      .locator('tr[data-metric="passed-over"] td[data-mechanism="optimal"]')
      .textContent(),
  ).toMatch(/^1/);
  const passedOver = page.locator('[data-testid="allocation-passed-over-optimal"] li');
  await expect.poll(() => passedOver.count()).toBe(1);
  expect(await passedOver.getAttribute('data-code')).toBe('allocation.passed_over_tie');
  const passedOverText = (await passedOver.textContent()) ?? '';
  expect(passedOverText).toContain('rather than jp-1 (score 3.9)');
  expect(passedOverText).toContain('jp-2 (score 3.5)');
  expect(passedOverText).toContain('counts places, not scores');
  expect(passedOverText).not.toMatch(/msu\.ru/);

  // Balance per consortium for the chosen mechanism: a chart hidden from screen readers, and a
  // table with the same numbers.
  const chart = page.locator('[data-testid="allocation-chart"]');
  expect(await chart.getAttribute('aria-hidden')).toBe('true');
  await expect.poll(() => chart.locator('svg rect.allocation-bar').count()).toBeGreaterThan(0);
  const balance = page.locator('[data-testid="allocation-balance-table"]');
  // Units by their names, never their ids.
  const units = await balance
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [row.getAttribute('data-unit'), row.querySelector('th')?.textContent]),
    );
  expect(units.map(([unit]) => unit).sort()).toEqual(['tohoku-jr-japan', 'tohoku-jr-russia']);
  for (const [unit, name] of units) {
    expect(name).toBeTruthy();
    expect(name).not.toBe(unit);
  }

  // The explanations of the optimum: every student, translated reasons, the server's text.
  await page.locator('[data-testid="allocation-shown"] input[value="optimal"]').check();
  const explanations = page.locator('[data-testid="allocation-explanations"]');
  await expect.poll(() => explanations.locator('tbody tr').count()).toBe(5);
  await explanations.locator('input[type="search"]').fill('jp-1');
  await expect.poll(() => explanations.locator('tbody tr').count()).toBe(1);
  const row = explanations.locator('tbody tr[data-student="jp-1"]');
  // How she was placed, said from its code with the host's name, not its id.
  const outcome = row.locator('.allocation-outcome');
  expect(await outcome.getAttribute('data-code')).toMatch(/^allocation\./);
  await expect.poll(() => outcome.textContent()).toMatch(/^(Placed at|Stays home)/);
  expect(await row.textContent()).not.toMatch(/msu\.ru|nsu\.ru|tohoku\.ac\.jp/);
  await explanations.locator('input[type="search"]').fill('');
  await expect.poll(() => explanations.locator('tbody tr').count()).toBe(5);
  const homeRows = await explanations.locator('tbody tr').allTextContents();
  expect(homeRows.some((text) => text.includes('stays home'))).toBe(true);
  // Better choices refused, each with its code (balance with its rule, R4).
  const reasons = await explanations
    .locator('[data-testid="refusals"] li')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-code')));
  expect(reasons.every((code) => code?.startsWith('allocation.'))).toBe(true);

  // Publishing the optimum asks to confirm, naming the applicant it passes over; cancelled.
  const publish = page.locator('[data-testid="allocation-publish"]');
  await publish.locator('input[name="mechanism"][value="optimal"]').check();
  await publish.locator('input[data-date-input="startDate"]').fill('2027-09-01');
  await publish.locator('[data-testid="allocation-publish-start"]').click();
  const confirm = page.locator('[data-testid="allocation-publish-confirm"]');
  await confirm.waitFor();
  expect(await confirm.textContent()).toContain('passes over these applicants');
  const named = confirm.locator('[data-testid="allocation-publish-passed-over"] li');
  expect(await named.count()).toBe(1);
  expect(await named.textContent()).toContain('rather than jp-1');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => confirm.count()).toBe(0);

  // Publish 2S-TTC from a start date, after a confirmation.
  const ttcPlaced = Number.parseInt(
    (await compare.locator('tr[data-metric="placed"] td[data-mechanism="2s-ttc"]').textContent()) ??
      '',
    10,
  );
  await publish.locator('input[name="mechanism"][value="2s-ttc"]').check();
  await publish.locator('[data-testid="allocation-publish-start"]').click();
  await confirm.waitFor();
  expect(await confirm.textContent()).toContain(`${ttcPlaced} places become nominations`);
  expect(await confirm.textContent()).toContain('Nobody is passed over for a lower score.');
  await confirm.locator('[data-testid="allocation-publish-confirm-yes"]').click();
  const done = page.locator('[data-testid="allocation-published"]');
  await done.waitFor();
  expect(await done.textContent()).toContain(`Published: ${ttcPlaced} nominations`);
  // Published once: publishing is no longer offered, and the reason is shown instead.
  expect(await publish.locator('[data-testid="allocation-publish-start"]').count()).toBe(0);
  await expect
    .poll(() =>
      publish.locator('[data-testid="allocation-publish-refusals"] li').getAttribute('data-code'),
    )
    .toBe('allocation.already_published');
  expect(await compare.locator('thead th[data-mechanism="2s-ttc"] .badge').textContent()).toBe(
    'published',
  );

  await compare.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${RESULTS_DIR}/allocation-compare.png`, fullPage: true });

  // The run list shows it published.
  await page.locator('a', { hasText: 'All allocation runs' }).click();
  await page.waitForURL(`${e2e.base}/allocation`);
  await expect
    .poll(() => page.locator('[data-testid="allocation-runs"] tbody').textContent())
    .toContain('Published: Two-sided top trading cycles');
  expect(consoleErrors).toEqual([]);
});

it('the comparison and the chart hold in the accessible mode', async () => {
  await page.locator('[data-testid="allocation-runs"] tbody a').first().click();
  await page.locator('[data-testid="allocation-compare"]').waitFor();
  await page.locator('[data-testid="a11y-toggle"]').click();
  await expect.poll(() => page.locator('html').getAttribute('class')).toContain('a11y');
  const sentFill = await page
    .locator('[data-testid="allocation-chart"] rect.allocation-bar-sent')
    .first()
    .evaluate((node) => getComputedStyle(node).fill);
  expect(sentFill).toBe('rgb(255, 255, 0)');
  // Already published: publishing is not offered, and says why.
  await page.locator('[data-testid="allocation-published"]').waitFor();
  expect(await page.locator('[data-testid="allocation-publish-start"]').count()).toBe(0);
  expect(await page.locator('[data-testid="allocation-publish-refusals"]').textContent()).toContain(
    'already been published',
  );
  await page.screenshot({ path: `${RESULTS_DIR}/allocation-compare-a11y.png`, fullPage: true });
  await page.locator('[data-testid="a11y-toggle"]').click();
  expect(consoleErrors).toEqual([]);
});

it('a reader in Russian reads the run in Russian: explanations, plurals and the refusal', async () => {
  await page.locator('[data-testid="language-switch"]').selectOption('ru');
  const explanations = page.locator('[data-testid="allocation-explanations"]');
  await expect
    .poll(() => explanations.locator('.allocation-outcome').first().textContent())
    .toMatch(/^(Принимающий университет: |Остаётся дома)/);
  // "допуск 0 студентов": the plural form of the language, never "0 students".
  expect(
    await page.locator('[data-testid="allocation-balance-table"] caption').textContent(),
  ).toContain('допуск: 0 студентов');
  expect(await page.locator('[data-testid="allocation-publish-refusals"]').textContent()).toContain(
    'уже опубликован',
  );
  await page.locator('[data-testid="language-switch"]').selectOption('en');
  expect(consoleErrors).toEqual([]);
});
