/**
 * People write their names in several scripts: a Japanese student in kanji and kana and in Latin
 * letters, a Russian one in Cyrillic and Latin. The reader sees the script that fits their
 * language; ids are never shown in place of a name.
 */
import { z } from 'zod';
import type { Language, LocalizedText } from './refusal.ts';

export const personNamesSchema = z
  .object({
    latin: z.string().trim().min(1).max(200),
    kanji: z.string().trim().min(1).max(200),
    kana: z.string().trim().min(1).max(200),
    cyrillic: z.string().trim().min(1).max(200),
  })
  .partial()
  .describe('The name in each script the person writes it in');
export type PersonNames = z.infer<typeof personNamesSchema>;

const ORDER: Record<Language, readonly (keyof PersonNames)[]> = {
  ja: ['kanji', 'kana', 'latin', 'cyrillic'],
  ru: ['cyrillic', 'latin', 'kanji', 'kana'],
  en: ['latin', 'kanji', 'cyrillic', 'kana'],
  fr: ['latin', 'kanji', 'cyrillic', 'kana'],
};

/** The person's name for a reader of `language`; `fallback` (the display name) when none fits. */
export function personName(names: PersonNames, language: Language, fallback: string): string {
  for (const script of ORDER[language]) {
    const n = names[script];
    if (n) return n;
  }
  return fallback;
}

/** A person's name as a localized text, so that it travels like any other name in params. */
export function personNameText(names: PersonNames, fallback: string): LocalizedText {
  return {
    ja: personName(names, 'ja', fallback),
    ru: personName(names, 'ru', fallback),
    en: personName(names, 'en', fallback),
    fr: personName(names, 'fr', fallback),
  };
}
