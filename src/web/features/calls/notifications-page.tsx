import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Loading } from '../../components/loading.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { markRead, myNotifications } from './api.ts';
import './calls.css';

export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('calls.notifications.title'));
  const list = useResource('notifications', (signal) => myNotifications(signal));
  const format = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <>
      <h1>{t('calls.notifications.title')}</h1>
      {list.status === 'loading' ? <Loading /> : null}
      {list.status === 'error' ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'success' ? (
        <>
          <p className="muted">{t('calls.notifications.unread', { count: list.data.unread })}</p>
          {list.data.items.length === 0 ? (
            <div className="empty" role="status">
              <p>{t('calls.notifications.empty')}</p>
            </div>
          ) : (
            <ul className="card-list" data-testid="notifications">
              {list.data.items.map((n) => (
                <li key={n.id} className="card">
                  <p className={n.readAt ? undefined : 'calls-unread'}>
                    {t(`calls.notifications.kinds.${n.kind}`, { defaultValue: n.kind })}:{' '}
                    {n.subject}
                  </p>
                  <p>{n.body}</p>
                  <p className="muted">
                    <time dateTime={n.createdAt}>{format.format(new Date(n.createdAt))}</time>
                  </p>
                  {n.readAt ? null : (
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => void markRead(n.id, session.csrfToken).then(list.reload)}
                    >
                      {t('calls.notifications.markRead')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </>
  );
}
