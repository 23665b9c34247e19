import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { formatDate, formatMoney, formatNumber, localeOf, nameIn } from '../../../i18n/format.ts';
import type { LocalizedText, Refusal } from '../../../domain/shared/refusal.ts';

/** Integer yen in the reader's language, e.g. ¥600,000 / 600 000 JPY. */
export function useYen(): (value: number | null | undefined) => string {
  const { i18n } = useTranslation();
  return (value) => (value == null ? '—' : formatMoney(value, 'JPY', i18n.language));
}

export function useNum(): (value: number) => string {
  const { i18n } = useTranslation();
  return (value) => formatNumber(value, i18n.language);
}

/** A calendar date (YYYY-MM-DD) in the reader's language. */
export function useDate(): (value: string | null | undefined) => string {
  const { i18n } = useTranslation();
  return (value) => (value ? formatDate(value, i18n.language, 'medium') : '—');
}

/** A calendar month (YYYY-MM) in the reader's language: "September 2016", "2016年9月". */
export function useMonth(): (value: string) => string {
  const { i18n } = useTranslation();
  return (value) => {
    const match = /^(\d{4})-(\d{2})$/.exec(value);
    if (!match) return value;
    return new Intl.DateTimeFormat(localeOf(i18n.language), {
      year: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
  };
}

/** A name given in several languages, as the reader reads it. */
export function useName(): (value: LocalizedText | string | null | undefined) => string {
  const { i18n } = useTranslation();
  return (value) => nameIn(value, i18n.language);
}

/** A refused item of a batch: who, which month or trip, and why (each refusal with its rule). */
interface RefusedItem {
  kind: string;
  period: string;
  student: LocalizedText;
  host: LocalizedText;
  refusals: Refusal[];
}

/** Refused batch items, each naming its student, host and period. */
export function RefusedItems({ items }: { items: readonly RefusedItem[] }) {
  const { t } = useTranslation();
  const name = useName();
  const month = useMonth();
  return (
    <ul className="money-refused" data-testid="money-refused">
      {items.map((item, i) => (
        <li key={`${i}:${item.period}`}>
          <strong>{name(item.student)}</strong> ({name(item.host)}) —{' '}
          {item.kind === 'travel' ? t('money.kind.trip') : month(item.period)}
          <RefusalList refusals={item.refusals} />
        </li>
      ))}
    </ul>
  );
}

const isRefusedItem = (x: unknown): x is RefusedItem =>
  typeof x === 'object' && x !== null && 'refusals' in x && 'student' in x && 'period' in x;

/** A failed request; refused batch items are listed with their students, anything else as usual. */
export function MoneyError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const items =
    error instanceof ApiError && Array.isArray(error.details?.items)
      ? (error.details.items as unknown[]).filter(isRefusedItem)
      : [];
  if (error instanceof ApiError && error.code === 'rule_violation' && items.length > 0) {
    const lead = (error.details?.refusals ?? []).filter((r) => !('student' in (r.params ?? {})));
    return (
      <div className="alert alert-error" role="alert">
        <p className="alert-title">{t('errors.refusedTitle')}</p>
        <RefusalList refusals={lead} />
        <RefusedItems items={items.slice(0, 30)} />
      </div>
    );
  }
  return <ErrorAlert error={error} {...(onRetry ? { onRetry } : {})} />;
}
