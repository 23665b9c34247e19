import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { fieldIssues } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { DateInput } from '../../components/ui/date-input.tsx';
import { Field } from '../../components/ui/field.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import {
  LocalizedTextFields,
  emptyLocalized,
  type LocalizedDraft,
} from '../../components/ui/localized-text-fields.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { messagesFor } from '../../lib/field-errors.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { listAllInstitutions } from '../registry/index.ts';
import { COTUTELLE_STATUSES, createCotutelle, type Localized } from './api.ts';
import { useText } from './local-text.tsx';

const filled = (d: LocalizedDraft) =>
  Object.fromEntries(Object.entries(d).filter(([, v]) => v.trim() !== ''));

/** A coordinator records a co-supervised doctorate: candidate, thesis, supervisors, dates. */
export function CotutelleFormPage() {
  const { t } = useTranslation();
  const title = t('partnership.cotutelleForm.title');
  useDocumentTitle(title);
  const session = useSession();
  const institutions = useResource(
    session.status === 'signed-in' ? 'cotutelle-form-institutions' : null,
    async (signal) =>
      (await listAllInstitutions({}, signal)).map((i) => ({
        id: i.id,
        name: { ...(i.names ?? {}), en: i.names?.en ?? i.name } as Localized,
      })),
  );
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous')
    return <Navigate to="/sign-in" replace state={{ from: '/partnerships/cotutelles/new' }} />;
  return (
    <>
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/partnerships">{t('partnership.title')}</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1>{title}</h1>
      <ResourceView resource={institutions}>
        {(list) => <CotutelleForm institutions={list} />}
      </ResourceView>
    </>
  );
}

function CotutelleForm({ institutions }: { institutions: { id: string; name: Localized }[] }) {
  const { t } = useTranslation();
  const text = useText();
  const navigate = useNavigate();
  const action = useAction();
  const issues = fieldIssues(action.error);
  const [candidate, setCandidate] = useState('');
  const [thesis, setThesis] = useState<LocalizedDraft>(emptyLocalized());
  const [status, setStatus] = useState<(typeof COTUTELLE_STATUSES)[number]>('in_progress');
  const [startsOn, setStartsOn] = useState('');
  const [defenceOn, setDefenceOn] = useState('');
  const [sup, setSup] = useState([
    { institutionId: '', guestName: '' },
    { institutionId: '', guestName: '' },
  ]);
  const setRow = (i: number, patch: Partial<(typeof sup)[number]>) =>
    setSup((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const sorted = [...institutions].sort((a, b) => text(a.name).localeCompare(text(b.name)));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let id = '';
    const ok = await action.run(async (csrf) => {
      const created = await createCotutelle(
        {
          candidate: { guestName: candidate.trim() || null },
          thesisTitle: filled(thesis),
          supervisors: sup.map((s) => ({
            institutionId: s.institutionId,
            guestName: s.guestName.trim() || null,
          })),
          startsOn,
          defenceOn: defenceOn || null,
          status,
          degreesFrom: status === 'defended' ? sup.map((s) => s.institutionId) : [],
        },
        csrf,
      );
      id = created.id;
    });
    if (ok) void navigate(`/partnerships/cotutelles/${encodeURIComponent(id)}`);
  }

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} data-testid="cotutelle-form">
      <FormErrors error={action.error} />
      <Field
        id="cotutelle-candidate"
        label={t('partnership.candidate')}
        messages={messagesFor(issues, 'body.candidate', true)}
      >
        {(p) => (
          <input
            {...p}
            name="candidate"
            required
            value={candidate}
            onChange={(e) => setCandidate(e.target.value)}
          />
        )}
      </Field>
      <LocalizedTextFields
        id="cotutelle-thesis"
        name="thesisTitle"
        field="body.thesisTitle"
        issues={issues}
        value={thesis}
        onChange={setThesis}
        legend={t('partnership.cotutelleForm.thesis')}
      />
      {sup.map((s, i) => (
        <fieldset key={i}>
          <legend>{t('partnership.cotutelleForm.supervisor', { n: i + 1 })}</legend>
          <Field
            id={`cotutelle-sup-inst-${i}`}
            label={t('partnership.institution')}
            messages={messagesFor(issues, `body.supervisors.${i}.institutionId`)}
          >
            {(p) => (
              <select
                {...p}
                name={`supervisor-institution-${i}`}
                required
                value={s.institutionId}
                onChange={(e) => setRow(i, { institutionId: e.target.value })}
              >
                <option value="">{t('partnership.programmeForm.choose')}</option>
                {sorted.map((o) => (
                  <option key={o.id} value={o.id}>
                    {text(o.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={`cotutelle-sup-name-${i}`}
            label={t('partnership.cotutelleForm.supervisorName')}
            messages={messagesFor(issues, `body.supervisors.${i}`)}
          >
            {(p) => (
              <input
                {...p}
                name={`supervisor-name-${i}`}
                value={s.guestName}
                onChange={(e) => setRow(i, { guestName: e.target.value })}
              />
            )}
          </Field>
        </fieldset>
      ))}
      <Field
        id="cotutelle-status"
        label={t('partnership.statusLabel')}
        messages={messagesFor(issues, 'body.status')}
      >
        {(p) => (
          <select
            {...p}
            name="status"
            value={status}
            onChange={(e) => setStatus(e.target.value as typeof status)}
          >
            {COTUTELLE_STATUSES.map((k) => (
              <option key={k} value={k}>
                {t(`partnership.cotutelleStatus.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="cotutelle-starts"
        label={t('partnership.started')}
        messages={messagesFor(issues, 'body.startsOn')}
      >
        {(p) => (
          <DateInput {...p} name="startsOn" required value={startsOn} onChange={setStartsOn} />
        )}
      </Field>
      <Field
        id="cotutelle-defence"
        label={t('partnership.defence')}
        messages={messagesFor(issues, 'body.defenceOn')}
      >
        {(p) => <DateInput {...p} name="defenceOn" value={defenceOn} onChange={setDefenceOn} />}
      </Field>
      <button type="submit" className="button button-primary" disabled={action.busy}>
        {t('partnership.cotutelleForm.save')}
      </button>
    </form>
  );
}
