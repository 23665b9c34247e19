/**
 * The controls of the dossier form, each bound to a dotted path of the application: it reads its
 * value there, writes through the draft reducer, and shows the refused checks that point at its
 * path or inside it (and the server's 400 messages about it).
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, invalidProps } from '../../components/ui/field-error.tsx';
import { Field } from '../../components/ui/field.tsx';
import {
  LocalizedTextFields,
  type TextLanguage,
} from '../../components/ui/localized-text-fields.tsx';
import type { FieldIssue } from '../../lib/field-errors.ts';
import { nameIn } from '../../../i18n/format.ts';
import { allMembers } from '../../../domain/program/application.ts';
import type { Check, Level, LocalizedText, ProjectApplication } from './api.ts';
import { getAt, type DraftAction } from './dossier-edit.ts';
import { fieldId, sectionId } from './dossier-paths.ts';
import { RuleTag } from './components.tsx';

export const LEVELS: Level[] = ['bachelor', 'master', 'doctor'];
/** The languages of the dossier's texts (it is rendered in Japanese or English, R15). */
export const DOSSIER_LANGUAGES: readonly TextLanguage[] = ['ja', 'en'];

export interface DossierState {
  content: ProjectApplication;
  dispatch: (action: DraftAction) => void;
  checks: readonly Check[];
  /** The messages about `path`: refused checks at or inside it (only at it with `exact`). */
  messages: (path: string, exact?: boolean) => string[];
}

const DossierContext = createContext<DossierState | null>(null);
export const DossierProvider = DossierContext.Provider;

export function useDossier(): DossierState {
  const state = useContext(DossierContext);
  if (!state) throw new Error('useDossier outside the dossier form');
  return state;
}

/** The value at a path and its setter. */
export function useAt<T>(path: string): [T, (value: T) => void] {
  const { content, dispatch } = useDossier();
  return [getAt(content, path) as T, (value: T) => dispatch({ type: 'set', path, value })];
}

/** The messages of `path` as the issues `<LocalizedTextFields>` shows under its group. */
const asIssues = (path: string, messages: string[]): FieldIssue[] =>
  messages.map((message) => ({ field: path, message }));

/** A text in the dossier's languages (or those given), one field per language. */
export function TextField({
  path,
  label,
  multiline = false,
  languages = DOSSIER_LANGUAGES,
}: {
  path: string;
  label: ReactNode;
  multiline?: boolean;
  languages?: readonly TextLanguage[];
}) {
  const { messages } = useDossier();
  const [value, set] = useAt<LocalizedText | undefined>(path);
  const id = fieldId(path);
  return (
    <div id={id} className="dossier-field" tabIndex={-1}>
      <LocalizedTextFields
        id={id}
        name={path}
        field={path}
        issues={asIssues(path, messages(path))}
        legend={label}
        className="fieldset"
        languages={languages}
        value={value ?? {}}
        onChange={(v) => set(v)}
        multiline={multiline}
        rows={3}
        row={!multiline}
      />
    </div>
  );
}

/** One line of plain text (a date written as the document writes it, an e-mail …). */
export function StringField({
  path,
  label,
  type = 'text',
  help,
  required = false,
}: {
  path: string;
  label: ReactNode;
  type?: 'text' | 'email' | 'tel' | 'date';
  help?: string;
  /** a field the schema always has: emptied, it is "" rather than left out */
  required?: boolean;
}) {
  const { messages } = useDossier();
  const [value, set] = useAt<string | undefined>(path);
  return (
    <Field id={fieldId(path)} label={label} messages={messages(path)}>
      {(control) => (
        <>
          <input
            {...control}
            type={type}
            name={path}
            value={value ?? ''}
            onChange={(e) => set(e.target.value === '' && !required ? undefined : e.target.value)}
          />
          {help ? <span className="help">{help}</span> : null}
        </>
      )}
    </Field>
  );
}

/** A whole number ≥ 0 (students, months). */
export function NumberField({
  path,
  label,
  optional = false,
}: {
  path: string;
  label: ReactNode;
  /** left out when emptied (else 0) */
  optional?: boolean;
}) {
  const { messages } = useDossier();
  const [value, set] = useAt<number | undefined>(path);
  return (
    <Field id={fieldId(path)} label={label} messages={messages(path)}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          name={path}
          value={value ?? ''}
          onChange={(e) => {
            const n = Number.parseInt(e.target.value, 10);
            set(Number.isFinite(n) && n >= 0 ? n : optional ? undefined : 0);
          }}
        />
      )}
    </Field>
  );
}

/** A yes/no of the dossier as a checkbox. */
export function CheckboxField({
  path,
  label,
  rule,
}: {
  path: string;
  label: ReactNode;
  rule?: string;
}) {
  const { messages } = useDossier();
  const [value, set] = useAt<boolean | undefined>(path);
  const id = fieldId(path);
  const own = messages(path);
  return (
    <div className="check-field">
      <label className="check">
        <input
          id={id}
          type="checkbox"
          name={path}
          checked={value ?? false}
          onChange={(e) => set(e.target.checked)}
          {...invalidProps(`${id}-error`, own)}
        />
        {label} {rule ? <RuleTag rule={rule} /> : null}
      </label>
      <FieldError id={`${id}-error`} messages={own} />
    </div>
  );
}

/** One of the member institutions, by name. */
export function InstitutionSelect({
  path,
  label,
  members,
}: {
  path: string;
  label: ReactNode;
  /** the institutions offered; all members of both consortia by default */
  members?: readonly { institutionId: string; name: LocalizedText }[];
}) {
  const { t, i18n } = useTranslation();
  const { content, messages } = useDossier();
  const [value, set] = useAt<string | undefined>(path);
  const options = members ?? allMembers(content);
  return (
    <Field id={fieldId(path)} label={label} messages={messages(path)}>
      {(control) => (
        <select {...control} name={path} value={value ?? ''} onChange={(e) => set(e.target.value)}>
          <option value="">{t('programs.editor.choose')}</option>
          {value && !options.some((m) => m.institutionId === value) ? (
            <option value={value}>{value}</option>
          ) : null}
          {options.map((m) => (
            <option key={m.institutionId} value={m.institutionId}>
              {nameIn(m.name, i18n.language) || m.institutionId}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Levels of study (R3) as checkboxes, kept in the order bachelor, master, doctor. */
export function LevelsField({ path, legend }: { path: string; legend: ReactNode }) {
  const { t } = useTranslation();
  const { messages } = useDossier();
  const [value, set] = useAt<Level[] | undefined>(path);
  const levels = value ?? [];
  const id = fieldId(path);
  const own = messages(path);
  return (
    <fieldset id={id} className="fieldset" tabIndex={-1} {...invalidProps(`${id}-error`, own)}>
      <legend>{legend}</legend>
      <div className="radio-row">
        {LEVELS.map((level) => (
          <label className="check" key={level}>
            <input
              type="checkbox"
              name={`${path}.${level}`}
              checked={levels.includes(level)}
              onChange={(e) =>
                set(
                  e.target.checked
                    ? LEVELS.filter((l) => l === level || levels.includes(l))
                    : levels.filter((l) => l !== level),
                )
              }
            />
            {t(`programs.levels.${level}`)}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} messages={own} />
    </fieldset>
  );
}

/**
 * A list with a row per entry, each with its remove button, and an add button. `row(path, i)`
 * draws the controls of the entry at `${path}.${i}`.
 */
export function ListField<T>({
  path,
  legend,
  newItem,
  addLabel,
  removeLabel,
  row,
}: {
  path: string;
  legend: ReactNode;
  newItem: () => T;
  addLabel: string;
  removeLabel: (index: number) => string;
  row: (itemPath: string, index: number, item: T) => ReactNode;
}) {
  const { messages, dispatch } = useDossier();
  const [value] = useAt<T[] | undefined>(path);
  const items = value ?? [];
  const id = fieldId(path);
  const own = messages(path, true);
  return (
    <fieldset
      id={id}
      className="fieldset dossier-list"
      tabIndex={-1}
      {...invalidProps(`${id}-error`, own)}
    >
      <legend>{legend}</legend>
      <FieldError id={`${id}-error`} messages={own} />
      {items.length === 0 ? <p className="muted">{'—'}</p> : null}
      {items.map((item, i) => (
        <div key={i} className="dossier-row" id={fieldId(`${path}.${i}`)} tabIndex={-1}>
          <div className="dossier-row-body">
            <FieldError id={`${id}-${i}-error`} messages={messages(`${path}.${i}`, true)} />
            {row(`${path}.${i}`, i, item)}
          </div>
          <button
            type="button"
            className="button button-secondary dossier-remove"
            onClick={() => dispatch({ type: 'remove', path, index: i })}
          >
            {removeLabel(i)}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary"
        data-testid={`add-${path}`}
        onClick={() => dispatch({ type: 'add', path, item: newItem() })}
      >
        {addLabel}
      </button>
    </fieldset>
  );
}

/** A list of texts (goals, fields of study, steps of the flow), a row each. */
export function TextListField({
  path,
  legend,
  itemLabel,
  addLabel,
}: {
  path: string;
  legend: ReactNode;
  /** the label of the entry `n` (from 1) */
  itemLabel: (n: number) => string;
  addLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <ListField<LocalizedText>
      path={path}
      legend={legend}
      newItem={() => ({})}
      addLabel={addLabel}
      removeLabel={(i) => t('programs.editor.removeRow', { row: itemLabel(i + 1) })}
      row={(itemPath, i) => <TextField path={itemPath} label={itemLabel(i + 1)} />}
    />
  );
}

/**
 * One part of the form: a collapsible section (open at first) with its number and title, the
 * count of refused checks inside it and the checks about the part as a whole.
 */
export function Section({
  path,
  no,
  title,
  rule,
  quiet = false,
  children,
}: {
  path: string;
  no?: string;
  title: string;
  rule?: string;
  /** when a control inside edits the same path and shows its checks itself */
  quiet?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { messages } = useDossier();
  const inside = messages(path).length;
  const own = quiet ? [] : messages(path, true);
  const id = sectionId(path);
  return (
    <details className="dossier-section" open id={id} data-section={path}>
      <summary>
        <span className="dossier-section-title">
          {no ? <span className="programs-item-no">{no}</span> : null} {title}
        </span>{' '}
        {rule ? <RuleTag rule={rule} /> : null}{' '}
        {inside > 0 ? (
          <span className="badge badge-warning">
            {t('programs.checks.failedShort', { count: inside })}
          </span>
        ) : null}
      </summary>
      <div className="dossier-section-body" tabIndex={-1} id={`${id}-body`}>
        <FieldError id={`${id}-error`} messages={own} />
        {children}
      </div>
    </details>
  );
}
