import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatInstant } from '../../../i18n/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import {
  getEvent,
  listRegistrations,
  registrationStep,
  type EventDetail,
  type Registration,
} from './api.ts';
import { LocalText } from './local-text.tsx';
import './events.css';

/** The organisers' view of an event's registrations: approve or refuse, and check people in. */
export function RegistrationsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useDocumentTitle(t('events.manage.title'));
  const data = useResource(`registrations|${id}`, (signal) =>
    Promise.all([getEvent(id, signal), listRegistrations(id, signal)]),
  );
  return (
    <ResourceView resource={data} errorHeading={<h1>{t('events.manage.title')}</h1>}>
      {([event, list]) => (
        <RegistrationsView event={event} items={list.items} reload={data.reload} />
      )}
    </ResourceView>
  );
}

function RegistrationsView({
  event,
  items,
  reload,
}: {
  event: EventDetail;
  items: Registration[];
  reload: () => void;
}) {
  const { t } = useTranslation();
  const order = ['requested', 'confirmed', 'waiting', 'refused', 'cancelled'];
  const sorted = [...items].sort(
    (a, b) =>
      order.indexOf(a.status) - order.indexOf(b.status) ||
      (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
      a.createdAt.localeCompare(b.createdAt),
  );
  return (
    <>
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/events">{t('events.list.title')}</Link>
          </li>
          <li>
            <Link to={`/events/${encodeURIComponent(event.id)}`}>
              <LocalText text={event.title} />
            </Link>
          </li>
          <li aria-current="page">{t('events.manage.title')}</li>
        </ol>
      </nav>
      <h1>{t('events.manage.title')}</h1>
      <p className="muted" data-testid="counts">
        {t('events.manage.counts', {
          confirmed: event.confirmedCount,
          capacity: event.capacity ?? '∞',
          waiting: event.waitlistCount,
        })}
      </p>
      {sorted.length === 0 ? (
        <p className="empty">{t('events.manage.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="registrations">
            <caption className="visually-hidden">{t('events.manage.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('events.manage.person')}</th>
                <th scope="col">{t('events.manage.status')}</th>
                <th scope="col">{t('events.manage.registeredAt')}</th>
                <th scope="col">{t('events.manage.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <RegistrationRow key={r.id} registration={r} reload={reload} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function RegistrationRow({
  registration: r,
  reload,
}: {
  registration: Registration;
  reload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const action = useAction();
  const step = (s: 'approve' | 'refuse' | 'check-in') =>
    void action.run((csrf) => registrationStep(r.id, s, csrf)).then((ok) => ok && reload());
  const name = r.person.name;
  return (
    <tr data-testid="registration-row">
      <th scope="row">
        {name}
        {r.person.institution ? <span className="muted"> — {r.person.institution}</span> : null}
      </th>
      <td data-label={t('events.manage.status')}>
        {r.status === 'waiting'
          ? t('events.registration.waitlistedAt', { position: r.waitlistPosition ?? 0 })
          : t(`events.registration.status.${r.status}`)}
        {r.checkedInAt ? (
          <span className="badge badge-status badge-status-signed">
            {t('events.manage.checkedIn')}
          </span>
        ) : null}
      </td>
      <td data-label={t('events.manage.registeredAt')}>{formatInstant(r.createdAt, language)}</td>
      <td data-label={t('events.manage.actions')}>
        {r.status === 'requested' ? (
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={action.busy}
              onClick={() => step('approve')}
              aria-label={t('events.manage.approveWho', { name })}
            >
              {t('events.manage.approve')}
            </button>{' '}
            <button
              type="button"
              className="button button-secondary"
              disabled={action.busy}
              onClick={() => step('refuse')}
              aria-label={t('events.manage.refuseWho', { name })}
            >
              {t('events.manage.refuse')}
            </button>
          </>
        ) : null}
        {r.status === 'confirmed' && !r.checkedInAt ? (
          <button
            type="button"
            className="button button-primary"
            data-testid="check-in"
            disabled={action.busy}
            onClick={() => step('check-in')}
            aria-label={t('events.manage.checkInWho', { name })}
          >
            {t('events.manage.checkIn')}
          </button>
        ) : null}
        {action.error ? <ErrorAlert error={action.error} /> : null}
      </td>
    </tr>
  );
}
