import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { eventSeries } from '#src/db/schema.ts';
import { SCHEMES } from '#src/web/lib/a11y-options.ts';
import { DEMO_PASSWORD } from '#test/support/app.ts';
import { RESULTS_DIR, startE2E, type E2E } from './support.ts';
import { axeContext, axeViolations, describeViolations } from './support-axe.ts';

// A coordinator creates a hybrid symposium over two days with one place; one student takes the
// place, a second is put on the waiting list, moves up when the first cancels, is checked in by
// the coordinator and downloads the attendance certificate (a PDF). Then axe-core checks the
// events pages.

let e2e: E2E;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];
const D = 'demo.kakehashi.example';
const TITLE = 'Symposium on preventive medicine (invented e2e event)';
let eventPath = '';

/** A calendar date `days` from today (UTC), YYYY-MM-DD. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await e2e?.close();
});

async function signedInPage(email: string, acceptDownloads = false): Promise<Page> {
  const context = await e2e.browser.newContext({
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
    acceptDownloads,
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

async function statusText(page: Page): Promise<string> {
  const status = page.locator('[data-testid="registration-status"]');
  await status.waitFor();
  return (await status.textContent()) ?? '';
}

it('a coordinator creates a hybrid two-day symposium; a wait-listed student moves up, checks in and gets the certificate', async () => {
  const coordinator = await signedInPage(`coordinator.tohoku@${D}`);
  await coordinator.locator('header a[href="/events"]').click();
  await coordinator.locator('[data-testid="new-event"]').click();
  const form = coordinator.locator('[data-testid="event-form"]');
  await form.waitFor();
  await form.locator('select[name="kind"]').selectOption('symposium');
  await form.locator('select[name="mode"]').selectOption('hybrid');
  await form.locator('input[name="title.en"]').fill(TITLE);
  await form.locator('input[name="title.ja"]').fill('予防医学シンポジウム（架空のe2eイベント）');
  await form.locator('input[name="title.ru"]').fill('Симпозиум по профилактической медицине (e2e)');
  await form.locator('input[data-date-input="startsOn"]').fill(day(20));
  await form.locator('input[data-date-input="endsOn"]').fill(day(21));
  await form.locator('input[name="timeZone"]').fill('Asia/Tokyo');
  await form.locator('input[name="city"]').fill('Kanazawa');
  await form.locator('input[name="capacity"]').fill('1');
  await form.locator('select[name="organisers"]').selectOption('institution:tohoku.ac.jp');

  // Day one: an opening session; day two: a session that ends before it starts, refused on its field.
  await form.locator('[data-testid="add-session"]').click();
  await form.locator('input[name="sessions.0.title.en"]').fill('Opening remarks');
  await form.locator('input[name="sessions.0.startTime"]').fill('10:00');
  await form.locator('input[name="sessions.0.endTime"]').fill('10:30');
  await form.locator('input[name="sessions.0.room"]').fill('Hall A');
  await form.getByRole('button', { name: 'Add a contribution' }).click();
  await form.locator('#session-0-c0-kind').selectOption('keynote');
  await form.locator('#session-0-c0-title-en').fill('Prevention across borders');
  await form.locator('#session-0-c0-speaker').fill('A guest speaker (invented)');
  await form.locator('[data-testid="add-session"]').click();
  await form.locator('select[name="sessions.1.day"]').selectOption(day(21));
  await form.locator('input[name="sessions.1.title.en"]').fill('Student reports');
  await form.locator('input[name="sessions.1.startTime"]').fill('14:00');
  await form.locator('input[name="sessions.1.endTime"]').fill('13:00');
  await form.locator('input[name="sessions.1.onlineUrl"]').fill('https://meet.example.org/e2e');
  await form.locator('[data-testid="save-event"]').click();
  const endError = form.locator('#session-1-end-error');
  await endError.waitFor();
  expect(await form.locator('#session-1-end').getAttribute('aria-invalid')).toBe('true');

  await form.locator('input[name="sessions.1.endTime"]').fill('16:00');
  await form.locator('[data-testid="save-event"]').click();
  await coordinator.waitForURL(/\/events\/[0-9a-f-]{36}$/);
  eventPath = new URL(coordinator.url()).pathname;
  const timetable = coordinator.locator('[data-testid="timetable"]');
  await timetable.waitFor();
  expect(await timetable.locator('h3').count()).toBe(2);
  expect(await timetable.textContent()).toContain('10:00');
  expect(await timetable.textContent()).toContain('Prevention across borders');

  // The organiser edits the programme: the saved contribution is updated, not added again.
  await coordinator.locator('[data-testid="edit-event"]').click();
  await form.locator('#session-0-c0-title-en').fill('Prevention across borders, revised');
  await form.locator('[data-testid="save-event"]').click();
  await coordinator.waitForURL(`${e2e.base}${eventPath}`);
  await timetable.locator('text=Prevention across borders, revised').waitFor();
  expect(await timetable.locator('.events-contributions li').count()).toBe(1);
  await coordinator.screenshot({ path: `${RESULTS_DIR}/events-timetable.png`, fullPage: true });

  // The first student takes the only place.
  const first = await signedInPage(`student.tsukuba@${D}`);
  await first.goto(`${e2e.base}${eventPath}`);
  await first.locator('[data-testid="register"]').click();
  await first.waitForFunction(() =>
    document
      .querySelector('[data-testid="registration-status"]')
      ?.textContent?.includes('Confirmed'),
  );

  // The second is put on the waiting list, never over the capacity.
  const student = await signedInPage(`student.tohoku@${D}`, true);
  await student.goto(`${e2e.base}${eventPath}`);
  await student.locator('input[name="listed"]').check();
  await student.locator('[data-testid="register"]').click();
  await student.waitForFunction(() =>
    document
      .querySelector('[data-testid="registration-status"]')
      ?.textContent?.includes('waiting list'),
  );
  expect(await statusText(student)).toContain('position 1');

  // The first cancels: the place passes to the waiting list at once.
  await first.locator('[data-testid="cancel-registration"]').click();
  await first.locator('button.button-danger').click();
  await first.waitForFunction(() => !document.querySelector('[data-testid="cancel-registration"]'));
  await student.reload();
  expect(await statusText(student)).toContain('Confirmed');
  await student.locator('[data-testid="check-in-link"]').waitFor();

  // At the door, the coordinator opens the link of the student's confirmation (its QR code).
  // The confirmation carries the check-in link as a QR code for the door, and as text.
  const qr = student.locator('[data-testid="check-in-qr"]');
  expect(await qr.getAttribute('aria-label')).toBeTruthy();
  expect(await qr.locator('rect').count()).toBeGreaterThan(100);
  const link = await student.locator('[data-testid="check-in-link"] code').textContent();
  expect(link).toMatch(/\/check-in\//);
  await coordinator.goto(link!);
  await coordinator.locator('[data-testid="check-in-form"] button[type="submit"]').click();
  await coordinator.locator('[data-testid="checked-in"]').waitFor();
  await coordinator.goto(`${e2e.base}${eventPath}/registrations`);
  await coordinator.locator('[data-testid="registration-row"] .badge').first().waitFor();

  // The certificate is a PDF.
  await student.reload();
  const certificate = student.locator('[data-testid="certificate"]');
  await certificate.waitFor();
  const href = await certificate.getAttribute('href');
  expect(href).toBeTruthy();
  const response = await student.request.get(`${e2e.base}${href}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await student.screenshot({ path: `${RESULTS_DIR}/events-certificate.png`, fullPage: true });

  expect(consoleErrors).toEqual([]);
}, 180_000);

it('a visitor reading Japanese in Moscow sees Russian Week’s three days in Tokyo and Moscow time, and the congress rotation', async () => {
  const context = await e2e.browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Europe/Moscow',
    viewport: { width: 1280, height: 900 },
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(`${e2e.base}/events?q=${encodeURIComponent('Russian Week 2021')}`);
  await page.locator('[data-testid="event-list"] a', { hasText: 'ロシア' }).first().click();
  const timetable = page.locator('[data-testid="timetable"]');
  await timetable.waitFor();
  expect(await timetable.locator('h3').count()).toBe(3);
  const text = (await timetable.textContent()) ?? '';
  // Both zones are named in the reader's language; every session has both times.
  expect(text).toContain('Asia/Tokyo');
  expect(text).toContain('Europe/Moscow');
  expect(text).toContain('基調講演');
  const firstRow = page.locator('[data-testid="session-row"]').first();
  const times = await firstRow.locator('td').nth(0).textContent();
  const yours = await firstRow.locator('td').nth(1).textContent();
  expect(times).not.toEqual(yours);
  await page.screenshot({ path: `${RESULTS_DIR}/events-russian-week-ja.png`, fullPage: true });

  // The association's congress series: in turn in Japan and Russia, the next host suggested.
  await page.goto(`${e2e.base}/events`);
  await page.locator('[data-testid="series-list"] a', { hasText: '日露大学協会' }).click();
  await page.locator('[data-testid="rotation"]').waitFor();
  expect(await page.locator('[data-testid="rotation"]').textContent()).toContain('日本');
  await page.locator('[data-testid="next-host"]').waitFor();
  await page.screenshot({ path: `${RESULTS_DIR}/events-series-ja.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
}, 120_000);

it('finds no WCAG 2.2 A/AA violation on the events pages, in the default colours and the reading mode', async () => {
  const found: string[] = [];
  const db = e2e.server.database.db;
  // The demo world's series (when it has one) and the event created above.
  const [series] = await db.select({ id: eventSeries.id }).from(eventSeries).limit(1);
  const context = await axeContext(e2e);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${e2e.base}/sign-in`);
  await page.locator('input[name="email"]').fill(`coordinator.tohoku@${D}`);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(`${e2e.base}/`);
  const paths = [
    '/events',
    '/events/new',
    '/me/events',
    ...(series ? [`/event-series/${series.id}`] : []),
    ...(eventPath
      ? [eventPath, `${eventPath}/registrations`, `${eventPath}/check-in/not-a-real-code`]
      : []),
  ];
  for (const path of paths) {
    await page.goto(`${e2e.base}${path}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => document.querySelector('main .loading') === null);
    for (const line of describeViolations(await axeViolations(page)))
      found.push(`${path}: ${line}`);
    // The reading mode: each colour scheme is one press away in its settings bar.
    await page.locator('[data-testid="a11y-toggle"]').click();
    const bar = page.locator('#a11y-settings');
    await bar.waitFor();
    for (const scheme of SCHEMES) {
      await bar.locator(`.chip-scheme-${scheme}`).click();
      await page.waitForFunction(
        (s) => document.documentElement.classList.contains(`a11y-scheme-${s}`),
        scheme,
      );
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      for (const line of describeViolations(await axeViolations(page))) {
        found.push(`${path} [reading mode, ${scheme}]: ${line}`);
      }
    }
    await page.locator('[data-testid="a11y-toggle"]').click();
    await bar.waitFor({ state: 'detached' });
  }
  expect(found).toEqual([]);
}, 300_000);
