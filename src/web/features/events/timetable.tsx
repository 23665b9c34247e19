import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDate } from '../../../i18n/format.ts';
import type { Session } from './api.ts';
import { dayIn, readerTimeZone, timeIn, zoneLabel } from './event-time.ts';
import { LocalText } from './local-text.tsx';
import { MinutesSection } from './minutes-section.tsx';

/** The sessions by day (in the event's zone), each day's sessions in the order they start. */
export function byDay(sessions: readonly Session[], timeZone: string): [string, Session[]][] {
  const days = new Map<string, Session[]>();
  for (const session of [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = session.day || dayIn(session.startsAt, timeZone);
    days.set(day, [...(days.get(day) ?? []), session]);
  }
  return [...days].sort(([a], [b]) => a.localeCompare(b));
}

/** A session's start and end in one zone, e.g. "10:00–11:30 GMT+9". */
function Span({ session, zone }: { session: Session; zone: string }) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (
    <>
      <time dateTime={session.startsAt}>{timeIn(session.startsAt, zone, language)}</time>–
      <time dateTime={session.endsAt}>{timeIn(session.endsAt, zone, language)}</time>{' '}
      <abbr title={zone}>{zoneLabel(session.startsAt, zone, language)}</abbr>
    </>
  );
}

/**
 * The programme: one table per day, every session with its time in the event's zone and in the
 * reader's zone (when they differ), its room, its contributions and speakers, the online link
 * when the server gives it, and its minutes.
 */
export function Timetable({
  sessions,
  timeZone,
  mayWriteMinutes,
}: {
  sessions: readonly Session[];
  timeZone: string;
  mayWriteMinutes: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const reader = readerTimeZone();
  const sameZone =
    sessions.length > 0 &&
    sessions.every(
      (s) => zoneLabel(s.startsAt, reader, 'en') === zoneLabel(s.startsAt, timeZone, 'en'),
    );
  if (sessions.length === 0) {
    return <p className="empty">{t('events.programme.empty')}</p>;
  }
  return (
    <div data-testid="timetable">
      <p className="muted">
        {sameZone
          ? t('events.programme.zoneSame', { zone: timeZone })
          : t('events.programme.zones', { zone: timeZone, reader })}
      </p>
      {byDay(sessions, timeZone).map(([day, daySessions], index) => (
        <section key={day} aria-labelledby={`day-${day}`} className="events-day">
          <h3 id={`day-${day}`}>
            {t('events.programme.day', { number: index + 1, date: formatDate(day, language) })}
          </h3>
          <div className="table-wrap">
            <table className="data-table events-timetable">
              <caption className="visually-hidden">
                {t('events.programme.dayCaption', { date: formatDate(day, language) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('events.programme.eventTime')}</th>
                  {sameZone ? null : <th scope="col">{t('events.programme.yourTime')}</th>}
                  <th scope="col">{t('events.programme.session')}</th>
                  <th scope="col">{t('events.programme.room')}</th>
                </tr>
              </thead>
              <tbody>
                {daySessions.map((session) => (
                  <tr key={session.id} data-testid="session-row">
                    <td data-label={t('events.programme.eventTime')}>
                      <Span session={session} zone={timeZone} />
                    </td>
                    {sameZone ? null : (
                      <td data-label={t('events.programme.yourTime')}>
                        <Span session={session} zone={reader} />
                      </td>
                    )}
                    <td data-label={t('events.programme.session')}>
                      <strong>
                        <LocalText text={session.title} />
                      </strong>
                      <SessionDetails session={session} mayWriteMinutes={mayWriteMinutes} />
                    </td>
                    <td data-label={t('events.programme.room')}>{session.room ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

function SessionDetails({
  session,
  mayWriteMinutes,
}: {
  session: Session;
  mayWriteMinutes: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {session.contributions.length > 0 ? (
        <ul className="events-contributions">
          {session.contributions.map((c) => (
            <li key={c.id}>
              <span className="badge">{t(`events.contributionKind.${c.kind}`)}</span>{' '}
              <LocalText text={c.title} />
              {c.speakerName || c.guestName ? (
                <span className="muted">
                  {' — '}
                  {c.speakerName ? <LocalText text={c.speakerName} /> : c.guestName}
                  {c.guestAffiliation ? ` (${c.guestAffiliation})` : null}
                </span>
              ) : null}
              {c.materialsUrl ? (
                <>
                  {' '}
                  <a href={c.materialsUrl} rel="noopener noreferrer">
                    {t('events.programme.material')}
                  </a>
                </>
              ) : null}
              {c.videoUrl ? (
                <>
                  {' '}
                  <a href={c.videoUrl} rel="noopener noreferrer">
                    {t('events.programme.video')}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {session.onlineUrl ? (
        <p>
          <a href={session.onlineUrl} rel="noopener noreferrer" data-testid="online-link">
            {t('events.programme.join')}
          </a>
        </p>
      ) : session.online ? (
        <p className="muted small">{t('events.programme.linkLater')}</p>
      ) : null}
      <MinutesSection sessionId={session.id} mayWrite={mayWriteMinutes} />
    </>
  );
}
