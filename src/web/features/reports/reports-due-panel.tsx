import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { nameIn } from '../../../i18n/format.ts';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { TableWrap } from '../../components/ui/table-wrap.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { listStatuses } from './api.ts';

/**
 * The funder dashboard's "reports due" (R20): the program's projects' implementation reports of
 * the current fiscal year against its end, each linked to its report.
 */
export function ReportsDuePanel({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const list = useResource(`reports-due:${id}`, (signal) => listStatuses(null, signal));
  return (
    <section aria-labelledby="reports-due-heading">
      <h2 id="reports-due-heading">{t('reports.dueTitle')}</h2>
      <ResourceView
        resource={list}
        isEmpty={(d) => d.rows.every((r) => r.programId !== id)}
        empty={<p className="empty">{t('reports.noProjects')}</p>}
      >
        {(d) => (
          <TableWrap label={t('reports.dueTitle')}>
            <table className="data-table">
              <caption>{t('reports.fiscalYearValue', { year: d.fiscalYear })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.project')}</th>
                  <th scope="col">{t('reports.deadline')}</th>
                  <th scope="col">{t('reports.status')}</th>
                </tr>
              </thead>
              <tbody>
                {d.rows
                  .filter((r) => r.programId === id)
                  .map((r) => (
                    <tr key={r.projectId}>
                      <th scope="row">
                        <Link
                          to={`/projects/${encodeURIComponent(r.projectId)}/reports/${r.fiscalYear}`}
                        >
                          {nameIn(r.projectName, i18n.language)}
                        </Link>
                      </th>
                      <td data-label={t('reports.deadline')}>
                        <FormattedDate value={r.status.deadline} />
                      </td>
                      <td data-label={t('reports.status')}>
                        {t(`reports.states.${r.status.status}`)}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </ResourceView>
    </section>
  );
}
