import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { Field } from '../../components/ui/field.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { myMentors, setMenteeWish, type MyMentors } from './api.ts';
import { useText } from './components.tsx';

type Stay = MyMentors['stays'][number];

/** An outgoing student's coming stays: ask for a mentor, and the returnees offered. */
export function MentorsPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('alumni.mentors.title'));
  const mentors = useResource(session.status === 'signed-in' ? 'mentors' : null, (signal) =>
    myMentors(signal),
  );
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous')
    return <Navigate to="/sign-in" replace state={{ from: '/me/mentors' }} />;
  return (
    <div className="narrow">
      <h1>{t('alumni.mentors.title')}</h1>
      <p className="muted">{t('alumni.mentors.intro')}</p>
      <ResourceView
        resource={mentors}
        isEmpty={(d) => d.stays.length === 0}
        empty={<p className="empty">{t('alumni.mentors.noStay')}</p>}
      >
        {(data) =>
          data.stays.map((s) => (
            <StayMentors key={s.mobilityId} stay={s} onChange={mentors.reload} />
          ))
        }
      </ResourceView>
    </div>
  );
}

function StayMentors({ stay, onChange }: { stay: Stay; onChange: () => void }) {
  const { t } = useTranslation();
  const text = useText();
  const action = useAction();
  const [optedIn, setOptedIn] = useState(stay.optedIn);
  const [field, setField] = useState(stay.fieldOfStudy ?? '');
  const id = `mentee-${stay.mobilityId}`;
  const save = () =>
    void action.run(async (csrf) => {
      await setMenteeWish(stay.mobilityId, { optedIn, fieldOfStudy: field || null }, csrf);
      onChange();
    });
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {text(stay.host.name)} — <FormattedDate value={stay.startDate} />
      </h2>
      {action.error ? <ErrorAlert error={action.error} /> : null}
      <label className="check">
        <input type="checkbox" checked={optedIn} onChange={(e) => setOptedIn(e.target.checked)} />
        {t('alumni.mentors.optIn')}
      </label>
      <Field id={`${id}-field`} label={t('alumni.fields.fieldOfStudy')}>
        {(control) => (
          <input {...control} value={field} onChange={(e) => setField(e.target.value)} />
        )}
      </Field>
      <button type="button" className="button" disabled={action.busy} onClick={save}>
        {t('alumni.mentors.save')}
      </button>
      <h3>{t('alumni.mentors.offered')}</h3>
      {stay.mentors.length === 0 ? (
        <p className="muted">
          {stay.optedIn ? t('alumni.mentors.noneYet') : t('alumni.mentors.optInFirst')}
        </p>
      ) : (
        <ul>
          {stay.mentors.map((m) => (
            <li key={m.id}>
              <strong>{m.name}</strong> — {text(m.host.name)}, {m.year}
              {m.fieldOfStudy ? `, ${m.fieldOfStudy}` : ''}
              {m.contact ? ` — ${m.contact}` : ''}{' '}
              <span className="muted small">
                ({m.sameHost ? t('alumni.mentors.sameHost') : t('alumni.mentors.sameField')})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
