/**
 * Each page loads only the translations it needs (parts.ts): the core with the language, then the
 * parts its feature names in `locales`. This check reads the sources: every translation key a
 * module may use (a string literal `area.key…`, or the fixed start of a template) must be in the
 * core for the app's frame, and in the core or a part its feature names for the feature's pages
 * and everything they import. A part named but not needed is reported too, so nobody downloads it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FEATURES_BY_FOLDER } from '../features/index.ts';
import { NOTIFICATIONS, REFUSALS } from './parts.ts';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const srcDir = resolve(webDir, '..');
const CORE = 'core';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'object' ? flatten(value, path) : [path];
  });
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

const readJson = (path: string): Tree => JSON.parse(readFileSync(path, 'utf8')) as Tree;

/** Every English key by the part that holds it. */
function keysByPart(): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  const core = flatten(readJson(join(webDir, 'locales', 'en.json')));
  parts.set(NOTIFICATIONS, flatten(readJson(join(srcDir, 'i18n', 'notifications', 'en.json'))));
  const refusals: string[] = [];
  const featureDir = join(webDir, 'locales', 'features');
  for (const file of readdirSync(featureDir).filter((f) => f.endsWith('.en.json'))) {
    const { refusals: own, ...body } = readJson(join(featureDir, file));
    if (own) refusals.push(...flatten({ refusals: own }));
    // An area's header links (`<area>.nav…`) travel with the core (vite.config.ts, localeParts).
    const [links, rest] = partition(flatten(body as Tree), (k) =>
      k.split('.')[1]!.startsWith('nav'),
    );
    core.push(...links);
    parts.set(file.replace(/\.en\.json$/, ''), rest);
  }
  parts.set(REFUSALS, refusals);
  parts.set(CORE, core);
  return parts;
}

const PARTS = keysByPart();
const AREAS = new Set([...PARTS.values()].flatMap((keys) => keys.map((k) => k.split('.')[0]!)));
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The parts that hold a key (exact, in plural forms, or as a parent), or every key a prefix starts. */
function holders(key: string, prefix: boolean): string[] {
  return [...PARTS.entries()]
    .filter(([, keys]) =>
      keys.some((k) =>
        prefix
          ? k.startsWith(key)
          : k === key || k.replace(PLURAL, '') === key || k.startsWith(`${key}.`),
      ),
    )
    .map(([part]) => part);
}

const LITERAL = /(['"`])([a-zA-Z][\w-]*(?:\.[\w-]+)+)\1/g;
const TEMPLATE = /`([a-zA-Z][\w-]*\.[\w.-]*)\$\{/g;
const IMPORT = /(?:from\s*|import\s*\(\s*|import\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;
const DYNAMIC = /import\s*\(\s*(['"])(\.{1,2}\/[^'"]+)\1/g;

/** A module's text without its comments (which may show an import or a key as an example). */
const code = (file: string): string =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

/** What a module's keys need: for each key, the parts any of which would do. */
function needsOf(file: string): { key: string; anyOf: string[] }[] {
  const text = code(file);
  const needs: { key: string; anyOf: string[] }[] = [];
  for (const [, , key] of text.matchAll(LITERAL)) {
    if (!AREAS.has(key!.split('.')[0]!)) continue;
    const anyOf = holders(key!, false);
    if (anyOf.length > 0) needs.push({ key: key!, anyOf });
  }
  for (const [, prefix] of text.matchAll(TEMPLATE)) {
    if (!AREAS.has(prefix!.split('.')[0]!)) continue;
    // A key built at run time may be any of the keys its start names: each part holding one is needed.
    for (const part of holders(prefix!, true)) needs.push({ key: `${prefix}…`, anyOf: [part] });
  }
  return needs;
}

function importsOf(file: string, dynamic: boolean): string[] {
  const text = code(file);
  const lazy = new Set([...text.matchAll(DYNAMIC)].map((m) => m[2]!));
  return [...text.matchAll(IMPORT)]
    .map((m) => m[2]!)
    .filter((spec) => /\.tsx?$/.test(spec) && (dynamic || !lazy.has(spec)))
    .map((spec) => resolve(dirname(file), spec));
}

/** The modules `starts` import, following `import()` only out of `routesFile` (a feature's pages). */
function closure(starts: string[], routesFile?: string): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file, file === routesFile));
  }
  return seen;
}

const camel = (folder: string) => folder.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [path] : [];
  });
}

/** The parts a set of modules needs beyond the core, and the keys no allowed part holds. */
function partsNeeded(files: Iterable<string>, allowed: Set<string>) {
  const needed = new Set<string>();
  const missing: string[] = [];
  for (const file of files) {
    for (const { key, anyOf } of needsOf(file)) {
      if (anyOf.includes(CORE)) continue;
      const ok = anyOf.find((part) => allowed.has(part));
      if (ok) needed.add(ok);
      else missing.push(`${relative(webDir, file)}: ${key} (in ${anyOf.join(' or ')})`);
    }
  }
  return { needed, missing };
}

/** The app's frame: what the entry imports but the pages (each feature's routes module included). */
const SHELL = closure([join(webDir, 'main.tsx')]);

describe('translations loaded per page', () => {
  it('gives the app’s frame (everything the entry imports but the pages) only core keys', () => {
    const shell = SHELL;
    // Refusals may show in the frame: its helpers (lib/messages.ts) fetch them when they show one.
    expect(partsNeeded(shell, new Set([REFUSALS])).missing).toEqual([]);
  });

  it('loads a component of another feature on demand only with that feature’s parts', () => {
    const unpaired: string[] = [];
    for (const file of sources(webDir)) {
      if (/\/feature\.tsx$|\/i18n\//.test(file)) continue;
      const text = code(file);
      for (const [, , spec] of text.matchAll(DYNAMIC)) {
        const folder = /\/features\/([^/]+)\//.exec(resolve(dirname(file), spec!))?.[1];
        if (!folder || !text.includes(`${camel(folder)}Feature.locales`)) {
          unpaired.push(`${relative(webDir, file)}: import('${spec}')`);
        }
      }
    }
    expect(unpaired).toEqual([]);
  });

  for (const [folder, feature] of Object.entries(FEATURES_BY_FOLDER)) {
    it(`gives the pages of ${folder} the parts they use, and only those`, () => {
      const dir = join(webDir, 'features', folder);
      // The frame's modules are checked above; a page's own modules and what only they import here.
      const files = [...closure(sources(dir), join(dir, 'feature.tsx'))].filter(
        (f) => !SHELL.has(f),
      );
      const declared = new Set(feature.locales);
      const { needed, missing } = partsNeeded(files, new Set(PARTS.keys()));
      expect(missing).toEqual([]);
      expect([...declared].filter((part) => !PARTS.has(part))).toEqual([]);
      expect({ folder, parts: [...declared].sort() }).toEqual({
        folder,
        parts: [...needed].sort(),
      });
    });
  }
});
