import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useFocusOnMount } from './focus.ts';
import { RefusalList } from './refusal-list.tsx';

/** The message to show for an error, in the reader's language (never the server's words). */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      return error.status === 429 ? t('errors.rate_limited') : error.message;
    }
    return t('errors.unknown');
  };
}

/**
 * An error as an alert: refusals as a list with their rules, anything else as one sentence.
 * The failure of an action (no `onRetry`) takes focus when it appears, so a keyboard reader
 * whose button went busy starts from the reason, not from the top of the page; `focus={false}`
 * leaves focus alone.
 */
export function ErrorAlert({
  error,
  onRetry,
  focus = onRetry === undefined,
}: {
  error: unknown;
  onRetry?: () => void;
  focus?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useFocusOnMount<HTMLDivElement>(focus ? 'always' : false);
  const message = useErrorMessage()(error);
  const refusals = error instanceof ApiError ? (error.details?.refusals ?? []) : [];
  return (
    <div ref={ref} className="alert alert-error" role="alert">
      <p className="alert-title">
        {refusals.length > 0 ? t('errors.refusedTitle') : t('errors.title')}
      </p>
      {refusals.length > 0 ? <RefusalList refusals={refusals} /> : <p>{message}</p>}
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('actions.retry')}
        </button>
      ) : null}
    </div>
  );
}
