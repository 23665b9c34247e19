import { useTranslation } from 'react-i18next';

/** Marks a person who exists only in the demo world, never a real one. */
export function InventedBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge-invented" title={t('account.inventedHint')}>
      {t('account.invented')}
    </span>
  );
}
