import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { CALENDAR_URL, listCalls, type Call } from './api.ts';
import { mayManageCalls } from './may-manage.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import './calls.css';

/** The title in the reader's language, else English, else the id. */
export function useCallTitle() {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (title: Call['title'], fallback: string) => title[language] ?? title.en ?? fallback;
}

export function CataloguePage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('calls.catalogue.title'));
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const list = useResource(`calls|${status}`, (signal) => listCalls(status, signal));
  const title = useCallTitle();
  const language = currentLanguage(i18n.language);
  const session = useSession();

  return (
    <>
      <div className="page-header">
        <h1>{t('calls.catalogue.title')}</h1>
        {mayManageCalls(session.actor) ? (
          <Link className="button button-primary" to="/calls/new" data-testid="new-call">
            {t('calls.form.newTitle')}
          </Link>
        ) : null}
        <a className="button button-secondary" href={`${CALENDAR_URL}?lang=${language}`}>
          {t('calls.catalogue.calendar')}
        </a>
      </div>
      <p className="muted">{t('calls.catalogue.intro')}</p>
      <div className="calls-inline-form">
        <label>
          <input
            type="checkbox"
            checked={status === 'all'}
            onChange={(e) => setStatus(e.target.checked ? 'all' : 'open')}
          />{' '}
          {t('calls.catalogue.showAll')}
        </label>
      </div>
      <section aria-busy={list.status === 'loading'} aria-label={t('calls.catalogue.results')}>
        <ResourceView
          resource={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <div className="empty" role="status">
              <p>{t('calls.catalogue.empty')}</p>
            </div>
          }
        >
          {(data) => (
            <div className="table-wrap">
              <table className="data-table" data-testid="call-list">
                <caption className="visually-hidden">{t('calls.catalogue.results')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('calls.call')}</th>
                    <th scope="col">{t('calls.opens')}</th>
                    <th scope="col">{t('calls.closes')}</th>
                    <th scope="col">{t('calls.hosts')}</th>
                    <th scope="col">{t('calls.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((call) => (
                    <tr key={call.id}>
                      <th scope="row">
                        <Link to={`/calls/${encodeURIComponent(call.id)}`}>
                          {title(call.title, call.id)}
                        </Link>
                        {call.invented ? <InventedBadge /> : null}
                      </th>
                      <td data-label={t('calls.opens')}>
                        <FormattedDate value={call.opens} />
                      </td>
                      <td data-label={t('calls.closes')}>
                        <FormattedDate value={call.closes} />
                      </td>
                      <td data-label={t('calls.hosts')}>{call.hosts.length}</td>
                      <td data-label={t('calls.status')}>
                        {call.open
                          ? t('calls.daysLeft', { count: call.daysLeft ?? 0 })
                          : t('calls.closed')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </ResourceView>
      </section>
    </>
  );
}
