import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateInput, numericDatePattern, parseDateInput } from '../../../i18n/format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';

type Props = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'value' | 'defaultValue' | 'onChange' | 'name'
> & {
  /** YYYY-MM-DD, or '' for none (controlled). */
  value?: string;
  /** YYYY-MM-DD, or '' for none (uncontrolled). */
  defaultValue?: string;
  /** Called with YYYY-MM-DD when the text is a real date, '' when it is empty or not a date. */
  onChange?: (iso: string) => void;
  /** Submitted with the form as YYYY-MM-DD, whatever the reader's language. */
  name?: string;
};

/**
 * The one date input: the reader types and reads the date in their language's order (ja
 * 2027/09/01, ru 01.09.2027, fr 01/09/2027) whatever the browser's own locale is; the form and
 * the API see YYYY-MM-DD. A text that is not a calendar date is marked invalid, with the pattern
 * and an example in the reader's language.
 */
export function DateInput({ value, defaultValue, onChange, name, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const [own, setOwn] = useState(defaultValue ?? '');
  const iso = value ?? own;
  const [shown, setShown] = useState({ iso, language, text: formatDateInput(iso, language) });
  if (shown.iso !== iso || shown.language !== language) {
    setShown({ iso, language, text: formatDateInput(iso, language) });
  }
  const { order, separators } = numericDatePattern(language);
  const pattern = order.map((f, i) => t(`form.date.${f}`) + (separators[i] ?? '')).join('');
  const example = formatDateInput('2027-09-25', language);
  const invalid = shown.text.trim() !== '' && parseDateInput(shown.text, language) === null;
  const message = invalid ? t('form.date.invalid', { pattern, example }) : '';
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.setCustomValidity(message), [message]);

  return (
    <>
      <input
        {...rest}
        ref={ref}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={pattern}
        data-date-input={name}
        value={shown.text}
        aria-invalid={invalid || rest['aria-invalid'] ? true : undefined}
        title={message || undefined}
        onChange={(event) => {
          const text = event.target.value;
          const next = parseDateInput(text, language) ?? '';
          setShown({ iso: next, language, text });
          setOwn(next);
          if (next !== iso) onChange?.(next);
        }}
        onBlur={(event) => {
          if (!invalid && shown.iso)
            setShown({ ...shown, text: formatDateInput(shown.iso, language) });
          rest.onBlur?.(event);
        }}
      />
      {name ? <input type="hidden" name={name} value={iso} /> : null}
    </>
  );
}
