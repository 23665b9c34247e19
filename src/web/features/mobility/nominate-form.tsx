/**
 * A home coordinator nominates one of their students directly for a bilateral place: the student
 * and the host are picked by name; the server checks the agreement (R2), the stay (R12) and the
 * student record (R9, R3) and says why not.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldIssues } from '../../api/client.ts';
import { DateInput } from '../../components/ui/date-input.tsx';
import { Field } from '../../components/ui/field.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { messagesFor } from '../../lib/field-errors.ts';
import { useResource } from '../../lib/use-resource.ts';
import { nameIn } from '../../../i18n/format.ts';
import { getNominationOptions, nominateStudent, type NominationOptions } from './api.ts';

export function NominateSection() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section className="card" aria-labelledby="nominate-title">
      <h2 id="nominate-title">{t('mobility.nominate.title')}</h2>
      <p className="muted">{t('mobility.nominate.intro')}</p>
      {open ? (
        <NominateLoader onCancel={() => setOpen(false)} />
      ) : (
        <button
          type="button"
          className="button button-secondary"
          data-testid="open-nominate"
          onClick={() => setOpen(true)}
        >
          {t('mobility.nominate.open')}
        </button>
      )}
    </section>
  );
}

function NominateLoader({ onCancel }: { onCancel: () => void }) {
  const options = useResource('nomination-options', (signal) => getNominationOptions(signal));
  return (
    <ResourceView resource={options}>
      {(data) => <NominateForm options={data} onCancel={onCancel} />}
    </ResourceView>
  );
}

function NominateForm({ options, onCancel }: { options: NominationOptions; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const action = useAction();
  const issues = fieldIssues(action.error);
  const [studentUserId, setStudent] = useState('');
  const [hostId, setHost] = useState('');
  const [startDate, setStart] = useState('');
  const [months, setMonths] = useState('6');
  const student = options.students.find((s) => s.userId === studentUserId);
  const hosts = options.hosts.filter((h) => h.id !== student?.homeId);
  const byName = <T extends { name: Parameters<typeof nameIn>[0] }>(items: readonly T[]) =>
    [...items].sort((a, b) =>
      nameIn(a.name, i18n.language).localeCompare(nameIn(b.name, i18n.language)),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = { id: '' };
    const ok = await action.run(async (csrf) => {
      const body = { studentUserId, hostId, startDate, months: Number(months) };
      created.id = (await nominateStudent(body, csrf)).id;
    });
    if (ok && created.id) void navigate(`/mobilities/${created.id}`);
  };

  if (options.students.length === 0) return <p>{t('mobility.nominate.noStudents')}</p>;
  return (
    <form className="form" onSubmit={submit} data-testid="nominate-form">
      <FormErrors error={action.error} />
      <Field
        id={`${id}-student`}
        label={t('mobility.student')}
        messages={messagesFor(issues, 'body.studentUserId')}
      >
        {(control) => (
          <select
            {...control}
            name="student"
            required
            value={studentUserId}
            onChange={(e) => setStudent(e.target.value)}
          >
            <option value="">{t('mobility.nominate.pickStudent')}</option>
            {byName(options.students).map((s) => (
              <option key={s.userId} value={s.userId}>
                {nameIn(s.name, i18n.language)} — {t(`studyLevel.${s.level}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${id}-host`}
        label={t('mobility.nominate.host')}
        messages={messagesFor(issues, 'body.hostId')}
      >
        {(control) => (
          <select
            {...control}
            name="host"
            required
            value={hostId}
            onChange={(e) => setHost(e.target.value)}
          >
            <option value="">{t('mobility.nominate.pickHost')}</option>
            {byName(hosts).map((h) => (
              <option key={h.id} value={h.id}>
                {nameIn(h.name, i18n.language)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-row">
        <Field
          id={`${id}-start`}
          label={t('mobility.start')}
          messages={messagesFor(issues, 'body.startDate')}
        >
          {(control) => (
            <DateInput
              {...control}
              name="startDate"
              required
              value={startDate}
              onChange={setStart}
            />
          )}
        </Field>
        <Field
          id={`${id}-months`}
          label={t('mobility.months')}
          messages={messagesFor(issues, 'body.months')}
        >
          {(control) => (
            <input
              {...control}
              name="months"
              type="number"
              min="0.5"
              max="24"
              step="0.5"
              required
              value={months}
              onChange={(e) => setMonths(e.target.value)}
            />
          )}
        </Field>
      </div>
      {student ? (
        <p className="muted">
          {t('mobility.nominate.levelFromRecord', { level: t(`studyLevel.${student.level}`) })}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {t('mobility.nominate.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
