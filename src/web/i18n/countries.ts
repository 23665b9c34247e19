import { getName, getNames, registerLocale } from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import ja from 'i18n-iso-countries/langs/ja.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import type { Language } from '../api/types.ts';

// Registered when this module loads: a page that lists countries imports them from here, so the
// names are there whichever pages were loaded before.
for (const locale of [en, fr, ja, ru]) registerLocale(locale);

/** The country's name in the given language (ISO 3166-1 alpha-2 in), the code if unknown. */
export function countryName(code: string, language: Language): string {
  if (!code) return '';
  return getName(code.toUpperCase(), language) ?? getName(code.toUpperCase(), 'en') ?? code;
}

/** Every country by its name in the reader's language, in their collation order. */
export function countryOptions(language: Language): { code: string; name: string }[] {
  return Object.keys(getNames('en'))
    .map((code) => ({ code, name: countryName(code, language) }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}
