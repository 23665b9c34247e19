import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { SCHEMES } from '#src/web/lib/a11y-options.ts';
import { DEMO_PASSWORD } from '#test/support/app.ts';
import { RESULTS_DIR, startE2E, type E2E } from './support.ts';
import { axeContext, axeViolations, describeViolations } from './support-axe.ts';

// An organiser starts a series that rotates between Japan and Russia, then creates an event in
// it with a host and a follow-up question; a registered participant answers the question. A
// signing ceremony opens its liaison office; a coordinator founds an alumni association and
// links its general conference to the calendar's event.

let e2e: E2E;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];
const D = 'demo.kakehashi.example';
const SERIES = 'Japan–Russia seminar on glaciology (invented e2e series)';
const EVENT = 'First glaciology seminar (invented e2e event)';
const QUESTION = 'Do you have dietary needs?';

/** A calendar date `days` from today (UTC), YYYY-MM-DD. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

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

it('an organiser starts a rotating series, creates an event in it with a host and a follow-up question; a participant answers it', async () => {
  const organiser = await signedInPage(`coordinator.tohoku@${D}`);

  // The series, from the event form's "New series" link.
  await organiser.goto(`${e2e.base}/events/new`);
  await organiser.locator('[data-testid="event-form"]').waitFor();
  await organiser.locator('[data-testid="new-series"]').click();
  const series = organiser.locator('[data-testid="series-form"]');
  await series.waitFor();
  await series.locator('input[name="title.en"]').fill(SERIES);
  await series.locator('input[name="title.ja"]').fill('日露氷河学セミナー（架空のe2eシリーズ）');
  await series.locator('select[name="organisers"]').selectOption('institution:tohoku.ac.jp');
  await series.locator('select[name="rotation.countries.0"]').selectOption('JP');
  await series.locator('[data-testid="add-country"]').click();
  await series.locator('select[name="rotation.countries.1"]').selectOption('RU');
  // A minimum above the maximum is refused on the maximum's field.
  await series.locator('input[name="minMonths"]').fill('30');
  await series.locator('input[name="maxMonths"]').fill('24');
  await series.locator('[data-testid="add-candidate"]').click();
  await series.locator('select[name="candidates.0.id"]').selectOption('tohoku.ac.jp');
  expect(await series.locator('select[name="candidates.0.country"]').inputValue()).toBe('JP');
  await series.locator('[data-testid="save-series"]').click();
  await series.locator('#series-maxMonths-error').waitFor();
  expect(await series.locator('#series-maxMonths').getAttribute('aria-invalid')).toBe('true');
  await series.locator('input[name="minMonths"]').fill('12');
  await series.locator('[data-testid="save-series"]').click();
  await organiser.waitForURL(/\/event-series\/[0-9a-f-]{36}$/);
  const rotation = organiser.locator('[data-testid="rotation"]');
  await rotation.waitFor();
  expect(await rotation.textContent()).toContain('12 to 24 months');
  expect(await organiser.locator('[data-testid="next-host"]').textContent()).toContain('Japan');

  // The event in the series, with a host and a follow-up question.
  await organiser.goto(`${e2e.base}/events/new`);
  const form = organiser.locator('[data-testid="event-form"]');
  await form.waitFor();
  await form.locator('select[name="kind"]').selectOption('symposium');
  await form.locator('input[name="title.en"]').fill(EVENT);
  await form.locator('select[name="seriesId"]').selectOption({ label: SERIES });
  await form.locator('input[data-date-input="startsOn"]').fill(day(40));
  await form.locator('input[data-date-input="endsOn"]').fill(day(40));
  await form.locator('input[name="timeZone"]').fill('Asia/Tokyo');
  await form.locator('input[name="city"]').fill('Sendai');
  await form.locator('select[name="country"]').selectOption('JP');
  await form.locator('select[name="organisers"]').selectOption('institution:tohoku.ac.jp');
  await form.locator('select[name="hosts"]').selectOption('institution:tohoku.ac.jp');
  await form.locator('[data-testid="add-question"]').click();
  await form.locator('input[name="followUp.q1.en"]').fill(QUESTION);
  await form.locator('input[name="followUp.q1.ja"]').fill('食事の制限はありますか？');
  await form.locator('[data-testid="save-event"]').click();
  await organiser.waitForURL(/\/events\/[0-9a-f-]{36}$/);
  const eventPath = new URL(organiser.url()).pathname;
  await organiser.locator('nav.breadcrumbs', { hasText: SERIES }).waitFor();

  // The edit form reads the host and the question back.
  await organiser.locator('[data-testid="edit-event"]').click();
  await form.waitFor();
  expect(await form.locator('input[name="followUp.q1.en"]').inputValue()).toBe(QUESTION);
  expect(
    await form
      .locator('select[name="hosts"]')
      .evaluate((s: HTMLSelectElement) => [...s.selectedOptions].map((o) => o.value)),
  ).toEqual(['institution:tohoku.ac.jp']);

  // A participant registers and answers the question.
  const participant = await signedInPage(`student.tohoku@${D}`);
  await participant.goto(`${e2e.base}${eventPath}`);
  await participant.locator('[data-testid="register"]').click();
  const followUp = participant.locator('[data-testid="follow-up"]');
  await followUp.waitFor();
  expect(await followUp.textContent()).toContain(QUESTION);
  await followUp.locator('textarea[name="answers.q1"]').fill('Vegetarian');
  await followUp.locator('button[type="submit"]').click();
  await followUp.locator('text=Your answers are saved.').waitFor();
  await participant.reload();
  await followUp.waitFor();
  expect(await followUp.locator('textarea[name="answers.q1"]').inputValue()).toBe('Vegetarian');
  await participant.screenshot({ path: `${RESULTS_DIR}/events-follow-up.png`, fullPage: true });

  expect(consoleErrors).toEqual([]);
}, 180_000);

it('a signing ceremony opens its liaison office; a coordinator founds an alumni association and links a general conference to its event', async () => {
  const coordinator = await signedInPage(`coordinator.tohoku@${D}`);

  // The ceremony, then the office it opens, from the event page.
  await coordinator.goto(`${e2e.base}/events/new`);
  const form = coordinator.locator('[data-testid="event-form"]');
  await form.waitFor();
  await form.locator('select[name="kind"]').selectOption('ceremony_signing');
  await form.locator('input[name="title.en"]').fill('Signing of the Sendai office (invented e2e)');
  await form.locator('input[data-date-input="startsOn"]').fill(day(50));
  await form.locator('input[data-date-input="endsOn"]').fill(day(50));
  await form.locator('input[name="timeZone"]').fill('Asia/Tokyo');
  await form.locator('select[name="organisers"]').selectOption('institution:tohoku.ac.jp');
  await form.locator('[data-testid="save-event"]').click();
  await coordinator.waitForURL(/\/events\/[0-9a-f-]{36}$/);
  const office = coordinator.locator('[data-testid="liaison-office-form"]');
  await office.waitFor();
  expect(await office.locator('select[name="institutionId"]').inputValue()).toBe('tohoku.ac.jp');
  await office
    .locator('input[name="name"]')
    .fill('Tohoku Liaison Office in Novosibirsk (invented)');
  await office.locator('input[name="names.ru"]').fill('Представительство Университета Тохоку');
  await office.locator('input[name="city"]').fill('Novosibirsk');
  await office.locator('select[name="country"]').selectOption('RU');
  await office.locator('[data-testid="open-liaison-office"]').click();
  await coordinator
    .locator('[data-testid="event-links"]', { hasText: 'Tohoku Liaison Office in Novosibirsk' })
    .waitFor();
  expect(await office.count()).toBe(0);

  // Tohoku already has an association of all its exchanges: a second one is refused on the
  // university's field; one of a program is founded.
  await coordinator.goto(`${e2e.base}/alumni`);
  await coordinator.locator('[data-testid="new-association"]').click();
  const association = coordinator.locator('[data-testid="association-form"]');
  await association.waitFor();
  await association.locator('select[name="institutionId"]').selectOption('tohoku.ac.jp');
  await association.locator('input[name="names.en"]').fill('Tohoku program alumni (invented e2e)');
  await association.locator('[data-testid="save-association"]').click();
  await association.locator('#alumni-new-university-error').waitFor();
  expect(await association.locator('#alumni-new-university').getAttribute('aria-invalid')).toBe(
    'true',
  );
  await association.locator('select[name="programId"]').selectOption({ index: 1 });
  await association.locator('[data-testid="save-association"]').click();
  await coordinator.waitForURL(/\/alumni\/[0-9a-f-]{36}$/);
  await coordinator.locator('h1', { hasText: 'Tohoku program alumni' }).waitFor();

  // A general conference that is an event of the calendar links to the event's page.
  await coordinator.locator('input[data-date-input="heldOn"]').fill('2021-09-29');
  await coordinator.locator('input[name="title.en"]').fill('Founding general conference');
  const eventSelect = coordinator.locator('select[name="eventId"]');
  await eventSelect.locator('option', { hasText: 'First general conference' }).waitFor({
    state: 'attached',
  });
  const value = await eventSelect
    .locator('option', { hasText: 'First general conference' })
    .getAttribute('value');
  await eventSelect.selectOption(value!);
  await coordinator.getByRole('button', { name: 'Record the conference' }).click();
  const link = coordinator.locator('[data-testid="meeting-event"]');
  await link.waitFor();
  await link.click();
  await coordinator.waitForURL(`${e2e.base}/events/${value}`);
  await coordinator.locator('h1', { hasText: 'First general conference' }).waitFor();

  // The demo's Kanazawa association links its first general conference to its event.
  await coordinator.goto(`${e2e.base}/alumni/kanazawa-russian-alumni`);
  expect(await coordinator.locator('[data-testid="meeting-event"]').getAttribute('href')).toBe(
    `/events/${value}`,
  );

  expect(consoleErrors).toEqual([]);
}, 180_000);

it('finds no WCAG 2.2 A/AA violation on the new forms, in the default colours and the reading mode', async () => {
  const found: string[] = [];
  const context = await axeContext(e2e);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${e2e.base}/sign-in`);
  await page.locator('input[name="email"]').fill(`coordinator.tohoku@${D}`);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(`${e2e.base}/`);
  // The series form, the association form, and an association page with the meeting form.
  const paths = ['/events/series/new', '/alumni/new', '/alumni/tohoku-russia-alumni'];
  for (const path of paths) {
    await page.goto(`${e2e.base}${path}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => document.querySelector('main .loading') === null);
    for (const line of describeViolations(await axeViolations(page)))
      found.push(`${path}: ${line}`);
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
