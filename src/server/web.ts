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
import { matchRoutes } from 'react-router';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../domain/shared/platform-languages.ts';

/** Files under assets/ are named by their content (`name-<hash>.ext`): they never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Anything else (index.html, favicon) may change with a release: kept, but checked each time. */
export const REVALIDATE = 'no-cache';

const HASHED = /^assets\/[^/]+$/;
/** Which chunks each page needs (written by the build, read here, never served). */
const ROUTE_PRELOADS = 'route-preloads.json';
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

/** One answer of index.html, compressed once, with its ETag. */
export interface SpaVariant {
  html: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
}

/**
 * The web app's index.html: as built, and per page and reader's language with the page's chunks
 * and translations to fetch at once (`route-preloads.json`, written by the build: see
 * vite-route-preloads.ts), each variant made when first asked for and kept (a bounded number).
 */
export interface SpaPage extends SpaVariant {
  preloads: RoutePreloads | null;
  variants: Map<string, SpaVariant>;
}

/** What `route-preloads.json` holds (vite-route-preloads.ts). */
interface RoutePreloads {
  routes: { path: string; files: string[]; locales: string[] }[];
  languages: Record<string, { core: string[]; parts: Record<string, string[]> }>;
}

/** How many index.html variants are kept compressed (of pages × languages). */
const KEPT_VARIANTS = 200;

const strings = z.array(z.string().regex(/^\/assets\/[^/"<>]+$/));
const routePreloadsSchema = z.object({
  routes: z.array(
    z.object({ path: z.string().startsWith('/'), files: strings, locales: z.array(z.string()) }),
  ),
  languages: z.record(
    z.string(),
    z.object({ core: strings, parts: z.record(z.string(), strings) }),
  ),
});

function variant(html: Buffer): SpaVariant {
  return {
    html,
    br: brotliCompressSync(html, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }),
    gzip: gzipSync(html, { level: constants.Z_BEST_COMPRESSION }),
    etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`,
  };
}

/** The build's `route-preloads.json`, or null when there is none (dev, an older build) or it is unreadable. */
async function loadRoutePreloads(webDir: string): Promise<RoutePreloads | null> {
  try {
    const text = await readFile(join(webDir, ROUTE_PRELOADS), 'utf8');
    const parsed = routePreloadsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function loadSpaPage(webDir: string): Promise<SpaPage> {
  const html = await readFile(join(webDir, 'index.html'));
  return { ...variant(html), preloads: await loadRoutePreloads(webDir), variants: new Map() };
}

/**
 * The reader's language as the web app picks it when it has none stored (lib/preferences.ts
 * `initialLanguage`): the first of the browser's languages the app has, else English. Null
 * without an Accept-Language header: the language cannot be told.
 */
export function readerLanguage(header: string | undefined): Language | null {
  if (!header?.trim()) return null;
  const ranked = header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q.slice(2)), order };
    })
    .filter(({ tag, q }) => tag && q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if ((LANGUAGES as readonly string[]).includes(base ?? '')) return base as Language;
  }
  return 'en';
}

/**
 * The API read a page makes first, the same request for every reader, named in its index.html so
 * that it starts with the page's chunks: the page's own fetch (same-origin, as `crossorigin` asks)
 * takes the preloaded answer. Written as the pages ask (features/calls: `catalogue-page.tsx`
 * lists the open calls, `call-page.tsx` reads the call); a page that asks otherwise fetches twice.
 */
const API_PRELOADS: Record<string, (params: Record<string, string | undefined>) => string> = {
  '/calls': () => '/api/v1/calls?status=open',
  '/calls/:id': ({ id }) => `/api/v1/calls/${encodeURIComponent(id ?? '')}`,
};

const tags = (files: Iterable<string>): string =>
  [...files]
    .map((file) =>
      file.endsWith('.css')
        ? `<link rel="preload" as="style" crossorigin href="${file}">`
        : `<link rel="modulepreload" crossorigin href="${file}">`,
    )
    .join('');

/**
 * The index.html for a path: with the tags that fetch its page's chunks and, when the reader's
 * language can be told, the translations the page needs; as built for a path that is no page.
 * `byLanguage`: whether the answer depends on Accept-Language.
 */
export function spaVariant(
  page: SpaPage,
  path: string,
  acceptLanguage: string | undefined,
): { variant: SpaVariant; byLanguage: boolean } {
  const { preloads } = page;
  if (!preloads) return { variant: page, byLanguage: false };
  const match = matchRoutes(
    preloads.routes.map((route, i) => ({ path: route.path, id: String(i) })),
    path,
  )?.at(-1);
  const route = match ? preloads.routes[Number(match.route.id)] : undefined;
  if (!route) return { variant: page, byLanguage: false };
  const language = readerLanguage(acceptLanguage);
  const api = API_PRELOADS[route.path]?.(match!.params);
  const key = `${match!.route.id}:${language ?? ''}:${api ?? ''}`;
  let found = page.variants.get(key);
  if (found) {
    // Most recently used last: the first is the one dropped when too many are kept.
    page.variants.delete(key);
  } else {
    const files = new Set(route.files);
    const translations = language ? preloads.languages[language] : undefined;
    if (translations) {
      for (const file of translations.core) files.add(file);
      for (const part of route.locales)
        for (const file of translations.parts[part] ?? []) files.add(file);
    }
    const links = `${tags(files)}${api ? `<link rel="preload" as="fetch" crossorigin href="${api}">` : ''}`;
    const html = page.html.toString('utf8');
    const head = html.lastIndexOf('</head>');
    found =
      head < 0 || !links
        ? page
        : variant(Buffer.from(`${html.slice(0, head)}${links}${html.slice(head)}`));
    if (page.variants.size >= KEPT_VARIANTS) {
      page.variants.delete(page.variants.keys().next().value!);
    }
  }
  page.variants.set(key, found);
  return { variant: found, byLanguage: true };
}

/**
 * Answers with index.html for the request's path: 304 when the client's copy is current, else
 * compressed if it may be.
 */
export function sendSpaPage(request: FastifyRequest, reply: FastifyReply, page: SpaPage) {
  const path = request.url.split('?')[0] ?? '/';
  const { variant: answer, byLanguage } = spaVariant(
    page,
    path,
    request.headers['accept-language'],
  );
  reply
    .type('text/html; charset=utf-8')
    .header('cache-control', REVALIDATE)
    .header('etag', answer.etag)
    .header('vary', byLanguage ? 'accept-encoding, accept-language' : 'accept-encoding');
  const match = request.headers['if-none-match'];
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === answer.etag)) {
    return reply.status(304).send();
  }
  const encodings = acceptedEncodings(request.headers['accept-encoding']);
  if (encodings.has('br')) return reply.header('content-encoding', 'br').send(answer.br);
  if (encodings.has('gzip')) return reply.header('content-encoding', 'gzip').send(answer.gzip);
  return reply.send(answer.html);
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
    // The compressed copies are chosen by Accept-Encoding, not asked for; maps and the pages'
    // chunk lists stay on the server.
    globIgnore: ['**/*.br', '**/*.gz', '**/*.map', ROUTE_PRELOADS],
    cacheControl: false,
    setHeaders: (reply, path) => {
      const file = relative(webDir, path).split(sep).join('/');
      reply.header('cache-control', HASHED.test(file) ? IMMUTABLE : REVALIDATE);
    },
  });
}
