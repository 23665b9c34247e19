import { useTranslation } from 'react-i18next';
import { Field } from '../../components/ui/field.tsx';
import { LocalizedTextFields } from '../../components/ui/localized-text-fields.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDate } from '../../../i18n/format.ts';
import { messagesFor, type FieldIssue } from '../../lib/field-errors.ts';
import { CONTRIBUTION_KINDS, type ContributionKind } from './api.ts';
import { emptyContribution, type ContributionDraft, type SessionDraft } from './event-draft.ts';

/**
 * One session of the programme: its day (one of the event's), start and end in the event's zone,
 * room, title in every language side by side, online link, and its contributions. The server's
 * messages show on the field they name (`body.sessions[i].endTime`, `…room`).
 */
export function SessionFields({
  index,
  session,
  days,
  timeZone,
  issues,
  onChange,
  onRemove,
}: {
  index: number;
  session: SessionDraft;
  days: string[];
  timeZone: string;
  issues: readonly FieldIssue[];
  onChange: (session: SessionDraft) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const id = `session-${index}`;
  const field = `body.sessions[${index}]`;
  const set = (patch: Partial<SessionDraft>) => onChange({ ...session, ...patch });
  const setContribution = (i: number, c: ContributionDraft | null) =>
    set({
      contributions:
        c === null
          ? session.contributions.filter((_, j) => j !== i)
          : session.contributions.map((old, j) => (j === i ? c : old)),
    });
  const dayOptions = days.includes(session.day) || !session.day ? days : [session.day, ...days];
  return (
    <fieldset className="events-session" data-testid="session-fields">
      <legend>{t('events.form.sessionN', { number: index + 1 })}</legend>
      <div className="field-row">
        <Field
          id={`${id}-day`}
          label={t('events.form.day')}
          messages={messagesFor(issues, `${field}.day`)}
        >
          {(p) => (
            <select
              {...p}
              name={`sessions.${index}.day`}
              value={session.day}
              onChange={(e) => set({ day: e.target.value })}
            >
              {dayOptions.map((d) => (
                <option key={d} value={d}>
                  {formatDate(d, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${id}-start`}
          label={t('events.form.startTime', { zone: timeZone })}
          messages={messagesFor(issues, `${field}.startTime`)}
        >
          {(p) => (
            <input
              {...p}
              type="time"
              name={`sessions.${index}.startTime`}
              required
              value={session.startTime}
              onChange={(e) => set({ startTime: e.target.value })}
            />
          )}
        </Field>
        <Field
          id={`${id}-end`}
          label={t('events.form.endTime', { zone: timeZone })}
          messages={messagesFor(issues, `${field}.endTime`)}
        >
          {(p) => (
            <input
              {...p}
              type="time"
              name={`sessions.${index}.endTime`}
              required
              value={session.endTime}
              onChange={(e) => set({ endTime: e.target.value })}
            />
          )}
        </Field>
        <Field
          id={`${id}-room`}
          label={t('events.form.room')}
          messages={messagesFor(issues, `${field}.room`)}
        >
          {(p) => (
            <input
              {...p}
              name={`sessions.${index}.room`}
              value={session.room}
              onChange={(e) => set({ room: e.target.value })}
            />
          )}
        </Field>
      </div>
      <LocalizedTextFields
        id={`${id}-title`}
        name={`sessions.${index}.title`}
        field={`${field}.title`}
        issues={issues}
        legend={t('events.form.sessionTitle')}
        value={session.title}
        onChange={(title) => set({ title })}
        row
      />
      <Field
        id={`${id}-online`}
        label={t('events.form.onlineUrl')}
        messages={messagesFor(issues, `${field}.onlineUrl`)}
      >
        {(p) => (
          <input
            {...p}
            type="url"
            name={`sessions.${index}.onlineUrl`}
            value={session.onlineUrl}
            placeholder="https://"
            onChange={(e) => set({ onlineUrl: e.target.value })}
          />
        )}
      </Field>
      {session.contributions.map((c, i) => (
        <ContributionFields
          key={i}
          id={`${id}-c${i}`}
          field={`${field}.contributions[${i}]`}
          number={i + 1}
          contribution={c}
          issues={issues}
          onChange={(next) => setContribution(i, next)}
        />
      ))}
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => set({ contributions: [...session.contributions, emptyContribution()] })}
        >
          {t('events.form.addContribution')}
        </button>
        <button type="button" className="button button-secondary" onClick={onRemove}>
          {t('events.form.removeSession', { number: index + 1 })}
        </button>
      </div>
    </fieldset>
  );
}

function ContributionFields({
  id,
  field,
  number,
  contribution: c,
  issues,
  onChange,
}: {
  id: string;
  field: string;
  number: number;
  contribution: ContributionDraft;
  issues: readonly FieldIssue[];
  onChange: (c: ContributionDraft | null) => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<ContributionDraft>) => onChange({ ...c, ...patch });
  return (
    <fieldset className="fieldset-inner">
      <legend>{t('events.form.contributionN', { number })}</legend>
      <div className="field-row">
        <Field
          id={`${id}-kind`}
          label={t('events.form.contributionKind')}
          messages={messagesFor(issues, `${field}.kind`)}
        >
          {(p) => (
            <select
              {...p}
              value={c.kind}
              onChange={(e) => set({ kind: e.target.value as ContributionKind })}
            >
              {CONTRIBUTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`events.contributionKind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${id}-speaker`}
          label={t('events.form.speaker')}
          messages={messagesFor(issues, `${field}.speakers`, true)}
        >
          {(p) => (
            <input {...p} value={c.speaker} onChange={(e) => set({ speaker: e.target.value })} />
          )}
        </Field>
      </div>
      <LocalizedTextFields
        id={`${id}-title`}
        name={`${id}.title`}
        field={`${field}.title`}
        issues={issues}
        label={(languageName) => t('events.form.contributionTitleIn', { language: languageName })}
        value={c.title}
        onChange={(title) => set({ title })}
        row
      />
      <div className="field-row">
        <Field
          id={`${id}-material`}
          label={t('events.form.materialUrl')}
          messages={messagesFor(issues, `${field}.materialUrl`)}
        >
          {(p) => (
            <input
              {...p}
              type="url"
              value={c.materialUrl}
              placeholder="https://"
              onChange={(e) => set({ materialUrl: e.target.value })}
            />
          )}
        </Field>
        <Field
          id={`${id}-video`}
          label={t('events.form.videoUrl')}
          messages={messagesFor(issues, `${field}.videoUrl`)}
        >
          {(p) => (
            <input
              {...p}
              type="url"
              value={c.videoUrl}
              placeholder="https://"
              onChange={(e) => set({ videoUrl: e.target.value })}
            />
          )}
        </Field>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={c.recordingConsent}
          onChange={(e) => set({ recordingConsent: e.target.checked })}
        />{' '}
        {t('events.form.recordingConsent')}
      </label>
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={() => onChange(null)}>
          {t('events.form.removeContribution', { number })}
        </button>
      </div>
    </fieldset>
  );
}
