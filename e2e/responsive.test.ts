import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { agreements, mobilities, users } from '#src/db/schema.ts';
import { DEMO_PASSWORD } from '#test/support/app.ts';
import { RESULTS_DIR, startE2E, type E2E } from './support.ts';

// The key pages at a phone (360 px), a tablet (768 px) and a desktop (1280 px) width: nothing
// wider than the window (no sideways scrolling of the page), a compact header with a menu button
// on phones, and the layouts that used to break on small screens. Screenshots are kept for review.

const WIDTHS = [360, 768, 1280] as const;
const SHOTS = join(RESULTS_DIR, 'responsive');

let e2e: E2E;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];
let agreementId = '';
let mobilityId = '';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  e2e = await startE2E();
  const db = e2e.server.database.db;
  const [agreement] = await db.select({ id: agreements.id }).from(agreements).limit(1);
  const [student] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'student.tohoku@demo.kakehashi.example'));
  const [stay] = await db
    .select({ id: mobilities.id })
    .from(mobilities)
    .where(and(eq(mobilities.hostId, 'msu.ru'), eq(mobilities.studentUserId, student?.id ?? '')));
  if (!agreement || !stay) throw new Error('the demo world lacks an agreement or a stay');
  agreementId = agreement.id;
  mobilityId = stay.id;
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await e2e?.close();
});

async function open(browser: Browser, width: number, email: string | null): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-GB',
    viewport: { width, height: 900 },
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  if (email) {
    await page.goto(`${e2e.base}/sign-in`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(`${e2e.base}/`);
  }
  return page;
}

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${e2e.base}${path}`);
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelector('main .loading') === null);
}

/** How far the page is wider than the window (0 when it fits). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - window.innerWidth;
  });
}

async function shoot(page: Page, name: string, width: number): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

/** The pages, by who opens them. */
function pages(): [string | null, [string, string][]][] {
  return [
    [
      null,
      [
        ['home', '/'],
        ['calls', '/calls'],
        ['programs', '/programs'],
        ['institutions', '/institutions'],
      ],
    ],
    [
      'student.tohoku',
      [
        ['student-home', '/'],
        ['call-apply', '/calls/tohoku-jr-2027'],
        ['profile', '/me/profile'],
        ['mobility', `/mobilities/${mobilityId}`],
      ],
    ],
    [
      'coordinator.tohoku',
      [
        ['agreement', `/agreements/${agreementId}`],
        ['call-edit', '/calls/tohoku-jr-2027/edit'],
        ['screening', '/calls/tohoku-jr-2027/screening'],
      ],
    ],
    [
      'rep.tohoku',
      [
        ['budget', '/budget'],
        ['payments', '/payments'],
      ],
    ],
    ['funder', [['program', '/programs/mext-iep-2014']]],
  ];
}

it('no page is wider than the window at 360, 768 and 1280 px', async () => {
  const wide: string[] = [];
  // One sign-in per person (sign-ins are rate-limited); the window is resized between widths.
  for (const [email, list] of pages()) {
    const page = await open(
      e2e.browser,
      WIDTHS[0],
      email ? `${email}@demo.kakehashi.example` : null,
    );
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, path] of list) {
        await visit(page, path);
        await shoot(page, name, width);
        const by = await overflow(page);
        if (by > 0) wide.push(`${path} at ${width} px: ${by} px too wide`);
      }
    }
    await page.context().close();
  }
  expect(wide).toEqual([]);
  expect(consoleErrors).toEqual([]);
}, 600_000);

it('the header is one line with a menu button on a phone, and everything shows on a desktop', async () => {
  const page = await open(e2e.browser, 360, 'student.tohoku@demo.kakehashi.example');
  await visit(page, '/calls');
  const button = page.locator('[data-testid="site-menu-button"]');
  const header = page.locator('header.site-header');
  expect(await button.isVisible()).toBe(true);
  expect(await page.locator('header nav a[href="/calls"]').isVisible()).toBe(false);
  const closed = (await header.boundingBox())?.height ?? Infinity;
  expect(closed).toBeLessThan(90); // was 400 px and more: half of a phone's screen
  // The menu opens by keyboard, its links are reachable, Escape closes it back onto the button.
  await button.focus();
  await page.keyboard.press('Enter');
  expect(await button.getAttribute('aria-expanded')).toBe('true');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('nav') !== null)).toBe(true);
  await page.keyboard.press('Escape');
  expect(await button.getAttribute('aria-expanded')).toBe('false');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
    'site-menu-button',
  );
  // Following a link closes the menu.
  await button.click();
  await page.locator('header nav a[href="/me/applications"]').click();
  await page.waitForURL(`${e2e.base}/me/applications`);
  await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');

  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await button.isVisible()).toBe(false);
  expect(await page.locator('header nav a[href="/calls"]').isVisible()).toBe(true);
  await page.context().close();
});

it('checkboxes sit beside their labels and month chips carry no list marker', async () => {
  const page = await open(e2e.browser, 360, 'coordinator.tohoku@demo.kakehashi.example');
  await visit(page, '/calls/tohoku-jr-2027/edit');
  const beside = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('main label input[type="checkbox"]')].map(
      (box) => {
        const label = box.closest('label')!;
        const b = box.getBoundingClientRect();
        const l = label.getBoundingClientRect();
        // The box is on the label's first line, not on a line of its own above the words.
        return b.width < 40 && b.top < l.top + 12 && l.right - b.right > 20;
      },
    ),
  );
  expect(beside.length).toBeGreaterThan(0);
  expect(beside.every(Boolean)).toBe(true);
  await page.context().close();

  const rep = await open(e2e.browser, 360, 'rep.tohoku@demo.kakehashi.example');
  await visit(rep, '/payments');
  await rep.locator('.money-month').first().waitFor();
  const markers = await rep.evaluate(() =>
    [...document.querySelectorAll('.money-month')].map((li) => getComputedStyle(li).listStyleType),
  );
  expect(new Set(markers)).toEqual(new Set(['none']));
  await rep.context().close();
});

it('R14: the budget chart reaches the cap and draws it; the ledger labels every year', async () => {
  const rep = await open(e2e.browser, 1280, 'rep.tohoku@demo.kakehashi.example');
  await visit(rep, '/budget');
  const chart = rep.locator('[data-testid="money-chart"]').first();
  await chart.locator('.money-cap-line line').waitFor({ state: 'attached' });
  const { line, top } = await chart.evaluate((figure) => {
    const cap = figure.querySelector('.money-cap-line line')!.getBoundingClientRect();
    const plot = figure.querySelector('.recharts-cartesian-grid')!.getBoundingClientRect();
    return { line: cap.top, top: plot.top };
  });
  // The cap line lies inside the plotted area (at its top when the bars are far below it).
  expect(line).toBeGreaterThanOrEqual(top - 1);
  await rep.context().close();

  const coordinator = await open(e2e.browser, 360, 'coordinator.tohoku@demo.kakehashi.example');
  await visit(coordinator, `/agreements/${agreementId}`);
  const table = coordinator.locator('[data-testid="balance-table"]');
  await table.waitFor();
  const years = await table.locator('tbody tr').count();
  const ticks = coordinator.locator(
    '[data-testid="balance-chart"] .recharts-xAxis .recharts-cartesian-axis-tick',
  );
  await expect.poll(() => ticks.count()).toBe(years);
  await coordinator.context().close();
});

it('rule cards keep each value on one or two lines', async () => {
  const page = await open(e2e.browser, 1280, 'funder@demo.kakehashi.example');
  await visit(page, '/programs/mext-iep-2014');
  const lines = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.programs-rule-groups .facts dd')].map((dd) => {
      const height = dd.getBoundingClientRect().height;
      const line = parseFloat(getComputedStyle(dd).lineHeight);
      return Math.round(height / line);
    }),
  );
  expect(lines.length).toBeGreaterThan(10);
  expect(Math.max(...lines)).toBeLessThanOrEqual(2);
  await page.context().close();
});

it('the reading mode’s settings bar is one row on a desktop and one line of choices per group on a phone', async () => {
  const page = await open(e2e.browser, 1280, null);
  await visit(page, '/calls');
  await page.locator('[data-testid="a11y-toggle"]').click();
  const bar = page.locator('#a11y-settings');
  await bar.waitFor();
  // One row: every group's middle at the same height (chips of the larger fonts are taller).
  const rows = () =>
    bar.evaluate((section) => {
      const middles = [...section.querySelectorAll(':scope .a11y-settings-inner > *')].map((el) => {
        const r = el.getBoundingClientRect();
        return r.top + r.height / 2;
      });
      return Math.max(...middles) - Math.min(...middles) < 12 ? 1 : 2;
    });
  await shoot(page, 'reading-mode-bar', 1280);
  expect(await rows()).toBe(1);
  await page.setViewportSize({ width: 360, height: 900 });
  await shoot(page, 'reading-mode-bar', 360);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  // Every choice is on the screen, and each group keeps its choices on one line.
  const placed = await bar.evaluate((section) =>
    [...section.querySelectorAll('fieldset')].map((fieldset) => {
      const boxes = [...fieldset.querySelectorAll('button')].map((b) => b.getBoundingClientRect());
      const middle = (r: DOMRect) => r.top + r.height / 2;
      return boxes.every(
        (r) => r.right <= window.innerWidth && Math.abs(middle(r) - middle(boxes[0]!)) < 12,
      );
    }),
  );
  expect(placed.every(Boolean)).toBe(true);
  await page.context().close();
});
