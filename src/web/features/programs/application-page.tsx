import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { nameIn } from '../../../i18n/format.ts';
import { useSession } from '../../app/session.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { dossierUrl, getApplication, type ApplicationView } from './api.ts';
import { ApplicationContent } from './application-content.tsx';
import { ApplicationForm } from './application-form.tsx';
import { ApplicationStatus } from './applications-page.tsx';
import {
  ApplicationChecks,
  CountdownView,
  Instant,
  RuleTag,
  Text,
  useNumbers,
  useText,
} from './components.tsx';
import './programs.css';
import { SupportSection } from './application-support.tsx';
import { SubmitSection, OutcomeForm } from './application-actions.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';

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
  return (
    <ResourceView resource={loaded}>
      {(loadedData) => <ApplicationScreen key={id} initial={loadedData} />}
    </ResourceView>
  );
}

/** The refusals of a 422 or 409, if that is what the error is. */
function ApplicationScreen({ initial }: { initial: ApplicationView }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState(initial);
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
      <ApplicationChecks view={view} onChange={setView} />
      {view.may.edit ? <ApplicationForm view={view} onSaved={setView} /> : null}
      {view.may.submit ? <SubmitSection view={view} onDone={setView} /> : null}
      {!view.may.submit && view.whyNot.submit.length > 0 ? (
        <section className="card" aria-labelledby="submit-not-yet" data-testid="submit-not-yet">
          <h2 id="submit-not-yet">{t('programs.submit.title')}</h2>
          <p>{t('programs.submit.notYet')}</p>
          <RefusalList refusals={view.whyNot.submit} />
        </section>
      ) : null}
      {view.may.decideOutcome ? <OutcomeForm view={view} onDone={setView} /> : null}
      {view.support ? (
        <SupportSection
          key={`${view.support.status}|${view.support.since}`}
          view={view}
          onDone={setView}
        />
      ) : null}
      <BudgetTable view={view} />
      <ApplicationContent app={view.content} />
    </>
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
