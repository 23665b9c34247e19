import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { KNOWN_ERROR_CODES } from '../lib/error-codes.ts';

/** The message to show for an error: a translation for codes we know, else the server's words. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      const code = error.status === 429 ? 'rate_limited' : error.code;
      if ((KNOWN_ERROR_CODES as readonly string[]).includes(code)) return t(`errors.${code}`);
      return error.message || t('errors.unknown');
    }
    return t('errors.unknown');
  };
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage()(error);
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{t('errors.title')}</p>
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('actions.retry')}
        </button>
      ) : null}
    </div>
  );
}
