/** The support period of an accepted application: suspension, reinstatement and their history. */
import { DateInput } from '../../components/ui/date-input.tsx';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { nameIn } from '../../../i18n/format.ts';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { todayIso } from '../../lib/format.ts';
import { changeSupport, type ApplicationView } from './api.ts';
import { RuleTag } from './components.tsx';
import './programs.css';
import { refusalsOf } from './components.tsx';
import { useAction } from '../../components/ui/use-action.ts';

/** The default date of a support change: today, but not after the period nor before the last change. */
export function defaultChangeDate(view: ApplicationView): string {
  let on = todayIso();
  const endsOn = view.supportPeriod?.endsOn;
  if (endsOn && on > endsOn) on = endsOn;
  const since = view.support?.since;
  if (since && on < since) on = since;
  return on;
}

export function SupportSection({
  view,
  onDone,
}: {
  view: ApplicationView;
  onDone: (v: ApplicationView) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const support = view.support!;
  const period = view.supportPeriod;
  const [on, setOn] = useState(() => defaultChangeDate(view));
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const { busy, error, run } = useAction();

  async function change(type: 'suspend' | 'reinstate') {
    if (type === 'suspend' && reason.trim() === '') {
      setReasonMissing(true);
      return;
    }
    setReasonMissing(false);
    await run(async (csrfToken) => {
      onDone(
        await changeSupport(
          view.id,
          type === 'suspend' ? { type, on, reason: reason.trim() } : { type, on },
          csrfToken,
        ),
      );
      setReason('');
    });
  }
  const refusals = refusalsOf(error);

  return (
    <section className="card" aria-labelledby="support-title" data-testid="support">
      <h2 id="support-title">
        {t('programs.support.title')} <RuleTag rule="R10" />
      </h2>
      <dl className="facts">
        <div className="facts-row">
          <dt>{t('programs.support.status')}</dt>
          <dd data-testid="support-status" data-status={support.status}>
            {t(`programs.support.statuses.${support.status}`)}
            {support.reason ? (
              <>
                {' — '}
                {support.reason}
              </>
            ) : null}
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('programs.support.startedOn')}</dt>
          <dd>
            <FormattedDate value={support.startedOn} />
          </dd>
        </div>
        {period ? (
          <>
            <div className="facts-row">
              <dt>{t('programs.support.yearsElapsed')}</dt>
              <dd data-testid="years-elapsed">
                {t('programs.support.yearsOf', {
                  elapsed: period.yearsElapsed,
                  max: period.maxYears,
                })}
              </dd>
            </div>
            <div className="facts-row">
              <dt>{t('programs.support.fiscalYears')}</dt>
              <dd>
                {t('programs.support.fyRange', {
                  first: period.firstFiscalYear,
                  last: period.lastFiscalYear,
                })}{' '}
                (<FormattedDate value={period.endsOn} />)
                {period.ended ? ` · ${t('programs.support.ended')}` : ''}
              </dd>
            </div>
          </>
        ) : null}
      </dl>
      <h3>{t('programs.support.history')}</h3>
      <ol className="history-list">
        {support.history.map((h, i) => (
          <li key={i} className="history-entry">
            <FormattedDate value={h.on} />: {t(`programs.support.statuses.${h.status}`)}
            {h.reason ? (
              <>
                {' — '}
                <span data-verbatim>{h.reason}</span>
              </>
            ) : null}
            {h.byName || h.recordedAt ? (
              <div className="muted">
                {h.byName && h.recordedAt
                  ? t('programs.support.recorded_byAt', {
                      who: nameIn(h.byName, i18n.language),
                      at: h.recordedAt,
                    })
                  : h.byName
                    ? t('programs.support.recorded_by', { who: nameIn(h.byName, i18n.language) })
                    : t('programs.support.recorded_at', { at: h.recordedAt })}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {view.whyNot.suspend ? (
        <div className="alert alert-info" data-testid="support-why-not">
          <RefusalList refusals={[view.whyNot.suspend]} />
        </div>
      ) : null}
      {view.may.suspend || view.may.reinstate ? (
        <form className="form" onSubmit={(e) => e.preventDefault()} data-testid="support-form">
          {refusals.length > 0 ? (
            <div className="alert alert-error" role="alert">
              <RefusalList refusals={refusals} />
            </div>
          ) : error ? (
            <ErrorAlert error={error} />
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-on`}>{t('programs.support.on')}</label>
            <DateInput id={`${id}-on`} name="on" value={on} onChange={setOn} />
          </div>
          {view.may.suspend ? (
            <div className="field">
              <label htmlFor={`${id}-reason`}>{t('programs.support.reason')}</label>
              <textarea
                id={`${id}-reason`}
                name="reason"
                rows={2}
                required
                value={reason}
                aria-invalid={reasonMissing ? true : undefined}
                aria-describedby={reasonMissing ? `${id}-reason-error` : undefined}
                onChange={(e) => setReason(e.target.value)}
              />
              {reasonMissing ? (
                <p id={`${id}-reason-error`} className="field-error">
                  {t('programs.support.reasonRequired')}
                </p>
              ) : null}
            </div>
          ) : null}
          <div className="form-actions">
            {view.may.suspend ? (
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={() => void change('suspend')}
                data-testid="suspend"
              >
                {t('programs.support.suspend')}
              </button>
            ) : null}
            {view.may.reinstate ? (
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={() => void change('reinstate')}
                data-testid="reinstate"
              >
                {t('programs.support.reinstate')}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
