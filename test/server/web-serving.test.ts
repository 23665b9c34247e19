/**
 * The built web app as the server sends it: compressed files as the build wrote them (Brotli or
 * gzip by Accept-Encoding), content-hashed files cached for a year, index.html revalidated (ETag,
 * 304), client-side routes answered with index.html, and no source map ever served.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import { acceptedEncodings } from '#src/server/web.ts';

const SCRIPT = `export const greeting = ${JSON.stringify('架け橋 '.repeat(400))};\n`;
const INDEX = `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(80)}</body></html>`;

let dir: string;
let server: TestApp;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kakehashi-web-'));
  await mkdir(join(dir, 'assets'));
  const script = join(dir, 'assets', 'index-Ab12Cd34.js');
  await writeFile(join(dir, 'index.html'), INDEX);
  await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(script, SCRIPT);
  await writeFile(`${script}.br`, brotliCompressSync(SCRIPT));
  await writeFile(`${script}.gz`, gzipSync(SCRIPT));
  await writeFile(`${script}.map`, '{"version":3,"sources":["src/secret.ts"],"mappings":""}');
  await writeFile(join(dir, 'assets', 'index-Xy98.css'), 'body{margin:0}');
  server = await createTestApp('pglite', { seed: false, webDir: dir });
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'GET', url, headers });

describe('scripts and styles', () => {
  it('sends a script compressed with Brotli when the browser takes it', async () => {
    const res = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends it gzipped to a client that takes only gzip', async () => {
    const res = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends it as it is to a client that takes no compression', async () => {
    const res = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'identity' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(SCRIPT);
  });

  it('caches content-hashed files for a year, unchanged', async () => {
    for (const url of ['/assets/index-Ab12Cd34.js', '/assets/index-Xy98.css']) {
      const res = await get(url, { 'accept-encoding': 'br' });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
    }
  });
});

describe('index.html', () => {
  it('is revalidated at every visit, compressed, with an ETag', async () => {
    const res = await get('/', { 'accept-encoding': 'gzip, br' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(INDEX);
    expect(res.headers.etag).toMatch(/^".+"$/);
  });

  it('answers 304 when the browser holds the current copy', async () => {
    const first = await get('/calls');
    const again = await get('/calls', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const stale = await get('/calls', { 'if-none-match': '"something-else"' });
    expect(stale.statusCode).toBe(200);
    expect(stale.body).toBe(INDEX);
  });

  it('is the answer to every client-side route', async () => {
    for (const url of ['/calls/3f0c', '/me/applications', '/sign-in?next=%2Fme']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(INDEX);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('is revalidated when asked for by name, and so are other unhashed files', async () => {
    for (const url of ['/index.html', '/favicon.svg']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers.etag, url).toBeTruthy();
    }
  });
});

describe('what is never served', () => {
  it('answers 404 for source maps, present or not', async () => {
    for (const url of ['/assets/index-Ab12Cd34.js.map', '/assets/other.js.map', '/main.map']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('secret');
    }
  });

  it('answers 404, not the app, for a missing build file or a compressed copy asked by name', async () => {
    for (const url of ['/assets/index-gone.js', '/assets/index-Ab12Cd34.js.br']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('<!doctype html>');
    }
  });

  it('keeps answering the API as JSON', async () => {
    const res = await get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('Accept-Encoding', () => {
  it('reads the encodings a client takes, and those it refuses', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')].sort()).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('gzip;q=1.0, br;q=0')]).toEqual(['gzip']);
    expect([...acceptedEncodings('*')].sort()).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('*, gzip;q=0')]).toEqual(['br']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
    expect([...acceptedEncodings('identity')]).toEqual([]);
  });
});
