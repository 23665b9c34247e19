/**
 * A refusal the deciding person may override with a reason: implausible mobility dates (R12, the
 * plan) and a home course recognised again (R7). The server answers such a refusal with
 * `overridable` in its details; this box shows the refusals and, when the reader may, a reason
 * field and the button that sends the request again with that reason.
 */
import { useId, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { Field } from '../../components/ui/field.tsx';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import type { Refusal } from '../../../domain/shared/refusal.ts';

export type Overridable = { refusals: Refusal[]; overridable: boolean };

/** The refusals of an error the reader may override (or not), else null. */
export function overridableOf(error: unknown): Overridable | null {
  if (!(error instanceof ApiError)) return null;
  const flag = error.details?.overridable;
  if (typeof flag !== 'boolean') return null;
  return { refusals: error.details?.refusals ?? [], overridable: flag };
}

export function OverrideBox({
  refused,
  title,
  help,
  notAllowed,
  reasonLabel,
  confirm,
  busy,
  onConfirm,
  testId,
}: {
  refused: Overridable;
  title: string;
  help: string;
  notAllowed: string;
  reasonLabel: string;
  confirm: string;
  busy: boolean;
  onConfirm: (reason: string) => void;
  testId: string;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  return (
    <div className="alert mobility-override" role="alert" data-testid={testId}>
      <p className="alert-title">{title}</p>
      <RefusalList refusals={refused.refusals} />
      {refused.overridable ? (
        <>
          <p className="help">{help}</p>
          <Field id={`${id}-override`} label={reasonLabel}>
            {(control) => (
              <textarea
                {...control}
                name="overrideReason"
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button
              type="button"
              className="button button-secondary"
              data-testid={`${testId}-confirm`}
              disabled={busy || reason.trim() === ''}
              onClick={() => onConfirm(reason.trim())}
            >
              {confirm}
            </button>
          </div>
        </>
      ) : (
        <p>{notAllowed}</p>
      )}
    </div>
  );
}
