/** A text input in the shared Field, for the institution's forms. */
import { Field } from '../../components/ui/field.tsx';

export function TextField({
  id,
  name,
  label,
  value,
  onChange,
  messages,
  lang,
  type = 'text',
  inputMode,
  maxLength,
  required,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  messages: string[];
  lang?: string;
  type?: string;
  inputMode?: 'decimal';
  maxLength?: number;
  required?: boolean;
}) {
  return (
    <Field id={id} label={label} messages={messages}>
      {(control) => (
        <input
          {...control}
          name={name}
          type={type}
          lang={lang}
          inputMode={inputMode}
          maxLength={maxLength}
          required={required}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
