/** Refusal reasons of eligibility and ranking, translated (calls.eligibility.<code>). */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';

export interface Reason {
  rule: string;
  code: string;
  message: string;
  params: Record<string, unknown>;
}

/** Parameters whose values are codes shown through calls.params.* (levels, statuses). */
const LABELLED = new Set(['level', 'targeted', 'status', 'allowed']);

export function reasonParams(t: TFunction, params: Record<string, unknown>) {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const show = (v: unknown) => {
      const s = String(v);
      return LABELLED.has(name) ? t(`calls.params.${s}`, { defaultValue: s }) : s;
    };
    out[name] = Array.isArray(value)
      ? value.length === 0
        ? t('calls.params.none')
        : value.map(show).join(t('calls.listSeparator'))
      : show(value);
  }
  return out;
}

export function reasonText(t: TFunction, reason: Pick<Reason, 'code' | 'message' | 'params'>) {
  return t(`calls.eligibility.${reason.code}`, {
    ...reasonParams(t, reason.params),
    defaultValue: reason.message,
  });
}

/** Reasons carried by an error: eligibility (422) or ranking issues (400). */
export function reasonsOf(error: unknown): Reason[] {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || !error.details)
    return [];
  const details = error.details as { reasons?: unknown; issues?: unknown };
  const list = Array.isArray(details.reasons)
    ? details.reasons
    : Array.isArray(details.issues)
      ? details.issues
      : [];
  return list.flatMap((r: unknown) => {
    const { rule, code, message, params } = (r ?? {}) as Partial<Reason>;
    if (typeof code !== 'string' || typeof message !== 'string') return [];
    return [{ rule: rule ?? '', code, message, params: params ?? {} }];
  });
}

export function ReasonList({ reasons, testId }: { reasons: readonly Reason[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="calls-reasons" data-testid={testId}>
      {reasons.map((r, i) => (
        <li key={`${r.code}-${i}`} data-rule={r.rule} data-code={r.code}>
          {r.rule ? <span className="badge">{r.rule}</span> : null} {reasonText(t, r)}
        </li>
      ))}
    </ul>
  );
}

/** An error alert that lists the reasons when the server gave them, translated. */
export function RefusalAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const reasons = reasonsOf(error);
  if (reasons.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid="refusal">
      <p className="alert-title">{t('calls.apply.refused')}</p>
      <ReasonList reasons={reasons} testId="refusal-reasons" />
    </div>
  );
}
