/** Controls the events forms share: a country by its name, and a multi-select of registry parties. */
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/ui/field.tsx';
import { countryOptions } from '../../i18n/countries.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import type { Party } from './api.ts';
import { partyKey } from './event-draft.ts';
import { useText } from './local-text.tsx';

/** Every country by its name in the reader's language, in their collation order. */
export function useCountryOptions(): { code: string; name: string }[] {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return countryOptions(language);
}

/** A country select (ISO 3166 alpha-2 values), with an empty choice unless required. */
export function CountrySelect({
  id,
  name,
  label,
  value,
  onChange,
  messages,
  required = false,
  emptyLabel,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
  messages: readonly string[];
  required?: boolean;
  emptyLabel: string;
}) {
  const options = useCountryOptions();
  return (
    <Field id={id} label={label} messages={messages}>
      {(p) => (
        <select
          {...p}
          name={name}
          required={required}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{emptyLabel}</option>
          {options.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A multi-select of registry parties (institutions of every type, consortia), by name. */
export function PartiesSelect({
  id,
  name,
  label,
  parties,
  value,
  onChange,
  messages,
  required = false,
}: {
  id: string;
  name: string;
  label: string;
  parties: Party[];
  value: string[];
  onChange: (keys: string[]) => void;
  messages: readonly string[];
  required?: boolean;
}) {
  const text = useText();
  return (
    <Field id={id} label={label} messages={messages}>
      {(p) => (
        <select
          {...p}
          multiple
          size={6}
          name={name}
          required={required}
          value={value}
          onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
        >
          {parties.map((o) => (
            <option key={partyKey(o)} value={partyKey(o)}>
              {text(o.name)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
