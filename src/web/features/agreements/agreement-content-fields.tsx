import { LanguageSelect } from '../../components/ui/language-select.tsx';
import { DateInput } from '../../components/ui/date-input.tsx';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CEFR_LEVELS, STUDY_LEVELS, type CefrLevel, type PartyKey } from '../../api/contract.ts';
import {
  PARTY_KEYS,
  directionIndexes,
  rowKey,
  type ContentDraft,
  type DirectionDraft,
} from './agreement-draft.ts';
import { messagesFor, type FieldIssue } from '../../lib/field-errors.ts';
import { useLabels } from '../../lib/labels.ts';
import { FieldError, invalidProps } from '../../components/ui/field-error.tsx';

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
          <div className="field">
            <label htmlFor={`${id}-tol-students`}>{t('ledger.students')}</label>
            <input
              id={`${id}-tol-students`}
              name="balanceTolerance.students"
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={draft.toleranceStudents}
              onChange={(event) => set({ toleranceStudents: event.target.value })}
              {...invalidProps(`${id}-tol-error`, toleranceMessages)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-tol-months`}>{t('ledger.months')}</label>
            <input
              id={`${id}-tol-months`}
              name="balanceTolerance.months"
              type="number"
              min={0}
              step="any"
              inputMode="decimal"
              value={draft.toleranceMonths}
              onChange={(event) => set({ toleranceMonths: event.target.value })}
              {...invalidProps(`${id}-tol-error`, toleranceMessages)}
            />
          </div>
        </div>
        <FieldError id={`${id}-tol-error`} messages={toleranceMessages} />
      </fieldset>
    </>
  );
}

type DirectionProps = {
  partyKey: PartyKey;
  direction: DirectionDraft;
  onChange: (direction: DirectionDraft) => void;
  from: string;
  to: string;
  /** `content.directions[i]` when the direction is submitted, for matching errors. */
  prefix: string | null;
  issues: readonly FieldIssue[];
  defaultYear: string;
};

function DirectionFields({
  partyKey,
  direction,
  onChange,
  from,
  to,
  prefix,
  issues,
  defaultYear,
}: DirectionProps) {
  const { t } = useTranslation();
  const { levelLabel } = useLabels();
  const id = useId();
  const name = `directions.${partyKey}`;
  const set = (patch: Partial<DirectionDraft>) => onChange({ ...direction, ...patch });
  const messages = (field: string, nested = false) =>
    prefix === null ? [] : messagesFor(issues, `${prefix}${field}`, nested);
  const ownMessages = prefix === null ? [] : messagesFor(issues, prefix);
  const levelMessages = messages('.levels', true);
  const fieldMessages = messages('.fields', true);
  const languageMessages = messages('.languages');
  const quotaMessages = messages('.quotas');
  const legend = t('agreementForm.direction', { from, to });

  return (
    <fieldset className="fieldset direction-fieldset" data-direction={partyKey}>
      <legend>{legend}</legend>
      <label className="check">
        <input
          type="checkbox"
          name={`${name}.enabled`}
          checked={direction.enabled}
          onChange={(event) => set({ enabled: event.target.checked })}
        />
        {t('agreementForm.includeDirection')}
      </label>
      <FieldError id={`${id}-own-error`} messages={ownMessages} />
      {direction.enabled ? (
        <>
          <fieldset
            className="fieldset fieldset-inner"
            aria-describedby={levelMessages.length > 0 ? `${id}-levels-error` : undefined}
          >
            <legend>{t('agreementForm.levels')}</legend>
            <div className="radio-row">
              {STUDY_LEVELS.map((level) => (
                <label key={level} className="check">
                  <input
                    type="checkbox"
                    name={`${name}.levels`}
                    value={level}
                    checked={direction.levels.includes(level)}
                    onChange={(event) =>
                      set({
                        levels: event.target.checked
                          ? STUDY_LEVELS.filter((l) => l === level || direction.levels.includes(l))
                          : direction.levels.filter((l) => l !== level),
                      })
                    }
                  />
                  {levelLabel(level)}
                </label>
              ))}
            </div>
            <FieldError id={`${id}-levels-error`} messages={levelMessages} />
          </fieldset>

          <div className="field">
            <label htmlFor={`${id}-fields`}>{t('agreementForm.fields')}</label>
            <p id={`${id}-fields-help`} className="help">
              {t('agreementForm.fieldsHelp')}
            </p>
            <input
              id={`${id}-fields`}
              name={`${name}.fields`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              placeholder="0533, 0541"
              value={direction.fields}
              onChange={(event) => set({ fields: event.target.value })}
              aria-invalid={fieldMessages.length > 0 ? true : undefined}
              aria-describedby={
                fieldMessages.length > 0
                  ? `${id}-fields-help ${id}-fields-error`
                  : `${id}-fields-help`
              }
            />
            <FieldError id={`${id}-fields-error`} messages={fieldMessages} />
          </div>

          <fieldset className="fieldset fieldset-inner">
            <legend>{t('agreementForm.languages')}</legend>
            {direction.languages.length === 0 ? (
              <p className="muted">{t('agreementForm.noLanguages')}</p>
            ) : null}
            {direction.languages.map((row, index) => {
              const rowMessages = messages(`.languages[${index}]`, true);
              const errorId = `${id}-lang-${row.key}-error`;
              const update = (patch: Partial<typeof row>) =>
                set({
                  languages: direction.languages.map((r) =>
                    r.key === row.key ? { ...r, ...patch } : r,
                  ),
                });
              return (
                <div key={row.key} className="repeat-row">
                  <div className="field">
                    <label htmlFor={`${id}-lang-${row.key}`}>
                      {t('agreementForm.language', { number: index + 1 })}
                    </label>
                    <LanguageSelect
                      id={`${id}-lang-${row.key}`}
                      name={`${name}.languages.${index}.language`}
                      value={row.language}
                      onChange={(code) => update({ language: code })}
                      {...invalidProps(errorId, rowMessages)}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-cefr-${row.key}`}>{t('agreementForm.cefr')}</label>
                    <select
                      id={`${id}-cefr-${row.key}`}
                      name={`${name}.languages.${index}.cefr`}
                      value={row.cefr}
                      onChange={(event) => update({ cefr: event.target.value as CefrLevel })}
                    >
                      {CEFR_LEVELS.map((level) => (
                        <option key={level} value={level}>
                          {level}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button
                    type="button"
                    className="button button-link"
                    onClick={() =>
                      set({ languages: direction.languages.filter((r) => r.key !== row.key) })
                    }
                  >
                    {t('agreementForm.removeLanguage', { number: index + 1 })}
                  </button>
                  <FieldError id={errorId} messages={rowMessages} />
                </div>
              );
            })}
            <FieldError id={`${id}-languages-error`} messages={languageMessages} />
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                set({
                  languages: [...direction.languages, { key: rowKey(), language: '', cefr: 'B1' }],
                })
              }
            >
              {t('agreementForm.addLanguage')}
            </button>
          </fieldset>

          <fieldset className="fieldset fieldset-inner">
            <legend>{t('agreementForm.quotas')}</legend>
            <p className="help">{t('agreementForm.quotasHelp')}</p>
            {direction.quotas.length === 0 ? (
              <p className="muted">{t('agreementForm.noQuotas')}</p>
            ) : null}
            {direction.quotas.map((row, index) => {
              const errorId = `${id}-quota-${row.key}-error`;
              const rowMessages = messages(`.quotas[${index}]`, true);
              const update = (patch: Partial<typeof row>) =>
                set({
                  quotas: direction.quotas.map((r) => (r.key === row.key ? { ...r, ...patch } : r)),
                });
              const input = (
                field: 'academicYear' | 'students' | 'months',
                label: string,
                step: string,
              ) => (
                <div className="field">
                  <label htmlFor={`${id}-${field}-${row.key}`}>{label}</label>
                  <input
                    id={`${id}-${field}-${row.key}`}
                    name={`${name}.quotas.${index}.${field}`}
                    type="number"
                    min={0}
                    step={step}
                    value={row[field]}
                    onChange={(event) => update({ [field]: event.target.value })}
                    {...invalidProps(errorId, messages(`.quotas[${index}].${field}`))}
                  />
                </div>
              );
              return (
                <div key={row.key} className="repeat-row">
                  {input('academicYear', t('agreementForm.academicYear'), '1')}
                  {input('students', t('ledger.students'), '1')}
                  {input('months', t('ledger.months'), 'any')}
                  <button
                    type="button"
                    className="button button-link"
                    onClick={() =>
                      set({ quotas: direction.quotas.filter((r) => r.key !== row.key) })
                    }
                  >
                    {t('agreementForm.removeQuota', { number: index + 1 })}
                  </button>
                  <FieldError id={errorId} messages={rowMessages} />
                </div>
              );
            })}
            <FieldError id={`${id}-quotas-error`} messages={quotaMessages} />
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                const last = direction.quotas[direction.quotas.length - 1];
                const year = last ? String(Number(last.academicYear) + 1) : defaultYear;
                set({
                  quotas: [
                    ...direction.quotas,
                    {
                      key: rowKey(),
                      academicYear: year === 'NaN' ? '' : year,
                      students: last?.students ?? '',
                      months: last?.months ?? '',
                    },
                  ],
                });
              }}
            >
              {t('agreementForm.addQuota')}
            </button>
          </fieldset>
        </>
      ) : null}
    </fieldset>
  );
}
