import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import type { RuleRefusal } from './api.ts';

/** Integer yen in the reader's language, e.g. ¥600,000. */
export function useYen(): (value: number | null | undefined) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (value) =>
    value == null
      ? '—'
      : new Intl.NumberFormat(language === 'en' ? 'en-GB' : language, {
          style: 'currency',
          currency: 'JPY',
        }).format(value);
}

export function useNum(): (value: number, digits?: number) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (value, digits) => formatNumber(value, language, digits);
}

/** A refusal with its rule id (R8, R13, R14, R19, PAID_ONCE …), as the server named it. */
export function RuleBadge({ rule }: { rule: string }) {
  const { t } = useTranslation();
  return (
    <span className="money-rule" title={t(`money.rules.${rule}`, { defaultValue: rule })}>
      {rule}
    </span>
  );
}

/** A failed request; a rule violation lists each refusal with its rule id. */
export function MoneyError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === 'rule_violation') {
    const refusals = ((error.details as { refusals?: RuleRefusal[] } | undefined)?.refusals ??
      []) as RuleRefusal[];
    return (
      <div className="alert alert-error" role="alert">
        <p className="alert-title">{t('money.refused')}</p>
        <p>{error.message}</p>
        {refusals.length > 0 ? (
          <ul className="money-refusals">
            {refusals.slice(0, 10).map((r, i) => (
              <li key={i}>
                <RuleBadge rule={r.rule} /> {r.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return <ErrorAlert error={error} {...(onRetry ? { onRetry } : {})} />;
}
