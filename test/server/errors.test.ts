import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/support/app.ts';

describe('errors, health and the API reference', () => {
  let t: TestApp;
  const log: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        log.push(String(chunk));
        done();
      },
    });
    t = await createTestApp('pglite', { seed: false, logger: { level: 'info', stream } });
  });
  afterAll(() => t.close());

  it('reports health with the database engine', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'pglite' });
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'not_found', message: 'no route GET /api/v1/no-such-thing', details: {} },
    });
  });

  it('answers malformed JSON with a 400 error body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('serves an OpenAPI 3 document and a browsable reference', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.json().openapi).toMatch(/^3\./);
    expect(Object.keys(doc.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/institutions',
        '/api/v1/institutions/{id}',
        '/api/v1/auth/sign-in',
        '/api/v1/me',
      ]),
    );
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/html/);
  });
});

describe('a 500', () => {
  it('never leaks the stack and carries a request id that is in the log', async () => {
    const log: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        log.push(String(chunk));
        done();
      },
    });
    const { database } = await createTestApp('pglite', { seed: false }).then(async (t) => {
      await t.app.close();
      return t;
    });
    const { buildApp } = await import('#src/server/app.ts');
    const app = await buildApp({ database, logger: { level: 'error', stream } });
    app.get('/api/v1/boom', async () => {
      throw new Error('secret internal detail');
    });
    const res = await app.inject({ method: 'GET', url: '/api/v1/boom' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.error.code).toBe('internal');
    expect(JSON.stringify(body)).not.toMatch(/secret internal detail|at .*\.ts/);
    const requestId = body.error.details.requestId;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-request-id']).toBe(requestId);
    expect(log.join('')).toContain(requestId);
    // The log says what went wrong, once serialized: its kind and message.
    const line = JSON.parse(log.find((l) => l.includes('unhandled error'))!);
    expect(line.err).toMatchObject({ type: 'Error', message: 'secret internal detail' });
    await app.close();
    await database.close();
  });
});
