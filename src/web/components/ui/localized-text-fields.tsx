import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../../i18n/format.ts';
import type { FieldIssue } from '../../lib/field-errors.ts';
import { messagesFor } from '../../lib/field-errors.ts';
import { FieldError } from './field-error.tsx';
import { Field } from './field.tsx';

/** The languages a text is written in, in the order forms show them. */
export const TEXT_LANGUAGES = ['en', 'ja', 'ru', 'fr'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];
export type LocalizedDraft = Record<TextLanguage, string>;

/** An empty text in every language, for a new form. */
export const emptyLocalized = (): LocalizedDraft => ({ en: '', ja: '', ru: '', fr: '' });

/**
 * One text in each language: a field per language, labelled with the language's name in the
 * reader's language (or by `label`), its control marked with `lang` so that it is read and
 * spell-checked in that language. The server's messages about `field.<lang>` show under each
 * control, those about the whole `field` under the group.
 */
export function LocalizedTextFields<V extends Partial<Record<TextLanguage, string>>>({
  id,
  name,
  field,
  issues,
  value,
  onChange,
  legend,
  label,
  multiline = false,
  rows = 2,
  languages = TEXT_LANGUAGES,
  row = false,
  required,
  className,
}: {
  /** The prefix of the controls' ids: `${id}-${lang}`. */
  id: string;
  /** The prefix of the controls' names: `${name}.${lang}`. */
  name: string;
  /** The API field the texts are sent as (`body.title`), to show its messages. */
  field: string;
  issues: readonly FieldIssue[];
  value: V;
  /** The new value: `value` with one language changed. */
  onChange: (value: V) => void;
  /** The group's legend; without one, the fields stand in the surrounding group. */
  legend?: ReactNode;
  /** The label of one language's field; the language's name by default. */
  label?: (languageName: string, lang: TextLanguage) => ReactNode;
  multiline?: boolean;
  /** The height of a multiline field. */
  rows?: number;
  /** The languages asked for, in this order (all four by default). */
  languages?: readonly TextLanguage[];
  /** Side by side in a row rather than one under another. */
  row?: boolean;
  /** Languages that must be filled in. */
  required?: readonly TextLanguage[];
  className?: string;
}) {
  const { i18n } = useTranslation();
  const fields = languages.map((lang) => {
    const language = languageName(lang, i18n.language);
    return (
      <Field
        key={lang}
        id={`${id}-${lang}`}
        label={label ? label(language, lang) : language}
        messages={messagesFor(issues, `${field}.${lang}`, true)}
      >
        {(control) => {
          const props = {
            ...control,
            name: `${name}.${lang}`,
            lang,
            required: required?.includes(lang),
            value: value[lang] ?? '',
            onChange: (e: { target: { value: string } }) =>
              onChange({ ...value, [lang]: e.target.value }),
          };
          return multiline ? <textarea rows={rows} {...props} /> : <input {...props} />;
        }}
      </Field>
    );
  });
  const whole = <FieldError id={`${id}-error`} messages={messagesFor(issues, field)} />;
  const body = row ? <div className="field-row">{fields}</div> : fields;
  if (legend === undefined) {
    return (
      <>
        {body}
        {whole}
      </>
    );
  }
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {body}
      {whole}
    </fieldset>
  );
}
