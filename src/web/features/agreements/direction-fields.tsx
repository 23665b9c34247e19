/** One direction of an agreement: who sends whom, in which fields and levels, with which quotas. */
import { LanguageSelect } from '../../components/ui/language-select.tsx';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CEFR_LEVELS, STUDY_LEVELS, type CefrLevel, type PartyKey } from '../../api/contract.ts';
import { rowKey, type DirectionDraft } from './agreement-draft.ts';
import { messagesFor, type FieldIssue } from '../../lib/field-errors.ts';
import { useLabels } from '../../lib/labels.ts';
import { FieldError, invalidProps } from '../../components/ui/field-error.tsx';
import { Field } from '../../components/ui/field.tsx';

export type DirectionProps = {
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

export function DirectionFields({
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
                  <Field id={`${id}-cefr-${row.key}`} label={t('agreementForm.cefr')}>
                    {(control) => (
                      <select
                        {...control}
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
                    )}
                  </Field>
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
                <Field id={`${id}-${field}-${row.key}`} label={label}>
                  {(control) => (
                    <input
                      {...control}
                      name={`${name}.quotas.${index}.${field}`}
                      type="number"
                      min={0}
                      step={step}
                      value={row[field]}
                      onChange={(event) => update({ [field]: event.target.value })}
                      {...invalidProps(errorId, messages(`.quotas[${index}].${field}`))}
                    />
                  )}
                </Field>
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
