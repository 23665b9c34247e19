import { DateInput } from '../../components/ui/date-input.tsx';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type PartyKey } from '../../api/contract.ts';
import {
  PARTY_KEYS,
  directionIndexes,
  type ContentDraft,
  type DirectionDraft,
} from './agreement-draft.ts';
import { messagesFor, type FieldIssue } from '../../lib/field-errors.ts';
import { FieldError, invalidProps } from '../../components/ui/field-error.tsx';
import { DirectionFields } from './direction-fields.tsx';
import { Field } from '../../components/ui/field.tsx';

type Props = {
  draft: ContentDraft;
  onChange: (draft: ContentDraft) => void;
  issues: readonly FieldIssue[];
  /** The parties' names in the reader's language, for "from A to B" headings. */
  partyNames: Record<PartyKey, string>;
};

/**
 * The content of an agreement: title, validity, the clauses R5/R6/R7 and, per direction, levels,
 * ISCED-F fields, languages with CEFR levels and quotas per academic year. Errors of a 400 appear
 * next to their field (the server names them as `content.directions[0].fields[1]`).
 */
export function AgreementContentFields({ draft, onChange, issues, partyNames }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const indexes = directionIndexes(draft);
  const set = (patch: Partial<ContentDraft>) => onChange({ ...draft, ...patch });
  const setDirection = (key: PartyKey, direction: DirectionDraft) =>
    onChange({ ...draft, directions: { ...draft.directions, [key]: direction } });

  const text = (field: 'title' | 'validFrom' | 'validTo', label: string, type: 'text' | 'date') => {
    const messages = messagesFor(issues, `content.${field}`);
    const errorId = `${id}-${field}-error`;
    return (
      <div className="field">
        <label htmlFor={`${id}-${field}`}>{label}</label>
        {type === 'date' ? (
          <DateInput
            id={`${id}-${field}`}
            name={field}
            required
            value={draft[field]}
            onChange={(value) => set({ [field]: value })}
            {...invalidProps(errorId, messages)}
          />
        ) : (
          <input
            id={`${id}-${field}`}
            name={field}
            required
            value={draft[field]}
            onChange={(event) => set({ [field]: event.target.value })}
            {...invalidProps(errorId, messages)}
          />
        )}
        <FieldError id={errorId} messages={messages} />
      </div>
    );
  };

  const clause = (
    field: 'tuitionWaiver' | 'commonScreening' | 'commonRecognition',
    label: string,
    help: string,
  ) => (
    <div className="check-field">
      <label className="check">
        <input
          type="checkbox"
          name={`clauses.${field}`}
          checked={draft[field]}
          aria-describedby={`${id}-${field}-help`}
          onChange={(event) => set({ [field]: event.target.checked })}
        />
        {label}
      </label>
      <p id={`${id}-${field}-help`} className="help">
        {help}
      </p>
    </div>
  );

  const toleranceMessages = messagesFor(issues, 'content.balanceTolerance', true);
  const otherMessages = messagesFor(issues, 'content.clauses.other');
  const directionsMessages = messagesFor(issues, 'content.directions');

  return (
    <>
      {text('title', t('agreementForm.title'), 'text')}
      <div className="field-row">
        {text('validFrom', t('agreementForm.validFrom'), 'date')}
        {text('validTo', t('agreementForm.validTo'), 'date')}
      </div>

      <fieldset className="fieldset">
        <legend>{t('agreementForm.clauses')}</legend>
        {clause('tuitionWaiver', t('clauses.tuitionWaiver'), t('clauses.tuitionWaiverHelp'))}
        {clause('commonScreening', t('clauses.commonScreening'), t('clauses.commonScreeningHelp'))}
        {clause(
          'commonRecognition',
          t('clauses.commonRecognition'),
          t('clauses.commonRecognitionHelp'),
        )}
        <div className="field">
          <label htmlFor={`${id}-other`}>{t('clauses.other')}</label>
          <textarea
            id={`${id}-other`}
            name="clauses.other"
            rows={3}
            value={draft.other}
            onChange={(event) => set({ other: event.target.value })}
            {...invalidProps(`${id}-other-error`, otherMessages)}
          />
          <FieldError id={`${id}-other-error`} messages={otherMessages} />
        </div>
      </fieldset>

      <FieldError id={`${id}-directions-error`} messages={directionsMessages} />
      {PARTY_KEYS.map((key) => (
        <DirectionFields
          key={key}
          partyKey={key}
          direction={draft.directions[key]}
          onChange={(direction) => setDirection(key, direction)}
          from={partyNames[key]}
          to={partyNames[key === 'A' ? 'B' : 'A']}
          prefix={indexes[key] === null ? null : `content.directions[${indexes[key]}]`}
          issues={issues}
          defaultYear={draft.validFrom.slice(0, 4)}
        />
      ))}

      <fieldset className="fieldset">
        <legend>{t('agreementForm.tolerance')}</legend>
        <p className="help">{t('agreementForm.toleranceHelp')}</p>
        <div className="field-row">
          <Field id={`${id}-tol-students`} label={t('ledger.students')}>
            {(control) => (
              <input
                {...control}
                name="balanceTolerance.students"
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                value={draft.toleranceStudents}
                onChange={(event) => set({ toleranceStudents: event.target.value })}
                {...invalidProps(`${id}-tol-error`, toleranceMessages)}
              />
            )}
          </Field>
          <Field id={`${id}-tol-months`} label={t('ledger.months')}>
            {(control) => (
              <input
                {...control}
                name="balanceTolerance.months"
                type="number"
                min={0}
                step="any"
                inputMode="decimal"
                value={draft.toleranceMonths}
                onChange={(event) => set({ toleranceMonths: event.target.value })}
                {...invalidProps(`${id}-tol-error`, toleranceMessages)}
              />
            )}
          </Field>
        </div>
        <FieldError id={`${id}-tol-error`} messages={toleranceMessages} />
      </fieldset>
    </>
  );
}
