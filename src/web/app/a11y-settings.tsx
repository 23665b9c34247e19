import { useTranslation } from 'react-i18next';
import { useA11y } from './a11y.tsx';
import { FONT_SIZES, SCHEMES, SPACINGS } from '../lib/a11y-options.ts';

/** The settings bar of the reading mode, shown only while the mode is on. */
export function A11ySettingsBar() {
  const { t } = useTranslation();
  const { enabled, settings, update, reset } = useA11y();
  if (!enabled) return null;
  return (
    <section id="a11y-settings" className="a11y-settings" aria-label={t('a11y.settings')}>
      <div className="container a11y-settings-inner">
        <fieldset>
          <legend>{t('a11y.fontSize')}</legend>
          {FONT_SIZES.map((value) => (
            <button
              key={value}
              type="button"
              className={`chip chip-font-${value}`}
              aria-pressed={settings.fontSize === value}
              onClick={() => update({ fontSize: value })}
            >
              {t(`a11y.fontSizes.${value}`)}
            </button>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('a11y.spacing')}</legend>
          {SPACINGS.map((value) => (
            <button
              key={value}
              type="button"
              className="chip"
              aria-pressed={settings.spacing === value}
              onClick={() => update({ spacing: value })}
            >
              {t(`a11y.spacings.${value}`)}
            </button>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('a11y.scheme')}</legend>
          {SCHEMES.map((value) => (
            <button
              key={value}
              type="button"
              className={`chip chip-scheme-${value}`}
              aria-pressed={settings.scheme === value}
              onClick={() => update({ scheme: value })}
            >
              {t(`a11y.schemes.${value}`)}
            </button>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('a11y.images')}</legend>
          <button
            type="button"
            className="chip"
            aria-pressed={settings.images}
            onClick={() => update({ images: true })}
          >
            {t('a11y.imagesOn')}
          </button>
          <button
            type="button"
            className="chip"
            aria-pressed={!settings.images}
            onClick={() => update({ images: false })}
          >
            {t('a11y.imagesOff')}
          </button>
        </fieldset>
        <button type="button" className="button button-secondary" onClick={reset}>
          {t('a11y.reset')}
        </button>
      </div>
    </section>
  );
}
