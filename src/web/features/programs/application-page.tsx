import { DateInput } from '../../components/ui/date-input.tsx';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { nameIn } from '../../../i18n/format.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { todayIso } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import {
  changeSupport,
  dossierUrl,
  getApplication,
  recordOutcome,
  submitApplication,
  type ApplicationView,
} from './api.ts';
import { ApplicationContent } from './application-content.tsx';
import { ApplicationForm } from './application-form.tsx';
import { ApplicationStatus } from './applications-page.tsx';
import {
  ChecksPanel,
  CountdownView,
  Instant,
  RuleTag,
  Text,
  useNumbers,
  useText,
} from './components.tsx';
import './programs.css';

export function ApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession();
  const loaded = useResource(
    session.status === 'signed-in' ? `project-application|${id}` : null,
    (s) => getApplication(id, s),
  );
  const text = useText();
  useDocumentTitle(
    loaded.status === 'success' ? text(loaded.data.title, id) : t('programs.applications.one'),
  );
  if (session.status === 'anonymous')
    return (
      <p>
        <Link to="/sign-in">{t('programs.signInFirst')}</Link>
      </p>
    );
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  return <ApplicationScreen key={id} initial={loaded.data} />;
}

/** The refusals of a 422 or 409, if that is what the error is. */
function refusalsOf(error: unknown) {
  return error instanceof ApiError ? (error.details?.refusals ?? []) : [];
}

function ApplicationScreen({ initial }: { initial: ApplicationView }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [view, setView] = useState(initial);
  const csrf = session.csrfToken ?? '';
  return (
    <>
      <nav className="breadcrumbs" aria-label={t('programs.breadcrumbs')}>
        <Link to="/applications">{t('programs.applications.title')}</Link>
      </nav>
      <div className="page-header">
        <h1>
          <Text value={view.title} fallback={view.id} /> {view.invented ? <InventedBadge /> : null}
        </h1>
      </div>
      <dl className="facts">
        <div className="facts-row">
          <dt>{t('programs.applications.status')}</dt>
          <dd data-testid="application-status">
            <ApplicationStatus status={view.status} />
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('programs.program')}</dt>
          <dd>
            <Link to={`/programs/${encodeURIComponent(view.programId)}`}>
              {nameIn(view.programName, i18n.language)}
            </Link>
          </dd>
        </div>
        {view.homeConsortiumName ? (
          <div className="facts-row">
            <dt>{t('programs.content.home')}</dt>
            <dd>{nameIn(view.homeConsortiumName, i18n.language)}</dd>
          </div>
        ) : null}
        {view.partnerConsortiumName ? (
          <div className="facts-row">
            <dt>{t('programs.content.partner')}</dt>
            <dd>{nameIn(view.partnerConsortiumName, i18n.language)}</dd>
          </div>
        ) : null}
        {view.representativeName ? (
          <div className="facts-row">
            <dt>
              <RuleTag rule="R8" /> {t('programs.applications.representative')}
            </dt>
            <dd>{nameIn(view.representativeName, i18n.language)}</dd>
          </div>
        ) : null}
        {view.responsibleName ? (
          <div className="facts-row">
            <dt>
              <RuleTag rule="§11" /> {t('programs.content.responsiblePerson')}
            </dt>
            <dd data-testid="responsible-person">{nameIn(view.responsibleName, i18n.language)}</dd>
          </div>
        ) : null}
        {view.submittedAt ? (
          <div className="facts-row">
            <dt>{t('programs.applications.submittedAt')}</dt>
            <dd>
              <Instant value={view.submittedAt} />
            </dd>
          </div>
        ) : null}
        {view.outcome ? (
          <div className="facts-row">
            <dt>{t('programs.review.outcome')}</dt>
            <dd>
              {t(`programs.statuses.${view.outcome}`)}
              {view.outcomeOn ? (
                <>
                  {' '}
                  (<FormattedDate value={view.outcomeOn} />)
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
        <div className="facts-row">
          <dt>
            <RuleTag rule="R15" /> {t('programs.dossier.title')}
          </dt>
          <dd className="programs-dossier">
            <a
              href={dossierUrl(view.id, 'ja')}
              data-testid="dossier-ja"
              hrefLang="ja"
              type="application/pdf"
            >
              {t('programs.dossier.ja')}
            </a>
            {' · '}
            <a
              href={dossierUrl(view.id, 'en')}
              data-testid="dossier-en"
              hrefLang="en"
              type="application/pdf"
            >
              {t('programs.dossier.en')}
            </a>
          </dd>
        </div>
      </dl>
      {view.countdown ? <CountdownView countdown={view.countdown} /> : null}
      <ChecksPanel checks={view.checks} />
      {view.may.edit ? <ApplicationForm view={view} csrfToken={csrf} onSaved={setView} /> : null}
      {view.may.submit ? <SubmitSection view={view} csrfToken={csrf} onDone={setView} /> : null}
      {!view.may.submit && view.whyNot.submit.length > 0 ? (
        <section className="card" aria-labelledby="submit-not-yet" data-testid="submit-not-yet">
          <h2 id="submit-not-yet">{t('programs.submit.title')}</h2>
          <p>{t('programs.submit.notYet')}</p>
          <RefusalList refusals={view.whyNot.submit} />
        </section>
      ) : null}
      {view.may.decideOutcome ? (
        <OutcomeForm view={view} csrfToken={csrf} onDone={setView} />
      ) : null}
      {view.support ? (
        <SupportSection
          key={`${view.support.status}|${view.support.since}`}
          view={view}
          csrfToken={csrf}
          onDone={setView}
        />
      ) : null}
      <BudgetTable view={view} />
      <ApplicationContent app={view.content} />
    </>
  );
}

function SubmitSection({
  view,
  csrfToken,
  onDone,
}: {
  view: ApplicationView;
  csrfToken: string;
  onDone: (v: ApplicationView) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refusals = refusalsOf(error);
  async function submit() {
    setBusy(true);
    setError(null);
    try {
      onDone(await submitApplication(view.id, csrfToken));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
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

function OutcomeForm({
  view,
  csrfToken,
  onDone,
}: {
  view: ApplicationView;
  csrfToken: string;
  onDone: (v: ApplicationView) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [outcome, setOutcome] = useState<'selected' | 'not-selected'>('selected');
  const [on, setOn] = useState(todayIso());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await recordOutcome(view.id, { outcome, on }, csrfToken));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
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

/** The default date of a support change: today, but not after the period nor before the last change. */
function defaultChangeDate(view: ApplicationView): string {
  let on = todayIso();
  const endsOn = view.supportPeriod?.endsOn;
  if (endsOn && on > endsOn) on = endsOn;
  const since = view.support?.since;
  if (since && on < since) on = since;
  return on;
}

function SupportSection({
  view,
  csrfToken,
  onDone,
}: {
  view: ApplicationView;
  csrfToken: string;
  onDone: (v: ApplicationView) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const support = view.support!;
  const period = view.supportPeriod;
  const [on, setOn] = useState(() => defaultChangeDate(view));
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function change(type: 'suspend' | 'reinstate') {
    if (type === 'suspend' && reason.trim() === '') {
      setReasonMissing(true);
      return;
    }
    setReasonMissing(false);
    setBusy(true);
    setError(null);
    try {
      onDone(
        await changeSupport(
          view.id,
          type === 'suspend' ? { type, on, reason: reason.trim() } : { type, on },
          csrfToken,
        ),
      );
      setReason('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
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

function BudgetTable({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const { yen, num } = useNumbers();
  if (!view.budget) return null;
  const budget = view.budget;
  return (
    <section className="card" aria-labelledby="budget-title">
      <h2 id="budget-title">
        {t('programs.budget.title')} <RuleTag rule="R11" /> <RuleTag rule="R14" />
      </h2>
      <p className="help">{t('programs.budget.help', { amount: yen(budget.monthlyStipendYen) })}</p>
      <div className="table-wrap">
        <table className="data-table" data-testid="budget">
          <thead>
            <tr>
              <th scope="col">{t('programs.budget.year')}</th>
              <th scope="col">{t('programs.budget.fiscalYear')}</th>
              <th scope="col">{t('programs.budget.students')}</th>
              <th scope="col">{t('programs.budget.studentMonths')}</th>
              <th scope="col">{t('programs.budget.scholarships')}</th>
              <th scope="col">{t('programs.budget.cap')}</th>
            </tr>
          </thead>
          <tbody>
            {budget.years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td>{y.fiscalYear ?? '—'}</td>
                <td>{num(y.students)}</td>
                <td>{num(y.studentMonths)}</td>
                <td>{yen(y.scholarshipYen)}</td>
                <td>
                  {num(y.capStudentMonths)} / {yen(y.capYen)}{' '}
                  <span className={`badge ${y.withinCap ? 'badge-accent' : 'badge-warning'}`}>
                    {y.withinCap ? t('programs.budget.withinCap') : t('programs.budget.overCap')}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                {t('programs.budget.total')}
              </th>
              <td colSpan={2}>{yen(budget.totalYen)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
