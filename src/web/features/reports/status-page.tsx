import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { nameIn } from '../../../i18n/format.ts';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { TableWrap } from '../../components/ui/table-wrap.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { listStatuses } from './api.ts';

/**
 * R20: every running project's implementation report of a fiscal year against the end of that
 * year — the funder sees all their programs' projects, a representative officer their own.
 * The fiscal year is kept in the address (`?fy=`).
 */
export function StatusPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('reports.statusTitle'));
  const [params, setParams] = useSearchParams();
  const fy = Number(params.get('fy')) || null;
  const list = useResource(`report-status:${fy ?? ''}`, (signal) => listStatuses(fy, signal));
  const year = list.status === 'success' ? list.data.fiscalYear : (fy ?? 0);
  const years = year ? Array.from({ length: 15 }, (_, i) => year + 2 - i) : [];
  return (
    <>
      <h1>{t('reports.statusTitle')}</h1>
      <p className="muted">{t('reports.statusIntro')}</p>
      <div className="field">
        <label htmlFor="report-fy">{t('reports.fiscalYear')}</label>
        <select
          id="report-fy"
          value={year || ''}
          onChange={(e) => setParams({ fy: e.target.value })}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {t('reports.fiscalYearValue', { year: y })}
            </option>
          ))}
        </select>
      </div>
      <ResourceView
        resource={list}
        isEmpty={(d) => d.rows.length === 0}
        empty={<p className="empty">{t('reports.noProjects')}</p>}
      >
        {(d) => (
          <TableWrap label={t('reports.statusTitle')}>
            <table className="data-table">
              <caption>{t('reports.fiscalYearValue', { year: d.fiscalYear })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.project')}</th>
                  <th scope="col">{t('reports.representative')}</th>
                  <th scope="col">{t('reports.deadline')}</th>
                  <th scope="col">{t('reports.status')}</th>
                  <th scope="col" className="numeric">
                    {t('reports.version')}
                  </th>
                  <th scope="col">{t('reports.cutOff')}</th>
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr
                    key={r.projectId}
                    className={r.status.status === 'late' ? 'row-late' : undefined}
                  >
                    <th scope="row">
                      <Link
                        to={`/projects/${encodeURIComponent(r.projectId)}/reports/${r.fiscalYear}`}
                      >
                        {nameIn(r.projectName, i18n.language)}
                      </Link>
                    </th>
                    <td data-label={t('reports.representative')}>
                      {r.representativeName ? nameIn(r.representativeName, i18n.language) : '—'}
                    </td>
                    <td data-label={t('reports.deadline')}>
                      <FormattedDate value={r.status.deadline} />{' '}
                      <span className="muted">
                        {r.status.daysLeft >= 0
                          ? t('reports.daysLeft', { n: r.status.daysLeft })
                          : t('reports.daysPast', { n: -r.status.daysLeft })}
                      </span>
                    </td>
                    <td data-label={t('reports.status')}>
                      <span className={`badge badge-${r.status.status}`}>
                        {t(`reports.states.${r.status.status}`)}
                      </span>
                      {r.status.submittedLateBy > 0 ? (
                        <span className="muted">
                          {' '}
                          {t('reports.lateBy', { n: r.status.submittedLateBy })}
                        </span>
                      ) : null}
                    </td>
                    <td data-label={t('reports.version')} className="numeric">
                      {r.version ?? '—'}
                    </td>
                    <td data-label={t('reports.cutOff')}>
                      {r.cutOff ? <FormattedDate value={r.cutOff} /> : t('reports.cutOffNotSet')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </ResourceView>
    </>
  );
}
