import { useEffect, useRef } from 'react';
import { firstFocusable, focusElement, focusIsLost } from './focus.ts';

/**
 * The second step of a destructive action: a danger button that does it and a button that steps
 * back. Both are disabled while the action runs. The step-back button takes focus when the pair
 * appears (the safe choice first); when the pair goes away and focus would fall to the page body,
 * it returns to the first control of the place the pair stood in (e.g. the button that asked).
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
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const button = cancelRef.current;
    focusElement(button);
    // The container the pair stands in outlives it (a table cell, a section).
    const container = button?.parentElement?.parentElement ?? null;
    return () => {
      requestAnimationFrame(() => {
        if (focusIsLost()) focusElement(firstFocusable(container));
      });
    };
  }, []);
  return (
    <>
      <button type="button" className="button button-danger" disabled={busy} onClick={onConfirm}>
        {confirm}
      </button>{' '}
      <button
        ref={cancelRef}
        type="button"
        className="button button-secondary"
        disabled={busy}
        onClick={onCancel}
      >
        {cancel}
      </button>
    </>
  );
}
