/**
 * What each page of the web app needs before it shows, read from the build: the server adds it to
 * the index.html it answers for a client-side route (`<link rel="modulepreload">`, src/server/web.ts),
 * so the browser fetches the page's chunks and its translations with the entry script rather than
 * after it.
 *
 * The route table is read from the features' sources (`features/<area>/feature.tsx`: each route's
 * `path` or `index`, its `lazy: page(() => import('./x.tsx'), 'X')`, and the feature's `locales`);
 * a route written otherwise stops the build. `src/web/app/route-preloads.test.ts` checks that
 * this reading gives the router's own table.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';

/** A page of the app: its URL pattern (react-router's), the module it loads, its feature's parts. */
export interface RouteSource {
  path: string;
  module: string;
  locales: string[];
}

/** The file the build writes beside index.html; the server reads it (src/server/web.ts). */
export const ROUTE_PRELOADS_FILE = 'route-preloads.json';

/** What `route-preloads.json` holds: files are URL paths (`/assets/x-hash.js`, `/assets/y.css`). */
export interface RoutePreloads {
  routes: { path: string; files: string[]; locales: string[] }[];
  /** Per language: its core's files, and each part's files (i18n/parts.ts). */
  languages: Record<string, { core: string[]; parts: Record<string, string[]> }>;
}

function fail(file: string, node: ts.Node, what: string): never {
  const source = node.getSourceFile();
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  throw new Error(
    `${file}:${line + 1}: ${what} (route preloads read routes written as in feature.ts)`,
  );
}

const propertyName = (p: ts.ObjectLiteralElementLike): string | null =>
  ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))
    ? p.name.text
    : null;

/** `page(() => import('./x.tsx'), 'X')` → the module's path. */
function lazyModule(file: string, node: ts.Expression): string {
  if (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'page'
  ) {
    const load = node.arguments[0];
    if (load && ts.isArrowFunction(load) && ts.isCallExpression(load.body)) {
      const call = load.body;
      const spec = call.arguments[0];
      if (
        call.expression.kind === ts.SyntaxKind.ImportKeyword &&
        spec &&
        ts.isStringLiteral(spec)
      ) {
        return resolve(dirname(file), spec.text);
      }
    }
  }
  return fail(file, node, 'a lazy page not written `page(() => import(...), name)`');
}

function routesOf(
  file: string,
  list: ts.Expression,
  parent: string,
  locales: string[],
): RouteSource[] {
  if (!ts.isArrayLiteralExpression(list)) return fail(file, list, 'routes that are not an array');
  return list.elements.flatMap((element) => {
    if (!ts.isObjectLiteralExpression(element))
      return fail(file, element, 'a route not written out');
    let path: string | null = null;
    let index = false;
    let module: string | null = null;
    let children: ts.Expression | null = null;
    for (const p of element.properties) {
      const name = propertyName(p);
      if (!name || !ts.isPropertyAssignment(p))
        return fail(file, p, 'a route property not written out');
      if (name === 'path') {
        if (!ts.isStringLiteralLike(p.initializer))
          return fail(file, p, 'a path that is not a string');
        path = p.initializer.text;
      } else if (name === 'index') index = p.initializer.kind === ts.SyntaxKind.TrueKeyword;
      else if (name === 'lazy') module = lazyModule(file, p.initializer);
      else if (name === 'children') children = p.initializer;
    }
    const full = index
      ? parent || '/'
      : `${parent.replace(/\/$/, '')}/${(path ?? '').replace(/^\//, '')}`.replace(/\/$/, '') || '/';
    const own = module ? [{ path: full, module, locales }] : [];
    return [...own, ...(children ? routesOf(file, children, full, locales) : [])];
  });
}

/** The routes of one `feature.tsx`: the object holding `routes` and `locales`. */
export function featureRoutes(file: string): RouteSource[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: RouteSource[][] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const props = new Map(node.properties.map((p) => [propertyName(p), p] as const));
      const routes = props.get('routes');
      const locales = props.get('locales');
      if (
        routes &&
        locales &&
        ts.isPropertyAssignment(routes) &&
        ts.isPropertyAssignment(locales)
      ) {
        const list = locales.initializer;
        if (!ts.isArrayLiteralExpression(list) || !list.elements.every(ts.isStringLiteralLike)) {
          fail(file, locales, 'locales that are not a list of strings');
        }
        const parts = list.elements.map((e) => (e as ts.StringLiteralLike).text);
        found.push(routesOf(file, routes.initializer, '', parts));
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (found.length !== 1) throw new Error(`${file}: expected one feature (routes and locales)`);
  return found[0]!;
}

/** Every route of the app, from `features/<area>/feature.tsx`. */
export function appRoutes(webRoot: string): RouteSource[] {
  const dir = join(webRoot, 'features');
  return readdirSync(dir)
    .sort()
    .map((area) => join(dir, area, 'feature.tsx'))
    .filter((file) => existsSync(file))
    .flatMap(featureRoutes);
}

/** The module behind a translation part (i18n/parts.ts: `partLoader`) or the core of a language. */
function localeModule(webRoot: string, language: string, part: string | null): string {
  if (part === null) return join(webRoot, 'i18n', 'core', `${language}.ts`);
  if (part === 'refusals') return join(webRoot, 'i18n', 'refusals', `${language}.ts`);
  if (part === 'notifications') {
    return resolve(webRoot, '..', 'i18n', 'notifications', `${language}.json`);
  }
  return `${join(webRoot, 'locales', 'features', `${part}.${language}.json`)}?part=body`;
}

/** The slice of a Rollup/Rolldown output chunk this plugin reads. */
interface ChunkLike {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  moduleIds: readonly string[];
  imports: readonly string[];
  viteMetadata?: { importedCss: Set<string> };
}
type BundleLike = Record<string, ChunkLike | { type: 'asset' }>;

/** Every page's chunks (beyond what index.html loads already) and every language's translations. */
export function routePreloads(webRoot: string, base: string, bundle: BundleLike): RoutePreloads {
  const chunks = Object.values(bundle).filter((c): c is ChunkLike => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const byModule = new Map<string, ChunkLike>();
  for (const chunk of chunks) for (const id of chunk.moduleIds) byModule.set(id, chunk);
  // A module that is a dynamic import's target is its chunk's facade: that chunk wins.
  for (const chunk of chunks) if (chunk.facadeModuleId) byModule.set(chunk.facadeModuleId, chunk);

  /** A chunk, what it imports statically (all of it runs before it), and their styles. */
  const closure = (start: ChunkLike): string[] => {
    const files = new Set<string>();
    const queue = [start];
    while (queue.length) {
      const chunk = queue.shift()!;
      if (files.has(chunk.fileName)) continue;
      files.add(chunk.fileName);
      for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
      for (const file of chunk.imports) {
        const next = byFile.get(file);
        if (next) queue.push(next);
      }
    }
    return [...files];
  };
  // What index.html loads already (the entry and its static imports) is never named again.
  const loaded = new Set(chunks.filter((c) => c.isEntry).flatMap(closure));
  const need = (module: string): string[] => {
    const chunk = byModule.get(module);
    if (!chunk) throw new Error(`route preloads: no chunk holds ${module}`);
    return closure(chunk)
      .filter((file) => !loaded.has(file))
      .map((file) => `${base}${file}`);
  };

  const routes = appRoutes(webRoot);
  const parts = [...new Set(routes.flatMap((r) => r.locales))].sort();
  const core = /\/i18n\/core\/([a-z]+)\.ts$/;
  const languages = [
    ...new Set(chunks.map((c) => core.exec(c.facadeModuleId ?? '')?.[1]).filter(Boolean)),
  ] as string[];
  return {
    routes: routes.map((r) => ({ path: r.path, files: need(r.module), locales: r.locales })),
    languages: Object.fromEntries(
      languages.sort().map((language) => [
        language,
        {
          core: need(localeModule(webRoot, language, null)),
          parts: Object.fromEntries(
            parts.map((part) => [part, need(localeModule(webRoot, language, part))]),
          ),
        },
      ]),
    ),
  };
}

/** Every file a `route-preloads.json` names. */
function namedFiles(preloads: RoutePreloads): string[] {
  return [
    ...preloads.routes.flatMap((r) => r.files),
    ...Object.values(preloads.languages).flatMap((l) => [
      ...l.core,
      ...Object.values(l.parts).flat(),
    ]),
  ];
}

/** Writes `route-preloads.json` into the build (never served: src/server/web.ts). */
export function routePreloadsPlugin(webRoot: string): Plugin {
  let base = '/';
  let named: string[] = [];
  return {
    name: 'kakehashi-route-preloads',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    // After Vite's own hooks: its CSS plugin removes the chunks that only held a stylesheet
    // (and rewrites what imported them) in this hook, and a removed chunk must not be named.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const preloads = routePreloads(webRoot, base, bundle as unknown as BundleLike);
        named = namedFiles(preloads);
        this.emitFile({
          type: 'asset',
          fileName: ROUTE_PRELOADS_FILE,
          source: `${JSON.stringify(preloads)}\n`,
        });
      },
    },
    // Every file named must be one the build wrote: a stale name would be a 404 on every first
    // page that names it.
    writeBundle(_options, bundle) {
      const absent = named.filter((file) => !(file.slice(base.length) in bundle));
      if (absent.length > 0) {
        throw new Error(`route preloads: not in the build: ${[...new Set(absent)].join(', ')}`);
      }
    },
  };
}
