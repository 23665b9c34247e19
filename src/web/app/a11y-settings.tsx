import { useTranslation } from 'react-i18next';
import { useA11y } from './a11y.tsx';
import { FONT_SIZES, SCHEMES, SPACINGS } from '../lib/a11y-options.ts';

/**
 * The settings bar of the reading mode, shown only while the mode is on: one compact row on a
 * desktop (font size, spacing, colour swatches, images on or off, reset).
 */
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
          {/* Swatches: a sample in the scheme's colours, named in words for everyone else. */}
          {SCHEMES.map((value) => (
            <button
              key={value}
              type="button"
              className={`chip chip-swatch chip-scheme-${value}`}
              aria-pressed={settings.scheme === value}
              title={t(`a11y.schemes.${value}`)}
              onClick={() => update({ scheme: value })}
            >
              <span aria-hidden="true">Aa</span>
              <span className="visually-hidden">{t(`a11y.schemes.${value}`)}</span>
            </button>
          ))}
        </fieldset>
        <button
          type="button"
          className="chip"
          aria-pressed={settings.images}
          onClick={() => update({ images: !settings.images })}
        >
          {t('a11y.images')}
        </button>
        <button type="button" className="button button-secondary" onClick={reset}>
          {t('a11y.reset')}
        </button>
      </div>
    </section>
  );
}
