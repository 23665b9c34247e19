import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../api/client.ts';
import { Field } from '../../components/ui/field.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { messagesFor } from '../../lib/field-errors.ts';
import { updateMyRegistration, type EventDetail, type Registration } from './api.ts';
import { LocalText } from './local-text.tsx';

/** The organisers' follow-up questions, answered once the registration is approved. */
export function FollowUpForm({
  questions,
  registration,
}: {
  questions: EventDetail['followUp'];
  registration: Registration;
}) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, string>>(registration.answers);
  const [saved, setSaved] = useState(false);
  const save = useAction();
  const issues = fieldIssues(save.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (await save.run((csrf) => updateMyRegistration(registration.id, { answers }, csrf))) {
      setSaved(true);
    }
  }

  return (
    <form className="form" data-testid="follow-up" onSubmit={(e) => void onSubmit(e)}>
      <h3>{t('events.followUp.title')}</h3>
      <FormErrors error={save.error} />
      {questions.map((q) => (
        <Field
          key={q.id}
          id={`follow-up-${q.id}`}
          label={<LocalText text={q.label} />}
          messages={messagesFor(issues, `body.answers.${q.id}`)}
        >
          {(p) => (
            <textarea
              {...p}
              rows={2}
              name={`answers.${q.id}`}
              value={answers[q.id] ?? ''}
              onChange={(e) => setAnswers({ ...answers, [q.id]: e.target.value })}
            />
          )}
        </Field>
      ))}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.busy}>
          {t('events.followUp.save')}
        </button>
      </div>
      <div role="status">{saved ? <p>{t('events.followUp.saved')}</p> : null}</div>
    </form>
  );
}
