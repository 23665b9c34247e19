import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert.tsx';

/** A page of a keyset-paged list: its rows and the cursor of the next page (null on the last). */
export type KeysetPage<T> = { items: T[]; nextCursor: string | null };

/**
 * The rows of a keyset-paged list: its first page (loaded by the page, e.g. with useResource)
 * and the pages "Show more" adds after it. The added pages start over whenever the first page
 * changes (a new search, a reload).
 */
export function useShowMore<T>(
  first: KeysetPage<T> | null,
  loadPage: (cursor: string) => Promise<KeysetPage<T>>,
) {
  const [more, setMore] = useState<{ for: unknown; items: T[]; next: string | null }>({
    for: null,
    items: [],
    next: null,
  });
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({
    loading: false,
    error: null,
  });
  const extra =
    more.for === first ? more : { for: first, items: [], next: first?.nextCursor ?? null };
  const showMore = () => {
    if (!extra.next) return;
    setState({ loading: true, error: null });
    loadPage(extra.next).then(
      (page) => {
        setMore({ for: first, items: [...extra.items, ...page.items], next: page.nextCursor });
        setState({ loading: false, error: null });
      },
      (error: unknown) => setState({ loading: false, error }),
    );
  };
  return {
    items: first ? [...first.items, ...extra.items] : [],
    next: extra.next,
    loading: state.loading,
    error: state.error,
    showMore,
  };
}

/** The "Show more" button of a list (with the error of the last try), while more pages follow. */
export function ShowMore({ list }: { list: ReturnType<typeof useShowMore<unknown>> }) {
  const { t } = useTranslation();
  return (
    <>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.showMore} /> : null}
      {list.next ? (
        <button type="button" onClick={list.showMore} disabled={list.loading}>
          {list.loading ? t('pagination.loadingMore') : t('pagination.showMore')}
        </button>
      ) : null}
    </>
  );
}
