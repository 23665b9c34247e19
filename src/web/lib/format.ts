import type { Language } from '../api/types.ts';

const LOCALES: Record<Language, string> = { ja: 'ja-JP', ru: 'ru-RU', en: 'en-GB', fr: 'fr-FR' };

export function locale(language: Language): string {
  return LOCALES[language];
}

/** A calendar date (YYYY-MM-DD) in the reader's language; the input unchanged if not a date. */
export function formatDate(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    date,
  );
}

export function formatNumber(value: number, language: Language, fractionDigits?: number): string {
  return new Intl.NumberFormat(
    locale(language),
    fractionDigits === undefined
      ? undefined
      : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits },
  ).format(value);
}
