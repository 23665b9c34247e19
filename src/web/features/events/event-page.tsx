import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDate } from '../../../i18n/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { eventCalendarUrl, getEvent, listParticipants, type EventDetail } from './api.ts';
import { LiaisonOfficeSection } from './liaison-office-form.tsx';
import { LocalText, useText } from './local-text.tsx';
import { RegistrationPanel } from './registration-panel.tsx';
import { Timetable } from './timetable.tsx';
import './events.css';

export function EventPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const event = useResource(`event|${id}`, (signal) => getEvent(id, signal));
  const text = useText();
  useDocumentTitle(event.status === 'success' ? text(event.data.title) : t('events.event'));
  return (
    <ResourceView
      resource={event}
      notFound={
        <>
          <h1>{t('events.event')}</h1>
          <p>{t('events.notFound')}</p>
        </>
      }
      errorHeading={<h1>{t('events.event')}</h1>}
    >
      {(data) => <EventView event={data} reload={event.reload} />}
    </ResourceView>
  );
}

/** The event's dates as a range, e.g. "29 September 2021 – 1 October 2021". */
export function useDateRange(): (from: string, to: string) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (from, to) =>
    from === to
      ? formatDate(from, language)
      : `${formatDate(from, language)} – ${formatDate(to, language)}`;
}

function EventView({ event, reload }: { event: EventDetail; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const range = useDateRange();
  const text = useText();
  const place = [text(event.venue), event.city].filter(Boolean).join(', ');
  return (
    <>
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/events">{t('events.list.title')}</Link>
          </li>
          {event.seriesId && event.seriesTitle ? (
            <li>
              <Link to={`/event-series/${encodeURIComponent(event.seriesId)}`}>
                <LocalText text={event.seriesTitle} />
              </Link>
            </li>
          ) : null}
          <li aria-current="page">
            <LocalText text={event.title} />
          </li>
        </ol>
      </nav>
      <div className="page-header">
        <h1>
          <LocalText text={event.title} /> {event.invented ? <InventedBadge /> : null}
        </h1>
        <div className="events-actions">
          {event.may.manage ? (
            <Link
              className="button button-secondary"
              data-testid="edit-event"
              to={`/events/${encodeURIComponent(event.id)}/edit`}
            >
              {t('events.form.editTitle')}
            </Link>
          ) : null}
          {event.may.manage ? (
            <Link
              className="button button-secondary"
              data-testid="manage-registrations"
              to={`/events/${encodeURIComponent(event.id)}/registrations`}
            >
              {t('events.manage.title')}
            </Link>
          ) : null}
          <a
            className="button button-secondary"
            href={`${eventCalendarUrl(event.id)}?lang=${language}`}
          >
            {t('events.calendar')}
          </a>
        </div>
      </div>
      <dl className="facts">
        <div className="facts-row">
          <dt>{t('events.kindLabel')}</dt>
          <dd>{t(`events.kind.${event.kind}`)}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('events.dates')}</dt>
          <dd>{range(event.startsOn, event.endsOn)}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('events.modeLabel')}</dt>
          <dd>{t(`events.mode.${event.mode}`)}</dd>
        </div>
        {place ? (
          <div className="facts-row">
            <dt>{t('events.place')}</dt>
            <dd>{place}</dd>
          </div>
        ) : null}
        {event.organisers.length > 0 ? (
          <div className="facts-row">
            <dt>{t('events.organisers')}</dt>
            <dd>
              <ul className="inline-list">
                {event.organisers.map((o) => (
                  <li key={o.id}>
                    <LocalText text={o.name} />
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      {Object.values(event.description).some(Boolean) ? (
        <p className="pre-wrap">
          <LocalText text={event.description} />
        </p>
      ) : null}

      {event.liaisonOffice || event.videoUrl ? (
        <ul className="inline-list" data-testid="event-links">
          {event.liaisonOffice ? (
            <li>
              {t('events.liaisonOffice')}{' '}
              <Link to={`/institutions/${encodeURIComponent(event.liaisonOffice.institutionId)}`}>
                <LocalText text={event.liaisonOffice.name} />
              </Link>
            </li>
          ) : null}
          {event.videoUrl ? (
            <li>
              <a href={event.videoUrl} rel="noopener noreferrer">
                {t('events.videoArchive')}
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}

      {event.kind === 'ceremony_signing' && !event.liaisonOffice && event.may.manage ? (
        <LiaisonOfficeSection event={event} onDone={reload} />
      ) : null}

      <RegistrationPanel event={event} onChange={reload} />

      <section className="card" aria-labelledby="event-programme">
        <h2 id="event-programme">{t('events.programme.title')}</h2>
        <Timetable
          sessions={event.sessions}
          timeZone={event.timeZone}
          mayWriteMinutes={event.may.manage}
        />
      </section>

      <Participants eventId={event.id} />
    </>
  );
}

/**
 * The participants: those who agreed to be listed (the server leaves out everyone else); nothing
 * when the reader may not see the list.
 */
function Participants({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const list = useResource(`participants|${eventId}`, (signal) =>
    listParticipants(eventId, signal),
  );
  if (list.status === 'error' && list.error instanceof ApiError && list.error.status === 403) {
    return null;
  }
  return (
    <section className="card" aria-labelledby="event-participants">
      <h2 id="event-participants">{t('events.participants.title')}</h2>
      <p className="muted">{t('events.participants.help')}</p>
      <ResourceView
        resource={list}
        isEmpty={(d) => d.items.filter((p) => p.listed !== false).length === 0}
        empty={<p className="empty">{t('events.participants.none')}</p>}
      >
        {(data) => (
          <ul data-testid="participants">
            {data.items
              .filter((p) => p.listed !== false)
              .map((p, i) => (
                <li key={p.registrationId ?? i}>
                  <LocalText text={p.name} />
                </li>
              ))}
          </ul>
        )}
      </ResourceView>
    </section>
  );
}
