import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#test/support/app.ts';
import { RESULTS_DIR, startE2E, type E2E } from './support.ts';

// In Japanese, Russian and French, the main content of the pages a student and a coordinator walk
// through — an application, a refusal, a notification, an allocation explanation and an agreement's
// history — has no English sentence and no raw id: the server sends codes and names, the reader's
// app writes the words. Names of people and places in Latin script are fine where the record has
// no other script, and so is what people typed (marked data-verbatim: an agreement's title).

const D = 'demo.kakehashi.example';
const LOCALES = { ja: 'ja-JP', ru: 'ru-RU', fr: 'fr-FR' } as const;
type Lang = keyof typeof LOCALES;

/** English words that make a sentence English (French homographs such as "on", "an" left out). */
const ENGLISH = new Set(
  'the of and is are was were to your you has have not with would this that for been by from will its be it no there their which'.split(
    ' ',
  ),
);

const RAW_IDS: [string, RegExp][] = [
  ['uuid', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i],
  ['schac code', /(?<![@\w.])[a-z][a-z0-9-]*\.(?:ac\.jp|go\.jp|ru|fr|jp)\b/],
  ['slug', /(?<![\w/.-])[a-z]+(?:-[a-z0-9]+){2,}(?![\w/.-])/],
  ['iso date', /\b\d{4}-\d{2}-\d{2}\b/],
  ['raw key', /\b[a-z]+(?:_[a-z]+)+\b|\b[a-z]+\.[a-z_]+:/],
];

/** What a reader of `lang` should not find in the page's main content. */
async function findForeignText(page: Page): Promise<string[]> {
  const texts = await page.locator('main').evaluate((main) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('code, kbd, script, style, [data-verbatim]')) continue;
      const style = getComputedStyle(parent);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) out.push(text);
    }
    return out;
  });
  const problems: string[] = [];
  for (const text of texts) {
    if (text.includes('@')) continue; // e-mail addresses are what they are
    const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
    const english = new Set(words.filter((w) => ENGLISH.has(w)));
    if (english.size >= 2) problems.push(`English: "${text}"`);
    for (const [kind, pattern] of RAW_IDS) {
      if (pattern.test(text)) problems.push(`${kind}: "${text}"`);
    }
  }
  return [...new Set(problems)];
}

let e2e: E2E;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await e2e?.close();
});

async function signedIn(lang: Lang, email: string): Promise<Page> {
  const context = await e2e.browser.newContext({
    locale: LOCALES[lang],
    viewport: { width: 1280, height: 900 },
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

async function api(page: Page, method: 'GET' | 'POST', path: string, data?: unknown) {
  const me = await page.request.get(`${e2e.base}/api/v1/me`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await page.request.fetch(`${e2e.base}/api/v1${path}`, {
    method,
    headers: { 'x-csrf-token': csrfToken },
    ...(data === undefined ? {} : { data }),
  });
  expect(res.ok(), `${method} ${path}: ${res.status()}`).toBe(true);
  return res.json();
}

/** Visits a page, waits for its content, and checks it speaks the reader's language. */
async function check(page: Page, lang: Lang, path: string, ready: string, shot: string) {
  await page.goto(`${e2e.base}${path}`);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${RESULTS_DIR}/languages-${lang}-${shot}.png`, fullPage: true });
  expect(await page.locator('html').getAttribute('lang')).toBe(lang);
  expect(await findForeignText(page), `${path} in ${lang}`).toEqual([]);
}

let runId: string | null = null;
let agreementId: string | null = null;

describe.each(Object.keys(LOCALES) as Lang[])('in %s', (lang) => {
  it('a student’s application and notifications', async () => {
    const page = await signedIn(lang, `student.tohoku@${D}`);
    const mine = (await api(page, 'GET', '/me/applications')) as {
      items: { callId: string; status: string }[];
    };
    if (!mine.items.some((a) => a.callId === 'tohoku-jr-2027' && a.status !== 'withdrawn')) {
      await api(page, 'POST', '/calls/tohoku-jr-2027/applications', {
        ranking: ['nsu.ru', 'msu.ru', 'dvfu.ru'],
        requestedMonths: 10,
      });
    }
    await check(page, lang, '/me/applications', '[data-testid="application-status"]', 'apps');
    await check(page, lang, '/calls/tohoku-jr-2027', 'h1', 'call');
    await check(page, lang, '/me/notifications', '[data-testid="notifications"] li', 'inbox');
  });

  it('a refusal', async () => {
    // R9: the foreign student is not offered the form; the reasons are shown instead.
    const page = await signedIn(lang, `student.foreign@${D}`);
    await page.goto(`${e2e.base}/calls/tohoku-jr-2027`);
    await page.locator('[data-testid="apply-refusals"] li').first().waitFor();
    expect(await page.locator('[data-testid="apply-form"]').count()).toBe(0);
    expect(
      await page.locator('[data-testid="refusals"] [data-code]').first().textContent(),
    ).toContain('R9');
    await page.screenshot({ path: `${RESULTS_DIR}/languages-${lang}-refusal.png`, fullPage: true });
    expect(await findForeignText(page)).toEqual([]);
  });

  it('an allocation explanation and an agreement’s history', async () => {
    const page = await signedIn(lang, `coordinator.tohoku@${D}`);
    if (!runId) {
      const instance = await api(page, 'GET', '/calls/tohoku-jr-2015/allocation-instance');
      runId = (
        (await api(page, 'POST', '/allocation-runs', { instance, callId: 'tohoku-jr-2015' })) as {
          id: string;
        }
      ).id;
    }
    await check(page, lang, `/allocation/${runId}`, 'main table', 'allocation');
    if (!agreementId) {
      const list = (await api(page, 'GET', '/agreements')) as { items: { id: string }[] };
      agreementId = list.items[0]!.id;
    }
    await check(page, lang, `/agreements/${agreementId}`, 'h1', 'agreement');
  });
});
