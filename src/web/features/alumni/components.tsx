/** Small shared pieces of the alumni pages: a text in several languages, a university's name. */
import { useTranslation } from 'react-i18next';
import { nameIn } from '../../../i18n/format.ts';
import type { LocalizedText } from '../../../domain/shared/refusal.ts';

/** A text given in several languages, in the reader's language when it has one. */
export function useText(): (text: LocalizedText | null | undefined) => string {
  const { i18n } = useTranslation();
  return (text) => (text ? nameIn(text, i18n.language) : '');
}

/** Yes, no or not said. */
export function YesNo({ value }: { value: boolean | null | undefined }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <span className="muted">—</span>;
  return <>{value ? t('alumni.yes') : t('alumni.no')}</>;
}
