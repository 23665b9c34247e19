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
import { acceptedEncodings, readerLanguage } from '#src/server/web.ts';

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

/** A build's list of what each page needs (vite-route-preloads.ts writes it). */
const PRELOADS = {
  routes: [
    { path: '/', files: ['/assets/home-page-H1.js'], locales: [] },
    {
      path: '/calls',
      files: ['/assets/catalogue-page-C1.js', '/assets/format-F1.js', '/assets/calls-S1.css'],
      locales: ['calls', 'refusals'],
    },
    { path: '/calls/new', files: ['/assets/call-form-page-N1.js'], locales: ['calls'] },
    { path: '/calls/:id', files: ['/assets/call-page-P1.js'], locales: ['calls'] },
  ],
  languages: Object.fromEntries(
    ['ja', 'ru', 'en', 'fr'].map((lang) => [
      lang,
      {
        core: [`/assets/${lang}-core.js`],
        parts: {
          calls: [`/assets/calls.${lang}-B1.js`],
          refusals: [`/assets/${lang}-refusals.js`],
        },
      },
    ]),
  ),
};

describe('index.html with what the page needs', () => {
  let preloadDir: string;
  let withPreloads: TestApp;

  beforeAll(async () => {
    preloadDir = await mkdtemp(join(tmpdir(), 'kakehashi-web-'));
    await writeFile(join(preloadDir, 'index.html'), INDEX);
    await writeFile(join(preloadDir, 'route-preloads.json'), JSON.stringify(PRELOADS));
    withPreloads = await createTestApp('pglite', { seed: false, webDir: preloadDir });
  });

  afterAll(async () => {
    await withPreloads?.close();
    await rm(preloadDir, { recursive: true, force: true });
  });

  const page = (url: string, headers: Record<string, string> = {}) =>
    withPreloads.app.inject({ method: 'GET', url, headers });
  const preloaded = (html: string) =>
    [...html.matchAll(/<link rel="(modulepreload|preload)"[^>]*href="([^"]+)">/g)].map(
      ([, rel, href]) => `${rel} ${href}`,
    );

  it('names the chunks of the page, its styles and its translations in the reader’s language', async () => {
    const en = await page('/calls', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.statusCode).toBe(200);
    expect(preloaded(en.body)).toEqual([
      'modulepreload /assets/catalogue-page-C1.js',
      'modulepreload /assets/format-F1.js',
      'preload /assets/calls-S1.css',
      'modulepreload /assets/en-core.js',
      'modulepreload /assets/calls.en-B1.js',
      'modulepreload /assets/en-refusals.js',
      'preload /api/v1/calls?status=open',
    ]);
    expect(en.body).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/catalogue-page-C1.js">',
    );
    expect(en.body).toContain(
      '<link rel="preload" as="style" crossorigin href="/assets/calls-S1.css">',
    );
    // In the head, after what the build put there.
    expect(en.body.indexOf('index-Ab12Cd34.js')).toBeLessThan(en.body.indexOf('catalogue-page'));
    expect(en.body.indexOf('catalogue-page')).toBeLessThan(en.body.indexOf('</head>'));
    expect(en.headers.vary).toMatch(/accept-language/i);

    const ja = await page('/calls', { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.8' });
    expect(preloaded(ja.body)).toEqual([
      'modulepreload /assets/catalogue-page-C1.js',
      'modulepreload /assets/format-F1.js',
      'preload /assets/calls-S1.css',
      'modulepreload /assets/ja-core.js',
      'modulepreload /assets/calls.ja-B1.js',
      'modulepreload /assets/ja-refusals.js',
      'preload /api/v1/calls?status=open',
    ]);
  });

  it('reads the page as the app’s router does', async () => {
    const links = async (url: string) => preloaded((await page(url)).body);
    expect(await links('/calls/new')).toEqual(['modulepreload /assets/call-form-page-N1.js']);
    expect(await links('/calls/3f0c')).toEqual([
      'modulepreload /assets/call-page-P1.js',
      'preload /api/v1/calls/3f0c',
    ]);
    expect(await links('/calls/3f0c?tab=screening')).toEqual([
      'modulepreload /assets/call-page-P1.js',
      'preload /api/v1/calls/3f0c',
    ]);
    expect(await links('/')).toEqual(['modulepreload /assets/home-page-H1.js']);
  });

  it('names the API read the page makes first, as its fetch asks it', async () => {
    const calls = (await page('/calls')).body;
    expect(calls).toContain(
      '<link rel="preload" as="fetch" crossorigin href="/api/v1/calls?status=open">',
    );
    const call = (await page('/calls/a%20b%22')).body;
    expect(call).toContain('href="/api/v1/calls/a%20b%22"');
    expect((await page('/calls/new')).body).not.toContain('/api/v1/');
  });

  it('names only the page’s chunks when the reader’s language cannot be told', async () => {
    const res = await page('/calls/new', { 'accept-encoding': 'br' });
    expect(preloaded(brotliDecompressSync(res.rawPayload).toString())).toEqual([
      'modulepreload /assets/call-form-page-N1.js',
    ]);
  });

  it('names nothing for a path that is no page of the app', async () => {
    for (const url of ['/nowhere', '/calls/3f0c/unknown']) {
      const res = await page(url, { 'accept-language': 'ja' });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(INDEX);
      expect(res.headers.vary, url).not.toMatch(/accept-language/i);
    }
  });

  it('gives each variant its own ETag, and answers 304 to the copy of that variant', async () => {
    const en = { 'accept-language': 'en' };
    const ja = { 'accept-language': 'ja' };
    const etags = await Promise.all(
      [
        page('/calls', en),
        page('/calls', ja),
        page('/calls/new', en),
        page('/nowhere', en),
        page('/calls'),
      ].map(async (res) => String((await res).headers.etag)),
    );
    expect(new Set(etags).size).toBe(etags.length);
    const [callsEn, callsJa] = etags;

    const fresh = await page('/calls', { ...en, 'if-none-match': callsEn! });
    expect(fresh.statusCode).toBe(304);
    expect(fresh.headers.etag).toBe(callsEn);
    expect((await page('/calls', { ...ja, 'if-none-match': callsJa! })).statusCode).toBe(304);
    // The English copy is not the Japanese reader's page, nor another page's.
    const other = await page('/calls', { ...ja, 'if-none-match': callsEn! });
    expect(other.statusCode).toBe(200);
    expect(other.headers.etag).toBe(callsJa);
    expect((await page('/calls/new', { ...en, 'if-none-match': callsEn! })).statusCode).toBe(200);
  });

  it('sends each variant compressed, the same as uncompressed', async () => {
    const headers = { 'accept-language': 'fr' };
    const plain = await page('/calls', headers);
    const br = await page('/calls', { ...headers, 'accept-encoding': 'br' });
    const gz = await page('/calls', { ...headers, 'accept-encoding': 'gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(new Set([plain, br, gz].map((r) => r.headers.etag)).size).toBe(1);
    expect(plain.body).toContain('/assets/fr-core.js');
  });

  it('never serves the list itself', async () => {
    const res = await page('/route-preloads.json');
    expect(res.body).not.toContain('catalogue-page');
  });
});

describe('the reader’s language', () => {
  it('is the first of the browser’s languages the app has, else English', () => {
    expect(readerLanguage('ja-JP,ja;q=0.9,en-US;q=0.8')).toBe('ja');
    expect(readerLanguage('de-DE,de;q=0.9,fr;q=0.8,en;q=0.7')).toBe('fr');
    expect(readerLanguage('en;q=0.5, ru')).toBe('ru');
    expect(readerLanguage('RU-ru')).toBe('ru');
    expect(readerLanguage('de, ja;q=0')).toBe('en');
    expect(readerLanguage('*')).toBe('en');
  });

  it('cannot be told without the header', () => {
    expect(readerLanguage(undefined)).toBeNull();
    expect(readerLanguage('')).toBeNull();
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
