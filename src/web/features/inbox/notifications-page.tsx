import { useTranslation } from 'react-i18next';
import { renderNotification } from '../../../i18n/notifications.ts';
import { formatInstant } from '../../../i18n/format.ts';
import { useSession } from '../../app/session.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { markRead, myNotifications, type Notification } from './api.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';

function NotificationCard({ n, onRead }: { n: Notification; onRead: () => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const { title, body } = renderNotification(t, n.type, n.params);
  return (
    <li className="card" data-type={n.type}>
      <h2 className={n.readAt ? undefined : 'inbox-unread'}>{title}</h2>
      {body.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <p className="muted">
        <time dateTime={n.createdAt}>{formatInstant(n.createdAt, i18n.language)}</time>
      </p>
      {n.readAt ? null : (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void markRead(n.id, session.csrfToken).then(onRead)}
        >
          {t('inbox.markRead')}
        </button>
      )}
    </li>
  );
}

export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('inbox.title'));
  const list = useResource('notifications', (signal) => myNotifications(signal));
  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <ResourceView resource={list}>
        {(data) => (
          <>
            <p className="muted">{t('inbox.unread', { count: data.unread })}</p>
            {data.items.length === 0 ? (
              <div className="empty" role="status">
                <p>{t('inbox.empty')}</p>
              </div>
            ) : (
              <ul className="card-list" data-testid="notifications">
                {data.items.map((n) => (
                  <NotificationCard key={n.id} n={n} onRead={list.reload} />
                ))}
              </ul>
            )}
          </>
        )}
      </ResourceView>
    </>
  );
}
