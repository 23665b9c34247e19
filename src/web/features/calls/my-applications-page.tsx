import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { documentUrl, myApplications, uploadDocument, withdraw, type Application } from './api.ts';
import { useCallTitle } from './catalogue-page.tsx';
import { RefusalNotice, useCallsFormats } from './reasons.tsx';
import { formatInstant, nameIn } from '../../../i18n/format.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import './calls.css';

/** An instant with its time of day and zone, on the funder's clock (JST). */
const instantIn = (value: string, language: string): string => formatInstant(value, language);

export function MyApplicationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('calls.mine.title'));
  const list = useResource('my-applications', (signal) => myApplications(signal));
  return (
    <>
      <div className="page-header">
        <h1>{t('calls.mine.title')}</h1>
        <Link to="/me/profile" className="button button-secondary" data-testid="profile-link">
          {t('calls.profile.title')}
        </Link>
        <Link to="/calls" className="button button-secondary">
          {t('calls.catalogue.title')}
        </Link>
      </div>
      <ResourceView
        resource={list}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <div className="empty" role="status">
            <p>{t('calls.mine.empty')}</p>
          </div>
        }
      >
        {(data) =>
          data.items.map((a) => (
            <ApplicationCard key={a.id} application={a} onChange={list.reload} />
          ))
        }
      </ResourceView>
    </>
  );
}

function ApplicationCard({
  application: a,
  onChange,
}: {
  application: Application;
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  useCallsFormats();
  const title = useCallTitle();
  const { busy, error, run } = useAction();

  async function doWithdraw() {
    if (!window.confirm(t('calls.mine.confirmWithdraw'))) return;
    await run(async (csrfToken) => {
      await withdraw(a.id, csrfToken);
      onChange();
    });
  }

  return (
    <section
      className="card"
      id={`application-${a.id}`}
      data-testid="application"
      data-status={a.status}
    >
      <h2>
        <Link to={`/calls/${encodeURIComponent(a.callId)}`}>{title(a.callTitle, a.callId)}</Link>
      </h2>
      <dl className="details">
        <dt>{t('calls.status')}</dt>
        <dd data-testid="application-status">
          {t(`calls.statuses.${a.status}`, { defaultValue: a.status })}
        </dd>
        <dt>{t('calls.mine.submitted')}</dt>
        <dd>
          <time dateTime={a.submittedAt}>{instantIn(a.submittedAt, i18n.language)}</time>
        </dd>
        <dt>{t('calls.apply.ranking')}</dt>
        <dd>
          <ol>
            {a.rankedHosts.map((h) => (
              <li key={h.institutionId} data-host={h.institutionId}>
                {nameIn(h.name, i18n.language)}
              </li>
            ))}
          </ol>
        </dd>
        <dt>{t('calls.apply.months')}</dt>
        <dd>{t('calls.unit.months', { count: a.requestedMonths })}</dd>
        <dt>{t('calls.closes')}</dt>
        <dd>
          <FormattedDate value={a.closes} />
        </dd>
      </dl>
      <RefusalNotice
        title={t('calls.mine.hostsClosed')}
        refusals={a.hostReasons.flatMap((h) => h.refusals)}
        testId="host-refusals"
      />
      {a.status !== 'withdrawn' ? (
        <>
          <h3>{t('calls.documents')}</h3>
          {a.documentsRequired.map((d) => (
            <DocumentRow
              key={d.kind}
              application={a}
              kind={d.kind}
              required={d.required}
              onChange={onChange}
            />
          ))}
        </>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      {a.may.withdraw ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => void doWithdraw()}
        >
          {t('calls.mine.withdraw')}
        </button>
      ) : (
        <RefusalNotice title={t('calls.mine.locked')} refusals={a.locked} testId="locked" />
      )}
    </section>
  );
}

function DocumentRow({
  application: a,
  kind,
  required,
  onChange,
}: {
  application: Application;
  kind: string;
  required: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const existing = a.documents.find((d) => d.kind === kind);

  async function send() {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      await uploadDocument(a.id, kind, file, session.csrfToken, setProgress);
      setFile(null);
      onChange();
    } catch (e) {
      setError(e);
      setProgress(null);
    }
  }

  return (
    <div className="field" data-testid={`document-${kind}`}>
      <span>
        {t(`calls.documentKinds.${kind}`, { defaultValue: kind })} (
        {required ? t('calls.required') : t('calls.optional')})
      </span>
      {existing ? (
        <p>
          <a href={documentUrl(a.id, existing.id)}>{existing.filename}</a>{' '}
          <span className="muted">
            {t('calls.mine.size', { kb: Math.ceil(existing.size / 1024) })} · sha256{' '}
            <code>{existing.sha256.slice(0, 12)}…</code>
          </span>
        </p>
      ) : null}
      {a.may.upload ? (
        <div className="calls-inline-form">
          <input
            type="file"
            accept="application/pdf,image/png,image/jpeg"
            aria-label={t(`calls.documentKinds.${kind}`, { defaultValue: kind })}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <button
            type="button"
            className="button button-secondary"
            disabled={!file}
            onClick={() => void send()}
          >
            {t('calls.mine.upload')}
          </button>
        </div>
      ) : null}
      {progress !== null ? (
        <progress
          className="calls-progress"
          max={1}
          value={progress}
          aria-label={t('calls.mine.progress')}
        />
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}
