import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { nameIn } from '../../../i18n/format.ts';
import { useCountryName } from '../../components/ui/country-name.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { TableWrap } from '../../components/ui/table-wrap.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { NotFoundPage } from '../../app/not-found-page.tsx';
import { getRecords, isDashboardKind, type DashboardKind } from './api.ts';
import { filterOf } from './dashboard-page.tsx';
import './dashboards.css';

/** The stays behind a figure of a dashboard, in the reader's scope (names only where allowed). */
export function RecordsPage() {
  const { kind, id = '' } = useParams();
  if (!isDashboardKind(kind)) return <NotFoundPage />;
  return <Records kind={kind} id={id} />;
}

const LINK_KEYS = [
  'year',
  'direction',
  'partner',
  'agreement',
  'homeCountry',
  'hostCountry',
  'tookPlace',
] as const;

function Records({ kind, id }: { kind: DashboardKind; id: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const country = useCountryName();
  const [params] = useSearchParams();
  const query = Object.fromEntries(params.entries());
  const resource = useResource(`dashboard-records:${kind}:${id}:${params.toString()}`, (signal) =>
    getRecords(kind, id, query, signal),
  );
  const title = t('dashboards.records.title');
  useDocumentTitle(title);
  const back = new URLSearchParams(filterOf(params) as Record<string, string>).toString();
  // What the figure counted, in words.
  const criteria: string[] = [];
  if (query.year) criteria.push(t('dashboards.records.year', { year: query.year }));
  if (query.direction)
    criteria.push(
      t(`dashboards.records.direction.${query.direction === 'sent' ? 'sent' : 'received'}`),
    );
  if (query.homeCountry)
    criteria.push(t('dashboards.records.from', { country: country(query.homeCountry) }));
  if (query.hostCountry)
    criteria.push(t('dashboards.records.to', { country: country(query.hostCountry) }));
  if (query.level) criteria.push(t(`studyLevel.${query.level}`, { defaultValue: query.level }));
  if (query.tookPlace === 'true') criteria.push(t('dashboards.records.tookPlace'));
  const named = (d: { items: { student: string | null }[] }) =>
    d.items.some((i) => i.student !== null);
  return (
    <>
      <p>
        <Link to={`/dashboards/${kind}/${encodeURIComponent(id)}${back ? `?${back}` : ''}`}>
          {t('dashboards.records.back')}
        </Link>
      </p>
      <h1>{title}</h1>
      {criteria.length ? <p>{criteria.join(' · ')}</p> : null}
      {LINK_KEYS.some((k) => query[k]) ? null : (
        <p className="muted">{t('dashboards.records.all')}</p>
      )}
      <ResourceView
        resource={resource}
        isEmpty={(d) => d.items.length === 0}
        empty={<p className="empty">{t('dashboards.records.none')}</p>}
      >
        {(d) => (
          <>
            <p aria-live="polite">{t('dashboards.records.total', { count: d.total })}</p>
            {named(d) ? null : <p className="muted">{t('dashboards.records.noNames')}</p>}
            {d.truncated ? <p className="muted">{t('dashboards.records.truncated')}</p> : null}
            <TableWrap label={title}>
              <table className="data-table">
                <caption>{title}</caption>
                <thead>
                  <tr>
                    {named(d) ? <th scope="col">{t('dashboards.records.student')}</th> : null}
                    <th scope="col">{t('dashboards.columns.fiscal_year')}</th>
                    <th scope="col">{t('dashboards.records.home')}</th>
                    <th scope="col">{t('dashboards.records.host')}</th>
                    <th scope="col">{t('dashboards.level')}</th>
                    <th scope="col">{t('dashboards.records.start')}</th>
                    <th scope="col" className="numeric">
                      {t('dashboards.records.months')}
                    </th>
                    <th scope="col">{t('dashboards.records.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((r, i) => (
                    <tr key={r.id ?? i}>
                      {named(d) ? (
                        <th scope="row">
                          {r.id && r.student ? (
                            <Link to={`/mobilities/${r.id}`}>{r.student}</Link>
                          ) : (
                            '—'
                          )}
                        </th>
                      ) : null}
                      <td data-label={t('dashboards.columns.fiscal_year')}>{r.year}</td>
                      <td data-label={t('dashboards.records.home')}>
                        {nameIn(r.home.name, language)}
                      </td>
                      <td data-label={t('dashboards.records.host')}>
                        {nameIn(r.host.name, language)}
                      </td>
                      <td data-label={t('dashboards.level')}>
                        {t(`studyLevel.${r.level}`, { defaultValue: r.level })}
                      </td>
                      <td data-label={t('dashboards.records.start')}>
                        <FormattedDate value={r.startDate} />
                      </td>
                      <td data-label={t('dashboards.records.months')} className="numeric">
                        {formatNumber(r.months, language)}
                      </td>
                      <td data-label={t('dashboards.records.status')}>
                        {t(`mobility.state.${r.status}`, { defaultValue: r.status })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        )}
      </ResourceView>
    </>
  );
}
