import type { ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Resource } from '../../lib/use-resource.ts';
import { ErrorAlert } from './error-alert.tsx';
import { Loading } from './loading.tsx';

type Props<T> = {
  resource: Resource<T> & { reload: () => void };
  /** The data, once loaded. */
  children: (data: T) => ReactNode;
  /** Shown instead of the error when the server answers 404 (a detail page's not-found page). */
  notFound?: ReactNode;
  /** Shown above the error, e.g. the page's heading. */
  errorHeading?: ReactNode;
  /** How this area shows a failure (default: the alert with a retry button). */
  renderError?: (error: unknown, retry: () => void) => ReactNode;
  /** Without a retry button (the default retries). */
  noRetry?: boolean;
  /** When `isEmpty(data)`, `empty` is shown instead of `children`. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  loadingLabel?: string;
};

/** The loading, error, empty and data states of a `useResource`, drawn the same way everywhere. */
export function ResourceView<T>({
  resource,
  children,
  notFound,
  errorHeading,
  renderError,
  noRetry = false,
  isEmpty,
  empty,
  loadingLabel,
}: Props<T>) {
  if (resource.status === 'loading') {
    return <Loading {...(loadingLabel === undefined ? {} : { label: loadingLabel })} />;
  }
  if (resource.status === 'error') {
    const { error, reload } = resource;
    if (notFound !== undefined && error instanceof ApiError && error.status === 404) {
      return <>{notFound}</>;
    }
    return (
      <>
        {errorHeading}
        {renderError ? (
          renderError(error, reload)
        ) : (
          <ErrorAlert error={error} {...(noRetry ? {} : { onRetry: reload })} />
        )}
      </>
    );
  }
  if (isEmpty?.(resource.data)) return <>{empty}</>;
  return <>{children(resource.data)}</>;
}
