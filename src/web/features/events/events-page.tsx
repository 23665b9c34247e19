import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { SearchField } from '../../components/ui/search-field.tsx';
import type { Actor } from '../../api/types.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { listEvents, listSeries } from './api.ts';
import { useDateRange } from './event-page.tsx';
import { LocalText } from './local-text.tsx';
import './events.css';

/** Coordinators, representatives and platform admins may organise events. */
export function mayOrganiseEvents(actor: Actor | null): boolean {
  return (
    !!actor &&
    (actor.platformAdmin ||
      actor.roles.some((r) => r.role === 'coordinator' || r.role === 'rep_officer'))
  );
}

/** Every event the reader may see, newest first, searched in all the languages of its texts. */
export function EventsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('events.list.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [query, setQuery] = useState(q);
  const list = useResource(`events|${q}`, (signal) => listEvents(q, signal));
  const session = useSession();
  const range = useDateRange();

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams(query.trim() ? { q: query.trim() } : {});
  }

  return (
    <>
      <div className="page-header">
        <h1>{t('events.list.title')}</h1>
        {session.status === 'signed-in' ? (
          <Link className="button button-secondary" to="/me/events">
            {t('events.mine.title')}
          </Link>
        ) : null}
        {mayOrganiseEvents(session.actor) ? (
          <Link className="button button-primary" to="/events/new" data-testid="new-event">
            {t('events.form.newTitle')}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t('events.list.intro')}</p>
      <form role="search" className="filters" onSubmit={onSearch}>
        <SearchField
          id="events-q"
          label={t('events.list.search')}
          button={t('events.list.searchButton')}
          value={query}
          onChange={setQuery}
        />
      </form>
      <section aria-busy={list.status === 'loading'} aria-label={t('events.list.results')}>
        <ResourceView
          resource={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <div className="empty" role="status">
              <p>{q ? t('events.list.noMatch', { q }) : t('events.list.empty')}</p>
            </div>
          }
        >
          {(data) => (
            <div className="table-wrap">
              <table className="data-table" data-testid="event-list">
                <caption className="visually-hidden">{t('events.list.results')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('events.event')}</th>
                    <th scope="col">{t('events.kindLabel')}</th>
                    <th scope="col">{t('events.dates')}</th>
                    <th scope="col">{t('events.place')}</th>
                    <th scope="col">{t('events.series')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">
                        <Link to={`/events/${encodeURIComponent(e.id)}`}>
                          <LocalText text={e.title} />
                        </Link>
                        {e.invented ? <InventedBadge /> : null}
                      </th>
                      <td data-label={t('events.kindLabel')}>{t(`events.kind.${e.kind}`)}</td>
                      <td data-label={t('events.dates')}>{range(e.startsOn, e.endsOn)}</td>
                      <td data-label={t('events.place')}>
                        {[e.city, t(`events.mode.${e.mode}`)].filter(Boolean).join(' · ')}
                      </td>
                      <td data-label={t('events.series')}>
                        {e.seriesId ? (
                          <Link to={`/event-series/${encodeURIComponent(e.seriesId)}`}>
                            {t('events.seriesPage.open')}
                          </Link>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </ResourceView>
      </section>
      <SeriesList />
    </>
  );
}

/** The series (congress rotations, yearly weeks), each with its archive page. */
function SeriesList() {
  const { t } = useTranslation();
  const series = useResource('event-series', (signal) => listSeries(signal));
  if (series.status !== 'success' || series.data.items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="events-series">
      <h2 id="events-series">{t('events.list.series')}</h2>
      <ul className="events-archive" data-testid="series-list">
        {series.data.items.map((s) => (
          <li key={s.id}>
            <Link to={`/event-series/${encodeURIComponent(s.id)}`}>
              <LocalText text={s.title} />
            </Link>{' '}
            {s.invented ? <InventedBadge /> : null}
            <span className="muted"> — {t('events.list.editions', { count: s.editionCount })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
