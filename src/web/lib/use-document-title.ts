import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title to "<title> — Kakehashi" (translated brand) while the page is shown. */
export function useDocumentTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const brand = t('app.brand');
  useEffect(() => {
    document.title = title ? t('app.documentTitle', { title, brand }) : brand;
  }, [title, brand, t]);
}
