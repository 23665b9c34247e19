import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, lt } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { mobilities } from '#src/db/schema.ts';
import { addDays } from '#src/domain/scholarship/index.ts';
import { RESULTS_DIR, openPage, signIn, startE2E, type E2E } from './support.ts';

// R19 (003 §10(1)): the funder officer suspends dispatch to a country from today; the stay there
// that is still going shows it; lifted the same day, the advisory held nothing and the stay no
// longer shows it.

let e2e: E2E;
let page: Page;
let stayId: string;
const consoleErrors: string[] = [];

beforeAll(async () => {
  e2e = await startE2E();
  // The demo's Tohoku student at Novosibirsk, made a stay that is going today.
  const db = e2e.server.database.db;
  const [m] = await db
    .select({ id: mobilities.id })
    .from(mobilities)
    .where(
      and(
        eq(mobilities.homeId, 'tohoku.ac.jp'),
        eq(mobilities.hostId, 'nsu.ru'),
        eq(mobilities.months, 6),
        lt(mobilities.startDate, '2019-01-01'),
      ),
    );
  stayId = m!.id;
  const today = new Date().toISOString().slice(0, 10);
  await db
    .update(mobilities)
    .set({ status: 'arrived', startDate: addDays(today, -30) })
    .where(eq(mobilities.id, stayId));
  page = await openPage(e2e, consoleErrors);
});
afterAll(() => e2e?.close());

const dispatch = async () => {
  await page.goto(`${e2e.base}/money/mobilities/${stayId}`);
  const row = page.locator('dt', { hasText: 'Dispatch' }).locator('xpath=following-sibling::dd[1]');
  await row.waitFor();
  return row;
};

it('R19: the funder officer suspends dispatch to Russia from today, the stay shows it, and lifting it the same day clears it', async () => {
  await signIn(page, e2e.base, 'funder@demo.kakehashi.example');
  expect(await (await dispatch()).textContent()).not.toMatch(/suspended/);

  await page.goto(`${e2e.base}/budget`);
  const form = page.locator('form', { has: page.locator('select[name="country"]') });
  await form.waitFor();
  await form.locator('select[name="country"]').selectOption('RU');
  await form.locator('select[name="level"]').selectOption('suspend');
  // The from date is today by default; the end date is left open.
  await form.locator('input[name="reason"]').fill('unrest near the campus');
  await form.locator('button[type="submit"]').click();
  const advisory = page.locator('[data-testid="advisory"]', { hasText: 'unrest near the campus' });
  await advisory.waitFor();
  await expect.poll(() => advisory.textContent()).toMatch(/in effect/);
  // The stay it holds is listed by its student's name.
  await expect.poll(() => advisory.locator('li').count()).toBeGreaterThan(0);
  await page.screenshot({ path: `${RESULTS_DIR}advisory-posted.png`, fullPage: true });

  await expect.poll(async () => (await dispatch()).textContent()).toMatch(/dispatch suspended/);
  await page.screenshot({ path: `${RESULTS_DIR}advisory-stay-suspended.png`, fullPage: true });

  await page.goto(`${e2e.base}/budget`);
  const again = page.locator('[data-testid="advisory"]', { hasText: 'unrest near the campus' });
  await again.waitFor();
  // Lifted on today, its first day: allowed, and it held nothing.
  await again.getByRole('button', { name: 'Lift' }).click();
  await expect.poll(() => again.textContent()).toMatch(/held nothing/);
  expect(await again.textContent()).not.toMatch(/in effect/);

  await expect.poll(async () => (await dispatch()).textContent()).toBe('open');
  await page.screenshot({ path: `${RESULTS_DIR}advisory-stay-open.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});
