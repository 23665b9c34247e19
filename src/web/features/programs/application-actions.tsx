/** Submitting an application and recording the funder's outcome. */
import { DateInput } from '../../components/ui/date-input.tsx';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { todayIso } from '../../lib/format.ts';
import { recordOutcome, submitApplication, type ApplicationView } from './api.ts';
import { RuleTag } from './components.tsx';
import './programs.css';
import { refusalsOf } from './components.tsx';
import { useAction } from '../../components/ui/use-action.ts';

export function SubmitSection({
  view,
  onDone,
}: {
  view: ApplicationView;
  onDone: (v: ApplicationView) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const refusals = refusalsOf(error);
  async function submit() {
    await run(async (csrfToken) => {
      onDone(await submitApplication(view.id, csrfToken));
    });
  }
  return (
    <section className="card" aria-labelledby="submit-title">
      <h2 id="submit-title">{t('programs.submit.title')}</h2>
      <p className="help">{t('programs.submit.help')}</p>
      {refusals.length > 0 ? (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">{t('programs.submit.refused')}</p>
          <RefusalList refusals={refusals} />
        </div>
      ) : null}
      {error && refusals.length === 0 ? <ErrorAlert error={error} /> : null}
      <button
        type="button"
        className="button button-primary"
        onClick={() => void submit()}
        disabled={busy}
        data-testid="submit-application"
      >
        {t('programs.submit.button')}
      </button>
    </section>
  );
}

export function OutcomeForm({
  view,
  onDone,
}: {
  view: ApplicationView;
  onDone: (v: ApplicationView) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [outcome, setOutcome] = useState<'selected' | 'not-selected'>('selected');
  const [on, setOn] = useState(todayIso());
  const { busy, error, run } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async (csrfToken) => {
      onDone(await recordOutcome(view.id, { outcome, on }, csrfToken));
    });
  }
  return (
    <section className="card" aria-labelledby="outcome-title">
      <h2 id="outcome-title">
        {t('programs.review.title')} <RuleTag rule="R18" />
      </h2>
      {view.countdown ? (
        <p className="help">
          {t('programs.review.outcomeByHelp')} <FormattedDate value={view.countdown.outcomeBy} />
        </p>
      ) : null}
      <form className="form" onSubmit={submit} data-testid="outcome-form">
        {error ? <ErrorAlert error={error} /> : null}
        <fieldset className="fieldset">
          <legend>{t('programs.review.outcome')}</legend>
          {(['selected', 'not-selected'] as const).map((o) => (
            <label className="check" key={o}>
              <input
                type="radio"
                name="outcome"
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />
              {t(`programs.statuses.${o}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-on`}>{t('programs.review.on')}</label>
          <DateInput id={`${id}-on`} name="on" required value={on} onChange={setOn} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('programs.review.record')}
          </button>
        </div>
      </form>
    </section>
  );
}
