import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { nameIn } from '../../../i18n/format.ts';
import { formatDateTime } from './format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { listAllocationRuns, type RunListItem } from './api.ts';
import './allocation.css';
import { NewRunForm } from './new-run-form.tsx';

/** /allocation: the runs this actor may see, and a form to start a new one. */
export function AllocationRunsPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('allocation.title'));

  return (
    <>
      <h1>{t('allocation.title')}</h1>
      <p className="muted">{t('allocation.intro')}</p>
      {session.status === 'loading' ? <Loading /> : null}
      {session.status === 'anonymous' ? (
        <p className="alert alert-info">
          {t('allocation.signInFirst')}{' '}
          <Link to="/sign-in" state={{ from: '/allocation' }}>
            {t('header.signIn')}
          </Link>
        </p>
      ) : null}
      {session.status === 'signed-in' ? <RunsAndForm /> : null}
    </>
  );
}

/** The runs the actor may see; the form to start one when the server says they may. */
function RunsAndForm() {
  const { t } = useTranslation();
  const list = useResource('allocation-runs', (signal) => listAllocationRuns(signal));
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ErrorAlert error={list.error} onRetry={list.reload} />;
  if (!list.data.may.run && list.data.items.length === 0) {
    return <p className="alert alert-info">{t('allocation.notAllowed')}</p>;
  }
  return (
    <>
      {list.data.may.run ? <NewRunForm /> : null}
      <section aria-labelledby="allocation-runs">
        <h2 id="allocation-runs">{t('allocation.list.title')}</h2>
        <RunTable items={list.data.items} />
      </section>
    </>
  );
}

function RunTable({ items }: { items: RunListItem[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  if (items.length === 0) {
    return (
      <div className="empty" role="status">
        <p>{t('allocation.list.empty')}</p>
      </div>
    );
  }
  const sorted = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="allocation-runs">
        <caption className="visually-hidden">{t('allocation.list.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('allocation.list.run')}</th>
            <th scope="col">{t('allocation.list.call')}</th>
            <th scope="col">{t('allocation.list.status')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((run) => (
            <tr key={run.id}>
              <th scope="row">
                <Link to={`/allocation/${encodeURIComponent(run.id)}`}>
                  {t('allocation.list.runOf', {
                    date: formatDateTime(run.createdAt, language),
                  })}
                </Link>
              </th>
              <td data-label={t('allocation.list.call')}>
                {run.call ? nameIn(run.call, language) : t('allocation.list.uploaded')}
              </td>
              <td data-label={t('allocation.list.status')}>
                {run.publishedMechanism ? (
                  <span className="badge badge-status badge-status-signed">
                    {t('allocation.list.published', {
                      mechanism: t(`allocation.mechanisms.${run.publishedMechanism}`),
                    })}
                  </span>
                ) : (
                  <span className="badge badge-status badge-status-draft">
                    {t('allocation.list.notPublished')}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
