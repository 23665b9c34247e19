import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json' with { type: 'json' };
import fr from '../locales/fr.json' with { type: 'json' };
import ja from '../locales/ja.json' with { type: 'json' };
import ru from '../locales/ru.json' with { type: 'json' };
import { LANGUAGES, type Language } from '../api/types.ts';
import { NOTIFICATION_CATALOGS } from '../../i18n/catalog.ts';
import { addFormatters } from '../../i18n/format.ts';
import {
  LANGUAGE_STORAGE_KEY,
  applyLanguageToDocument,
  initialLanguage,
  isLanguage,
  writeStorage,
} from '../lib/preferences.ts';

export const LANGUAGE_LABELS: Record<Language, string> = {
  ja: '日本語',
  ru: 'Русский',
  en: 'English',
  fr: 'Français',
};

/**
 * Feature translations live beside the main files as `locales/features/<feature>.<lang>.json`,
 * each holding its own top-level keys; they are merged into the one `translation` namespace.
 */
const featureFiles = import.meta.glob<Record<string, unknown>>('../locales/features/*.json', {
  eager: true,
  import: 'default',
});

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merges `from` into `into`, key by key, so two files may both add e.g. `refusals.<area>`. */
function deepMerge(into: Tree, from: Tree): Tree {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] = isTree(existing) && isTree(value) ? deepMerge({ ...existing }, value) : value;
  }
  return into;
}

/** The main file, every feature file and the notification catalog of one language, merged. */
export function withFeatures(language: Language, main: Tree): Tree {
  const merged = deepMerge({}, main);
  for (const [path, tree] of Object.entries(featureFiles)) {
    if (path.endsWith(`.${language}.json`)) deepMerge(merged, tree);
  }
  return deepMerge(merged, NOTIFICATION_CATALOGS[language]);
}

export function setupI18n(): typeof i18next {
  const lng = initialLanguage();
  void i18next.use(initReactI18next).init({
    resources: {
      en: { translation: withFeatures('en', en) },
      fr: { translation: withFeatures('fr', fr) },
      ja: { translation: withFeatures('ja', ja) },
      ru: { translation: withFeatures('ru', ru) },
    },
    lng,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    react: { useSuspense: false },
  });
  addFormatters(i18next);
  applyLanguageToDocument(lng);
  i18next.on('languageChanged', (language) => {
    if (!isLanguage(language)) return;
    applyLanguageToDocument(language);
    writeStorage(LANGUAGE_STORAGE_KEY, language);
  });
  return i18next;
}

export function currentLanguage(language: string): Language {
  return isLanguage(language) ? language : 'en';
}
