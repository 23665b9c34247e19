/**
 * The notification catalogs, one per language, and a translator over them for the mailer. The web
 * app merges the same catalogs into its own resources.
 */
import i18next, { type TFunction } from 'i18next';
import { LANGUAGES, type Language } from '#src/domain/shared/refusal.ts';
import { addFormatters } from './format.ts';
import en from './notifications/en.json' with { type: 'json' };
import fr from './notifications/fr.json' with { type: 'json' };
import ja from './notifications/ja.json' with { type: 'json' };
import ru from './notifications/ru.json' with { type: 'json' };

export const NOTIFICATION_CATALOGS: Record<Language, Record<string, unknown>> = { ja, ru, en, fr };

const translators = new Map<Language, TFunction>();

/** A translator of the notification catalog in `language` (English for an unknown one). */
export function translatorFor(language: string): TFunction {
  const lang = (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en';
  let t = translators.get(lang);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      resources: { [lang]: { translation: NOTIFICATION_CATALOGS[lang] } },
      lng: lang,
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
    if (lang !== 'en') instance.addResourceBundle('en', 'translation', NOTIFICATION_CATALOGS.en);
    addFormatters(instance);
    t = instance.t.bind(instance) as TFunction;
    translators.set(lang, t);
  }
  return t;
}
