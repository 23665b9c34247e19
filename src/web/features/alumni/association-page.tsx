import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { NotFoundPage } from '../../app/not-found-page.tsx';
import { deriveAlumni, getAssociation, type AssociationDetail } from './api.ts';
import { useText } from './components.tsx';
import { DirectorySection } from './directory-section.tsx';
import { MeetingForm } from './meeting-form.tsx';

/** One association: officers, general conferences with minutes, and the consented directory. */
export function AssociationPage() {
  const { id = '' } = useParams();
  const association = useResource(id, (signal) => getAssociation(id, signal));
  return (
    <ResourceView resource={association} notFound={<NotFoundPage />}>
      {(a) => <AssociationView association={a} onChange={association.reload} />}
    </ResourceView>
  );
}

function AssociationView({
  association: a,
  onChange,
}: {
  association: AssociationDetail;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  useDocumentTitle(text(a.names));
  return (
    <>
      <h1>
        {text(a.names)} {a.invented ? <InventedBadge /> : null}
      </h1>
      <dl className="facts card">
        <dt>{t('alumni.university')}</dt>
        <dd>{text(a.institution.name)}</dd>
        {a.program ? (
          <>
            <dt>{t('alumni.program')}</dt>
            <dd>{text(a.program.name)}</dd>
          </>
        ) : null}
        {a.foundedOn ? (
          <>
            <dt>{t('alumni.foundedOn')}</dt>
            <dd>
              <FormattedDate value={a.foundedOn} />
            </dd>
          </>
        ) : null}
        <dt>{t('alumni.alumniCount')}</dt>
        <dd>{t('alumni.counts', { outgoing: a.counts.outgoing, incoming: a.counts.incoming })}</dd>
      </dl>
      {text(a.description) ? <p>{text(a.description)}</p> : null}
      {a.may.manage ? <Derive id={a.id} onDone={onChange} /> : null}
      <section className="card" aria-labelledby="alumni-officers">
        <h2 id="alumni-officers">{t('alumni.officers')}</h2>
        {a.officers.length === 0 ? (
          <p className="muted">{t('alumni.noOfficers')}</p>
        ) : (
          <ul>
            {a.officers.map((o) => (
              <li key={o.userId}>
                {text(o.name)} — {t(`alumni.titles.${o.title}`)} ({t('alumni.since')}{' '}
                <FormattedDate value={o.since} />)
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="alumni-meetings">
        <h2 id="alumni-meetings">{t('alumni.meetings')}</h2>
        {a.meetings.length === 0 ? (
          <p className="muted">{t('alumni.noMeetings')}</p>
        ) : (
          a.meetings.map((m) => (
            <article key={m.id}>
              <h3>
                {text(m.title)} — <FormattedDate value={m.heldOn} />{' '}
                {m.invented ? <InventedBadge /> : null}
              </h3>
              {m.eventId ? (
                <p>
                  <Link to={`/events/${encodeURIComponent(m.eventId)}`} data-testid="meeting-event">
                    {t('alumni.eventLink')}
                  </Link>
                </p>
              ) : null}
              {text(m.minutes) ? (
                <>
                  <h4>{t('alumni.minutes')}</h4>
                  <p>{text(m.minutes)}</p>
                </>
              ) : null}
            </article>
          ))
        )}
      </section>
      {a.may.manage ? <MeetingForm associationId={a.id} onDone={onChange} /> : null}
      <DirectorySection associationId={a.id} />
    </>
  );
}

function Derive({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [added, setAdded] = useState<number | null>(null);
  return (
    <section className="card" aria-labelledby="alumni-derive">
      <h2 id="alumni-derive">{t('alumni.derive.title')}</h2>
      <p className="muted small">{t('alumni.derive.hint')}</p>
      {action.error ? <ErrorAlert error={action.error} /> : null}
      {added !== null ? <p role="status">{t('alumni.derive.added', { count: added })}</p> : null}
      <button
        type="button"
        className="button"
        disabled={action.busy}
        onClick={() =>
          void action.run(async (csrf) => {
            setAdded((await deriveAlumni(id, csrf)).added);
            onDone();
          })
        }
      >
        {t('alumni.derive.button')}
      </button>
    </section>
  );
}
