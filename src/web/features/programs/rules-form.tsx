/** The funder officer's form for a program's rules (a new version of them). */
import { DateInput } from '../../components/ui/date-input.tsx';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../api/client.ts';
import { FieldError, FormErrors, invalidProps } from '../../components/ui/field-error.tsx';
import { messagesFor } from '../../lib/field-errors.ts';
import { updateRules, type ProgramRules } from './api.ts';
import { RuleTag } from './components.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { todayIso } from '../../lib/format.ts';
import './programs.css';

export type Draft = {
  monthlyAmount: string;
  stayMin: string;
  stayMax: string;
  maxYears: string;
  capMonths: string;
  capStudents: string;
  tolStudents: string;
  tolMonths: string;
  deadline: string;
  outcomeBy: string;
  effectiveFrom: string;
};

/** The number as typed; NaN for garbage, which the server then names (body.stipend.monthlyAmount…). */
export const toNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** The funder officer edits the main numbers; the whole rules object is PUT with the change. */
export function RulesForm({
  programId,
  rules,
  onSaved,
}: {
  programId: string;
  rules: ProgramRules;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>({
    monthlyAmount: String(rules.stipend.monthlyAmount),
    stayMin: String(rules.stayMonths.min),
    stayMax: String(rules.stayMonths.max),
    maxYears: String(rules.supportPeriod.maxYears),
    capMonths: String(rules.annualCap.studentMonths),
    capStudents: String(rules.annualCap.studentsAtFullLength),
    tolStudents: String(rules.balanceTolerance.students),
    tolMonths: String(rules.balanceTolerance.studentMonths),
    deadline: rules.call.applicationDeadline,
    outcomeBy: rules.call.outcomeBy,
    // A new version governs from today unless the officer dates it otherwise.
    effectiveFrom: todayIso(),
  });
  const { busy, error, run } = useAction();
  const issues = fieldIssues(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: ProgramRules = {
      ...rules,
      stipend: { ...rules.stipend, monthlyAmount: toNumber(draft.monthlyAmount) },
      stayMonths: { min: toNumber(draft.stayMin), max: toNumber(draft.stayMax) },
      supportPeriod: { ...rules.supportPeriod, maxYears: toNumber(draft.maxYears) },
      annualCap: {
        studentMonths: toNumber(draft.capMonths),
        studentsAtFullLength: toNumber(draft.capStudents),
      },
      balanceTolerance: {
        students: toNumber(draft.tolStudents),
        studentMonths: toNumber(draft.tolMonths),
      },
      call: { ...rules.call, applicationDeadline: draft.deadline, outcomeBy: draft.outcomeBy },
      effectiveFrom: draft.effectiveFrom,
    };
    await run(async (csrfToken) => {
      await updateRules(programId, next, csrfToken);
      onSaved();
    });
  }

  const field = (key: keyof Draft, path: string, rule: string, label: string, type = 'number') => {
    const messages = messagesFor(issues, path, true);
    const errorId = `${id}-${key}-error`;
    return (
      <div className="field">
        <label htmlFor={`${id}-${key}`}>
          <RuleTag rule={rule} /> {label}
        </label>
        {type === 'date' ? (
          <DateInput
            id={`${id}-${key}`}
            name={key}
            value={draft[key]}
            onChange={(value) => setDraft({ ...draft, [key]: value })}
            {...invalidProps(errorId, messages)}
          />
        ) : (
          <input
            id={`${id}-${key}`}
            name={key}
            type={type}
            inputMode={type === 'number' ? 'numeric' : undefined}
            value={draft[key]}
            onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            {...invalidProps(errorId, messages)}
          />
        )}
        <FieldError id={errorId} messages={messages} />
      </div>
    );
  };

  return (
    <section className="card" aria-labelledby="edit-rules-title">
      <h2 id="edit-rules-title">{t('programs.edit.title')}</h2>
      <p className="help">{t('programs.edit.help')}</p>
      <form className="form" onSubmit={submit} noValidate data-testid="rules-form">
        <FormErrors error={error} />
        <EffectiveFromField
          id={`${id}-effectiveFrom`}
          value={draft.effectiveFrom}
          onChange={(effectiveFrom) => setDraft({ ...draft, effectiveFrom })}
          messages={messagesFor(issues, 'body.effectiveFrom', true)}
        />
        <div className="field-row">
          {field('monthlyAmount', 'body.stipend.monthlyAmount', 'R11', t('programs.edit.stipend'))}
          {field('maxYears', 'body.supportPeriod.maxYears', 'R10', t('programs.edit.maxYears'))}
        </div>
        <div className="field-row">
          {field('stayMin', 'body.stayMonths.min', 'R12', t('programs.edit.stayMin'))}
          {field('stayMax', 'body.stayMonths.max', 'R12', t('programs.edit.stayMax'))}
        </div>
        <div className="field-row">
          {field('capMonths', 'body.annualCap.studentMonths', 'R14', t('programs.edit.capMonths'))}
          {field(
            'capStudents',
            'body.annualCap.studentsAtFullLength',
            'R14',
            t('programs.edit.capStudents'),
          )}
        </div>
        <div className="field-row">
          {field(
            'tolStudents',
            'body.balanceTolerance.students',
            'R4',
            t('programs.edit.tolStudents'),
          )}
          {field(
            'tolMonths',
            'body.balanceTolerance.studentMonths',
            'R4',
            t('programs.edit.tolMonths'),
          )}
        </div>
        <div className="field-row">
          {field(
            'deadline',
            'body.call.applicationDeadline',
            'R18',
            t('programs.edit.deadline'),
            'date',
          )}
          {field('outcomeBy', 'body.call.outcomeBy', 'R18', t('programs.edit.outcomeBy'), 'date')}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('programs.saving') : t('programs.edit.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The day the new version starts to govern: stays, calls and months on or after it. */
function EffectiveFromField({
  id,
  value,
  onChange,
  messages,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  messages: string[];
}) {
  const { t } = useTranslation();
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  return (
    <div className="field">
      <label htmlFor={id}>{t('programs.edit.effectiveFrom')}</label>
      <p className="help" id={helpId}>
        {t('programs.edit.effectiveFromHelp')}
      </p>
      <DateInput
        id={id}
        name="effectiveFrom"
        value={value}
        onChange={onChange}
        aria-invalid={messages.length > 0 ? true : undefined}
        aria-describedby={messages.length > 0 ? `${helpId} ${errorId}` : helpId}
      />
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}
