import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../api/types.ts';
import { addFormatters } from '../../i18n/format.ts';
import {
  LANGUAGE_STORAGE_KEY,
  applyLanguageToDocument,
  initialLanguage,
  isLanguage,
  writeStorage,
} from '../lib/preferences.ts';
import type { Tree } from './merge.ts';

export const LANGUAGE_LABELS: Record<Language, string> = {
  ja: '日本語',
  ru: 'Русский',
  en: 'English',
  fr: 'Français',
};

/**
 * Each language's resources are a chunk of their own (bundles/<lang>.ts: the main file, every
 * feature file and the notification catalog of that language), fetched when first needed.
 */
const BUNDLES: Record<Language, () => Promise<{ default: Tree }>> = {
  ja: () => import('./bundles/ja.ts'),
  ru: () => import('./bundles/ru.ts'),
  en: () => import('./bundles/en.ts'),
  fr: () => import('./bundles/fr.ts'),
};

/** Gives i18next a language's resources from its chunk; `changeLanguage` waits for them. */
const bundleBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language: string, _namespace: string, callback: ReadCallback) {
    if (!isLanguage(language)) {
      callback(null, {});
      return;
    }
    BUNDLES[language]().then(
      (bundle) => callback(null, bundle.default as Parameters<ReadCallback>[1]),
      (error: unknown) => callback(error instanceof Error ? error : String(error), false),
    );
  },
};

/**
 * Sets up translations in the reader's language; resolves once its resources are loaded (the first
 * render waits for it, so no page shows bare keys). Only that language is fetched: every language
 * file holds every key (locales.test.ts), so there is nothing to fall back on.
 */
export async function setupI18n(): Promise<typeof i18next> {
  const lng = initialLanguage();
  applyLanguageToDocument(lng);
  i18next.on('languageChanged', (language) => {
    if (!isLanguage(language)) return;
    applyLanguageToDocument(language);
    writeStorage(LANGUAGE_STORAGE_KEY, language);
  });
  await i18next
    .use(bundleBackend)
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      load: 'currentOnly',
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: false },
    });
  addFormatters(i18next);
  return i18next;
}

export function currentLanguage(language: string): Language {
  return isLanguage(language) ? language : 'en';
}
