import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { fieldIssues } from '../../api/client.ts';
import { listAgreements } from '../../api/agreements.ts';
import { listAllConsortia } from '../../api/consortia.ts';
import { listAllInstitutions } from '../../api/institutions.ts';
import type { Actor } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FieldError, FormErrors, invalidProps } from '../../components/field-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { useLocalName } from '../../components/localized-name.tsx';
import { messagesFor, type FieldIssue } from '../../lib/field-errors.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import {
  createCall,
  getCall,
  listPrograms,
  updateCall,
  type CallContent,
  type CallDetail,
} from './api.ts';
import { DEFAULT_GRADE_SCALES } from '../../../domain/screening/grade-scales.ts';
import './calls.css';

const LANGS = ['en', 'ja', 'ru', 'fr'] as const;
const LEVELS = ['bachelor', 'master', 'doctor', 'non_degree'] as const;
const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
type Lang = (typeof LANGS)[number];

/** Coordinators and rep officers (and platform admins) may open calls (`call:manage`). */
export function mayManageCalls(actor: Actor | null): boolean {
  return (
    !!actor &&
    (actor.platformAdmin ||
      actor.roles.some((r) => r.role === 'coordinator' || r.role === 'rep_officer'))
  );
}

type HostDraft = {
  institutionId: string;
  consortiumId: string;
  places: Record<(typeof LEVELS)[number], string>;
  languages: { language: string; minLevel: string }[];
};
type CriterionDraft = { id: string; label: string; weight: string; source: 'reviewer' | 'grade' };
type Draft = {
  id: string;
  programId: string;
  agreementId: string;
  title: Record<Lang, string>;
  description: Record<Lang, string>;
  sending: string[];
  hosts: HostDraft[];
  opens: string;
  closes: string;
  nominationDeadline: string;
  departureFrom: string;
  departureTo: string;
  stayMonthsMin: string;
  stayMonthsMax: string;
  maxRankedHosts: string;
  documents: { kind: string; required: boolean }[];
  status: CallContent['status'];
  useRubric: boolean;
  rubricId: string;
  scoreMin: string;
  scoreMax: string;
  minReviewers: string;
  passMark: string;
  criteria: CriterionDraft[];
  /** The stored rubric's parts the form does not edit (grade anchors, panel). */
  rubricRest: Record<string, unknown> | null;
};

const emptyNames = (): Record<Lang, string> => ({ en: '', ja: '', ru: '', fr: '' });
const emptyHost = (): HostDraft => ({
  institutionId: '',
  consortiumId: '',
  places: { bachelor: '0', master: '0', doctor: '0', non_degree: '0' },
  languages: [],
});

function emptyDraft(): Draft {
  return {
    id: '',
    programId: '',
    agreementId: '',
    title: emptyNames(),
    description: emptyNames(),
    sending: [],
    hosts: [emptyHost()],
    opens: '',
    closes: '',
    nominationDeadline: '',
    departureFrom: '',
    departureTo: '',
    stayMonthsMin: '',
    stayMonthsMax: '',
    maxRankedHosts: '3',
    documents: [{ kind: 'transcript', required: true }],
    status: 'published',
    useRubric: false,
    rubricId: '',
    scoreMin: '0',
    scoreMax: '10',
    minReviewers: '2',
    passMark: '',
    criteria: [
      { id: 'motivation', label: 'Motivation and study plan', weight: '2', source: 'reviewer' },
      { id: 'grade', label: 'Academic record (normalised grade)', weight: '1', source: 'grade' },
    ],
    rubricRest: null,
  };
}

function draftOf(call: CallDetail): Draft {
  const names = (n: CallDetail['title']) => ({ ...emptyNames(), ...n });
  const stored = call.storedRubric as
    | (Record<string, unknown> & {
        id?: string;
        scoreScale?: { min: number; max: number };
        minReviewers?: number;
        passMark?: number | null;
        criteria?: { id: string; label: string; weight: number; source: 'reviewer' | 'grade' }[];
      })
    | null;
  const base = emptyDraft();
  return {
    ...base,
    id: call.id,
    programId: call.programId ?? '',
    agreementId: call.agreementId ?? '',
    title: names(call.title),
    description: names(call.description),
    sending: call.sendingConsortiumIds,
    hosts: call.hosts.map((h) => ({
      institutionId: h.institutionId,
      consortiumId: h.consortiumId ?? '',
      places: {
        ...base.hosts[0]!.places,
        ...Object.fromEntries(h.places.map((p) => [p.level, String(p.count)])),
      },
      languages: h.languageRequirements.map((l) => ({ ...l })),
    })),
    opens: call.opens,
    closes: call.closes,
    nominationDeadline: call.nominationDeadline ?? '',
    departureFrom: call.departureFrom ?? '',
    departureTo: call.departureTo ?? '',
    stayMonthsMin: call.stayMonthsMin === null ? '' : String(call.stayMonthsMin),
    stayMonthsMax: call.stayMonthsMax === null ? '' : String(call.stayMonthsMax),
    maxRankedHosts: String(call.maxRankedHosts),
    documents: call.documents.map((d) => ({ ...d })),
    status: call.status as CallContent['status'],
    useRubric: stored !== null,
    rubricId: stored?.id ?? '',
    scoreMin: String(stored?.scoreScale?.min ?? 0),
    scoreMax: String(stored?.scoreScale?.max ?? 10),
    minReviewers: String(stored?.minReviewers ?? 2),
    passMark:
      stored?.passMark === null || stored?.passMark === undefined ? '' : String(stored.passMark),
    criteria: stored?.criteria
      ? stored.criteria.map((c) => ({ ...c, weight: String(c.weight) }))
      : base.criteria,
    rubricRest: stored,
  };
}

const num = (s: string) => (s.trim() === '' ? null : Number(s));
const orNull = (s: string) => (s.trim() === '' ? null : s);
const trimmed = (n: Record<Lang, string>) =>
  Object.fromEntries(Object.entries(n).filter(([, v]) => v.trim() !== ''));

function contentOf(d: Draft): CallContent {
  const consortia = [
    ...new Set([...d.sending, ...d.hosts.map((h) => h.consortiumId).filter((c) => c !== '')]),
  ];
  return {
    programId: d.programId,
    agreementId: orNull(d.agreementId),
    title: trimmed(d.title),
    description: trimmed(d.description),
    sendingConsortiumIds: d.sending,
    hosts: d.hosts.map((h) => ({
      institutionId: h.institutionId,
      consortiumId: orNull(h.consortiumId),
      places: LEVELS.map((level) => ({ level, count: num(h.places[level]) ?? 0 })).filter(
        (p) => p.count !== 0,
      ),
      languageRequirements: h.languages as HostContent['languageRequirements'],
    })),
    opens: d.opens,
    closes: d.closes,
    nominationDeadline: orNull(d.nominationDeadline),
    departureFrom: orNull(d.departureFrom),
    departureTo: orNull(d.departureTo),
    stayMonthsMin: num(d.stayMonthsMin),
    stayMonthsMax: num(d.stayMonthsMax),
    maxRankedHosts: num(d.maxRankedHosts) ?? 0,
    documents: d.documents,
    rubric: d.useRubric
      ? {
          gradeScales: [...DEFAULT_GRADE_SCALES],
          panel: [],
          ...(d.rubricRest ?? {}),
          id: d.rubricId,
          agreementId: d.agreementId,
          consortia: consortia.slice(0, 2) as [string, string],
          scoreScale: { min: num(d.scoreMin) ?? 0, max: num(d.scoreMax) ?? 0 },
          minReviewers: num(d.minReviewers) ?? 0,
          passMark: num(d.passMark),
          criteria: d.criteria.map((c) => ({ ...c, weight: num(c.weight) ?? 0 })),
        }
      : null,
    status: d.status,
  };
}

type HostContent = CallContent['hosts'][number];

/** New call (`/calls/new`) and edit (`/calls/:id/edit`). */
export function CallFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const session = useSession();
  const editing = id !== undefined;
  useDocumentTitle(editing ? t('calls.form.editTitle') : t('calls.form.newTitle'));
  const data = useResource(
    session.status === 'signed-in' ? `call-form|${id ?? ''}` : null,
    (signal) =>
      Promise.all([
        listPrograms(signal),
        listAgreements({}, signal),
        listAllConsortia(signal),
        listAllInstitutions({}, signal),
        editing ? getCall(id, signal) : Promise.resolve(null),
      ]),
  );
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous') {
    return (
      <Navigate
        to="/sign-in"
        replace
        state={{ from: editing ? `/calls/${id}/edit` : '/calls/new' }}
      />
    );
  }
  return (
    <>
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/calls">{t('calls.catalogue.title')}</Link>
          </li>
          <li aria-current="page">
            {editing ? t('calls.form.editTitle') : t('calls.form.newTitle')}
          </li>
        </ol>
      </nav>
      <h1>{editing ? t('calls.form.editTitle') : t('calls.form.newTitle')}</h1>
      <p className="muted">{t('calls.form.intro')}</p>
      {data.status === 'loading' ? <Loading /> : null}
      {data.status === 'error' ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      {data.status === 'success' ? (
        <CallForm
          key={id ?? 'new'}
          csrfToken={session.csrfToken}
          initial={data.data[4] ? draftOf(data.data[4]) : emptyDraft()}
          editing={editing}
          programs={data.data[0].items}
          agreements={data.data[1].items}
          consortia={data.data[2]}
          institutions={data.data[3]}
        />
      ) : null}
    </>
  );
}

type Lists = {
  programs: Awaited<ReturnType<typeof listPrograms>>['items'];
  agreements: Awaited<ReturnType<typeof listAgreements>>['items'];
  consortia: Awaited<ReturnType<typeof listAllConsortia>>;
  institutions: Awaited<ReturnType<typeof listAllInstitutions>>;
};

function Field({
  id,
  label,
  issues,
  field,
  children,
}: {
  id: string;
  label: string;
  issues: readonly FieldIssue[];
  field: string;
  children: (props: ReturnType<typeof invalidProps> & { id: string }) => ReactNode;
}) {
  const messages = messagesFor(issues, `body.${field}`, true);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...invalidProps(`${id}-error`, messages) })}
      <FieldError id={`${id}-error`} messages={messages} />
    </div>
  );
}

function CallForm({
  csrfToken,
  initial,
  editing,
  programs,
  agreements,
  consortia,
  institutions,
}: Lists & { csrfToken: string; initial: Draft; editing: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localName = useLocalName();
  const [d, setD] = useState<Draft>(initial);
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const issues = fieldIssues(error);
  const set = (patch: Partial<Draft>) => setD((prev) => ({ ...prev, ...patch }));
  const setHost = (i: number, patch: Partial<HostDraft>) =>
    setD((prev) => ({
      ...prev,
      hosts: prev.hosts.map((h, j) => (j === i ? { ...h, ...patch } : h)),
    }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSubmitting(true);
    try {
      const content = contentOf(d);
      const saved = editing
        ? await updateCall(d.id, content, csrfToken)
        : await createCall(d.id, content, csrfToken);
      void navigate(`/calls/${encodeURIComponent(saved.id)}`);
    } catch (caught) {
      setError(caught);
      setSubmitting(false);
    }
  }

  const agreementLabel = (a: Lists['agreements'][number]) =>
    `${localName(a.partyA)} – ${localName(a.partyB)}`;

  return (
    <form
      className="form card calls-form"
      data-testid="call-form"
      onSubmit={(e) => void onSubmit(e)}
    >
      <FormErrors error={error} />
      {editing ? null : (
        <Field id="call-id" label={t('calls.form.id')} issues={issues} field="id">
          {(p) => (
            <input
              {...p}
              name="id"
              required
              value={d.id}
              placeholder="tohoku-jr-2029"
              onChange={(e) => set({ id: e.target.value })}
            />
          )}
        </Field>
      )}

      <fieldset>
        <legend>{t('calls.form.title')}</legend>
        {LANGS.map((l) => (
          <Field
            key={l}
            id={`call-title-${l}`}
            label={t(`calls.form.lang.${l}`)}
            issues={issues}
            field={`title.${l}`}
          >
            {(p) => (
              <input
                {...p}
                name={`title.${l}`}
                value={d.title[l]}
                onChange={(e) => set({ title: { ...d.title, [l]: e.target.value } })}
              />
            )}
          </Field>
        ))}
        <FieldError id="call-title-error" messages={messagesFor(issues, 'body.title')} />
      </fieldset>

      <fieldset>
        <legend>{t('calls.form.description')}</legend>
        {LANGS.map((l) => (
          <Field
            key={l}
            id={`call-description-${l}`}
            label={t(`calls.form.lang.${l}`)}
            issues={issues}
            field={`description.${l}`}
          >
            {(p) => (
              <textarea
                {...p}
                rows={2}
                value={d.description[l]}
                onChange={(e) => set({ description: { ...d.description, [l]: e.target.value } })}
              />
            )}
          </Field>
        ))}
      </fieldset>

      <div className="field-row">
        <Field id="call-program" label={t('calls.form.program')} issues={issues} field="programId">
          {(p) => (
            <select
              {...p}
              name="programId"
              required
              value={d.programId}
              onChange={(e) => set({ programId: e.target.value })}
            >
              <option value="">{t('calls.form.choose')}</option>
              {programs.map((pr) => (
                <option key={pr.id} value={pr.id}>
                  {localName(pr)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="call-agreement"
          label={t('calls.form.agreement')}
          issues={issues}
          field="agreementId"
        >
          {(p) => (
            <select
              {...p}
              name="agreementId"
              value={d.agreementId}
              onChange={(e) => set({ agreementId: e.target.value })}
            >
              <option value="">{t('calls.form.noAgreement')}</option>
              {agreements.map((a) => (
                <option key={a.id} value={a.id}>
                  {agreementLabel(a)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <fieldset data-testid="sending-consortia">
        <legend>{t('calls.form.sending')}</legend>
        {consortia.map((c) => (
          <label key={c.id} className="calls-check">
            <input
              type="checkbox"
              name="sending"
              value={c.id}
              checked={d.sending.includes(c.id)}
              onChange={(e) =>
                set({
                  sending: e.target.checked
                    ? [...d.sending, c.id]
                    : d.sending.filter((s) => s !== c.id),
                })
              }
            />{' '}
            {localName(c)}
          </label>
        ))}
        <FieldError
          id="call-sending-error"
          messages={messagesFor(issues, 'body.sendingConsortiumIds', true)}
        />
      </fieldset>

      <fieldset>
        <legend>{t('calls.hosts')}</legend>
        <FieldError id="call-hosts-error" messages={messagesFor(issues, 'body.hosts')} />
        {d.hosts.map((h, i) => (
          <fieldset key={i} className="calls-form-host" data-testid={`host-${i}`}>
            <legend>{t('calls.form.hostN', { n: i + 1 })}</legend>
            <div className="field-row">
              <Field
                id={`host-${i}-institution`}
                label={t('calls.host')}
                issues={issues}
                field={`hosts[${i}].institutionId`}
              >
                {(p) => (
                  <select
                    {...p}
                    name={`hosts[${i}].institutionId`}
                    value={h.institutionId}
                    onChange={(e) => setHost(i, { institutionId: e.target.value })}
                  >
                    <option value="">{t('calls.form.choose')}</option>
                    {institutions.map((inst) => (
                      <option key={inst.id} value={inst.id}>
                        {localName(inst)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                id={`host-${i}-consortium`}
                label={t('calls.form.hostConsortium')}
                issues={issues}
                field={`hosts[${i}].consortiumId`}
              >
                {(p) => (
                  <select
                    {...p}
                    name={`hosts[${i}].consortiumId`}
                    value={h.consortiumId}
                    onChange={(e) => setHost(i, { consortiumId: e.target.value })}
                  >
                    <option value="">{t('calls.form.none')}</option>
                    {consortia.map((c) => (
                      <option key={c.id} value={c.id}>
                        {localName(c)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <div className="field-row">
              {LEVELS.map((level) => (
                <Field
                  key={level}
                  id={`host-${i}-places-${level}`}
                  label={t('calls.form.placesFor', { level: t(`calls.params.${level}`) })}
                  issues={issues}
                  field={`hosts[${i}].places`}
                >
                  {(p) => (
                    <input
                      {...p}
                      type="number"
                      min={0}
                      name={`hosts[${i}].places.${level}`}
                      value={h.places[level]}
                      onChange={(e) =>
                        setHost(i, { places: { ...h.places, [level]: e.target.value } })
                      }
                    />
                  )}
                </Field>
              ))}
            </div>
            <p className="muted">{t('calls.form.languagesHint')}</p>
            {h.languages.map((l, k) => (
              <div className="field-row" key={k}>
                <Field
                  id={`host-${i}-lang-${k}`}
                  label={t('calls.form.language')}
                  issues={issues}
                  field={`hosts[${i}].languageRequirements[${k}].language`}
                >
                  {(p) => (
                    <input
                      {...p}
                      name={`hosts[${i}].languages[${k}].language`}
                      value={l.language}
                      placeholder="ru"
                      onChange={(e) =>
                        setHost(i, {
                          languages: h.languages.map((x, j) =>
                            j === k ? { ...x, language: e.target.value.trim() } : x,
                          ),
                        })
                      }
                    />
                  )}
                </Field>
                <Field
                  id={`host-${i}-level-${k}`}
                  label={t('calls.form.minLevel')}
                  issues={issues}
                  field={`hosts[${i}].languageRequirements[${k}].minLevel`}
                >
                  {(p) => (
                    <select
                      {...p}
                      name={`hosts[${i}].languages[${k}].minLevel`}
                      value={l.minLevel}
                      onChange={(e) =>
                        setHost(i, {
                          languages: h.languages.map((x, j) =>
                            j === k ? { ...x, minLevel: e.target.value } : x,
                          ),
                        })
                      }
                    >
                      {CEFR.map((c) => (
                        <option key={c}>{c}</option>
                      ))}
                    </select>
                  )}
                </Field>
                <button
                  type="button"
                  className="button button-link"
                  onClick={() => setHost(i, { languages: h.languages.filter((_, j) => j !== k) })}
                >
                  {t('calls.form.removeLanguage')}
                </button>
              </div>
            ))}
            <div className="form-actions">
              <button
                type="button"
                className="button button-secondary"
                data-testid={`host-${i}-add-language`}
                onClick={() =>
                  setHost(i, { languages: [...h.languages, { language: '', minLevel: 'B1' }] })
                }
              >
                {t('calls.form.addLanguage')}
              </button>
              {d.hosts.length > 1 ? (
                <button
                  type="button"
                  className="button button-link"
                  onClick={() => set({ hosts: d.hosts.filter((_, j) => j !== i) })}
                >
                  {t('calls.form.removeHost')}
                </button>
              ) : null}
            </div>
          </fieldset>
        ))}
        <button
          type="button"
          className="button button-secondary"
          data-testid="add-host"
          onClick={() => set({ hosts: [...d.hosts, emptyHost()] })}
        >
          {t('calls.form.addHost')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('calls.schedule')}</legend>
        <div className="field-row">
          {(
            [
              ['opens', t('calls.opens')],
              ['closes', t('calls.closes')],
              ['nominationDeadline', t('calls.nominationDeadline')],
              ['departureFrom', t('calls.form.departureFrom')],
              ['departureTo', t('calls.form.departureTo')],
            ] as const
          ).map(([key, label]) => (
            <Field key={key} id={`call-${key}`} label={label} issues={issues} field={key}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  name={key}
                  required={key === 'opens' || key === 'closes'}
                  value={d[key]}
                  onChange={(e) => set({ [key]: e.target.value })}
                />
              )}
            </Field>
          ))}
        </div>
        <div className="field-row">
          {(
            [
              ['stayMonthsMin', t('calls.form.stayMin')],
              ['stayMonthsMax', t('calls.form.stayMax')],
              ['maxRankedHosts', t('calls.maxRankedHosts')],
            ] as const
          ).map(([key, label]) => (
            <Field key={key} id={`call-${key}`} label={label} issues={issues} field={key}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={1}
                  name={key}
                  value={d[key]}
                  onChange={(e) => set({ [key]: e.target.value })}
                />
              )}
            </Field>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('calls.documents')}</legend>
        {d.documents.map((doc, i) => (
          <div className="field-row" key={i}>
            <Field
              id={`doc-${i}-kind`}
              label={t('calls.form.documentKind')}
              issues={issues}
              field={`documents[${i}].kind`}
            >
              {(p) => (
                <input
                  {...p}
                  name={`documents[${i}].kind`}
                  list="call-document-kinds"
                  value={doc.kind}
                  onChange={(e) =>
                    set({
                      documents: d.documents.map((x, j) =>
                        j === i ? { ...x, kind: e.target.value.trim() } : x,
                      ),
                    })
                  }
                />
              )}
            </Field>
            <label className="calls-check">
              <input
                type="checkbox"
                checked={doc.required}
                onChange={(e) =>
                  set({
                    documents: d.documents.map((x, j) =>
                      j === i ? { ...x, required: e.target.checked } : x,
                    ),
                  })
                }
              />{' '}
              {t('calls.required')}
            </label>
            <button
              type="button"
              className="button button-link"
              onClick={() => set({ documents: d.documents.filter((_, j) => j !== i) })}
            >
              {t('calls.form.removeDocument')}
            </button>
          </div>
        ))}
        <datalist id="call-document-kinds">
          <option value="transcript" />
          <option value="language_certificate" />
          <option value="motivation_letter" />
        </datalist>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => set({ documents: [...d.documents, { kind: '', required: true }] })}
        >
          {t('calls.form.addDocument')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('calls.form.rubric')}</legend>
        <label className="calls-check">
          <input
            type="checkbox"
            name="useRubric"
            checked={d.useRubric}
            onChange={(e) => set({ useRubric: e.target.checked })}
          />{' '}
          {t('calls.form.useRubric')}
        </label>
        <FieldError id="call-rubric-error" messages={messagesFor(issues, 'body.rubric', true)} />
        {d.useRubric ? (
          <>
            <p className="muted">{t('calls.form.rubricHint')}</p>
            <div className="field-row">
              {(
                [
                  ['rubricId', t('calls.form.rubricId'), 'rubric.id'],
                  ['scoreMin', t('calls.form.scoreMin'), 'rubric.scoreScale.min'],
                  ['scoreMax', t('calls.form.scoreMax'), 'rubric.scoreScale.max'],
                  ['minReviewers', t('calls.form.minReviewers'), 'rubric.minReviewers'],
                  ['passMark', t('calls.form.passMark'), 'rubric.passMark'],
                ] as const
              ).map(([key, label, field]) => (
                <Field key={key} id={`rubric-${key}`} label={label} issues={issues} field={field}>
                  {(p) => (
                    <input
                      {...p}
                      type={key === 'rubricId' ? 'text' : 'number'}
                      step="any"
                      name={`rubric.${key}`}
                      value={d[key]}
                      onChange={(e) => set({ [key]: e.target.value })}
                    />
                  )}
                </Field>
              ))}
            </div>
            {d.criteria.map((c, i) => (
              <div className="field-row" key={i}>
                {(['id', 'label', 'weight'] as const).map((key) => (
                  <Field
                    key={key}
                    id={`criterion-${i}-${key}`}
                    label={t(`calls.form.criterion.${key}`)}
                    issues={issues}
                    field={`rubric.criteria[${i}].${key}`}
                  >
                    {(p) => (
                      <input
                        {...p}
                        type={key === 'weight' ? 'number' : 'text'}
                        step="any"
                        value={c[key]}
                        onChange={(e) =>
                          set({
                            criteria: d.criteria.map((x, j) =>
                              j === i ? { ...x, [key]: e.target.value } : x,
                            ),
                          })
                        }
                      />
                    )}
                  </Field>
                ))}
                <Field
                  id={`criterion-${i}-source`}
                  label={t('calls.form.criterion.source')}
                  issues={issues}
                  field={`rubric.criteria[${i}].source`}
                >
                  {(p) => (
                    <select
                      {...p}
                      value={c.source}
                      onChange={(e) =>
                        set({
                          criteria: d.criteria.map((x, j) =>
                            j === i
                              ? { ...x, source: e.target.value as CriterionDraft['source'] }
                              : x,
                          ),
                        })
                      }
                    >
                      <option value="reviewer">{t('calls.form.criterion.reviewer')}</option>
                      <option value="grade">{t('calls.form.criterion.grade')}</option>
                    </select>
                  )}
                </Field>
                <button
                  type="button"
                  className="button button-link"
                  onClick={() => set({ criteria: d.criteria.filter((_, j) => j !== i) })}
                >
                  {t('calls.form.removeCriterion')}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                set({
                  criteria: [...d.criteria, { id: '', label: '', weight: '1', source: 'reviewer' }],
                })
              }
            >
              {t('calls.form.addCriterion')}
            </button>
          </>
        ) : null}
      </fieldset>

      <Field id="call-status" label={t('calls.status')} issues={issues} field="status">
        {(p) => (
          <select
            {...p}
            name="status"
            value={d.status}
            onChange={(e) => set({ status: e.target.value as CallContent['status'] })}
          >
            <option value="draft">{t('calls.form.statuses.draft')}</option>
            <option value="published">{t('calls.form.statuses.published')}</option>
            <option value="cancelled">{t('calls.form.statuses.cancelled')}</option>
          </select>
        )}
      </Field>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting
            ? t('calls.form.saving')
            : editing
              ? t('calls.form.save')
              : t('calls.form.create')}
        </button>
        <Link
          to={editing ? `/calls/${encodeURIComponent(d.id)}` : '/calls'}
          className="button button-link"
        >
          {t('actions.cancel')}
        </Link>
      </div>
    </form>
  );
}
