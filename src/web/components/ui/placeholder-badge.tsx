import { useTranslation } from 'react-i18next';

/**
 * Marks a member that stands in for an unnamed real one, so that counts match the source documents.
 */
export function PlaceholderBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge-invented badge-accent" title={t('placeholder.hint')}>
      {t('placeholder.label')}
    </span>
  );
}
