import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_STATUSES,
  CONSORTIUM_KINDS,
  INSTITUTION_TYPES,
  LANGUAGES,
  ORG_UNIT_KINDS,
  ROLES,
  SCOPE_TYPES,
  STUDY_LEVELS,
} from '../api/types.ts';
import { FONT_SIZES, SCHEMES, SPACINGS } from '../lib/a11y-options.ts';
import { KNOWN_ERROR_CODES } from '../lib/error-codes.ts';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

/** Merges `from` into `into`; a leaf defined twice is an error (two files claim one key). */
function merge(into: Tree, from: Tree, file: string, prefix = ''): void {
  for (const [key, value] of Object.entries(from)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const existing = into[key];
    if (existing === undefined) into[key] = value;
    else if (typeof existing === 'object' && typeof value === 'object') {
      merge(existing, value, file, path);
    } else throw new Error(`${file}: key "${path}" is already used`);
  }
}

/** The main file, every feature file `locales/features/<feature>.<lang>.json` and the notifications, merged. */
function loadLocale(language: string): Tree {
  const main = JSON.parse(
    readFileSync(join(webDir, 'locales', `${language}.json`), 'utf8'),
  ) as Tree;
  const featureDir = join(webDir, 'locales', 'features');
  for (const file of readdirSync(featureDir)
    .filter((f) => f.endsWith(`.${language}.json`))
    .sort()) {
    merge(main, JSON.parse(readFileSync(join(featureDir, file), 'utf8')) as Tree, file);
  }
  const notifications = join(webDir, '..', 'i18n', 'notifications', `${language}.json`);
  merge(main, JSON.parse(readFileSync(notifications, 'utf8')) as Tree, notifications);
  return main;
}

/** Flattens nested keys to "a.b.c" → value. Non-string leaves are reported as such. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

/** Plural forms collapse to their base key: languages need different plural categories. */
function baseKeys(keys: Iterable<string>): Set<string> {
  return new Set([...keys].map((key) => key.replace(PLURAL_SUFFIX, '')));
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== 'locales' && entry !== 'public') files.push(...sourceFiles(path));
    } else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) {
      files.push(path);
    }
  }
  return files;
}

const locales = Object.fromEntries(
  LANGUAGES.map((language) => [language, flatten(loadLocale(language))]),
);
const english = locales.en as Map<string, unknown>;
const englishBase = baseKeys(english.keys());

function existsInEnglish(key: string): boolean {
  return english.has(key) || [...english.keys()].some((k) => k.replace(PLURAL_SUFFIX, '') === key);
}

describe('translation files', () => {
  it.each(LANGUAGES)('%s.json has exactly the keys of en.json', (language) => {
    const keys = baseKeys((locales[language] as Map<string, unknown>).keys());
    expect([...keys].filter((k) => !englishBase.has(k)).sort(), 'extra keys').toEqual([]);
    expect([...englishBase].filter((k) => !keys.has(k)).sort(), 'missing keys').toEqual([]);
  });

  it.each(LANGUAGES)('%s.json has no empty or non-string values', (language) => {
    const bad = [...(locales[language] as Map<string, unknown>)]
      .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
      .map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it.each(LANGUAGES)('%s.json has every plural form its language needs', (language) => {
    const map = locales[language] as Map<string, unknown>;
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const pluralBases = new Set(
      [...englishBase].filter((base) => [...english.keys()].some((k) => k === `${base}_other`)),
    );
    const missing: string[] = [];
    for (const base of pluralBases) {
      for (const category of categories) {
        if (!map.has(`${base}_${category}`)) missing.push(`${base}_${category}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('%s.json uses the same interpolation variables as en.json', (language) => {
    const map = locales[language] as Map<string, unknown>;
    const variables = (value: unknown) =>
      new Set([...String(value).matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]));
    const mismatched: string[] = [];
    for (const [key, value] of map) {
      const base = key.replace(PLURAL_SUFFIX, '');
      // Across plural forms, a form may leave out variables another form uses.
      const theirs = new Set(
        [...english]
          .filter(([k]) => k === base || k.replace(PLURAL_SUFFIX, '') === base)
          .flatMap(([, v]) => [...variables(v)]),
      );
      if ([...variables(value)].some((v) => !theirs.has(v))) mismatched.push(key);
    }
    expect(mismatched).toEqual([]);
  });
});

/**
 * Every refusal code of the domain, from each area's `refusal-codes.ts` (which exports
 * `REFUSAL_CODES`, codes of the form `<area>.<name>`), as `refusals.<code>` keys.
 */
const refusalModules = import.meta.glob<{ REFUSAL_CODES: readonly string[] }>(
  '../../domain/**/refusal-codes.ts',
  { eager: true },
);
const REFUSAL_KEYS = Object.values(refusalModules).flatMap((m) =>
  m.REFUSAL_CODES.map((code) => `refusals.${code}`),
);

describe('refusal codes', () => {
  it.each(LANGUAGES)('every refusal code of the domain has a translation in %s', (language) => {
    const map = locales[language] as Map<string, unknown>;
    const has = (key: string) =>
      map.has(key) || [...map.keys()].some((k) => k.replace(PLURAL_SUFFIX, '') === key);
    expect(REFUSAL_KEYS.filter((key) => !has(key))).toEqual([]);
  });
});

describe('keys used in the source', () => {
  const files = sourceFiles(webDir);

  it('finds the web sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('every literal t() key exists in en.json', () => {
    const missing: string[] = [];
    const callPattern = /\bt\(\s*(['"])([^'"`]+)\1/g;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(callPattern)) {
        const key = match[2] as string;
        if (!existsInEnglish(key)) missing.push(`${relative(webDir, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every key built from an API enumeration exists in en.json', () => {
    const built = [
      ...INSTITUTION_TYPES.map((v) => `institutionType.${v}`),
      ...CONSORTIUM_KINDS.map((v) => `consortiumKind.${v}`),
      ...ROLES.map((v) => `role.${v}`),
      ...SCOPE_TYPES.map((v) => `scopeType.${v}`),
      ...AGREEMENT_STATUSES.map((v) => `agreementStatus.${v}`),
      ...STUDY_LEVELS.map((v) => `studyLevel.${v}`),
      ...ORG_UNIT_KINDS.map((v) => `orgUnitKind.${v}`),
      ...KNOWN_ERROR_CODES.map((v) => `errors.${v}`),
      ...FONT_SIZES.map((v) => `a11y.fontSizes.${v}`),
      ...SPACINGS.map((v) => `a11y.spacings.${v}`),
      ...SCHEMES.map((v) => `a11y.schemes.${v}`),
    ];
    expect(built.filter((key) => !existsInEnglish(key))).toEqual([]);
  });

  it('every template t() key has a prefix that exists in en.json', () => {
    const templatePattern = /\bt\(\s*`([^`$]*)\$\{/g;
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(templatePattern)) {
        const prefix = match[1] as string;
        if (![...english.keys()].some((key) => key.startsWith(prefix))) {
          missing.push(`${relative(webDir, file)}: ${prefix}…`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
