import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '#src/services/limits.ts';
import { ENGINES } from '#test/support/db.ts';
import { bombWorkbook } from '#test/support/zip.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UNPACKED = 128 * 1024 * 1024; // four times the workbook limit
let bomb: Buffer | undefined;
let lyingBomb: Buffer | undefined;

describe.each(ENGINES)('resource limits on %s', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  beforeAll(async () => {
    t = await createTestApp(engine);
    coordinator = await signInAs(t.app, 'coordinator.tohoku@demo.kakehashi.example');
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: string | Buffer, contentType: string) =>
    t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: {
        cookie: coordinator.cookie,
        'x-csrf-token': coordinator.csrfToken,
        'content-type': contentType,
      },
    });

  it('refuses a zip bomb before parsing it: 413 naming the limit, as a code with params', async () => {
    // Well under a megabyte sent, 128 MB unpacked: one sheet of the same row repeated.
    bomb ??= bombWorkbook(UNPACKED);
    expect(bomb.length).toBeLessThan(LIMITS.importBodyBytes);
    const res = await post('/api/v1/import/institutions?dryRun=true', bomb, XLSX);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'payload_too_large',
      details: {
        refusals: [{ code: 'limits.archive_too_large', params: { limitBytes: 32 * 1024 * 1024 } }],
      },
    });
  });

  it('refuses a zip bomb that declares small sizes, once it has inflated past the limit', async () => {
    const res = await post(
      '/api/v1/import/institutions',
      (lyingBomb ??= bombWorkbook(UNPACKED, { lie: true })),
      XLSX,
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().error.details.refusals[0].code).toMatch(
      /^limits\.archive_(too_large|ratio)$/,
    );
  });

  it('each route accepts the body it needs: JSON forms small, imports up to their maximum', async () => {
    const big = JSON.stringify({ email: 'a'.repeat(LIMITS.jsonBodyBytes), password: 'x' });
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(signIn.statusCode).toBe(413);
    expect(signIn.json().error).toMatchObject({
      code: 'payload_too_large',
      details: {
        refusals: [{ code: 'limits.body_too_large', params: { limitBytes: LIMITS.jsonBodyBytes } }],
      },
    });
    const csv = Buffer.alloc(LIMITS.importBodyBytes + 1, 'a');
    const imported = await post('/api/v1/import/institutions', csv, 'text/csv');
    expect(imported.statusCode).toBe(413);
    expect(imported.json().error.details.refusals[0].params).toEqual({
      limitBytes: LIMITS.importBodyBytes,
    });
    const instance = JSON.stringify({ instance: { pad: 'x'.repeat(LIMITS.allocationBodyBytes) } });
    const run = await post('/api/v1/allocation-runs', instance, 'application/json');
    expect(run.statusCode).toBe(413);
    expect(run.json().error.details.refusals[0].params).toEqual({
      limitBytes: LIMITS.allocationBodyBytes,
    });
  });
});
