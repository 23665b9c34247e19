import type { Language, Names } from '../api/contract.ts';

export type Named = { name: string; names?: Names | null };

export type LocalName = { text: string; lang: Language };

/** names[current language] when it exists, else the English `name`. */
export function localName(entity: Named, language: Language): LocalName {
  const local = entity.names?.[language];
  if (local) return { text: local, lang: language };
  return { text: entity.name, lang: 'en' };
}

export function compareByLocalName(language: Language) {
  const collator = new Intl.Collator(language);
  return (a: Named, b: Named) =>
    collator.compare(localName(a, language).text, localName(b, language).text);
}
