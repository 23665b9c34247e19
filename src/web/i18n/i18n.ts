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
import { languageResources, partsAfter } from './parts.ts';

export const LANGUAGE_LABELS: Record<Language, string> = {
  ja: '日本語',
  ru: 'Русский',
  en: 'English',
  fr: 'Français',
};

/** Gives i18next a language's core and the parts pages have needed so far (parts.ts). */
const bundleBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language: string, _namespace: string, callback: ReadCallback) {
    if (!isLanguage(language)) {
      callback(null, {});
      return;
    }
    languageResources(language).then(
      (tree) => callback(null, tree as Parameters<ReadCallback>[1]),
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
  const ready = i18next
    .use(bundleBackend)
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      load: 'currentOnly',
      interpolation: { escapeValue: false },
      returnNull: false,
      // Parts added after the first render (parts.ts) re-render what shows them.
      react: { useSuspense: false, bindI18nStore: 'added' },
    });
  partsAfter(ready);
  await ready;
  addFormatters(i18next);
  return i18next;
}

export function currentLanguage(language: string): Language {
  return isLanguage(language) ? language : 'en';
}
