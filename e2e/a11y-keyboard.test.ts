import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#test/support/app.ts';
import { openPage, startE2E, type E2E } from './support.ts';

// A student applies to the open demo call with the keyboard alone (Tab, Shift+Tab, Enter, Space,
// arrows; no mouse): signing in, ranking hosts, reordering them, asking for months, submitting.
// After each action focus stays where the work goes on (WCAG 2.1.1 keyboard, 2.4.3 focus order).

let e2e: E2E;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  e2e = await startE2E();
  page = await openPage(e2e, consoleErrors);
});
afterAll(() => e2e?.close());

/** What has focus, described by a CSS selector test run in the page. */
function focusMatches(selector: string): Promise<boolean> {
  return page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; returns the count. */
async function tabTo(selector: string, options: { back?: boolean; max?: number } = {}) {
  const { back = false, max = 60 } = options;
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await focusMatches(selector)) return presses;
  }
  throw new Error(`no ${selector} within ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

function rankedHosts(): Promise<string[]> {
  return page
    .locator('[data-testid="ranking"] li')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-host') ?? ''));
}

it('a student signs in, ranks three hosts, reorders them and applies, all by keyboard', async () => {
  // Sign in: the form's fields in Tab order, Enter submits.
  await page.goto(`${e2e.base}/sign-in`);
  await tabTo('input[name="email"]');
  await page.keyboard.type('student.tohoku@demo.kakehashi.example');
  await tabTo('input[name="password"]');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${e2e.base}/`);

  // To the call through the header: Tab to the link, Enter follows it.
  await tabTo('header a[href="/calls"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${e2e.base}/calls`);
  await tabTo('main a[href="/calls/tohoku-jr-2027"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${e2e.base}/calls/tohoku-jr-2027`);
  await page.locator('[data-testid="apply-form"]').waitFor();

  // Rank three hosts: arrows choose one, Enter on "Add to ranking" adds it, and focus comes
  // straight back to the host list (it used to fall to the page body).
  const select = 'select[name="host"]';
  await tabTo(select);
  for (let added = 1; added <= 3; added += 1) {
    await page.keyboard.press('ArrowDown');
    expect(await page.locator(select).inputValue()).not.toBe('');
    await tabTo('[data-testid="add-host"]');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await rankedHosts()).length).toBe(added);
    if (added < 3) {
      await expect.poll(() => focusMatches(select)).toBe(true);
    }
  }
  // The ranking is full: the list is disabled and focus has moved on to the months.
  await expect.poll(() => focusMatches('input[name="requestedMonths"]')).toBe(true);
  const [first, second, third] = await rankedHosts();

  // Move the last host up twice with Space on its arrow: focus follows it, and at the top it
  // lands on the host's other arrow instead of the page body.
  await tabTo(`li[data-host="${third}"] [data-move="up"]`, { back: true });
  await page.keyboard.press('Space');
  await expect.poll(rankedHosts).toEqual([first, third, second]);
  expect(await focusMatches(`li[data-host="${third}"] [data-move="up"]`)).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(rankedHosts).toEqual([third, first, second]);
  expect(await focusMatches(`li[data-host="${third}"] [data-move="down"]`)).toBe(true);

  // The months: type over the value; Enter in the field submits the form.
  await tabTo('input[name="requestedMonths"]');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('6');
  await tabTo('[data-testid="apply-form"] button[type="submit"]');
  await page.keyboard.press('Enter');

  // The submitted application replaces the form and holds focus, so it is announced.
  const applied = page.locator('[data-testid="applied"]');
  await applied.waitFor();
  await expect.poll(() => focusMatches('[data-testid="applied"]')).toBe(true);
  expect(await applied.locator('li').count()).toBe(3);
  // From there, Tab reaches the link to the student's applications.
  await tabTo('[data-testid="applied"] a[href="/me/applications"]', { max: 3 });
  await page.keyboard.press('Enter');
  await page.waitForURL(`${e2e.base}/me/applications`);
  expect(consoleErrors).toEqual([]);
});
