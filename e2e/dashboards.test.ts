import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#test/support/app.ts';
import { axeViolations, describeViolations } from './support-axe.ts';
import { startE2E, type E2E } from './support.ts';

// The three dashboards in Chromium, with the demo records: the funder's (MEXT's program), the
// association's (its secretariat) and Tohoku University's international office — each with its
// charts, the table under every chart, the map of flows, the filters kept in the URL, and the
// records behind a figure (students' names only for the coordinator).

let e2e: E2E;
const contexts: BrowserContext[] = [];
const D = 'demo.kakehashi.example';

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await e2e?.close();
});

async function signedInPage(email: string, locale = 'en-GB'): Promise<Page> {
  const context = await e2e.browser.newContext({
    locale,
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${e2e.base}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(`${e2e.base}/`);
  return page;
}

/** The rows of the table captioned `caption`, as their cells' texts. */
async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
    );
}

it('shows the funder the program’s flows, balance, spend and map, filtered in the URL, without names', async () => {
  const page = await signedInPage(`funder@${D}`);
  await page.goto(`${e2e.base}/dashboards`);
  await page.locator('a', { hasText: 'Inter-University Exchange Project' }).click();
  await page.waitForURL(/\/dashboards\/program\/mext-iep-2014$/);
  await page.locator('h1', { hasText: 'Program dashboard' }).waitFor();
  // Flows per fiscal year: the first year of Tohoku's project (three sent, three received).
  const flows = await tableRows(page, 'Students sent and received per fiscal year');
  expect(flows[0]).toEqual(['2015/16', '3', '28', '3', '28']);
  // A chart above the table, drawn with bars, and the map with its words.
  const section = page.locator('section', {
    has: page.locator('h2', { hasText: 'Students sent and received per fiscal year' }),
  });
  expect(await section.locator('.dash-chart .dash-bar').count()).toBeGreaterThan(0);
  const map = page.locator('svg.dash-map-svg');
  await map.waitFor();
  expect(await map.locator('title').first().textContent()).toBe(
    'Map of student flows between cities',
  );
  expect(await map.locator('desc').textContent()).toMatch(/students in all/);
  expect(await map.locator('.dash-map-land path').count()).toBeGreaterThan(100);
  expect(await map.locator('.dash-map-flow').count()).toBeGreaterThan(0);
  expect(await map.locator('.dash-map-label').allTextContents()).toEqual(
    expect.arrayContaining(['Sendai', 'Moscow', 'Novosibirsk']),
  );
  const cityRows = await tableRows(page, 'Map of flows between cities');
  expect(cityRows.some((r) => r[0]?.startsWith('Sendai') && r[1]?.startsWith('Moscow'))).toBe(true);
  // Balance per project and spend against the cap have their tables.
  expect((await tableRows(page, 'Balance per project (R4)')).length).toBeGreaterThan(0);
  expect(
    (await tableRows(page, 'Scholarships and travel against the cap (R14)')).length,
  ).toBeGreaterThan(0);
  // Accessible: no WCAG 2.2 A/AA violation on the funder's dashboard.
  expect(describeViolations(await axeViolations(page))).toEqual([]);
  // Downloads come from the server; the XLSX answers with a workbook.
  const xlsx = await section.locator('a', { hasText: '(Excel)' }).getAttribute('href');
  expect(xlsx).toMatch(/\/api\/v1\/programs\/mext-iep-2014\/dashboard\/export\?.*format=xlsx/);
  const file = await page.request.get(`${e2e.base}${xlsx}`);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toContain('spreadsheetml');

  // Filters live in the URL: from FY2016 to FY2016, masters only.
  await page.locator('#dash-from').selectOption('2016');
  await page.locator('#dash-to').selectOption('2016');
  await page.locator('#dash-level').selectOption('master');
  await page.waitForURL(/years=2016.*level=master|level=master.*years=2016/);
  await page
    .locator('table caption', { hasText: 'Students sent and received per fiscal year' })
    .waitFor();
  await expect
    .poll(async () => (await tableRows(page, 'Students sent and received per fiscal year'))[0])
    .toEqual(['2016/17', '3', '24', '2', '16']);
  // The URL alone gives the same dashboard.
  await page.reload();
  await expect
    .poll(async () => (await tableRows(page, 'Students sent and received per fiscal year'))[0])
    .toEqual(['2016/17', '3', '24', '2', '16']);

  // The records behind "3 sent": stays, without students' names.
  await page
    .locator('table', {
      has: page.locator('caption', { hasText: 'Students sent and received per fiscal year' }),
    })
    .locator('tbody tr')
    .first()
    .locator('a')
    .first()
    .click();
  await page.waitForURL(/\/dashboards\/program\/mext-iep-2014\/records\?/);
  await page.locator('h1', { hasText: 'Records behind the figure' }).waitFor();
  const records = await tableRows(page, 'Records behind the figure');
  expect(records).toHaveLength(3);
  expect(records.every((r) => r.some((c) => c.includes('Tohoku')))).toBe(true);
  expect(await page.locator('main').textContent()).not.toContain('Invented student');
  expect(await page.locator('thead').textContent()).not.toContain('Student');
  expect(describeViolations(await axeViolations(page))).toEqual([]);
});

it('shows the association’s secretariat its members over time, flows between countries, events and map', async () => {
  const page = await signedInPage(`secretariat@${D}`);
  await page.goto(`${e2e.base}/dashboards/consortium/ajru`);
  await page
    .locator('h1', { hasText: 'Association of Japanese and Russian Universities' })
    .waitFor();
  const members = await tableRows(page, 'Members over time');
  // Source document 001: 27 per side by October 2019.
  const fy2019 = members.filter((r) => r[0] === '2019/20');
  expect(fy2019.map((r) => r[2])).toEqual(['27', '27']);
  const countries = await tableRows(page, 'Flows between member countries');
  expect(countries.some((r) => r[0] === '2019/20' && r[1] === 'Japan' && r[3] === '4')).toBe(true);
  expect((await tableRows(page, 'Events and participants')).length).toBeGreaterThan(0);
  await page.locator('svg.dash-map-svg .dash-map-flow').first().waitFor();
  expect(await page.locator('svg.dash-map-svg .dash-map-label').allTextContents()).toEqual(
    expect.arrayContaining(['Sapporo', 'Barnaul']),
  );
  // Accessible: no WCAG 2.2 A/AA violation, in the default colours and in the reading mode.
  expect(describeViolations(await axeViolations(page))).toEqual([]);
  await page.locator('[data-testid="a11y-toggle"]').click();
  await page.locator('#a11y-settings').waitFor();
  await page.waitForFunction(() => document.documentElement.classList.contains('a11y'));
  expect(describeViolations(await axeViolations(page))).toEqual([]);
  // In the reading mode the map keeps its words and the tables stay.
  expect(await page.locator('svg.dash-map-svg').isVisible()).toBe(true);
  expect((await tableRows(page, 'Members over time')).length).toBeGreaterThan(0);
});

it('shows Tohoku’s international office its partners per year, in Japanese, with names behind a figure', async () => {
  const page = await signedInPage(`coordinator.tohoku@${D}`, 'ja-JP');
  await page.goto(`${e2e.base}/dashboards/institution/tohoku.ac.jp`);
  await page.locator('h1', { hasText: '国際交流担当' }).waitFor();
  const partners = await tableRows(page, '相手校別・年度別の受入と派遣');
  const msu2015 = partners.find((r) => r[0] === '2015年度' && r[1]?.includes('モスクワ'));
  expect(msu2015?.slice(2)).toEqual(['1', '6', '1', '6']);
  expect((await tableRows(page, '協定別の均衡（R4）')).length).toBeGreaterThan(0);
  await page.locator('svg.dash-map-svg .dash-map-flow').first().waitFor();
  // On a phone the page does not scroll sideways: charts, map and tables fit or scroll in place.
  await page.setViewportSize({ width: 360, height: 800 });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 900 });
  // The outgoing student of 2015 at Moscow: the coordinator sees the name and opens the mobility.
  await page
    .locator('table', { has: page.locator('caption', { hasText: '相手校別・年度別の受入と派遣' }) })
    .locator('tbody tr', { hasText: 'モスクワ' })
    .first()
    .locator('td a')
    .first()
    .click();
  await page.waitForURL(/\/dashboards\/institution\/tohoku\.ac\.jp\/records\?/);
  const records = await tableRows(page, '数値の内訳の記録');
  expect(records).toHaveLength(1);
  expect(records[0]?.[0]).toMatch(/^Invented student/);
  expect(await page.locator('tbody a[href^="/mobilities/"]').count()).toBe(1);
});
