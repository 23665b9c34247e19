/**
 * Serving the built web app: its files (sent as built: Brotli or gzip when the build wrote `.br`
 * and `.gz` beside them and the client takes them), cached for a year when their names carry a
 * content hash, and its index.html for every client-side route, always revalidated. Source maps
 * are never served.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Files under assets/ are named by their content (`name-<hash>.ext`): they never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Anything else (index.html, favicon) may change with a release: kept, but checked each time. */
export const REVALIDATE = 'no-cache';

const HASHED = /^assets\/[^/]+$/;
/** Requests answered 404 rather than with the app: missing build files and source maps. */
const NEVER_THE_APP = /^\/assets\/|\.map$/;

type Encoding = 'br' | 'gzip';

/** The encodings a request's `Accept-Encoding` allows, Brotli first (q=0 refuses one). */
export function acceptedEncodings(header: string | string[] | undefined): Set<Encoding> {
  const accepted = new Set<Encoding>();
  const refused = new Set<string>();
  let any = false;
  for (const part of [header ?? ''].flat().join(',').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && Number(q.slice(2)) === 0) refused.add(name);
    else if (name === '*') any = true;
    else if (name === 'br' || name === 'gzip') accepted.add(name);
  }
  if (any) for (const e of ['br', 'gzip'] as const) if (!refused.has(e)) accepted.add(e);
  for (const e of refused) accepted.delete(e as Encoding);
  return accepted;
}

/** The web app's index.html, compressed once, with its ETag. */
export interface SpaPage {
  html: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
}

export async function loadSpaPage(webDir: string): Promise<SpaPage> {
  const html = await readFile(join(webDir, 'index.html'));
  return {
    html,
    br: brotliCompressSync(html, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }),
    gzip: gzipSync(html, { level: constants.Z_BEST_COMPRESSION }),
    etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`,
  };
}

/** Answers with index.html: 304 when the client's copy is current, else compressed if it may be. */
export function sendSpaPage(request: FastifyRequest, reply: FastifyReply, page: SpaPage) {
  reply
    .type('text/html; charset=utf-8')
    .header('cache-control', REVALIDATE)
    .header('etag', page.etag)
    .header('vary', 'accept-encoding');
  const match = request.headers['if-none-match'];
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === page.etag)) {
    return reply.status(304).send();
  }
  const encodings = acceptedEncodings(request.headers['accept-encoding']);
  if (encodings.has('br')) return reply.header('content-encoding', 'br').send(page.br);
  if (encodings.has('gzip')) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.html);
}

/** True for a path the app never answers with index.html (a missing asset, a source map). */
export function isNeverTheApp(path: string): boolean {
  return NEVER_THE_APP.test(path);
}

/** Serves the files of the build (each its own route), as built, with their cache policy. */
export async function serveWebFiles(app: FastifyInstance, webDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    // The compressed copies are chosen by Accept-Encoding, not asked for; maps stay on the server.
    globIgnore: ['**/*.br', '**/*.gz', '**/*.map'],
    cacheControl: false,
    setHeaders: (reply, path) => {
      const file = relative(webDir, path).split(sep).join('/');
      reply.header('cache-control', HASHED.test(file) ? IMMUTABLE : REVALIDATE);
    },
  });
}
