import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { nameIn } from '../../../i18n/format.ts';
import { formatDateTime } from './format.ts';
import { formatNumber } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { getAllocationRun, MECHANISMS, type AllocationRun, type Mechanism } from './api.ts';
import { BalanceSection } from './balance-section.tsx';
import { CompareTable } from './compare-table.tsx';
import { ExplanationsSection } from './explanations-section.tsx';
import { PublishSection } from './publish-section.tsx';
import './allocation.css';

/** /allocation/:id — the three mechanisms side by side, the details of one, and publishing. */
export function AllocationRunPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession();
  useDocumentTitle(t('allocation.run.title'));
  const run = useResource(
    session.status === 'signed-in' ? `allocation-run|${id}` : null,
    (signal) => getAllocationRun(id, signal),
  );

  return (
    <>
      <p>
        <Link to="/allocation">{t('allocation.run.back')}</Link>
      </p>
      {session.status === 'anonymous' ? (
        <>
          <h1>{t('allocation.run.title')}</h1>
          <p className="alert alert-info">
            {t('allocation.signInFirst')}{' '}
            <Link to="/sign-in" state={{ from: `/allocation/${id}` }}>
              {t('header.signIn')}
            </Link>
          </p>
        </>
      ) : null}
      {session.status === 'loading' || run.status === 'loading' ? (
        session.status === 'anonymous' ? null : (
          <Loading />
        )
      ) : null}
      {run.status === 'error' ? (
        <>
          <h1>{t('allocation.run.title')}</h1>
          <ErrorAlert error={run.error} onRetry={run.reload} />
        </>
      ) : null}
      {run.status === 'success' && session.status === 'signed-in' ? (
        <RunView key={run.data.id} initial={run.data} />
      ) : null}
    </>
  );
}

function RunView({ initial }: { initial: AllocationRun }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const [run, setRun] = useState(initial);
  const available = MECHANISMS.filter((m) => run.results[m]);
  const [shown, setShown] = useState<Mechanism>(run.publishedMechanism ?? available[0] ?? '2s-ttc');
  const rules = run.instance.rules;
  const num = (value: number) => formatNumber(value, language);
  const shownResult = run.results[shown];

  return (
    <>
      <div className="detail-header">
        <h1>{t('allocation.run.title')}</h1>
        <p className="detail-subtitle">
          {run.createdByName
            ? t('allocation.run.createdBy', {
                date: formatDateTime(run.createdAt, language),
                person: run.createdByName,
              })
            : t('allocation.run.created', { date: formatDateTime(run.createdAt, language) })}
          {' · '}
          {run.call
            ? t('allocation.run.fromCall', { call: nameIn(run.call, language) })
            : t('allocation.run.uploaded')}
        </p>
      </div>

      <section className="card" aria-labelledby="allocation-instance">
        <h2 id="allocation-instance">{t('allocation.run.instance')}</h2>
        <dl className="allocation-facts" data-testid="allocation-instance">
          <div>
            <dt>{t('allocation.run.students')}</dt>
            <dd>{num(run.instance.students)}</dd>
          </div>
          <div>
            <dt>{t('allocation.run.universities')}</dt>
            <dd>{num(run.instance.universities)}</dd>
          </div>
          <div>
            <dt>{t('allocation.run.agreements')}</dt>
            <dd>{num(run.instance.agreements)}</dd>
          </div>
          <div>
            <dt>{t('allocation.run.balance')}</dt>
            <dd>
              {rules.balanceScope === 'none'
                ? t('allocation.scopes.none')
                : t(`allocation.run.balanceRule.${rules.balanceUnit}`, {
                    scope: t(`allocation.scopes.${rules.balanceScope}`),
                    count: rules.tolerance,
                  })}
            </dd>
          </div>
          <div>
            <dt>{t('allocation.run.fundedMonthsCap')}</dt>
            <dd>
              {rules.fundedMonthsCap === null
                ? t('allocation.run.noCap')
                : t('allocation.run.months', { count: rules.fundedMonthsCap })}
            </dd>
          </div>
          <div>
            <dt>{t('allocation.run.yenCap')}</dt>
            <dd>
              {rules.yenCap === null
                ? t('allocation.run.noCap')
                : t('allocation.run.yen', { amount: rules.yenCap })}
            </dd>
          </div>
        </dl>
      </section>

      <CompareTable run={run} />

      <section className="card" aria-labelledby="allocation-details">
        <h2 id="allocation-details">{t('allocation.details.title')}</h2>
        <fieldset className="segmented" data-testid="allocation-shown">
          <legend>{t('allocation.details.mechanism')}</legend>
          {available.map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="shown-mechanism"
                value={m}
                checked={shown === m}
                onChange={() => setShown(m)}
              />
              {t(`allocation.mechanisms.${m}`)}
            </label>
          ))}
        </fieldset>
        {shownResult ? (
          <>
            <BalanceSection mechanism={shown} summary={shownResult.summary} rules={rules} />
            <ExplanationsSection
              mechanism={shown}
              explanations={shownResult.explanations}
              names={run.names}
            />
          </>
        ) : null}
      </section>

      <PublishSection run={run} onPublished={setRun} />
    </>
  );
}
