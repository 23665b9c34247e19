/**
 * Overload is not a fault: when every database connection stays busy past the pool's wait, the
 * request gets a 503 with Retry-After and the code `unavailable`, not a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';

// PGlite has no pool to run out of: one connection, and every request waits its turn.
describe.each(ENGINES.filter((e) => e === 'postgres'))('a busy database on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
  });
  afterAll(() => t?.close());

  it('answers 503 with Retry-After when no connection is free in time, then serves again', async () => {
    // Every connection of the test database's pool (4) held by a transaction until released.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held: Promise<unknown>[] = [];
    let holding = 0;
    const allHeld = new Promise<void>((resolve) => {
      for (let i = 0; i < 4; i++) {
        held.push(
          t.database.db.transaction(async () => {
            if (++holding === 4) resolve();
            await gate;
          }),
        );
      }
    });
    await allHeld;
    const busy = await t.app.inject({ method: 'GET', url: '/api/health' });
    release();
    await Promise.all(held);
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe('5');
    expect(busy.json().error).toMatchObject({
      code: 'unavailable',
      details: { retryAfterSeconds: 5 },
    });
    const after = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(after.statusCode).toBe(200);
  }, 30_000);
});
