import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#test/support/app.ts';
import { RESULTS_DIR, startE2E, type E2E } from './support.ts';

// A coordinator of a sending university opens a call through the form (a 400 is shown
// next to its field first) and sees it in the catalogue; a student refused for a language level
// (CEFR) edits the languages of their profile and then applies.

let e2e: E2E;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];
const D = 'demo.kakehashi.example';
const CALL = 'tohoku-jr-e2e-form';

/** A date on the program's clock (+09:00, R18, 003 §8–9), `days` from today. */
const day = (days: number) =>
  new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await e2e?.close();
});

async function signedInPage(email: string): Promise<Page> {
  const context = await e2e.browser.newContext({
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  contexts.push(context);
  // The refusals' texts arrive late, as on a slow line: a refusal shows in its own words the
  // moment it shows, never a generic sentence first.
  await context.route('**/assets/*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('closes before it opens')) await new Promise((r) => setTimeout(r, 1500));
    await route.fulfill({ response, body });
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (4\d\d)/.test(m.text())) consoleErrors.push(m.text());
  });
  await page.goto(`${e2e.base}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(`${e2e.base}/`);
  return page;
}

it('a coordinator opens a call through the form, sees a field error, and finds the call in the catalogue', async () => {
  const page = await signedInPage(`coordinator.tohoku@${D}`);
  await page.locator('header a[href="/calls"]').click();
  await page.locator('[data-testid="new-call"]').click();
  const form = page.locator('[data-testid="call-form"]');
  await form.waitFor();
  await form.locator('input[name="id"]').fill(CALL);
  await form.locator('input[name="title.en"]').fill('Russian-taught semester (invented e2e call)');
  await form.locator('input[name="title.ja"]').fill('ロシア語で学ぶ学期（架空のe2e公募）');
  await form.locator('select[name="programId"]').selectOption('mext-iep-2014');
  await form.locator('input[name="sending"][value="tohoku-jr-japan"]').check();
  await form.locator('select[name="hosts[0].institutionId"]').selectOption('msu.ru');
  await form.locator('select[name="hosts[0].consortiumId"]').selectOption('tohoku-jr-russia');
  await form.locator('input[name="hosts[0].places.bachelor"]').fill('2');
  await form.locator('[data-testid="host-0-add-language"]').click();
  await form.locator('select[name="hosts[0].languages[0].language"]').selectOption('ru');
  await form.locator('select[name="hosts[0].languages[0].minLevel"]').selectOption('B2');
  // The deadline before the opening: the server's 400 is shown next to the deadline.
  await form.locator('input[data-date-input="opens"]').fill(day(-1));
  await form.locator('input[data-date-input="closes"]').fill(day(-5));
  await form.locator('input[name="stayMonthsMin"]').fill('3');
  await form.locator('input[name="stayMonthsMax"]').fill('12');
  await form.locator('input[name="maxRankedHosts"]').fill('1');
  await form.locator('button[type="submit"]').click();
  const closesError = form.locator('#call-closes-error');
  await closesError.waitFor();
  expect(await closesError.textContent()).toContain('closes before it opens');
  expect(await form.locator('input[data-date-input="closes"]').getAttribute('aria-invalid')).toBe(
    'true',
  );
  await page.screenshot({ path: `${RESULTS_DIR}/calls-form-error.png`, fullPage: true });

  await form.locator('input[data-date-input="closes"]').fill(day(60));
  await form.locator('button[type="submit"]').click();
  await page.waitForURL(`${e2e.base}/calls/${CALL}`);
  await expect
    .poll(() => page.locator('h1').textContent())
    .toContain('Russian-taught semester (invented e2e call)');
  await page.locator('[data-testid="edit-call"]').waitFor();
  await page.screenshot({ path: `${RESULTS_DIR}/calls-form-created.png`, fullPage: true });

  await page.locator('header a[href="/calls"]').click();
  const link = page.locator(`[data-testid="call-list"] a[href="/calls/${CALL}"]`);
  await link.waitFor();
  expect(await link.textContent()).toBe('Russian-taught semester (invented e2e call)');
});

it('a student told before the form that Russian A2 is not enough raises the level in their profile and applies', async () => {
  const page = await signedInPage(`student.tohoku@${D}`);
  await page.goto(`${e2e.base}/calls/${CALL}`);
  // The only host asks for Russian B2: the reason is shown before any form, and no form.
  const reason = page.locator(
    '[data-testid="eligibility"] [data-testid="apply-refusals"] li[data-code="calls.language_requirement_not_met"]',
  );
  await reason.waitFor();
  expect(await page.locator('[data-testid="apply-form"]').count()).toBe(0);
  // The host by its name and the language by its name, in the reader's language.
  expect(await reason.textContent()).toContain(
    'Lomonosov Moscow State University requires Russian B2',
  );
  await page.screenshot({ path: `${RESULTS_DIR}/calls-eligibility-refused.png`, fullPage: true });

  await page.locator('[data-testid="profile-link"]').click();
  await page.waitForURL(`${e2e.base}/me/profile`);
  const form = page.locator('[data-testid="profile-form"]');
  await form.waitFor();
  expect(await form.locator('[data-testid="profile-home"]').textContent()).toBe(
    'Tohoku University',
  );
  expect(await form.locator('select[name="languages[1].language"]').inputValue()).toBe('ru');
  await form.locator('select[name="languages[1].level"]').selectOption('B2');
  await form.locator('[data-testid="add-language"]').click();
  await form.locator('select[name="languages[2].language"]').selectOption('fr');
  await form.locator('select[name="languages[2].level"]').selectOption('A2');
  await form.locator('button[type="submit"]').click();
  await form.locator('[data-testid="profile-saved"]').waitFor();
  await page.screenshot({ path: `${RESULTS_DIR}/calls-profile.png`, fullPage: true });

  await page.goto(`${e2e.base}/calls/${CALL}`);
  const apply = page.locator('[data-testid="apply-form"]');
  await apply.waitFor();
  expect(await page.locator('[data-testid="eligibility"]').getAttribute('data-status')).toBe(
    'eligible',
  );
  // R12: the months input is held to the stay the program and the call allow, and says so.
  const months = page.locator('input[name="requestedMonths"]');
  expect([await months.getAttribute('min'), await months.getAttribute('max')]).toEqual(['3', '12']);
  expect(await page.locator('[data-testid="months-range"]').textContent()).toContain(
    'Between 3 and 12 months',
  );
  await page.locator('select[name="host"]').selectOption('msu.ru');
  await page.locator('[data-testid="apply-form"] [data-testid="add-host"]').click();
  await months.fill('6');
  await apply.locator('button[type="submit"]').click();
  await page.locator('[data-testid="applied"]').waitFor();
  await page.screenshot({ path: `${RESULTS_DIR}/calls-applied-after-profile.png`, fullPage: true });

  // Back on the call: the application already made, with its date and a link, instead of the form.
  await page.reload();
  const panel = page.locator('[data-testid="eligibility"][data-status="applied"]');
  await panel.waitFor();
  expect(await panel.textContent()).toContain('You applied to this call on');
  expect(await page.locator('[data-testid="apply-form"]').count()).toBe(0);
  await panel.locator('[data-testid="my-application-link"]').click();
  await page.waitForURL(/\/me\/applications#application-/);
  expect(consoleErrors).toEqual([]);
});
