import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { MY_CALENDAR_URL, myEvents } from './api.ts';
import { useDateRange } from './event-page.tsx';
import { CalendarLink } from './calendar-link.tsx';
import { LocalText } from './local-text.tsx';
import './events.css';

/** The events the signed-in person registered for, with their state, and their own calendar. */
export function MyEventsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const session = useSession();
  useDocumentTitle(t('events.mine.title'));
  const list = useResource(session.status === 'signed-in' ? 'my-events' : null, (signal) =>
    myEvents(signal),
  );
  const range = useDateRange();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous') {
    return <Navigate to="/sign-in" replace state={{ from: '/me/events' }} />;
  }
  return (
    <>
      <div className="page-header">
        <h1>{t('events.mine.title')}</h1>
        <a className="button button-secondary" href={`${MY_CALENDAR_URL}?lang=${language}`}>
          {t('events.mine.calendar')}
        </a>
      </div>
      <ResourceView
        resource={list}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <p className="empty">
            {t('events.mine.none')} <Link to="/events">{t('events.list.title')}</Link>
          </p>
        }
      >
        {(data) => (
          <div className="table-wrap">
            <table className="data-table" data-testid="my-events">
              <caption className="visually-hidden">{t('events.mine.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('events.event')}</th>
                  <th scope="col">{t('events.dates')}</th>
                  <th scope="col">{t('events.manage.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map(({ event, registration }) => (
                  <tr key={registration.id}>
                    <th scope="row">
                      <Link to={`/events/${encodeURIComponent(event.id)}`}>
                        <LocalText text={event.title} />
                      </Link>
                    </th>
                    <td data-label={t('events.dates')}>{range(event.startsOn, event.endsOn)}</td>
                    <td data-label={t('events.manage.status')}>
                      {registration.status === 'waiting'
                        ? t('events.registration.waitlistedAt', {
                            position: registration.position ?? 0,
                          })
                        : t(`events.registration.status.${registration.status}`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ResourceView>
      <CalendarLink />
    </>
  );
}
