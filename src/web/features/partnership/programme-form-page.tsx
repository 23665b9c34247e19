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
import { useText } from './local-text.tsx';
import {
  DEGREE_KINDS,
  DEGREE_LEVELS,
  PARTNER_ROLES,
  createProgramme,
  type Localized,
} from './api.ts';

interface Row {
  institutionId: string;
  role: (typeof PARTNER_ROLES)[number];
  semesters: string;
  credits: string;
}

const filled = (d: LocalizedDraft) =>
  Object.fromEntries(Object.entries(d).filter(([, v]) => v.trim() !== ''));

/** A coordinator creates a degree programme with its partners and its curriculum split. */
export function ProgrammeFormPage() {
  const { t } = useTranslation();
  const title = t('partnership.programmeForm.title');
  useDocumentTitle(title);
  const session = useSession();
  const institutions = useResource(
    session.status === 'signed-in' ? 'programme-form-institutions' : null,
    async (signal) =>
      (await listAllInstitutions({}, signal)).map((i) => ({
        id: i.id,
        name: { ...(i.names ?? {}), en: i.names?.en ?? i.name } as Localized,
      })),
  );
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous')
    return <Navigate to="/sign-in" replace state={{ from: '/partnerships/programmes/new' }} />;
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
        {(list) => <ProgrammeForm institutions={list} />}
      </ResourceView>
    </>
  );
}

function ProgrammeForm({ institutions }: { institutions: { id: string; name: Localized }[] }) {
  const { t } = useTranslation();
  const text = useText();
  const navigate = useNavigate();
  const action = useAction();
  const issues = fieldIssues(action.error);
  const [kind, setKind] = useState<(typeof DEGREE_KINDS)[number]>('dual');
  const [level, setLevel] = useState<(typeof DEGREE_LEVELS)[number]>('master');
  const [name, setName] = useState<LocalizedDraft>(emptyLocalized());
  const [field, setField] = useState('');
  const [languages, setLanguages] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [rows, setRows] = useState<Row[]>([
    { institutionId: '', role: 'coordinating', semesters: '1, 2', credits: '60' },
    { institutionId: '', role: 'partner', semesters: '3, 4', credits: '60' },
  ]);
  const setRow = (i: number, patch: Partial<Row>) =>
    setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const sorted = [...institutions].sort((a, b) => text(a.name).localeCompare(text(b.name)));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let createdId = '';
    const ok = await action.run(async (csrf) => {
      const created = await createProgramme(
        {
          kind,
          level,
          title: filled(name),
          field: field.trim(),
          languages: languages
            .split(/[\s,]+/)
            .map((x) => x.trim().toLowerCase())
            .filter(Boolean),
          startsOn,
          endsOn: endsOn || null,
          partners: rows.map((r) => ({ institutionId: r.institutionId, role: r.role })),
          split: rows.map((r) => ({
            institutionId: r.institutionId,
            semesters: r.semesters
              .split(/[\s,]+/)
              .filter(Boolean)
              .map(Number),
            credits: Number(r.credits),
          })),
        },
        csrf,
      );
      createdId = created.id;
    });
    if (ok) void navigate(`/partnerships/programmes/${encodeURIComponent(createdId)}`);
  }

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} data-testid="programme-form">
      <FormErrors error={action.error} />
      <Field
        id="programme-kind"
        label={t('partnership.kindLabel')}
        messages={messagesFor(issues, 'body.kind')}
      >
        {(p) => (
          <select
            {...p}
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as typeof kind)}
          >
            {DEGREE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`partnership.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LocalizedTextFields
        id="programme-title"
        name="title"
        field="body.title"
        issues={issues}
        value={name}
        onChange={setName}
        legend={t('partnership.programmeForm.name')}
      />
      <Field
        id="programme-level"
        label={t('partnership.levelLabel')}
        messages={messagesFor(issues, 'body.level')}
      >
        {(p) => (
          <select
            {...p}
            name="level"
            value={level}
            onChange={(e) => setLevel(e.target.value as typeof level)}
          >
            {DEGREE_LEVELS.map((k) => (
              <option key={k} value={k}>
                {t(`partnership.level.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="programme-field"
        label={t('partnership.programmeForm.field')}
        messages={messagesFor(issues, 'body.field')}
      >
        {(p) => (
          <input
            {...p}
            name="field"
            required
            inputMode="numeric"
            value={field}
            onChange={(e) => setField(e.target.value)}
          />
        )}
      </Field>
      <Field
        id="programme-languages"
        label={t('partnership.programmeForm.languages')}
        messages={messagesFor(issues, 'body.languages', true)}
      >
        {(p) => (
          <input
            {...p}
            name="languages"
            value={languages}
            onChange={(e) => setLanguages(e.target.value)}
          />
        )}
      </Field>
      <Field
        id="programme-starts"
        label={t('partnership.programmeForm.startsOn')}
        messages={messagesFor(issues, 'body.startsOn')}
      >
        {(p) => (
          <DateInput {...p} name="startsOn" required value={startsOn} onChange={setStartsOn} />
        )}
      </Field>
      <Field
        id="programme-ends"
        label={t('partnership.programmeForm.endsOn')}
        messages={messagesFor(issues, 'body.endsOn')}
      >
        {(p) => <DateInput {...p} name="endsOn" value={endsOn} onChange={setEndsOn} />}
      </Field>
      {rows.map((r, i) => (
        <fieldset key={i}>
          <legend>{t('partnership.programmeForm.partner', { n: i + 1 })}</legend>
          <Field
            id={`programme-partner-${i}`}
            label={t('partnership.institution')}
            messages={[
              ...messagesFor(issues, `body.partners.${i}.institutionId`),
              ...messagesFor(issues, `body.split.${i}.institutionId`),
            ]}
          >
            {(p) => (
              <select
                {...p}
                name={`partner-${i}`}
                required
                value={r.institutionId}
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
            id={`programme-role-${i}`}
            label={t('partnership.roleLabel')}
            messages={messagesFor(issues, `body.partners.${i}.role`)}
          >
            {(p) => (
              <select
                {...p}
                name={`role-${i}`}
                value={r.role}
                onChange={(e) => setRow(i, { role: e.target.value as Row['role'] })}
              >
                {PARTNER_ROLES.map((k) => (
                  <option key={k} value={k}>
                    {t(`partnership.partnerRole.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={`programme-semesters-${i}`}
            label={t('partnership.programmeForm.semesters')}
            messages={messagesFor(issues, `body.split.${i}.semesters`, true)}
          >
            {(p) => (
              <input
                {...p}
                name={`semesters-${i}`}
                value={r.semesters}
                onChange={(e) => setRow(i, { semesters: e.target.value })}
              />
            )}
          </Field>
          <Field
            id={`programme-credits-${i}`}
            label={t('partnership.credits')}
            messages={messagesFor(issues, `body.split.${i}.credits`)}
          >
            {(p) => (
              <input
                {...p}
                name={`credits-${i}`}
                type="number"
                value={r.credits}
                onChange={(e) => setRow(i, { credits: e.target.value })}
              />
            )}
          </Field>
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            setRows((prev) => [
              ...prev,
              { institutionId: '', role: 'partner', semesters: '', credits: '0' },
            ])
          }
        >
          {t('partnership.programmeForm.addPartner')}
        </button>
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {t('partnership.programmeForm.save')}
        </button>
      </div>
    </form>
  );
}
