import type { i18n as I18n } from 'i18next';
import { isLanguage } from '../lib/preferences.ts';
import type { Language } from '../api/types.ts';
import { deepMerge, type Tree } from './merge.ts';

/**
 * A part of the translations fetched when a page needs it: a feature's file
 * (`locales/features/<name>.<lang>.json`, without its refusals), every area's refusals together,
 * or the notifications' texts. The core (the main file) comes first, with the language.
 */
export type LocalePart = string;

export const REFUSALS = 'refusals';
export const NOTIFICATIONS = 'notifications';

const CORE: Record<Language, () => Promise<{ default: Tree }>> = {
  ja: () => import('./core/ja.ts'),
  ru: () => import('./core/ru.ts'),
  en: () => import('./core/en.ts'),
  fr: () => import('./core/fr.ts'),
};

const ALL_REFUSALS: Record<Language, () => Promise<{ default: Tree }>> = {
  ja: () => import('./refusals/ja.ts'),
  ru: () => import('./refusals/ru.ts'),
  en: () => import('./refusals/en.ts'),
  fr: () => import('./refusals/fr.ts'),
};

const FEATURE_BODIES = import.meta.glob<Tree>('../locales/features/*.json', {
  query: '?part=body',
  import: 'default',
});

const NOTIFICATION_TEXTS = import.meta.glob<Tree>('../../i18n/notifications/*.json', {
  import: 'default',
});

/** The parts each language holds so far. */
const loaded = new Map<Language, Set<LocalePart>>();

/**
 * Settles when i18next holds the reader's language: parts are added after its core, never under
 * it. The router asks for the first page's parts before i18next is even set up (both start at once).
 */
let markReady: (ready: Promise<unknown>) => void = () => undefined;
const languageReady = new Promise<unknown>((resolve) => {
  markReady = (ready) => resolve(ready.catch(() => undefined));
});
export function partsAfter(ready: Promise<unknown>): void {
  markReady(ready);
}

function partLoader(language: Language, part: LocalePart): () => Promise<Tree> {
  if (part === REFUSALS) return async () => (await ALL_REFUSALS[language]()).default;
  if (part === NOTIFICATIONS) {
    const load = NOTIFICATION_TEXTS[`../../i18n/notifications/${language}.json`];
    if (load) return load;
  }
  const load = FEATURE_BODIES[`../locales/features/${part}.${language}.json`];
  if (!load) throw new Error(`no translation part "${part}" in ${language}`);
  return load;
}

/** Whether a part is known (for the check that every feature names real parts). */
export function isLocalePart(part: string): boolean {
  return (
    part === REFUSALS ||
    part === NOTIFICATIONS ||
    `../locales/features/${part}.en.json` in FEATURE_BODIES
  );
}

/**
 * A language's resources for i18next's backend: its core and every part some page has needed so
 * far (in whichever language), so that switching language keeps the open page translated.
 */
export async function languageResources(language: Language): Promise<Tree> {
  const parts = new Set<LocalePart>();
  for (const held of loaded.values()) for (const part of held) parts.add(part);
  const [core, ...rest] = await Promise.all([
    CORE[language](),
    ...[...parts].map((part) => partLoader(language, part)()),
  ]);
  const tree = deepMerge({}, core.default);
  for (const part of rest) deepMerge(tree, part);
  loaded.set(language, parts);
  return tree;
}

/**
 * Fetches the parts a page needs in the reader's language (or `language`), if not held yet;
 * resolves when i18next has them.
 */
export async function ensureParts(
  i18n: I18n,
  parts: readonly LocalePart[],
  in_?: Language,
): Promise<void> {
  // The reader's language is known once i18next holds it (the first page loads meanwhile).
  await languageReady;
  const language = in_ ?? i18n.resolvedLanguage ?? i18n.language;
  if (!isLanguage(language)) return;
  const held = loaded.get(language) ?? new Set<LocalePart>();
  loaded.set(language, held);
  const missing = parts.filter((part) => !held.has(part));
  if (missing.length === 0) return;
  const trees = await Promise.all(missing.map((part) => partLoader(language, part)()));
  trees.forEach((tree, i) => {
    // Held before i18next announces it, so what re-renders on the announcement finds it held.
    held.add(missing[i]!);
    i18n.addResourceBundle(language, 'translation', tree, true, true);
  });
}

/**
 * Switches to another language with every part the pages have needed so far, so the open page
 * never shows keys: a language read before gets what it lacks first, a new one is read whole.
 */
export async function switchLanguage(i18n: I18n, language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) {
    const parts = new Set<LocalePart>();
    for (const held of loaded.values()) for (const part of held) parts.add(part);
    await ensureParts(i18n, [...parts], language);
  }
  await i18n.changeLanguage(language);
}

/** A module loaded together with the parts it needs (a page, or a component loaded on demand). */
export function withParts<T>(
  i18n: I18n,
  parts: readonly LocalePart[],
  load: () => Promise<T>,
): () => Promise<T> {
  return async () => (await Promise.all([load(), ensureParts(i18n, parts)]))[0];
}

/**
 * Asks for a part a shared helper is about to read (a refusal's text shown by the frame or by a
 * page that does not name the refusals): fetched once, i18next re-renders what shows it.
 */
export function requestPart(i18n: I18n, part: LocalePart): void {
  if (holdsPart(i18n, part)) return;
  void ensureParts(i18n, [part]).catch(() => undefined);
}

/** Whether i18next holds a part in the reader's language. */
export function holdsPart(i18n: I18n, part: LocalePart): boolean {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) && (loaded.get(language)?.has(part) ?? false);
}
