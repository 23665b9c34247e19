import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RESULTS_DIR, openPage, signIn, startE2E, type E2E } from './support.ts';

// An alumna chooses who sees what on her alumni profile; a coordinator of a Russian partner then
// finds her in the association's directory by what she showed, and not by what she kept.

let e2e: E2E;
const consoleErrors: string[] = [];
const D = 'demo.kakehashi.example';
const DIRECTORY = '/alumni/tohoku-russia-alumni';

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

async function search(page: Page, q: string) {
  const box = page.getByLabel('Find alumni');
  await box.fill(q);
  await box.press('Enter');
  await expect.poll(() => page.locator('.result-count').textContent()).toMatch(/shown/);
}

it('an alumna sets her consent; another user finds her only by the fields she consented to', async () => {
  const alumna = await openPage(e2e, consoleErrors);
  await signIn(alumna, e2e.base, `student.tohoku@${D}`);
  await alumna.goto(`${e2e.base}/me/alumni`);
  await alumna.getByRole('textbox', { name: 'Field of study', exact: true }).fill('Arctic ecology');
  await alumna
    .getByRole('textbox', { name: 'Contact (e-mail or web link)', exact: true })
    .fill('sakura@example.org');
  for (const label of ['Show “Name” to Consortium', 'Show “Field of study” to Consortium']) {
    await alumna.getByRole('checkbox', { name: label, exact: true }).check();
  }
  await alumna.getByRole('button', { name: 'Save' }).click();
  await alumna.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await alumna.screenshot({ path: `${RESULTS_DIR}/alumni-profile.png`, fullPage: true });

  // A coordinator of Novosibirsk: of a university in the consortium of her host.
  const reader = await openPage(e2e, consoleErrors);
  await signIn(reader, e2e.base, `coordinator.nsu@${D}`);
  await reader.goto(`${e2e.base}${DIRECTORY}`);
  await search(reader, 'Arctic ecology');
  const entries = reader.locator('[data-testid="alumni-entry"]');
  await expect.poll(() => entries.count()).toBe(1);
  await expect.poll(() => entries.first().textContent()).toContain('Sakura Student');
  await expect.poll(() => entries.first().textContent()).not.toContain('sakura@example.org');
  await reader.screenshot({ path: `${RESULTS_DIR}/alumni-directory.png`, fullPage: true });

  // Her contact was not consented: searching by it finds nobody.
  await search(reader, 'sakura@example.org');
  await expect.poll(() => entries.count()).toBe(0);

  // A visitor who is not signed in sees nothing she kept for the consortium.
  const visitor = await openPage(e2e, consoleErrors);
  await visitor.goto(`${e2e.base}${DIRECTORY}`);
  await search(visitor, 'Arctic');
  await expect.poll(() => visitor.locator('[data-testid="alumni-entry"]').count()).toBe(0);

  // She withdraws the field: the coordinator no longer finds her by it.
  await alumna
    .getByRole('checkbox', { name: 'Show “Field of study” to Consortium', exact: true })
    .uncheck();
  await alumna.getByRole('button', { name: 'Save' }).click();
  await alumna.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await search(reader, 'Arctic ecology');
  await expect.poll(() => entries.count()).toBe(0);
  expect(consoleErrors).toEqual([]);
});

it('a coordinator records a general conference with its minutes in two languages', async () => {
  const page = await openPage(e2e, consoleErrors);
  await signIn(page, e2e.base, `coordinator.tohoku@${D}`);
  await page.goto(`${e2e.base}${DIRECTORY}`);
  const form = page.locator('section[aria-labelledby="alumni-meeting-form"]');
  await form.locator('input[data-date-input="heldOn"]').fill('2026-10-02');
  await form.locator('input[name="title.en"]').fill('Second general conference (invented)');
  await form.locator('input[name="title.ja"]').fill('第2回総会（架空）');
  await form.locator('textarea[name="minutes.en"]').fill('Invented minutes: mentors presented.');
  await form.getByRole('button', { name: 'Record the conference' }).click();
  const meetings = page.locator('section[aria-labelledby="alumni-meetings"]');
  await expect.poll(() => meetings.textContent()).toContain('Second general conference (invented)');
  await expect.poll(() => meetings.textContent()).toContain('Invented minutes: mentors presented.');
  expect(consoleErrors).toEqual([]);
});
