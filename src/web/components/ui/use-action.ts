import { useCallback, useState } from 'react';
import { useSession } from '../../app/session.tsx';

export type Action = {
  /** True while a write runs: disable its button. */
  busy: boolean;
  /** The last failure (null when none): show it with FormErrors or ErrorAlert. */
  error: unknown;
  /**
   * Runs one write with the session's CSRF token, clearing the last error first. Resolves to
   * true when it succeeded; a failure is kept in `error`, never thrown.
   */
  run: (work: (csrfToken: string) => Promise<unknown>) => Promise<boolean>;
  /** Forgets the last failure (e.g. when the form is cancelled). */
  reset: () => void;
};

/**
 * The one way a page writes: it owns the busy flag and the error, and takes the CSRF token every
 * cookie-authenticated write must send from the session instead of from props.
 */
export function useAction(): Action {
  const { csrfToken } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(
    async (work: (csrfToken: string) => Promise<unknown>) => {
      setBusy(true);
      setError(null);
      try {
        await work(csrfToken ?? '');
        return true;
      } catch (caught) {
        setError(caught);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [csrfToken],
  );
  const reset = useCallback(() => setError(null), []);
  return { busy, error, run, reset };
}

/**
 * The session's CSRF token, for the few writes that manage their own progress (uploads, long
 * runs) rather than going through `useAction`: still taken here, never passed down as a prop.
 */
export function useCsrfToken(): string {
  return useSession().csrfToken ?? '';
}
