import { useId, useState, type FormEvent } from 'react';
import { SearchField } from '../../components/ui/search-field.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { listConsortia } from './api.ts';
import { LocalizedName } from '../../components/ui/localized-name.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { useSideLabel } from '../../components/ui/side-label.tsx';
import { useLabels } from '../../lib/labels.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';

const PAGE_SIZE = 20;

export function ConsortiaPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { kindLabel } = useLabels();
  const sideLabel = useSideLabel();
  const formId = useId();
  useDocumentTitle(t('consortia.title'));

  const q = params.get('q') ?? '';
  const pageParam = Number(params.get('page'));
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1;

  const [draft, setDraft] = useState(q);
  const [draftSource, setDraftSource] = useState(q);
  if (draftSource !== q) {
    setDraftSource(q);
    setDraft(q);
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.trim()) next.set('q', draft.trim());
    setParams(next);
  };

  const list = useResource(`${q}|${page}`, (signal) =>
    listConsortia({ q: q || undefined, page, pageSize: PAGE_SIZE }, signal),
  );

  return (
    <>
      <h1>{t('consortia.title')}</h1>
      <p className="muted">{t('consortia.intro')}</p>
      <form
        className="filters card"
        role="search"
        aria-label={t('consortia.searchLabel')}
        onSubmit={onSubmit}
      >
        <SearchField
          id={`${formId}-q`}
          label={t('consortia.search')}
          button={t('actions.search')}
          value={draft}
          onChange={setDraft}
        />
      </form>

      <section aria-label={t('consortia.results')} aria-busy={list.status === 'loading'}>
        <ResourceView resource={list}>
          {(listData) =>
            listData.items.length === 0 ? (
              <div className="empty" role="status">
                <p>{q ? t('consortia.emptyFiltered') : t('consortia.empty')}</p>
              </div>
            ) : (
              <>
                <p className="result-count" role="status">
                  {t('consortia.count', { count: listData.total })}
                </p>
                <div className="table-wrap">
                  <table className="data-table">
                    <caption className="visually-hidden">{t('consortia.results')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('consortia.name')}</th>
                        <th scope="col">{t('consortia.kind')}</th>
                        <th scope="col">{t('consortia.side')}</th>
                        <th scope="col" className="numeric">
                          {t('consortia.members')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {listData.items.map((consortium) => (
                        <tr key={consortium.id}>
                          <th scope="row">
                            <Link to={`/consortia/${encodeURIComponent(consortium.id)}`}>
                              <LocalizedName entity={consortium} />
                            </Link>
                          </th>
                          <td data-label={t('consortia.kind')}>{kindLabel(consortium.kind)}</td>
                          <td data-label={t('consortia.side')}>
                            {sideLabel(consortium.side) ?? <span className="muted">—</span>}
                          </td>
                          <td data-label={t('consortia.members')} className="numeric">
                            {t('consortia.memberCount', { count: consortium.memberCount })}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pagination
                  page={listData.page}
                  pageSize={listData.pageSize}
                  total={listData.total}
                  params={params}
                />
              </>
            )
          }
        </ResourceView>
      </section>
    </>
  );
}
