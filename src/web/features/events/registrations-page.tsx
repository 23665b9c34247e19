import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { Field } from '../../components/ui/field.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatInstant } from '../../../i18n/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import {
  checkIn,
  decideRegistration,
  getEvent,
  listParticipants,
  type EventDetail,
  type Participant,
} from './api.ts';
import { tokenOf } from './check-in-code.ts';
import { InvitationsSection } from './invitations-section.tsx';
import { LocalText, useText } from './local-text.tsx';
import './events.css';

/** The organisers' view of an event's registrations: approve or refuse, and check people in. */
export function RegistrationsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useDocumentTitle(t('events.manage.title'));
  const data = useResource(`registrations|${id}`, (signal) =>
    Promise.all([getEvent(id, signal), listParticipants(id, signal)]),
  );
  return (
    <ResourceView resource={data} errorHeading={<h1>{t('events.manage.title')}</h1>}>
      {([event, list]) => (
        <RegistrationsView event={event} items={list.items} reload={data.reload} />
      )}
    </ResourceView>
  );
}

const ORDER = ['requested', 'confirmed', 'waiting', 'refused', 'cancelled'];

function RegistrationsView({
  event,
  items,
  reload,
}: {
  event: EventDetail;
  items: Participant[];
  reload: () => void;
}) {
  const { t } = useTranslation();
  const sorted = [...items].sort(
    (a, b) =>
      ORDER.indexOf(a.status ?? '') - ORDER.indexOf(b.status ?? '') ||
      (a.position ?? 0) - (b.position ?? 0),
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
          confirmed: event.counts.confirmed,
          capacity: event.capacity ?? '∞',
          waiting: event.counts.waiting,
        })}
      </p>
      <CheckInForm eventId={event.id} onDone={reload} />
      <InvitationsSection eventId={event.id} />
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
                <th scope="col">{t('events.manage.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((r, i) => (
                <RegistrationRow key={r.registrationId ?? i} registration={r} reload={reload} />
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
  registration: Participant;
  reload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const text = useText();
  const action = useAction();
  const name = text(r.name);
  const id = r.registrationId;
  const decide = (decision: 'approve' | 'refuse') =>
    id &&
    void action.run((csrf) => decideRegistration(id, decision, csrf)).then((ok) => ok && reload());
  return (
    <tr data-testid="registration-row">
      <th scope="row">
        <LocalText text={r.name} />
      </th>
      <td data-label={t('events.manage.status')}>
        {r.status === 'waiting'
          ? t('events.registration.waitlistedAt', { position: r.position ?? 0 })
          : r.status
            ? t(`events.registration.status.${r.status}`)
            : null}{' '}
        {r.checkedInAt ? (
          <span className="badge badge-status badge-status-signed">
            {t('events.manage.checkedInAt', { at: formatInstant(r.checkedInAt, language) })}
          </span>
        ) : null}
      </td>
      <td data-label={t('events.manage.actions')}>
        {r.status === 'requested' ? (
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={action.busy}
              onClick={() => decide('approve')}
              aria-label={t('events.manage.approveWho', { name })}
            >
              {t('events.manage.approve')}
            </button>{' '}
            <button
              type="button"
              className="button button-secondary"
              disabled={action.busy}
              onClick={() => decide('refuse')}
              aria-label={t('events.manage.refuseWho', { name })}
            >
              {t('events.manage.refuse')}
            </button>
          </>
        ) : null}
        {action.error ? <ErrorAlert error={action.error} /> : null}
      </td>
    </tr>
  );
}

/**
 * Check-in at the door: the link of a participant's confirmation (read from its QR code, or
 * pasted), or its code alone.
 */
export function CheckInForm({
  eventId,
  onDone,
  initial = '',
}: {
  eventId: string;
  onDone: () => void;
  initial?: string;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState(initial);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const text = useText();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    let name: string | null = null;
    const ok = await action.run(async (csrf) => {
      const result = await checkIn(eventId, tokenOf(code), csrf);
      name = text(result.name);
    });
    if (ok) {
      setDone(name);
      setCode('');
      onDone();
    }
  }

  return (
    <form className="form card" data-testid="check-in-form" onSubmit={(e) => void onSubmit(e)}>
      <h2>{t('events.manage.checkInTitle')}</h2>
      <Field id="check-in-code" label={t('events.manage.checkInCode')}>
        {(p) => (
          <input
            {...p}
            name="code"
            required
            autoComplete="off"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {t('events.manage.checkIn')}
        </button>
      </div>
      <div role="status">
        {done !== null ? (
          <p data-testid="checked-in">{t('events.manage.checkedInWho', { name: done })}</p>
        ) : null}
      </div>
      {action.error ? <ErrorAlert error={action.error} /> : null}
    </form>
  );
}
