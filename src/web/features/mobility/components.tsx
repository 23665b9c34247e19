/** Small shared pieces of the mobility pages: texts in several languages, credits, states. */
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import { formatInstant } from '../../../i18n/format.ts';
import type { Language } from '../../api/types.ts';
import type { MobilityState } from '../../../domain/mobility/mobility-workflow.ts';
import type { CreditConversion, Credits } from '../../../domain/recognition/credit-systems.ts';
import type { LocalizedText } from '../../../domain/recognition/types.ts';

const ORDER: Language[] = ['en', 'ja', 'ru', 'fr'];

/** A course title in the reader's language when it has one, marked with its language. */
export function LText({ text }: { text: LocalizedText }) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const lang = text[language] ? language : ORDER.find((l) => text[l]);
  if (!lang) return <>—</>;
  return lang === language ? <>{text[lang]}</> : <span lang={lang}>{text[lang]}</span>;
}

export function useLText(): (text: LocalizedText) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (text) => {
    const lang = text[language] ? language : ORDER.find((l) => text[l]);
    return lang ? (text[lang] ?? '') : '';
  };
}

/** "3 単位", "5 з.е.", "3.5 ECTS" — the value and the system, translated. */
export function CreditsText({ credits }: { credits: Credits }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (
    <span className="credits" data-system={credits.system}>
      {t('mobility.creditsValue', {
        value: formatNumber(credits.value, language),
        system: t(`mobility.creditSystem.${credits.system}`),
      })}
    </span>
  );
}

/** A converted value with the rule that produced it, one click away. */
export function ConversionText({ conversion }: { conversion: CreditConversion }) {
  const { t } = useTranslation();
  return (
    <details className="conversion">
      <summary>
        <CreditsText credits={{ value: conversion.value, system: conversion.rule.to }} />
      </summary>
      <p className="small muted" data-testid="conversion-rule">
        {t('mobility.ruleUsed')}: <ConversionRule conversion={conversion} />
      </p>
    </details>
  );
}

/** An instant with its time of day and time zone (Tokyo, the funder's clock). */
export const formatMoment = (value: string, language: string): string =>
  formatInstant(value, language);

/**
 * How credits were converted, from the rule's numbers: credits × hours per credit = hours of
 * study; hours ÷ hours per credit of the other system, rounded by the agreed step.
 */
export function ConversionRule({ conversion }: { conversion: CreditConversion }) {
  const { t } = useTranslation();
  const r = conversion.rule;
  const given = (r.exact * r.clockHoursPerCreditTo) / r.clockHoursPerCreditFrom;
  if (r.from === r.to) {
    return <>{t('mobility.conversion.same', { value: conversion.value, system: r.from })}</>;
  }
  return (
    <>
      {t('mobility.conversion.hours', {
        given,
        from: r.from,
        hFrom: r.clockHoursPerCreditFrom,
        hours: given * r.clockHoursPerCreditFrom,
        hTo: r.clockHoursPerCreditTo,
        exact: r.exact,
        to: r.to,
        step: r.step,
        rounding: r.rounding,
        value: conversion.value,
      })}
    </>
  );
}

export function StateBadge({ state }: { state: MobilityState | string }) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge badge-status mobility-state mobility-state-${state}`}
      data-state={state}
    >
      {t(`mobility.state.${state}`)}
    </span>
  );
}

const CLOSED: readonly string[] = ['refused', 'withdrawn', 'interrupted'];

/** The workflow as a stepper; a closed mobility says so next to the step it stopped at. */
export function Stepper({
  steps,
  state,
  reached,
}: {
  steps: readonly MobilityState[];
  state: MobilityState;
  /** The last regular state the mobility reached (for closed ones). */
  reached: string | null;
}) {
  const { t } = useTranslation();
  const at = CLOSED.includes(state) ? (reached ?? 'nominated') : state;
  const index = steps.indexOf(at as MobilityState);
  return (
    <ol className="mobility-stepper" aria-label={t('mobility.progress')}>
      {steps.map((step, i) => (
        <li
          key={step}
          className={i < index ? 'done' : i === index ? 'current' : 'todo'}
          aria-current={i === index && !CLOSED.includes(state) ? 'step' : undefined}
        >
          <span className="step-no" aria-hidden="true">
            {i < index ? '✓' : i + 1}
          </span>
          <span className="step-label">{t(`mobility.state.${step}`)}</span>
          {i < index ? <span className="visually-hidden">{t('mobility.stepDone')}</span> : null}
        </li>
      ))}
    </ol>
  );
}
