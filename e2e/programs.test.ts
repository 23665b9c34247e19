import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#test/support/app.ts';
import { RESULTS_DIR, startE2E, type E2E } from './support.ts';

// The programs pages, a draft project application whose checks show live (R1, R18 — 003 §5(1), §8),
// and the funder's review of a selected project (R10 — 003 §3(1)).

let e2e: E2E;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];
const D = 'demo.kakehashi.example';

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

it('R1, R18: the responsible person edits the invented draft, saves it and is told why it cannot be submitted', async () => {
  const page = await signedInPage(`rep.hokudai@${D}`);
  await page.locator('header a[href="/applications"]').click();
  await page
    .locator('[data-testid="application-list"] a[href="/applications/draft-hokkaido-niigata-2003"]')
    .click();
  const r1 = page.locator('[data-testid="checks"] li[data-rule="R1"][data-ok="false"]').first();
  await r1.waitFor();
  // The check is written from its code and params in the reader's language, with the fix.
  expect(await r1.getAttribute('data-code')).toBe('program.home_too_few');
  expect(await r1.locator('.programs-check-message').textContent()).toBe(
    'The Japanese consortium has 2 universities in Japan; the program requires at least 3.',
  );
  expect(await r1.locator('.programs-check-fix').textContent()).toContain(
    'Add universities in Japan to the Japanese consortium (item 2) until it has 3.',
  );
  expect(await page.locator('[data-testid="checks"] [lang="en"]').count()).toBe(0);
  expect(await page.locator('[data-testid="countdown"]').textContent()).toContain(
    'The deadline has passed',
  );

  const text = 'Objective edited in the end-to-end test (invented).';
  await page.locator('textarea[name="outline.significance.objective.en"]').fill(text);
  await page.locator('[data-testid="save-draft"]').click();
  await expect
    .poll(() => page.locator('[data-testid="save-status"]').textContent())
    .toContain('Draft saved');
  // The checks are shown again after the save: R1 is still refused.
  await page
    .locator('[data-testid="checks"] li[data-rule="R1"][data-ok="false"]')
    .first()
    .waitFor();
  await page.screenshot({ path: `${RESULTS_DIR}/programs-draft.png`, fullPage: true });

  await page.reload();
  await expect
    .poll(() => page.locator('textarea[name="outline.significance.objective.en"]').inputValue())
    .toBe(text);

  // No button that would certainly fail: the reasons are shown instead.
  expect(await page.locator('[data-testid="submit-application"]').count()).toBe(0);
  const refusals = page.locator('[data-testid="submit-not-yet"] [data-testid="refusals"]');
  await refusals.waitFor();
  const codes = await refusals
    .locator('li')
    .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-code')));
  expect(codes).toContain('program.home_too_few');
  expect(codes).toContain('program.deadline_passed');
  const badges = await refusals.locator('.rule-badge').allTextContents();
  expect(badges).toContain('R1');
  expect(badges).toContain('R18');
  expect(await refusals.textContent()).toContain('The deadline for applications was');
  await page.screenshot({ path: `${RESULTS_DIR}/programs-refusals.png`, fullPage: true });
  // The accessible mode: refusals and checks are told in words, not by colour alone.
  await page.locator('[data-testid="a11y-toggle"]').click();
  await expect.poll(() => page.locator('html').getAttribute('class')).toContain('a11y');
  expect(await page.locator('[data-testid="checks"] li[data-rule="R1"] .badge').textContent()).toBe(
    'Refused',
  );
  await page
    .locator('[data-testid="checks"]')
    .screenshot({ path: `${RESULTS_DIR}/programs-checks-a11y.png` });
  await page.locator('[data-testid="a11y-toggle"]').click();
  // Nothing was stored: still a draft.
  expect(
    await page
      .locator('[data-testid="application-status"] [data-status]')
      .getAttribute('data-status'),
  ).toBe('draft');
});

it('R11, R15, R10: the funder sees the program, downloads the dossier, suspends and reinstates the project', async () => {
  const page = await signedInPage(`funder@${D}`);
  await page.locator('header a[href="/programs"]').click();
  await page.locator('[data-testid="program-list"] a[href="/programs/mext-iep-2014"]').click();
  await expect
    .poll(() => page.locator('[data-testid="stipend"]').textContent())
    .toMatch(/¥100,000 a month/);
  // The funder and the authors of rule versions by name, never an id.
  expect(await page.locator('main').textContent()).not.toContain('mext.go.jp');
  await page.locator('[data-testid="rules-form"]').waitFor();
  await page.screenshot({ path: `${RESULTS_DIR}/programs-program.png`, fullPage: true });

  await page.locator('header a[href="/applications"]').click();
  await page
    .locator('[data-testid="application-list"] a[href="/applications/tohoku-jr-2014"]')
    .click();
  // The program is linked by its name, not its id.
  const programLink = page.locator('main .facts a[href="/programs/mext-iep-2014"]');
  await programLink.waitFor();
  expect(await programLink.textContent()).not.toBe('mext-iep-2014');
  const dossier = page.locator('[data-testid="dossier-ja"]');
  await dossier.waitFor();
  const href = await dossier.getAttribute('href');
  expect(href).toContain('/dossier.pdf?lang=ja');
  const response = await page.request.get(`${e2e.base}${href}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');

  const status = page.locator('[data-testid="support-status"]');
  expect(await status.getAttribute('data-status')).toBe('active');
  // R10: a suspension needs a reason.
  await page.locator('[data-testid="suspend"]').click();
  await page.locator('textarea[name="reason"][aria-invalid="true"]').waitFor();
  await page.locator('textarea[name="reason"]').fill('Annual report overdue (invented).');
  await page.locator('[data-testid="suspend"]').click();
  await expect.poll(() => status.getAttribute('data-status')).toBe('suspended');
  expect(await status.textContent()).toContain('Annual report overdue');
  await page.screenshot({ path: `${RESULTS_DIR}/programs-suspended.png`, fullPage: true });
  await page.locator('[data-testid="reinstate"]').click();
  await expect.poll(() => status.getAttribute('data-status')).toBe('active');
  await page.screenshot({ path: `${RESULTS_DIR}/programs-reinstated.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});
