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
import { createAssociation, listProgramOptions } from './api.ts';
import { useText } from './components.tsx';

type Option = { id: string; name: Record<string, string | undefined> };

const filled = (d: LocalizedDraft) =>
  Object.fromEntries(Object.entries(d).filter(([, v]) => v.trim() !== ''));

/** `/alumni/new`: a university's coordinators (or an administrator) found an association. */
export function NewAssociationPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('alumni.new.title'));
  const actor = session.status === 'signed-in' ? session.actor : null;
  const options = useResource(actor ? `alumni-new|${actor.id}` : null, async (signal) => {
    const [institutions, programs] = await Promise.all([
      listAllInstitutions({}, signal),
      listProgramOptions(signal),
    ]);
    // Those whose coordinator the reader is (every university for an administrator).
    const coordinated = new Set(
      actor?.roles.filter((r) => r.role === 'coordinator').map((r) => r.scopeId) ?? [],
    );
    const universities: Option[] = institutions
      .filter((i) => i.type === 'university' || coordinated.has(i.id))
      .filter((i) => actor?.platformAdmin || coordinated.has(i.id))
      .map((i) => ({ id: i.id, name: { ...(i.names ?? {}), en: i.names?.en ?? i.name } }));
    const programOptions: Option[] = programs.items.map((p) => ({
      id: p.id,
      name: { ...(p.names ?? {}), en: p.name },
    }));
    return { universities, programs: programOptions };
  });
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous')
    return <Navigate to="/sign-in" replace state={{ from: '/alumni/new' }} />;
  return (
    <>
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/alumni">{t('alumni.title')}</Link>
          </li>
          <li aria-current="page">{t('alumni.new.title')}</li>
        </ol>
      </nav>
      <h1>{t('alumni.new.title')}</h1>
      <p className="muted">{t('alumni.new.intro')}</p>
      <ResourceView resource={options}>
        {(data) => <AssociationForm universities={data.universities} programs={data.programs} />}
      </ResourceView>
    </>
  );
}

function AssociationForm({
  universities,
  programs,
}: {
  universities: Option[];
  programs: Option[];
}) {
  const { t } = useTranslation();
  const text = useText();
  const navigate = useNavigate();
  const action = useAction();
  const [institutionId, setInstitutionId] = useState(universities[0]?.id ?? '');
  const [programId, setProgramId] = useState('');
  const [names, setNames] = useState<LocalizedDraft>(emptyLocalized());
  const [description, setDescription] = useState<LocalizedDraft>(emptyLocalized());
  const [foundedOn, setFoundedOn] = useState('');
  const issues = fieldIssues(action.error);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    let id = '';
    const ok = await action.run(async (csrf) => {
      id = (
        await createAssociation(
          {
            institutionId,
            programId: programId || null,
            names: filled(names),
            description: filled(description),
            foundedOn: foundedOn || null,
          },
          csrf,
        )
      ).id;
    });
    if (ok) void navigate(`/alumni/${encodeURIComponent(id)}`);
  };
  const byName = (a: Option, b: Option) => text(a.name).localeCompare(text(b.name));
  return (
    <form
      className="form card"
      data-testid="association-form"
      onSubmit={(event) => void onSubmit(event)}
    >
      <FormErrors error={action.error} />
      <Field
        id="alumni-new-university"
        label={t('alumni.new.university')}
        messages={messagesFor(issues, 'body.institutionId')}
      >
        {(control) => (
          <select
            {...control}
            name="institutionId"
            required
            value={institutionId}
            onChange={(e) => setInstitutionId(e.target.value)}
          >
            {[...universities].sort(byName).map((u) => (
              <option key={u.id} value={u.id}>
                {text(u.name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="alumni-new-program"
        label={t('alumni.new.program')}
        messages={messagesFor(issues, 'body.programId')}
      >
        {(control) => (
          <select
            {...control}
            name="programId"
            value={programId}
            onChange={(e) => setProgramId(e.target.value)}
          >
            <option value="">{t('alumni.new.noProgram')}</option>
            {[...programs].sort(byName).map((p) => (
              <option key={p.id} value={p.id}>
                {text(p.name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LocalizedTextFields
        id="alumni-new-names"
        name="names"
        field="body.names"
        issues={issues}
        value={names}
        onChange={setNames}
        legend={t('alumni.new.names')}
        row
      />
      <LocalizedTextFields
        id="alumni-new-description"
        name="description"
        field="body.description"
        issues={issues}
        value={description}
        onChange={setDescription}
        legend={t('alumni.new.description')}
        multiline
        row
      />
      <Field
        id="alumni-new-founded-on"
        label={t('alumni.new.foundedOn')}
        messages={messagesFor(issues, 'body.foundedOn')}
      >
        {(control) => (
          <DateInput {...control} name="foundedOn" value={foundedOn} onChange={setFoundedOn} />
        )}
      </Field>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={action.busy}
          data-testid="save-association"
        >
          {t('alumni.new.save')}
        </button>
      </div>
    </form>
  );
}
