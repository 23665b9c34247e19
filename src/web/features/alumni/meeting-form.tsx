import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../api/client.ts';
import { DateInput } from '../../components/ui/date-input.tsx';
import { Field } from '../../components/ui/field.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import {
  LocalizedTextFields,
  emptyLocalized,
  type LocalizedDraft,
} from '../../components/ui/localized-text-fields.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { messagesFor } from '../../lib/field-errors.ts';
import { useResource } from '../../lib/use-resource.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDate } from '../../../i18n/format.ts';
import { addMeeting, listGeneralConferences } from './api.ts';
import { useText } from './components.tsx';

const filled = (d: LocalizedDraft) =>
  Object.fromEntries(Object.entries(d).filter(([, v]) => v.trim() !== ''));

/** The association's officers and coordinators record a general conference and its minutes. */
export function MeetingForm({
  associationId,
  onDone,
}: {
  associationId: string;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const action = useAction();
  const [heldOn, setHeldOn] = useState('');
  const [title, setTitle] = useState<LocalizedDraft>(emptyLocalized());
  const [minutes, setMinutes] = useState<LocalizedDraft>(emptyLocalized());
  const [eventId, setEventId] = useState('');
  const text = useText();
  const conferences = useResource('alumni-general-conferences', (signal) =>
    listGeneralConferences(signal),
  );
  const events = conferences.status === 'success' ? conferences.data.items : [];
  const issues = fieldIssues(action.error);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = await action.run((csrf) =>
      addMeeting(
        associationId,
        {
          heldOn,
          number: null,
          title: filled(title),
          minutes: filled(minutes),
          eventId: eventId || null,
        },
        csrf,
      ),
    );
    if (ok) {
      setHeldOn('');
      setTitle(emptyLocalized());
      setMinutes(emptyLocalized());
      setEventId('');
      onDone();
    }
  };
  return (
    <section className="card" aria-labelledby="alumni-meeting-form">
      <h2 id="alumni-meeting-form">{t('alumni.meetingForm.title')}</h2>
      <FormErrors error={action.error} />
      <form className="form" onSubmit={(event) => void onSubmit(event)}>
        <Field
          id="alumni-meeting-held-on"
          label={t('alumni.meetingForm.heldOn')}
          messages={messagesFor(issues, 'body.heldOn')}
        >
          {(control) => (
            <DateInput {...control} name="heldOn" required value={heldOn} onChange={setHeldOn} />
          )}
        </Field>
        <LocalizedTextFields
          id="alumni-meeting-title"
          name="title"
          field="body.title"
          issues={issues}
          value={title}
          onChange={setTitle}
          legend={t('alumni.meetingForm.name')}
        />
        <Field
          id="alumni-meeting-event"
          label={t('alumni.meetingForm.event')}
          messages={messagesFor(issues, 'body.eventId')}
        >
          {(control) => (
            <select
              {...control}
              name="eventId"
              value={eventId}
              onChange={(e) => setEventId(e.target.value)}
            >
              <option value="">{t('alumni.meetingForm.noEvent')}</option>
              {events.map((e) => (
                <option key={e.id} value={e.id}>
                  {text(e.title)} ({formatDate(e.startsOn, currentLanguage(i18n.language))})
                </option>
              ))}
            </select>
          )}
        </Field>
        <p className="muted small">{t('alumni.meetingForm.eventHint')}</p>
        <LocalizedTextFields
          id="alumni-meeting-minutes"
          name="minutes"
          field="body.minutes"
          issues={issues}
          value={minutes}
          onChange={setMinutes}
          legend={t('alumni.minutes')}
          multiline
          rows={4}
        />
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {t('alumni.meetingForm.save')}
        </button>
      </form>
    </section>
  );
}
