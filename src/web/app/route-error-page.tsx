import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { useDocumentTitle } from '../lib/use-document-title.ts';

export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  useDocumentTitle(t('errors.title'));
  return (
    <div className="narrow">
      <h1>{t('errors.title')}</h1>
      <div className="alert alert-error" role="alert">
        <p>{t('errors.unexpected')}</p>
        {error instanceof Error ? <p className="small muted">{error.message}</p> : null}
      </div>
      <p>
        <Link to="/" className="button button-primary">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}
