import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { Field } from '../../components/ui/field.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { fieldIssues } from '../../api/client.ts';
import { messagesFor } from '../../lib/field-errors.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import type { AlumniConsent, AlumniField, Audience } from '../../../domain/alumni/fields.ts';
import { myAlumni, saveMyAlumni, type MyAlumni, type MyAlumniRecord } from './api.ts';
import { useText } from './components.tsx';

/** The signed-in person's alumni profile: what they write, and who may see each field. */
export function MyAlumniPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('alumni.myProfile'));
  const mine = useResource(session.status === 'signed-in' ? 'mine' : null, (signal) =>
    myAlumni(signal),
  );
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous')
    return <Navigate to="/sign-in" replace state={{ from: '/me/alumni' }} />;
  return (
    <div className="narrow">
      <h1>{t('alumni.myProfile')}</h1>
      <p className="muted">{t('alumni.profile.intro')}</p>
      <ResourceView
        resource={mine}
        isEmpty={(d) => d.items.length === 0}
        empty={<p className="empty">{t('alumni.profile.none')}</p>}
      >
        {(data) => data.items.map((r) => <ProfileForm key={r.id} record={r} lists={data} />)}
      </ResourceView>
    </div>
  );
}

type TextKey = 'fieldOfStudy' | 'currentPosition' | 'contact' | 'outcomeNote';
const TEXT_FIELDS: TextKey[] = ['fieldOfStudy', 'currentPosition', 'contact', 'outcomeNote'];
type Tri = 'yes' | 'no' | '';
const tri = (v: boolean | null): Tri => (v === null ? '' : v ? 'yes' : 'no');
const fromTri = (v: Tri): boolean | null => (v === '' ? null : v === 'yes');

function ProfileForm({ record, lists }: { record: MyAlumniRecord; lists: MyAlumni }) {
  const { t } = useTranslation();
  const text = useText();
  const action = useAction();
  const [saved, setSaved] = useState(false);
  const [texts, setTexts] = useState<Record<TextKey, string>>({
    fieldOfStudy: record.fieldOfStudy ?? '',
    currentPosition: record.currentPosition ?? '',
    contact: record.contact ?? '',
    outcomeNote: record.outcomeNote ?? '',
  });
  const [degreeAtHost, setDegree] = useState<Tri>(tri(record.degreeAtHost));
  const [works, setWorks] = useState<Tri>(tri(record.worksInJapanRussia));
  const [consent, setConsent] = useState<AlumniConsent>(record.consent);
  const [mentor, setMentor] = useState(record.mentorOptIn);
  const issues = fieldIssues(action.error);
  const idOf = (f: string) => `alumni-${record.id}-${f}`;

  const toggle = (field: AlumniField, audience: Audience, on: boolean) =>
    setConsent((c) => {
      const now = new Set(c[field] ?? []);
      if (on) now.add(audience);
      else now.delete(audience);
      return { ...c, [field]: lists.audiences.filter((a) => now.has(a)) };
    });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const ok = await action.run((csrf) =>
      saveMyAlumni(
        record.id,
        {
          fieldOfStudy: texts.fieldOfStudy || null,
          currentPosition: texts.currentPosition || null,
          contact: texts.contact || null,
          outcomeNote: texts.outcomeNote || null,
          degreeAtHost: fromTri(degreeAtHost),
          worksInJapanRussia: fromTri(works),
          consent,
          mentorOptIn: mentor,
        },
        csrf,
      ),
    );
    setSaved(ok);
  };

  return (
    <section className="card" aria-labelledby={idOf('heading')}>
      <h2 id={idOf('heading')}>{text(record.association.names)}</h2>
      <p>
        {t('alumni.profile.stay', {
          home: text(record.home.name),
          host: text(record.host.name),
          year: record.year,
        })}
      </p>
      <FormErrors error={action.error} />
      <form className="form" onSubmit={(event) => void onSubmit(event)}>
        {TEXT_FIELDS.map((f) => (
          <Field
            key={f}
            id={idOf(f)}
            label={t(`alumni.fields.${f}`)}
            messages={messagesFor(issues, `body.${f}`)}
          >
            {(control) => (
              <input
                {...control}
                value={texts[f]}
                onChange={(e) => setTexts((v) => ({ ...v, [f]: e.target.value }))}
              />
            )}
          </Field>
        ))}
        {(
          [
            ['degreeAtHost', degreeAtHost, setDegree],
            ['worksInJapanRussia', works, setWorks],
          ] as const
        ).map(([f, value, set]) => (
          <Field key={f} id={idOf(f)} label={t(`alumni.fields.${f}`)}>
            {(control) => (
              <select {...control} value={value} onChange={(e) => set(e.target.value as Tri)}>
                <option value="">{t('alumni.notSaid')}</option>
                <option value="yes">{t('alumni.yes')}</option>
                <option value="no">{t('alumni.no')}</option>
              </select>
            )}
          </Field>
        ))}
        <fieldset>
          <legend>{t('alumni.profile.consent')}</legend>
          <p className="muted small">{t('alumni.profile.consentHint')}</p>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('alumni.profile.field')}</th>
                  {lists.audiences.map((a) => (
                    <th key={a} scope="col">
                      {t(`alumni.audiences.${a}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {lists.fields.map((f) => (
                  <tr key={f}>
                    <th scope="row">{t(`alumni.fields.${f}`)}</th>
                    {lists.audiences.map((a) => (
                      <td key={a}>
                        <input
                          type="checkbox"
                          aria-label={t('alumni.profile.showTo', {
                            field: t(`alumni.fields.${f}`),
                            audience: t(`alumni.audiences.${a}`),
                          })}
                          checked={(consent[f] ?? []).includes(a)}
                          onChange={(e) => toggle(f, a, e.target.checked)}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={mentor} onChange={(e) => setMentor(e.target.checked)} />
          {t('alumni.profile.mentor')}
        </label>
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {t('alumni.profile.save')}
        </button>
        {saved ? <p role="status">{t('alumni.profile.saved')}</p> : null}
      </form>
    </section>
  );
}
