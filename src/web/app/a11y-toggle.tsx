import { useTranslation } from 'react-i18next';
import { useA11y } from './a11y.tsx';

export function A11yToggle() {
  const { t } = useTranslation();
  const { enabled, toggle } = useA11y();
  return (
    <button
      type="button"
      className="button button-toggle"
      data-testid="a11y-toggle"
      aria-pressed={enabled}
      // The settings bar exists only while the mode is on; aria-controls must name an element.
      aria-controls={enabled ? 'a11y-settings' : undefined}
      onClick={toggle}
    >
      <svg className="icon decorative" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        />
        <circle cx="12" cy="12" r="3" fill="currentColor" />
      </svg>
      <span>{t('a11y.toggle')}</span>
    </button>
  );
}
