import { useId, useState, type FormEvent } from 'react';
import { SearchField } from '../../components/ui/search-field.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Pagination } from '../../components/ui/pagination.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { searchPeople } from './api.ts';
import { ErasureRequests } from './erasure-requests.tsx';
import { usePersonName } from './role-label.tsx';

const positiveInt = (value: string | null) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 1;
};

/** The people one may see, searched by part of their name or address. */
export function PeoplePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('people.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = positiveInt(params.get('page'));
  const [draft, setDraft] = useState(q);
  const id = useId();
  const nameOf = usePersonName();
  const list = useResource(`people?${q}&${page}`, (signal) => searchPeople({ q, page }, signal));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };

  return (
    <>
      <h1>{t('people.title')}</h1>
      <p>
        <Link to="/invitations" className="button">
          {t('people.invitations.link')}
        </Link>
      </p>
      <ErasureRequests />
      <form role="search" onSubmit={submit} className="filters">
        <SearchField
          id={`${id}-q`}
          label={t('people.search')}
          button={t('people.searchButton')}
          value={draft}
          onChange={setDraft}
        />
      </form>
      <ResourceView
        resource={list}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <div className="empty" role="status">
            <p>{t('people.empty')}</p>
          </div>
        }
      >
        {(data) => (
          <>
            <table className="table" data-testid="people">
              <thead>
                <tr>
                  <th scope="col">{t('people.name')}</th>
                  <th scope="col">{t('people.email')}</th>
                  <th scope="col">{t('people.state')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/people/${p.id}`}>{nameOf(p.name)}</Link>
                    </td>
                    <td>{p.email}</td>
                    <td>
                      {p.disabled
                        ? t('people.disabled')
                        : p.platformAdmin
                          ? t('people.administrator')
                          : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              params={params}
            />
          </>
        )}
      </ResourceView>
    </>
  );
}
