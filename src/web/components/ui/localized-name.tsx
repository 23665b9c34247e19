import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { localName, type Named } from '../../lib/names.ts';

/** An organisation's name in the reader's language when it has one, marked with its language. */
export function LocalizedName({ entity }: { entity: Named }) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const name = localName(entity, language);
  return name.lang === language ? <>{name.text}</> : <span lang={name.lang}>{name.text}</span>;
}

export function useLocalName(): (entity: Named) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (entity: Named) => localName(entity, language).text;
}
