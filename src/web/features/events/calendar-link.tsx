import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useResource } from '../../lib/use-resource.ts';
import {
  feedAddress,
  myCalendarFeed,
  newCalendarFeed,
  revokeCalendarFeed,
  type CalendarFeed,
} from './invitations-api.ts';

/**
 * The person's calendar subscription: a secret address a calendar application reads without
 * signing in. It is shown once, when made; making a new one or revoking stops the old one.
 */
export function CalendarLink() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const state = useResource('calendar-feed', (signal) => myCalendarFeed(signal));
  const [made, setMade] = useState<CalendarFeed | null>(null);
  const [copied, setCopied] = useState(false);
  const action = useAction();
  const current = made ?? state.data;
  const address = made?.path ? feedAddress(made.path, language) : null;

  const make = () =>
    void action.run(async (csrf) => {
      setCopied(false);
      setMade(await newCalendarFeed(csrf));
    });
  const revoke = () =>
    void action.run(async (csrf) => {
      setMade(await revokeCalendarFeed(csrf));
    });
  const copy = () => {
    if (!address) return;
    void navigator.clipboard?.writeText(address).then(() => setCopied(true));
  };

  return (
    <section className="card" aria-labelledby="calendar-link-heading" data-testid="calendar-link">
      <h2 id="calendar-link-heading">{t('events.feed.title')}</h2>
      <p className="muted">{t('events.feed.intro')}</p>
      <ErrorAlert error={action.error} />
      {address ? (
        <div className="field">
          <label htmlFor="calendar-link-address">{t('events.feed.address')}</label>
          <input
            id="calendar-link-address"
            readOnly
            value={address}
            onFocus={(e) => e.currentTarget.select()}
            aria-describedby="calendar-link-once"
          />
          <p id="calendar-link-once" className="muted">
            {t('events.feed.once')}
          </p>
        </div>
      ) : current?.active && current.createdAt ? (
        <p>
          {t('events.feed.active')} <FormattedDate value={current.createdAt} />
        </p>
      ) : null}
      <div className="form-actions">
        {address ? (
          <button type="button" className="button button-secondary" onClick={copy}>
            {t('events.feed.copy')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button-primary"
          disabled={action.busy}
          onClick={make}
        >
          {current?.active ? t('events.feed.replace') : t('events.feed.make')}
        </button>
        {current?.active ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={action.busy}
            onClick={revoke}
          >
            {t('events.feed.revoke')}
          </button>
        ) : null}
      </div>
      <div role="status">{copied ? <p>{t('events.feed.copied')}</p> : null}</div>
    </section>
  );
}
