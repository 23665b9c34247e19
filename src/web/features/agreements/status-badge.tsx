import { useLabels } from '../../lib/labels.ts';

/** An agreement's status, in words (never by colour alone). */
export function AgreementStatusBadge({ status }: { status: string }) {
  const { statusLabel } = useLabels();
  return (
    <span className={`badge badge-status badge-status-${status}`} data-status={status}>
      {statusLabel(status)}
    </span>
  );
}
