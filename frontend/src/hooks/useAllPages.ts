import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListPage } from '../api/client';
import { nextPage, type LoadedPages } from '../api/pages';

/**
 * Loads a paged list in the background, page after page (up to cap items), starting after `first` when the
 * caller already has page 0; the view renders from the first page on and re-renders as pages arrive.
 * Runs again when deps change; retry() starts over after an error.
 */
export function useAllPages<T>(
  fetchPage: (page: number, signal: AbortSignal) => Promise<ListPage<T>>,
  first: ListPage<T> | null,
  pageSize: number,
  cap: number,
  deps: unknown[],
): LoadedPages<T> & { retry: () => void } {
  const [state, setState] = useState<LoadedPages<T>>({ items: first?.items ?? [], total: first?.total ?? 0, loading: true, error: null });
  const [tick, setTick] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  useEffect(() => {
    const ctrl = new AbortController();
    let items = first?.items ?? [];
    let total: number | null = first ? first.total : null;
    setState({ items, total: total ?? 0, loading: true, error: null });
    (async () => {
      try {
        for (let p = nextPage(items.length, total, pageSize, cap); p != null; p = nextPage(items.length, total, pageSize, cap)) {
          const page = await fetchRef.current(p, ctrl.signal);
          total = page.total;
          if (!page.items.length) break;
          items = [...items, ...page.items];
          if (!ctrl.signal.aborted) setState({ items, total, loading: true, error: null });
        }
        if (!ctrl.signal.aborted) setState({ items, total: total ?? items.length, loading: false, error: null });
      } catch (error) {
        if (!ctrl.signal.aborted) setState({ items, total: total ?? items.length, loading: false, error });
      }
    })();
    return () => ctrl.abort();
  }, [...deps, tick]);
  const retry = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, retry };
}
