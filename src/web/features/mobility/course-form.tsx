/** The form that adds a course to an institution's catalogue, credits in its own system. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../api/client.ts';
import { STUDY_LEVELS, type StudyLevel } from '../../api/types.ts';
import { Field } from '../../components/ui/field.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { LanguageSelect } from '../../components/ui/language-select.tsx';
import {
  LocalizedTextFields,
  TEXT_LANGUAGES,
  emptyLocalized,
} from '../../components/ui/localized-text-fields.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { messagesFor } from '../../lib/field-errors.ts';
import { createCourse, type Catalogue } from './api.ts';

const emptyForm = () => ({
  code: '',
  title: emptyLocalized(),
  level: 'bachelor' as StudyLevel,
  credits: '2',
  term: '',
  language: '',
  online: false,
});

export function CourseForm({ catalogue, onDone }: { catalogue: Catalogue; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const action = useAction();
  const [form, setForm] = useState(emptyForm);
  const issues = fieldIssues(action.error);
  const set = (patch: Partial<ReturnType<typeof emptyForm>>) =>
    setForm((f) => ({ ...f, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const title = Object.fromEntries(
      TEXT_LANGUAGES.filter((l) => form.title[l].trim()).map((l) => [l, form.title[l].trim()]),
    );
    const saved = await action.run((csrf) =>
      createCourse(
        catalogue.institution.id,
        {
          code: form.code.trim(),
          title,
          level: form.level,
          credits: Number(form.credits),
          ...(form.term.trim() ? { term: form.term.trim() } : {}),
          ...(form.language ? { language: form.language } : {}),
          online: form.online,
        },
        csrf,
      ),
    );
    if (saved) {
      setForm(emptyForm());
      onDone();
    }
  };

  return (
    <form className="form" onSubmit={submit} data-testid="course-form">
      <h2>{t('mobility.catalogue.add')}</h2>
      <FormErrors error={action.error} />
      <div className="field-row">
        <Field
          id={`${id}-code`}
          label={t('mobility.catalogue.code')}
          messages={messagesFor(issues, 'body.code')}
        >
          {(control) => (
            <input
              {...control}
              name="code"
              required
              value={form.code}
              onChange={(e) => set({ code: e.target.value })}
            />
          )}
        </Field>
        <Field id={`${id}-level`} label={t('mobility.level')}>
          {(control) => (
            <select
              {...control}
              name="level"
              value={form.level}
              onChange={(e) => set({ level: e.target.value as StudyLevel })}
            >
              {STUDY_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`studyLevel.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${id}-credits`}
          label={`${t('mobility.catalogue.credits')} (${t(`mobility.creditSystem.${catalogue.creditSystem}`)})`}
          messages={messagesFor(issues, 'body.credits')}
        >
          {(control) => (
            <input
              {...control}
              name="credits"
              type="number"
              min="0.5"
              step="0.5"
              required
              value={form.credits}
              onChange={(e) => set({ credits: e.target.value })}
            />
          )}
        </Field>
      </div>
      <LocalizedTextFields
        id={`${id}-title`}
        name="title"
        field="body.title"
        issues={issues}
        label={(language) => t('mobility.catalogue.titleIn', { language })}
        value={form.title}
        onChange={(title) => set({ title })}
        row
      />
      <div className="field-row">
        <Field
          id={`${id}-term`}
          label={t('mobility.catalogue.term')}
          messages={messagesFor(issues, 'body.term')}
        >
          {(control) => (
            <input
              {...control}
              name="term"
              value={form.term}
              onChange={(e) => set({ term: e.target.value })}
            />
          )}
        </Field>
        <Field
          id={`${id}-language`}
          label={t('mobility.catalogue.language')}
          messages={messagesFor(issues, 'body.language')}
        >
          {(control) => (
            <LanguageSelect
              {...control}
              name="language"
              value={form.language}
              onChange={(language) => set({ language })}
            />
          )}
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={form.online}
            onChange={(e) => set({ online: e.target.checked })}
          />{' '}
          {t('mobility.catalogue.online')}
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {t('mobility.catalogue.save')}
        </button>
      </div>
    </form>
  );
}
