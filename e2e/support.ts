import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '#test/support/app.ts';

export const WEB_DIR = fileURLToPath(new URL('../dist/web/', import.meta.url));
export const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));

/** Debian's Chromium; test tools cannot download browsers here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface E2E {
  base: string;
  server: TestApp;
  browser: Browser;
  close(): Promise<void>;
}

/** The real server (built web app + API on a clean seeded database) on a free port, and Chromium. */
export async function startE2E(): Promise<E2E> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const server = await createTestApp('pglite', { webDir: WEB_DIR });
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
