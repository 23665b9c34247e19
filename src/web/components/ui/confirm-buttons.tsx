/**
 * The second step of a destructive action: a danger button that does it and a button that steps
 * back. Both are disabled while the action runs.
 */
export function ConfirmButtons({
  confirm,
  cancel,
  busy,
  onConfirm,
  onCancel,
}: {
  confirm: string;
  cancel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <>
      <button type="button" className="button button-danger" disabled={busy} onClick={onConfirm}>
        {confirm}
      </button>{' '}
      <button type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
        {cancel}
      </button>
    </>
  );
}
