import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { fixedClock } from '#src/services/clock.ts';
import { DEMO_PASSWORD, signInAs } from '#test/support/app.ts';
import { RESULTS_DIR, startE2E, type E2E } from './support.ts';

// Each demo role signs in, lands on its workspace, and reaches every one of its tasks with one
// click: the page it lands on is the page where the task is done.

let e2e: E2E;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];
const D = 'demo.kakehashi.example';

/** What shows that the page is the one where a kind of task is done. */
const DONE_ON: Record<string, string> = {
  open_calls: '[data-testid="apply-form"]',
  score_applications: '[data-testid="score-form"]',
  confirm_enrolments: '[data-testid="money-schedule"]',
  approve_learning_agreements: '[data-testid="la-proposed"]',
  decide_recognitions: '[data-testid="decision-form"]',
  batch_payments: '[data-testid="money-build"]',
  reports_due: 'main h1',
  review_advisories: '[data-testid="advisory"]',
  my_applications: '[data-testid="application"]',
  mobility_steps: '[data-testid="mobility-page"]',
};

/** The tasks each demo role finds, on the day of the test, once the set-up below has run. */
const EXPECTED: Record<string, string[]> = {
  'student.tohoku': ['my_applications', 'mobility_steps'],
  reviewer: ['score_applications'],
  reviewer2: ['score_applications'],
  'coordinator.nsu': ['confirm_enrolments'],
  'coordinator.tohoku': ['decide_recognitions'],
  // No implementation report is owed this year: the demo project's five years of support
  // (R10) began in 2014. The last test gives it a support that covers today.
  'rep.tohoku': ['confirm_enrolments', 'batch_payments'],
  funder: ['review_advisories'],
  'rep.hokudai': [],
  secretariat: [],
};

beforeAll(async () => {
  // A day while the invented demo call is open.
  // Every demo role signs in within the minute: the sign-in limit is raised for this walk.
  e2e = await startE2E({ clock: fixedClock('2026-12-06T03:00:00Z'), signInPerMinute: 60 });
  // Work for the reviewers and the funder officer: an application to score, an advisory in effect.
  const app = e2e.server.app;
  const student = await signInAs(app, `student.tohoku@${D}`);
  const applied = await app.inject({
    method: 'POST',
    url: '/api/v1/calls/tohoku-jr-2027/applications',
    headers: { cookie: student.cookie, 'x-csrf-token': student.csrfToken },
    payload: { ranking: ['nsu.ru', 'msu.ru'], requestedMonths: 10 },
  });
  if (applied.statusCode !== 201) throw new Error(`apply: ${applied.body}`);
  const funder = await signInAs(app, `funder@${D}`);
  const advisory = await app.inject({
    method: 'POST',
    url: '/api/v1/advisories',
    headers: { cookie: funder.cookie, 'x-csrf-token': funder.csrfToken },
    payload: {
      programId: 'mext-iep-2014',
      country: 'RU',
      level: 'postpone',
      from: '2026-12-01',
      reason: 'Invented advisory for the workspace walk',
    },
  });
  if (advisory.statusCode !== 201) throw new Error(`advisory: ${advisory.body}`);
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

it.each(Object.entries(EXPECTED))(
  '%s lands on the workspace and reaches each task in one click',
  async (who, kinds) => {
    const page = await signedInPage(`${who}@${D}`);
    if (kinds.length === 0) {
      await page.locator('[data-testid="workspace-empty"]').waitFor();
      return;
    }
    const cards = page.locator('[data-testid="task"]');
    await cards.first().waitFor();
    const found = await cards.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-kind')),
    );
    expect(found).toEqual(kinds);
    await page.screenshot({ path: `${RESULTS_DIR}/workspace-${who}.png`, fullPage: true });

    for (const kind of kinds) {
      await page.goto(`${e2e.base}/`);
      const item = page.locator(
        `[data-testid="task"][data-kind="${kind}"] [data-testid="task-item"]`,
      );
      await item.first().waitFor();
      // The names of people, calls and universities, never an id.
      const name = (await item.first().textContent()) ?? '';
      expect(name).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(name.trim()).not.toBe('');
      const href = await item.first().getAttribute('href');
      await item.first().click();
      await page.waitForURL(`${e2e.base}${href}`);
      await page
        .locator(DONE_ON[kind] ?? 'main h1')
        .first()
        .waitFor();
    }
  },
);

it('R6: the scoring form opens again with the reviewer’s earlier scores', async () => {
  const page = await signedInPage(`reviewer@${D}`);
  await page
    .locator('[data-testid="task"][data-kind="score_applications"] [data-testid="task-item"]')
    .click();
  const form = page.locator('[data-testid="score-form"][data-applicant="Sakura Student"]');
  await form.waitFor();
  await form.locator('input[name="motivation"]').fill('8');
  await form.locator('input[name="language"]').fill('6');
  await form.locator('button[type="submit"]').click();
  await form.locator('[data-testid="score-saved"]').waitFor();
  await page.reload();
  await form.waitFor();
  expect(await form.locator('input[name="motivation"]').inputValue()).toBe('8');
  expect(await form.locator('input[name="language"]').inputValue()).toBe('6');
  // Scored: the task has left the workspace.
  await page.goto(`${e2e.base}/`);
  await page.locator('[data-testid="workspace-empty"]').waitFor();
});

it('the header counts the tasks under each link, read out in words', async () => {
  const page = await signedInPage(`rep.tohoku@${D}`);
  const payments = page.locator('.main-nav a[href="/payments"] [data-testid="nav-badge"]');
  await payments.waitFor();
  expect(
    Number((await payments.locator('[aria-hidden="true"]').textContent()) ?? '0'),
  ).toBeGreaterThan(0);
  expect(await payments.locator('.visually-hidden').textContent()).toMatch(/tasks? waiting/);
  const all = page.locator('.main-nav a[href="/workspace"] [data-testid="nav-badge"]');
  await all.waitFor();
  // The workspace page itself is a header link away.
  await page.locator('.main-nav a[href="/workspace"]').click();
  await page.waitForURL(`${e2e.base}/workspace`);
  await page.locator('[data-testid="workspace"]').waitFor();
  expect(consoleErrors).toEqual([]);
});

it('R20, R10: a report owed in a year of the support period leads to the reports table', async () => {
  // The demo project's support moved to begin in October 2024: its years run FY2024–FY2028, so
  // this fiscal year's report is owed.
  await e2e.server.database.db.execute(
    sql`UPDATE project_applications
           SET support = jsonb_set(support, '{startedOn}', '"2024-10-01"')
         WHERE id = 'tohoku-jr-2014'`,
  );
  for (const who of ['funder', 'rep.tohoku']) {
    const page = await signedInPage(`${who}@${D}`);
    const item = page.locator(
      '[data-testid="task"][data-kind="reports_due"] [data-testid="task-item"]',
    );
    await item.first().waitFor();
    expect(await item.first().getAttribute('href')).toBe('/reports?fy=2026');
    await item.first().click();
    await page.waitForURL(`${e2e.base}/reports?fy=2026`);
    // The table names the project whose report is owed, linked to its report.
    const row = page.locator('main table tbody th a');
    await row.first().waitFor();
    expect(await row.first().getAttribute('href')).toBe('/projects/tohoku-jr-2014/reports/2026');
  }
  expect(consoleErrors).toEqual([]);
});
