import { accessSync, constants, statSync } from 'node:fs';

/** Debian's Chromium; test tools cannot download browsers here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops the end-to-end tier before any test file starts when Chromium is missing, with one line
 * instead of a browser launch trace per file.
 */
export default function setup(): void {
  if (isExecutableFile(CHROMIUM)) return;
  const error = new Error(
    `Chromium not found at ${CHROMIUM}: install Debian's \`chromium\` package (\`apt-get install chromium\`) or set CHROMIUM_PATH.`,
  );
  error.stack = error.message;
  throw error;
}
