/**
 * Names the checks put in their params, in every language of the platform, so that a refusal reads
 * the same through any renderer: countries and languages through Intl, levels of study from the
 * program's vocabulary (R3 — 003 §5(3)).
 */
import { LANGUAGES, type LocalizedText } from '../shared/refusal.ts';
import type { Level } from './rules.ts';

const LOCALES = { ja: 'ja-JP', ru: 'ru-RU', en: 'en-GB', fr: 'fr-FR' } as const;

function displayNames(type: 'region' | 'language', code: string): LocalizedText {
  const out: LocalizedText = {};
  for (const lang of LANGUAGES) {
    try {
      out[lang] = new Intl.DisplayNames([LOCALES[lang]], { type }).of(code) ?? code;
    } catch {
      out[lang] = code;
    }
  }
  return out;
}

/** A country (ISO 3166-1 alpha-2) by its name in each language. */
export const countryText = (code: string): LocalizedText => displayNames('region', code);

/** A language (ISO 639-1) by its name in each language. */
export const languageText = (code: string): LocalizedText => displayNames('language', code);

const LEVEL_NAMES: Record<Level, Required<LocalizedText>> = {
  bachelor: { ja: '学士課程', ru: 'бакалавриат', en: 'bachelor', fr: 'licence' },
  master: { ja: '修士課程', ru: 'магистратура', en: 'master', fr: 'master' },
  doctor: { ja: '博士課程', ru: 'аспирантура', en: 'doctorate', fr: 'doctorat' },
};

/** A level of study by its name in each language. */
export const levelText = (level: Level): LocalizedText => LEVEL_NAMES[level];
