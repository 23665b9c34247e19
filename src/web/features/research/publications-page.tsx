import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { nameIn } from '../../../i18n/format.ts';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { SearchField } from '../../components/ui/search-field.tsx';
import { TableWrap } from '../../components/ui/table-wrap.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { listPublications, type PublicationFilter } from './api.ts';
import { LookupBox } from './lookup-box.tsx';

/** Publications, newest first: search, filters by year, theme and institution, a lookup box. */
export function PublicationsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('research.title'));
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<PublicationFilter>({});
  const list = useResource(`publications:${JSON.stringify(filter)}`, (signal) =>
    listPublications(filter, signal),
  );
  const data = list.status === 'success' ? list.data : null;
  const institutions = new Map<string, string>();
  for (const p of data?.items ?? [])
    for (const i of p.institutions) institutions.set(i.id, nameIn(i.name, i18n.language));
  const themeLabel = (key: string) => t(`research.themes.${key}`, { defaultValue: key });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter((f) => ({ ...f, q }));
  };
  return (
    <>
      <h1>{t('research.title')}</h1>
      <p className="muted">{t('research.intro')}</p>
      {data?.may.import ? (
        <p>
          <Link to="/publications/import">{t('research.import.title')}</Link>
        </p>
      ) : null}
      <form role="search" onSubmit={submit} className="filters">
        <SearchField
          id="publication-q"
          label={t('research.search')}
          button={t('research.searchButton')}
          value={q}
          onChange={setQ}
        />
        <div className="field">
          <label htmlFor="publication-year">{t('research.year')}</label>
          <select
            id="publication-year"
            value={filter.year ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, year: e.target.value }))}
          >
            <option value="">{t('research.any')}</option>
            {data?.facets.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="publication-theme">{t('research.theme')}</label>
          <select
            id="publication-theme"
            value={filter.theme ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, theme: e.target.value }))}
          >
            <option value="">{t('research.any')}</option>
            {data?.facets.themes.map((k) => (
              <option key={k} value={k}>
                {themeLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="publication-institution">{t('research.institution')}</label>
          <select
            id="publication-institution"
            value={filter.institution ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, institution: e.target.value }))}
          >
            <option value="">{t('research.any')}</option>
            {[...institutions].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ResourceView
        resource={list}
        isEmpty={(d) => d.items.length === 0}
        empty={<p className="empty">{t('research.none')}</p>}
      >
        {(d) => (
          <>
            <p aria-live="polite">{t('research.total', { count: d.total })}</p>
            <TableWrap label={t('research.title')}>
              <table className="data-table">
                <caption className="visually-hidden">{t('research.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('research.columns.title')}</th>
                    <th scope="col">{t('research.columns.authors')}</th>
                    <th scope="col" className="numeric">
                      {t('research.year')}
                    </th>
                    <th scope="col">{t('research.columns.venue')}</th>
                    <th scope="col">{t('research.columns.themes')}</th>
                    <th scope="col">{t('research.columns.institutions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        {p.title} {p.invented ? <InventedBadge /> : null}
                        {p.doi ? (
                          <>
                            <br />
                            <span className="muted">DOI {p.doi}</span>
                          </>
                        ) : null}
                      </th>
                      <td data-label={t('research.columns.authors')}>
                        {p.authors.map((a) => a.name).join(', ')}
                      </td>
                      <td data-label={t('research.year')} className="numeric">
                        {p.year}
                      </td>
                      <td data-label={t('research.columns.venue')}>{p.venue ?? '—'}</td>
                      <td data-label={t('research.columns.themes')}>
                        {p.themes.map(themeLabel).join(', ') || '—'}
                      </td>
                      <td data-label={t('research.columns.institutions')}>
                        {p.institutions.map((i) => nameIn(i.name, i18n.language)).join(', ') || '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        )}
      </ResourceView>
      <LookupBox />
    </>
  );
}
