/** The platform's languages, in the order the product offers them. */
export const LANGUAGES = ['ja', 'ru', 'en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in one or more of the platform's languages. */
export type LocalizedText = Partial<Record<Language, string>>;

/** The best text of a localized name for a reader of `lang` (then English, then any). */
export function pickLocalized(text: LocalizedText | undefined, lang: Language): string {
  if (!text) return '';
  const present = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';
  const own = text[lang];
  if (present(own)) return own;
  for (const l of ['en', 'ja', 'ru', 'fr'] as const) {
    const other = text[l];
    if (present(other)) return other;
  }
  return '';
}
