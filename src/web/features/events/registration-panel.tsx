import { QrCode } from './qr-code.tsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ConfirmButtons } from '../../components/ui/confirm-buttons.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatInstant } from '../../../i18n/format.ts';
import { FollowUpForm } from './follow-up-form.tsx';
import {
  certificateUrl,
  register,
  cancelRegistration,
  updateMyRegistration,
  type EventDetail,
  type Registration,
} from './api.ts';

/**
 * The reader's registration: the button to register (with the consent to appear on the
 * participants list), then its state — requested, confirmed, on the waiting list at a position,
 * refused or cancelled —, the check-in link on confirmation and the certificate after check-in.
 */
export function RegistrationPanel({
  event,
  onChange,
}: {
  event: EventDetail;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const mine = event.me.registration;
  const [consent, setConsent] = useState(false);
  const action = useAction();

  let body;
  if (session.status !== 'signed-in') {
    body = (
      <p>
        <Link to="/sign-in" state={{ from: `/events/${event.id}` }}>
          {t('events.registration.signIn')}
        </Link>
      </p>
    );
  } else if (mine && mine.status !== 'cancelled' && mine.status !== 'refused') {
    body = <MyRegistration registration={mine} followUp={event.followUp} onChange={onChange} />;
  } else if (event.may.register) {
    body = (
      <>
        {mine ? (
          <p data-testid="registration-status">{t(`events.registration.status.${mine.status}`)}</p>
        ) : null}
        {event.capacity !== null ? (
          <p className="muted">
            {t('events.registration.places', {
              confirmed: event.counts.confirmed,
              capacity: event.capacity,
            })}
          </p>
        ) : null}
        <label className="check">
          <input
            type="checkbox"
            name="listed"
            checked={consent}
            onChange={(e) => setConsent(e.target.checked)}
          />{' '}
          {t('events.registration.consent')}
        </label>
        <p>
          <button
            type="button"
            className="button button-primary"
            data-testid="register"
            disabled={action.busy}
            onClick={() =>
              void action
                .run((csrf) => register(event.id, { listed: consent }, csrf))
                .then((ok) => ok && onChange())
            }
          >
            {event.approvalRequired
              ? t('events.registration.request')
              : t('events.registration.register')}
          </button>
        </p>
        {action.error ? <ErrorAlert error={action.error} /> : null}
      </>
    );
  } else {
    body = <p className="muted">{t('events.registration.closed')}</p>;
  }

  return (
    <section className="card" aria-labelledby="event-registration" data-testid="registration">
      <h2 id="event-registration">{t('events.registration.title')}</h2>
      {body}
    </section>
  );
}

function MyRegistration({
  registration,
  followUp,
  onChange,
}: {
  registration: Registration;
  followUp: EventDetail['followUp'];
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const [confirming, setConfirming] = useState(false);
  const cancel = useAction();
  const consent = useAction();
  const status = registration.status;
  return (
    <>
      <p data-testid="registration-status" className="events-status">
        {status === 'waiting'
          ? t('events.registration.waitlistedAt', { position: registration.position ?? 0 })
          : t(`events.registration.status.${status}`)}
      </p>
      <label className="check">
        <input
          type="checkbox"
          name="listed"
          checked={registration.listed}
          disabled={consent.busy}
          onChange={(e) => {
            const listed = e.target.checked;
            void consent
              .run((csrf) => updateMyRegistration(registration.id, { listed }, csrf))
              .then((ok) => ok && onChange());
          }}
        />{' '}
        {t('events.registration.consent')}
      </label>
      {consent.error ? <ErrorAlert error={consent.error} /> : null}
      {status === 'requested' ? (
        <p className="muted">{t('events.registration.requestedHelp')}</p>
      ) : null}
      {status === 'waiting' ? (
        <p className="muted">{t('events.registration.waitlistHelp')}</p>
      ) : null}
      {status === 'confirmed' && followUp.length > 0 ? (
        <FollowUpForm questions={followUp} registration={registration} />
      ) : null}
      {status === 'confirmed' && registration.checkInPath ? (
        <div className="events-checkin" data-testid="check-in-link">
          <h3>{t('events.registration.checkInTitle')}</h3>
          <p className="muted">{t('events.registration.checkInHelp')}</p>
          <QrCode
            value={`${window.location.origin}${registration.checkInPath}`}
            label={t('events.registration.checkInQr')}
          />
          <p>
            <code className="events-token">{`${window.location.origin}${registration.checkInPath}`}</code>
          </p>
        </div>
      ) : null}
      {registration.checkedInAt ? (
        <>
          <p>
            {t('events.registration.checkedIn', {
              at: formatInstant(registration.checkedInAt, language),
            })}
          </p>
          <p>
            <a
              className="button button-primary"
              href={certificateUrl(registration.id)}
              data-testid="certificate"
              download
            >
              {t('events.registration.certificate')}
            </a>
          </p>
        </>
      ) : (
        <div>
          {confirming ? (
            <ConfirmButtons
              confirm={t('events.registration.cancelConfirm')}
              cancel={t('events.registration.keep')}
              busy={cancel.busy}
              onConfirm={() =>
                void cancel
                  .run((csrf) => cancelRegistration(registration.id, csrf))
                  .then((ok) => {
                    if (ok) {
                      setConfirming(false);
                      onChange();
                    }
                  })
              }
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <button
              type="button"
              className="button button-secondary"
              data-testid="cancel-registration"
              onClick={() => setConfirming(true)}
            >
              {t('events.registration.cancel')}
            </button>
          )}
          {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
        </div>
      )}
    </>
  );
}
