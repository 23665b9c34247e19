import { useMemo, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ISO_639_1 } from '../../../domain/shared/languages.ts';
import { languageName, localeOf } from '../../../i18n/format.ts';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  /** An ISO 639-1 code, or '' for none yet. */
  value: string;
  onChange: (code: string) => void;
};

/**
 * The one language picker: every ISO 639-1 language by its name in the reader's language,
 * sorted as the reader's language sorts; the form keeps the code.
 */
export function LanguageSelect({ value, onChange, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const options = useMemo(() => {
    const collator = new Intl.Collator(localeOf(language));
    const codes: string[] = [...ISO_639_1];
    if (value && !codes.includes(value)) codes.push(value);
    return codes
      .map((code) => ({ code, name: languageName(code, language) }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [language, value]);
  return (
    <select {...rest} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{t('form.chooseLanguage')}</option>
      {options.map((o) => (
        <option key={o.code} value={o.code} lang={o.code}>
          {o.name}
        </option>
      ))}
    </select>
  );
}
