import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AppOptions } from '#src/server/app.ts';
import { DEMO_PASSWORD, createTestApp, type TestApp } from '#test/support/app.ts';
import { CHROMIUM } from './chromium-setup.ts';

/** The built web app; E2E_WEB_DIR points elsewhere (e.g. a build of one's own: vite build --outDir). */
export const WEB_DIR =
  process.env.E2E_WEB_DIR ?? fileURLToPath(new URL('../dist/web/', import.meta.url));
export const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));

export interface E2E {
  base: string;
  server: TestApp;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The real server (built web app + API on a clean database, with the demo world unless
 * `seed: false`) on a free port, and Chromium.
 */
export async function startE2E(
  options: Partial<AppOptions> & { seed?: boolean } = {},
): Promise<E2E> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const server = await createTestApp('pglite', { ...options, webDir: WEB_DIR });
  const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    base: address,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A page in its own browser context (English, desktop size) whose console errors are collected
 * into `errors`, except those `ignore` matches (e.g. a 4xx the test provokes on purpose).
 */
export async function openPage(
  e2e: E2E,
  errors: string[],
  options: { ignore?: RegExp; acceptDownloads?: boolean } = {},
): Promise<Page> {
  const context = await e2e.browser.newContext({
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !(options.ignore?.test(m.text()) ?? false)) errors.push(m.text());
  });
  return page;
}

/** Signs in through the form with the demo password and waits for the home page. */
export async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(`${base}/`);
}
