import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../lib/api-types.ts';
import { refusalText, useRefusalTexts } from '../../lib/messages.ts';

/**
 * The one way refusals are shown, everywhere: each with its rule id (R1–R20, 003 §11) and the
 * sentence in the reader's language. `id` lets a form point aria-describedby at the list.
 */
export function RefusalList({
  refusals,
  id,
}: {
  refusals: readonly Pick<Refusal, 'rule' | 'code' | 'params'>[];
  id?: string;
}) {
  const { t } = useTranslation();
  const ready = useRefusalTexts();
  if (refusals.length === 0 || !ready) return null;
  return (
    <ul className="refusal-list" id={id} data-testid="refusals">
      {refusals.map((r, i) => (
        <li key={`${r.code}:${i}`} data-code={r.code}>
          {r.rule ? <span className="rule-badge">{r.rule}</span> : null} {refusalText(t, r)}
        </li>
      ))}
    </ul>
  );
}
