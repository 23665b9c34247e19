import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { getEvent, listSeries } from './api.ts';
import { loadParties } from './parties.ts';
import { draftOf, emptyDraft } from './event-draft.ts';
import { EventForm } from './event-form.tsx';
import './events.css';

/** New event (`/events/new`) and edit (`/events/:id/edit`), for its organisers. */
export function EventFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const session = useSession();
  const editing = id !== undefined;
  const title = editing ? t('events.form.editTitle') : t('events.form.newTitle');
  useDocumentTitle(title);
  const data = useResource(
    session.status === 'signed-in' ? `event-form|${id ?? ''}` : null,
    async (signal) => {
      const [{ parties }, seriesList, event] = await Promise.all([
        loadParties(signal),
        listSeries(signal),
        editing ? getEvent(id, signal) : Promise.resolve(null),
      ]);
      const series = seriesList.items.map((x) => ({ id: x.id, title: x.title }));
      return { parties, series, event };
    },
  );
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous') {
    return (
      <Navigate
        to="/sign-in"
        replace
        state={{ from: editing ? `/events/${id}/edit` : '/events/new' }}
      />
    );
  }
  return (
    <>
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/events">{t('events.list.title')}</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1>{title}</h1>
      <p className="muted">{t('events.form.intro')}</p>
      <ResourceView resource={data}>
        {({ parties, series, event }) => (
          <EventForm
            key={id ?? 'new'}
            eventId={event?.id ?? null}
            initial={event ? draftOf(event) : emptyDraft()}
            parties={parties}
            series={series}
          />
        )}
      </ResourceView>
    </>
  );
}
