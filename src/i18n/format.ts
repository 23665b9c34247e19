/**
 * Formatting shared by the web app and the e-mails: dates, numbers, money, names, lists and
 * countries in the reader's language, through Intl. Pure functions of (value, language).
 */
import type { i18n } from 'i18next';
import {
  pickLocalized,
  type Language,
  type LocalizedText,
} from '#src/domain/shared/platform-languages.ts';

const LOCALES: Record<Language, string> = { ja: 'ja-JP', ru: 'ru-RU', en: 'en-GB', fr: 'fr-FR' };

/** The BCP 47 locale of a platform language (unknown languages read as English). */
export function localeOf(language: string | undefined): string {
  return LOCALES[(language ?? 'en') as Language] ?? LOCALES.en;
}

/**
 * One formatter per locale and options: building an Intl formatter costs far more than using it
 * (a list of a hundred dates would build a hundred), and a formatter never changes.
 */
const formatters = new Map<string, unknown>();
function cached<T>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The Intl formatters of a locale and options, built once (cached above). */
export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached('dt', locale, options, () => new Intl.DateTimeFormat(locale, options));
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions) =>
  cached('n', locale, options, () => new Intl.NumberFormat(locale, options));
const displayNames = (locale: string, options: Intl.DisplayNamesOptions) =>
  cached('dn', locale, options, () => new Intl.DisplayNames([locale], options));

const asLanguage = (language: string | undefined): Language =>
  (language && language in LOCALES ? language : 'en') as Language;

/** A calendar date (YYYY-MM-DD, or an instant) in the reader's language; the input if not a date. */
export function formatDate(
  value: string,
  language: string | undefined,
  style: 'long' | 'medium' = 'long',
): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return dateTimeFormat(localeOf(language), { dateStyle: style, timeZone: 'UTC' }).format(date);
  }
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) return value;
  return formatInstant(value, language);
}

/**
 * An instant with its time of day and the zone it is shown in, for readers who may be elsewhere
 * (JST, MSK, CET): `timeZone` defaults to Tokyo, the funder's clock.
 */
export function formatInstant(
  value: string,
  language: string | undefined,
  timeZone = 'Asia/Tokyo',
): string {
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) return value;
  // Intl refuses timeZoneName together with dateStyle/timeStyle: the fields are named one by one.
  return dateTimeFormat(localeOf(language), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(instant);
}

export function formatNumber(value: number, language: string | undefined): string {
  return numberFormat(localeOf(language), { maximumFractionDigits: 2 }).format(value);
}

/** A size in bytes as the reader reads it, in megabytes (of 1,048,576 bytes): "5 MB", "5 Mo", "5 МБ". */
export function formatBytes(value: number, language: string | undefined): string {
  return numberFormat(localeOf(language), {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  }).format(value / (1024 * 1024));
}

/** Money in its currency (JPY, RUB, EUR…); yen have no minor unit. */
export function formatMoney(value: number, currency: string, language: string | undefined): string {
  return numberFormat(localeOf(language), { style: 'currency', currency }).format(value);
}

/** A country (ISO 3166-1 alpha-2) by its name in the reader's language. */
export function countryName(code: string, language: string | undefined): string {
  try {
    return displayNames(localeOf(language), { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A name given in several languages, as the reader of `language` reads it. */
export function nameIn(value: unknown, language: string | undefined): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return pickLocalized(value as LocalizedText, asLanguage(language));
  }
  return value === null || value === undefined ? '' : String(value);
}

/** A list of names, joined as the reader's language joins them ("A, B and C", "A、B、C"). */
export function formatList(values: readonly unknown[], language: string | undefined): string {
  const locale = localeOf(language);
  const options: Intl.ListFormatOptions = { style: 'long', type: 'conjunction' };
  return cached('l', locale, options, () => new Intl.ListFormat(locale, options)).format(
    values.map((v) => nameIn(v, language)),
  );
}

/**
 * Registers the formats translation strings use: `{{d, date}}`, `{{t, instant}}`, `{{n, number}}`,
 * `{{jpy, yen}}`, `{{b, bytes}}`, `{{x, name}}`, `{{xs, list}}`, `{{cc, country}}`. Called on every i18next
 * instance, the web app's and the mailer's.
 */
export function addFormatters(instance: i18n): void {
  const formatter = instance.services.formatter;
  if (!formatter) return;
  formatter.add('date', (value, lng) => (typeof value === 'string' ? formatDate(value, lng) : ''));
  formatter.add('instant', (value, lng) =>
    typeof value === 'string' ? formatInstant(value, lng) : '',
  );
  formatter.add('number', (value, lng) =>
    typeof value === 'number' ? formatNumber(value, lng) : String(value ?? ''),
  );
  formatter.add('bytes', (value, lng) =>
    typeof value === 'number' ? formatBytes(value, lng) : String(value ?? ''),
  );
  formatter.add('yen', (value, lng) =>
    typeof value === 'number' ? formatMoney(value, 'JPY', lng) : String(value ?? ''),
  );
  formatter.add('name', (value, lng) => nameIn(value, lng));
  formatter.add('list', (value, lng) =>
    Array.isArray(value) ? formatList(value, lng) : nameIn(value, lng),
  );
  formatter.add('country', (value, lng) =>
    typeof value === 'string' ? countryName(value, lng) : '',
  );
}

type DateField = 'year' | 'month' | 'day';

/**
 * How the reader's language writes a date in digits: the order of year, month and day and the
 * separators between them (ja 2027/09/01, ru 01.09.2027, fr and en 01/09/2027).
 */
export function numericDatePattern(language: string | undefined): {
  order: DateField[];
  separators: string[];
} {
  const parts = dateTimeFormat(localeOf(language), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).formatToParts(new Date(Date.UTC(2001, 10, 22)));
  const order: DateField[] = [];
  const separators: string[] = [];
  for (const part of parts) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day') order.push(part.type);
    else if (part.type === 'literal' && order.length > 0 && order.length < 3)
      separators.push(part.value);
  }
  return { order, separators };
}

/** A calendar date (YYYY-MM-DD) as the reader types it in digits; '' when not a date. */
export function formatDateInput(iso: string, language: string | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return '';
  const value: Record<DateField, string> = { year: match[1]!, month: match[2]!, day: match[3]! };
  const { order, separators } = numericDatePattern(language);
  return order.map((field, i) => value[field] + (separators[i] ?? '')).join('');
}

/**
 * A date typed in the reader's order (or as YYYY-MM-DD, which every language accepts) as
 * YYYY-MM-DD; null when it is not a real calendar date. Any non-digits separate the fields.
 */
export function parseDateInput(text: string, language: string | undefined): string | null {
  const groups = text.trim().match(/\d+/g);
  if (!groups || groups.length !== 3) return null;
  const order: DateField[] =
    groups[0]!.length === 4 ? ['year', 'month', 'day'] : numericDatePattern(language).order;
  const value = { year: 0, month: 0, day: 0 };
  order.forEach((field, i) => (value[field] = Number(groups[i])));
  const yearText = groups[order.indexOf('year')]!;
  if (yearText.length !== 4) return null;
  const date = new Date(Date.UTC(value.year, value.month - 1, value.day));
  if (
    date.getUTCFullYear() !== value.year ||
    date.getUTCMonth() !== value.month - 1 ||
    date.getUTCDate() !== value.day
  )
    return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${yearText}-${pad(value.month)}-${pad(value.day)}`;
}

/** A language (ISO 639-1 code or BCP 47 tag) by its name in the reader's language; the code when unknown. */
export function languageName(code: string, language: string | undefined): string {
  try {
    return displayNames(localeOf(language), { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
