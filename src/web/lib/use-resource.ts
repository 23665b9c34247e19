import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from '../api/client.ts';

export type Resource<T> =
  | { status: 'loading'; data: undefined; error: undefined }
  | { status: 'success'; data: T; error: undefined }
  | { status: 'error'; data: undefined; error: unknown };

type Settled<T> =
  { key: string; status: 'success'; data: T } | { key: string; status: 'error'; error: unknown };

/**
 * Loads data for `key` (a string that changes whenever the request changes, e.g. the URL) and
 * aborts the previous request. `load` may change on every render; only `key` triggers a reload.
 */
export function useResource<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): Resource<T> & { reload: () => void } {
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const fullKey = key === null ? null : `${attempt}:${key}`;

  useEffect(() => {
    if (fullKey === null) return;
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ key: fullKey, status: 'success', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        setSettled({ key: fullKey, status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [fullKey]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  if (settled === null || settled.key !== fullKey) {
    return { status: 'loading', data: undefined, error: undefined, reload };
  }
  if (settled.status === 'success') {
    return { status: 'success', data: settled.data, error: undefined, reload };
  }
  return { status: 'error', data: undefined, error: settled.error, reload };
}
