import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DateInput } from '../../components/ui/date-input.tsx';
import { Field } from '../../components/ui/field.tsx';
import { FieldError, FormErrors } from '../../components/ui/field-error.tsx';
import { LocalizedTextFields, emptyLocalized } from '../../components/ui/localized-text-fields.tsx';
import { useCsrfToken } from '../../components/ui/use-action.ts';
import { messagesFor } from '../../lib/field-errors.ts';
import {
  EVENT_KINDS,
  EVENT_MODES,
  type EventKind,
  type EventMode,
  type Localized,
  type Party,
} from './api.ts';
import { emptySession, eventDays, nextQuestionId, type Draft } from './event-draft.ts';
import { CountrySelect, PartiesSelect } from './form-controls.tsx';
import { useText } from './local-text.tsx';
import { saveEvent, stepIssues, StepFailure } from './save-event.ts';
import { SessionFields } from './session-fields.tsx';

/**
 * The event form for its organisers: details, the days, the sessions and their contributions,
 * every text in the four languages side by side. The server's messages show on their fields.
 */
export function EventForm({
  eventId,
  initial,
  parties,
  series,
}: {
  eventId: string | null;
  initial: Draft;
  parties: Party[];
  series: { id: string; title: Localized }[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const text = useText();
  const csrf = useCsrfToken();
  const [d, setD] = useState<Draft>(initial);
  const [savedId, setSavedId] = useState(eventId);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<StepFailure | null>(null);
  // What the server holds, as far as this form knows: removed items are deleted against it.
  const [baseline, setBaseline] = useState(initial);
  const issues = stepIssues(failure);
  const set = (patch: Partial<Draft>) => setD((prev) => ({ ...prev, ...patch }));
  const days = eventDays(d.startsOn, d.endsOn);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const id = await saveEvent(savedId, baseline, d, csrf);
      void navigate(`/events/${encodeURIComponent(id)}`);
    } catch (caught) {
      if (!(caught instanceof StepFailure)) throw caught;
      // What was saved before the failing step keeps its id and is not sent again.
      setSavedId(caught.eventId);
      setD(caught.draft);
      setBaseline(caught.draft);
      setFailure(caught);
      setBusy(false);
    }
  }

  const input = (key: keyof Draft & ('city' | 'timeZone' | 'capacity'), label: string) => (
    <Field id={`event-${key}`} label={label} messages={messagesFor(issues, `body.${key}`)}>
      {(p) => (
        <input
          {...p}
          name={key}
          type={key === 'capacity' ? 'number' : 'text'}
          min={key === 'capacity' ? 1 : undefined}
          required={key === 'timeZone'}
          value={d[key]}
          onChange={(e) => set({ [key]: e.target.value })}
        />
      )}
    </Field>
  );

  return (
    <form className="form card" data-testid="event-form" onSubmit={(e) => void onSubmit(e)}>
      <FormErrors error={failure?.cause ?? null} />
      <div className="field-row">
        <Field
          id="event-kind"
          label={t('events.kindLabel')}
          messages={messagesFor(issues, 'body.kind')}
        >
          {(p) => (
            <select
              {...p}
              name="kind"
              value={d.kind}
              onChange={(e) => set({ kind: e.target.value as EventKind })}
            >
              {EVENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`events.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="event-mode"
          label={t('events.modeLabel')}
          messages={messagesFor(issues, 'body.mode')}
        >
          {(p) => (
            <select
              {...p}
              name="mode"
              value={d.mode}
              onChange={(e) => set({ mode: e.target.value as EventMode })}
            >
              {EVENT_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`events.mode.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <LocalizedTextFields
        id="event-title"
        name="title"
        field="body.title"
        issues={issues}
        legend={t('events.form.title')}
        value={d.title}
        onChange={(title) => set({ title })}
        row
      />
      <LocalizedTextFields
        id="event-description"
        name="description"
        field="body.description"
        issues={issues}
        legend={t('events.form.description')}
        value={d.description}
        onChange={(description) => set({ description })}
        multiline
        row
      />
      <div className="field-row">
        <Field
          id="event-series"
          label={t('events.series')}
          messages={messagesFor(issues, 'body.seriesId')}
        >
          {(p) => (
            <select
              {...p}
              name="seriesId"
              value={d.seriesId ?? ''}
              onChange={(e) => set({ seriesId: e.target.value || null })}
            >
              <option value="">{t('events.form.noSeries')}</option>
              {series.map((x) => (
                <option key={x.id} value={x.id}>
                  {text(x.title)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <p>
          <Link to="/events/series/new" data-testid="new-series">
            {t('events.seriesForm.link')}
          </Link>
        </p>
      </div>
      <fieldset>
        <legend>{t('events.form.when')}</legend>
        <div className="field-row">
          {(['startsOn', 'endsOn'] as const).map((key) => (
            <Field
              key={key}
              id={`event-${key}`}
              label={t(`events.form.${key}`)}
              messages={messagesFor(issues, `body.${key}`)}
            >
              {(p) => (
                <DateInput
                  {...p}
                  name={key}
                  required
                  value={d[key]}
                  onChange={(value) => set({ [key]: value })}
                />
              )}
            </Field>
          ))}
          {input('timeZone', t('events.form.timeZone'))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('events.form.where')}</legend>
        <div className="field-row">
          {input('city', t('events.form.city'))}
          <CountrySelect
            id="event-country"
            name="country"
            label={t('events.form.country')}
            value={d.kept.country ?? ''}
            onChange={(country) => set({ kept: { ...d.kept, country: country || null } })}
            messages={messagesFor(issues, 'body.country')}
            emptyLabel={t('events.form.noCountry')}
          />
        </div>
        <LocalizedTextFields
          id="event-venue"
          name="venue"
          field="body.venue"
          issues={issues}
          label={(language) => t('events.form.venueIn', { language })}
          value={d.venue}
          onChange={(venue) => set({ venue })}
          row
        />
      </fieldset>
      <fieldset>
        <legend>{t('events.form.registration')}</legend>
        <div className="field-row">{input('capacity', t('events.form.capacity'))}</div>
        <label className="check">
          <input
            type="checkbox"
            name="approvalRequired"
            checked={d.approvalRequired}
            onChange={(e) => set({ approvalRequired: e.target.checked })}
          />{' '}
          {t('events.form.approvalRequired')}
        </label>
      </fieldset>
      <PartiesSelect
        id="event-organisers"
        name="organisers"
        label={t('events.organisers')}
        parties={parties}
        value={d.organisers}
        onChange={(organisers) => set({ organisers })}
        messages={messagesFor(issues, 'body.organisers', true)}
        required
      />
      <PartiesSelect
        id="event-hosts"
        name="hosts"
        label={t('events.form.hosts')}
        parties={parties}
        value={d.hosts}
        onChange={(hosts) => set({ hosts })}
        messages={messagesFor(issues, 'body.hosts', true)}
      />
      <p className="muted small">{t('events.form.partiesHelp')}</p>
      <fieldset data-testid="follow-up-questions">
        <legend>{t('events.form.followUp')}</legend>
        <p className="muted">{t('events.form.followUpHelp')}</p>
        {d.followUp.map((q, i) => (
          <div key={q.id} className="card">
            <LocalizedTextFields
              id={`event-question-${q.id}`}
              name={`followUp.${q.id}`}
              field={`body.followUp[${i}].label`}
              issues={issues}
              legend={t('events.form.questionN', { number: i + 1 })}
              value={q.label}
              onChange={(label) =>
                set({ followUp: d.followUp.map((o, j) => (j === i ? { ...o, label } : o)) })
              }
              row
            />
            <button
              type="button"
              className="button button-secondary"
              onClick={() => set({ followUp: d.followUp.filter((_, j) => j !== i) })}
            >
              {t('events.form.removeQuestion', { number: i + 1 })}
            </button>
          </div>
        ))}
        <FieldError id="event-follow-up-error" messages={messagesFor(issues, 'body.followUp')} />
        <button
          type="button"
          className="button button-secondary"
          data-testid="add-question"
          onClick={() =>
            set({
              followUp: [
                ...d.followUp,
                { id: nextQuestionId(d.followUp), label: emptyLocalized() },
              ],
            })
          }
        >
          {t('events.form.addQuestion')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('events.programme.title')}</legend>
        <p className="muted">{t('events.form.programmeHelp', { zone: d.timeZone })}</p>
        {d.sessions.map((s, i) => (
          <SessionFields
            key={i}
            index={i}
            session={s}
            days={days}
            timeZone={d.timeZone}
            issues={issues}
            onChange={(next) => set({ sessions: d.sessions.map((o, j) => (j === i ? next : o)) })}
            onRemove={() => set({ sessions: d.sessions.filter((_, j) => j !== i) })}
          />
        ))}
        <FieldError id="event-sessions-error" messages={messagesFor(issues, 'body.sessions')} />
        <button
          type="button"
          className="button button-secondary"
          data-testid="add-session"
          disabled={days.length === 0}
          onClick={() => set({ sessions: [...d.sessions, emptySession(days[0] ?? '')] })}
        >
          {t('events.form.addSession')}
        </button>
      </fieldset>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy}
          data-testid="save-event"
        >
          {savedId ? t('events.form.save') : t('events.form.create')}
        </button>
      </div>
    </form>
  );
}
