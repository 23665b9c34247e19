import { DateInput } from '../../components/ui/date-input.tsx';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fieldIssues } from '../../api/client.ts';
import { Field } from '../../components/ui/field.tsx';
import { FieldError, FormErrors } from '../../components/ui/field-error.tsx';
import { LocalizedTextFields } from '../../components/ui/localized-text-fields.tsx';
import { useLocalName } from '../../components/ui/localized-name.tsx';
import { messagesFor } from '../../lib/field-errors.ts';
import { createCall, updateCall, type CallContent } from './api.ts';
import { contentOf, type Draft, type HostDraft } from './call-form-draft.ts';
import { HostsFieldset, RubricFieldset, type Lists } from './call-form-parts.tsx';
import { useCsrfToken } from '../../components/ui/use-action.ts';

/** The call form: content, sending consortia, hosts, schedule, documents, rubric and status. */
export function CallForm({
  initial,
  editing,
  programs,
  agreements,
  consortia,
  institutions,
}: Lists & { initial: Draft; editing: boolean }) {
  const csrfToken = useCsrfToken();
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
        <Field
          id="call-id"
          label={t('calls.form.id')}
          messages={messagesFor(issues, 'body.id', true)}
        >
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

      <LocalizedTextFields
        id="call-title"
        name="title"
        field="body.title"
        issues={issues}
        legend={t('calls.form.title')}
        value={d.title}
        onChange={(title) => set({ title })}
      />
      <LocalizedTextFields
        id="call-description"
        name="description"
        field="body.description"
        issues={issues}
        legend={t('calls.form.description')}
        value={d.description}
        onChange={(description) => set({ description })}
        multiline
      />

      <div className="field-row">
        <Field
          id="call-program"
          label={t('calls.form.program')}
          messages={messagesFor(issues, 'body.programId', true)}
        >
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
          messages={messagesFor(issues, 'body.agreementId', true)}
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

      <HostsFieldset
        d={d}
        set={set}
        setHost={setHost}
        issues={issues}
        consortia={consortia}
        institutions={institutions}
      />

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
            <Field
              key={key}
              id={`call-${key}`}
              label={label}
              messages={messagesFor(issues, `body.${key}`, true)}
            >
              {(p) => (
                <DateInput
                  {...p}
                  name={key}
                  required={key === 'opens' || key === 'closes'}
                  value={d[key]}
                  onChange={(value) => set({ [key]: value })}
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
            <Field
              key={key}
              id={`call-${key}`}
              label={label}
              messages={messagesFor(issues, `body.${key}`, true)}
            >
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
              messages={messagesFor(issues, `body.documents[${i}].kind`, true)}
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

      <RubricFieldset d={d} set={set} issues={issues} />

      <Field
        id="call-status"
        label={t('calls.status')}
        messages={messagesFor(issues, 'body.status', true)}
      >
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
