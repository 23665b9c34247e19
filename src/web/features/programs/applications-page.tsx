import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { nameIn } from '../../../i18n/format.ts';
import { useSession } from '../../app/session.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { ShowMore, useShowMore } from '../../components/ui/show-more.tsx';
import { ListSearch } from '../../components/ui/list-search.tsx';
import { listApplications, type ApplicationSummary } from './api.ts';
import { Text } from './components.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import './programs.css';

/** An application's status in words (never by colour alone). */
export function ApplicationStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-status programs-status-${status}`} data-status={status}>
      {t(`programs.statuses.${status}`, { defaultValue: status })}
    </span>
  );
}

export function ApplicationsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('programs.applications.title'));
  const [q, setQ] = useState('');
  const apps = useResource(
    session.status === 'signed-in' ? `project-applications|${q}` : null,
    (s) => listApplications(s, { q }),
  );
  const pages = useShowMore<ApplicationSummary>(
    apps.status === 'success' ? apps.data : null,
    (cursor) => listApplications(undefined, { q, cursor }),
  );
  if (session.status === 'anonymous')
    return (
      <p>
        <Link to="/sign-in">{t('programs.signInFirst')}</Link>
      </p>
    );
  return (
    <>
      <div className="page-header">
        <h1>{t('programs.applications.title')}</h1>
      </div>
      <p className="lead">{t('programs.applications.intro')}</p>
      <ListSearch
        id="application-search"
        label={t('programs.applications.searchLabel')}
        button={t('programs.applications.searchButton')}
        onSearch={setQ}
      />
      <ResourceView resource={apps}>
        {() =>
          pages.items.length === 0 ? (
            <p className="empty" role="status">
              {q ? t('programs.applications.noMatch', { q }) : t('programs.applications.none')}
            </p>
          ) : (
            <div className="table-wrap">
              <table className="data-table" data-testid="application-list">
                <thead>
                  <tr>
                    <th scope="col">{t('programs.applications.project')}</th>
                    <th scope="col">{t('programs.program')}</th>
                    <th scope="col">{t('programs.applications.status')}</th>
                    <th scope="col">{t('programs.applications.checksFailed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {pages.items.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link to={`/applications/${encodeURIComponent(a.id)}`}>
                          <Text value={a.title} fallback={a.id} />
                        </Link>{' '}
                        {a.invented ? <InventedBadge /> : null}
                      </th>
                      <td data-label={t('programs.program')}>
                        <Link to={`/programs/${encodeURIComponent(a.programId)}`}>
                          {nameIn(a.programName, i18n.language)}
                        </Link>
                      </td>
                      <td data-label={t('programs.applications.status')}>
                        <ApplicationStatus status={a.status} />
                      </td>
                      <td data-label={t('programs.applications.checksFailed')}>
                        {a.checksFailed === 0
                          ? t('programs.checks.allOk')
                          : t('programs.checks.failedShort', { count: a.checksFailed })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ResourceView>
      {apps.status === 'success' ? <ShowMore list={pages} /> : null}
    </>
  );
}
