import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import type { Language } from '../../api/contract.ts';
import type { Localized } from './api.ts';

const FALLBACK: readonly Language[] = ['en', 'ja', 'ru', 'fr'];

/** The text in `language`, else in English, else in the first language it has. */
export function pickText(text: Localized, language: Language): { text: string; lang: Language } {
  const own = text[language];
  if (own) return { text: own, lang: language };
  for (const lang of FALLBACK) {
    const other = text[lang];
    if (other) return { text: other, lang };
  }
  return { text: '', lang: language };
}

/** A multilingual text picker in the reader's language. */
export function useText(): (text: Localized) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (text) => pickText(text, language).text;
}

/**
 * A multilingual text in the reader's language with a fallback; a text shown in another language
 * is marked with it, so that it is read (and hyphenated) in that language.
 */
export function LocalText({ text }: { text: Localized }) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const picked = pickText(text, language);
  return picked.lang === language ? (
    <>{picked.text}</>
  ) : (
    <span lang={picked.lang}>{picked.text}</span>
  );
}
