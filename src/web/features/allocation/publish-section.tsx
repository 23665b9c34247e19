import { DateInput } from '../../components/ui/date-input.tsx';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { formatDateTime } from './format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDate, todayIso } from '../../lib/format.ts';
import { ApiError } from '../../api/client.ts';
import { nameIn } from '../../../i18n/format.ts';
import type { LocalizedText, Refusal } from '../../../domain/shared/refusal.ts';
import { MECHANISMS, publishAllocationRun, type AllocationRun, type Mechanism } from './api.ts';
import { useCsrfToken } from '../../components/ui/use-action.ts';
import { PassedOverItems } from './passed-over-list.tsx';

/**
 * Publishing one mechanism's result, once: each place becomes a nomination (a mobility in state
 * `nominated`) starting on the chosen date. A confirmation step comes first, naming the applicants
 * the result passes over for lower-scored ones, with who gets their place and why. The form is offered
 * only when the server says the reader may publish; otherwise its reasons are shown instead.
 */
export function PublishSection({
  run,
  onPublished,
}: {
  run: AllocationRun;
  onPublished: (run: AllocationRun) => void;
}) {
  const csrfToken = useCsrfToken();
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const id = useId();
  const available = MECHANISMS.filter((m) => run.results[m]);
  const [mechanism, setMechanism] = useState<Mechanism>(
    run.publishedMechanism ?? available[0] ?? '2s-ttc',
  );
  const [startDate, setStartDate] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nominations, setNominations] = useState<number | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const published = run.publishedMechanism !== null;
  const offered = run.may.publish;
  const mechanismName = (m: Mechanism) => t(`allocation.mechanisms.${m}`);

  // Focus follows the confirmation: into it when it opens, back to the button when cancelled.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current && !published) submitRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming, published]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) {
      setDateError(t('allocation.publish.dateRequired'));
      return;
    }
    // A nomination's stay starts today at the earliest (the server refuses a past day too).
    if (startDate < todayIso()) {
      setDateError(t('allocation.publish.dateInPast'));
      return;
    }
    setDateError(null);
    setConfirming(true);
  };

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const updated = await publishAllocationRun(run.id, { mechanism, startDate }, csrfToken);
      setNominations(updated.nominations);
      setConfirming(false);
      onPublished(updated);
    } catch (caught) {
      setError(caught);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  const chosenResult = run.results[mechanism];
  const places = chosenResult?.summary.placed ?? 0;

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="allocation-publish">
      <h2 id={`${id}-title`}>{t('allocation.publish.title')}</h2>
      <p className="help">{t('allocation.publish.help')}</p>
      <div role="status" aria-live="polite">
        {published ? (
          <p className="alert alert-success" data-testid="allocation-published">
            {nominations !== null
              ? t('allocation.publish.done', {
                  count: nominations,
                  mechanism: mechanismName(run.publishedMechanism ?? mechanism),
                })
              : t('allocation.publish.already', {
                  mechanism: mechanismName(run.publishedMechanism ?? mechanism),
                  date: run.publishedAt ? formatDateTime(run.publishedAt, language) : '',
                })}
          </p>
        ) : null}
      </div>
      {!offered && run.publishRefusals.length > 0 ? (
        <div data-testid="allocation-publish-refusals">
          <p>{t('allocation.publish.notOffered')}</p>
          <RefusalList refusals={run.publishRefusals} />
        </div>
      ) : null}
      {offered ? (
        <form className="form" noValidate onSubmit={onSubmit}>
          <fieldset className="allocation-plain" disabled={busy || confirming}>
            <legend className="visually-hidden">{t('allocation.publish.title')}</legend>
            <fieldset className="segmented">
              <legend>{t('allocation.publish.mechanism')}</legend>
              {available.map((m) => (
                <label key={m}>
                  <input
                    type="radio"
                    name="mechanism"
                    value={m}
                    checked={mechanism === m}
                    onChange={() => setMechanism(m)}
                  />
                  {t('allocation.publish.option', {
                    mechanism: mechanismName(m),
                    count: run.results[m]?.summary.placed ?? 0,
                  })}
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor={`${id}-start`}>{t('allocation.publish.startDate')}</label>
              <p id={`${id}-start-help`} className="help">
                {t('allocation.publish.startDateHelp')}
              </p>
              <DateInput
                id={`${id}-start`}
                name="startDate"
                required
                value={startDate}
                aria-invalid={dateError ? true : undefined}
                aria-describedby={`${id}-start-help${dateError ? ` ${id}-start-error` : ''}`}
                onChange={(value) => {
                  setStartDate(value);
                  setDateError(null);
                }}
              />
              {dateError ? (
                <p id={`${id}-start-error`} className="field-error" role="alert">
                  {dateError}
                </p>
              ) : null}
            </div>
            <div className="form-actions">
              <button
                ref={submitRef}
                type="submit"
                className="button button-primary"
                data-testid="allocation-publish-start"
              >
                {t('allocation.publish.submit')}
              </button>
            </div>
          </fieldset>
        </form>
      ) : null}
      {confirming ? (
        <div
          ref={confirmRef}
          tabIndex={-1}
          className="alert alert-info allocation-confirm"
          role="alertdialog"
          aria-labelledby={`${id}-confirm-title`}
          aria-describedby={`${id}-confirm-body`}
          data-testid="allocation-publish-confirm"
        >
          <p className="alert-title" id={`${id}-confirm-title`}>
            {t('allocation.publish.confirmTitle', { mechanism: mechanismName(mechanism) })}
          </p>
          <p id={`${id}-confirm-body`}>
            {t('allocation.publish.confirmBody', {
              count: places,
              date: formatDate(startDate, language),
            })}
          </p>
          {chosenResult && chosenResult.passedOverCount > 0 ? (
            <>
              <p className="alert-title">{t('allocation.publish.passedOverTitle')}</p>
              <PassedOverItems
                result={chosenResult}
                testId="allocation-publish-passed-over"
                limit={20}
                moreKey="allocation.publish.passedOverMore"
              />
            </>
          ) : (
            <p>{t('allocation.publish.passedOverNone')}</p>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              data-testid="allocation-publish-confirm-yes"
              disabled={busy}
              onClick={() => void publish()}
            >
              {t('allocation.publish.confirm')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => setConfirming(false)}
            >
              {t('actions.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {error ? <PublishError error={error} /> : null}
    </section>
  );
}

/** A student the server refused a nomination, with the home and host universities and why (R2). */
interface RefusedStudent {
  student: LocalizedText;
  home: LocalizedText;
  host: LocalizedText;
  refusals: Refusal[];
}

const isRefusedStudent = (x: unknown): x is RefusedStudent =>
  typeof x === 'object' && x !== null && 'student' in x && 'host' in x && 'refusals' in x;

/**
 * A refused publication: when the server names the students it could not nominate, each is listed
 * by name with the reasons; any other error as usual.
 */
function PublishError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const students =
    error instanceof ApiError && Array.isArray(error.details?.students)
      ? (error.details.students as unknown[]).filter(isRefusedStudent)
      : [];
  if (!(error instanceof ApiError) || students.length === 0) return <ErrorAlert error={error} />;
  const lead = (error.details?.refusals ?? []).filter((r) => !('student' in (r.params ?? {})));
  const name = (x: LocalizedText) => nameIn(x, i18n.language);
  return (
    <div className="alert alert-error" role="alert" data-testid="allocation-publish-error">
      <p className="alert-title">{t('errors.refusedTitle')}</p>
      <RefusalList refusals={lead} />
      <p id={`${id}-students`}>{t('allocation.publish.refusedStudents')}</p>
      <ul aria-labelledby={`${id}-students`} data-testid="allocation-refused-students">
        {students.slice(0, 50).map((s, i) => (
          <li key={i}>
            <strong>{name(s.student)}</strong> ({name(s.home)} → {name(s.host)})
            <RefusalList refusals={s.refusals} />
          </li>
        ))}
      </ul>
    </div>
  );
}
