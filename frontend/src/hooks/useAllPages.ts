import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListPage } from '../api/client';
import { loadRemainingPages, type LoadedPages } from '../api/pages';

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
    let soFar: ListPage<T> = { items: first?.items ?? [], total: first?.total ?? 0 };
    setState({ ...soFar, loading: true, error: null });
    const report = (l: ListPage<T>) => {
      soFar = l;
      if (!ctrl.signal.aborted) setState({ ...l, loading: true, error: null });
    };
    loadRemainingPages((p) => fetchRef.current(p, ctrl.signal), first, pageSize, cap, report).then(
      (all) => !ctrl.signal.aborted && setState({ ...all, loading: false, error: null }),
      (error) => !ctrl.signal.aborted && setState({ ...soFar, total: Math.max(soFar.total, soFar.items.length), loading: false, error }),
    );
    return () => ctrl.abort();
  }, [...deps, tick]);
  const retry = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, retry };
}
