import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../api/contract.ts';
import { LANGUAGE_LABELS, currentLanguage } from '../i18n/i18n.ts';
import { switchLanguage } from '../i18n/parts.ts';
import { isLanguage } from '../lib/preferences.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('header.language')}
      </label>
      <select
        id={id}
        data-testid="language-switch"
        value={currentLanguage(i18n.language)}
        onChange={(event) => {
          const value = event.target.value;
          if (isLanguage(value)) void switchLanguage(i18n, value);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_LABELS[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
