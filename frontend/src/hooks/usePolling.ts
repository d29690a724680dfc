import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

/**
 * Loads now, then again every `intervalMs` while `keepGoing(last)` holds; stops on unmount.
 * Errors are kept (and shown); polling goes on after a network blip or server error, but stops on a
 * client error (4xx: not found, bad id), which asking again would not change.
 */
export function usePolling<T>(load: (signal: AbortSignal) => Promise<T>, intervalMs: number, keepGoing: (last: T) => boolean, deps: unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const goRef = useRef(keepGoing);
  goRef.current = keepGoing;

  useEffect(() => {
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      try {
        const value = await loadRef.current(ctrl.signal);
        if (ctrl.signal.aborted) return;
        setData(value);
        setError(undefined);
        if (goRef.current(value)) timer = setTimeout(run, intervalMs);
      } catch (e) {
        if (ctrl.signal.aborted) return;
        setError(e);
        const clientError = e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429;
        if (!clientError) timer = setTimeout(run, intervalMs * 2);
      }
    };
    run();
    return () => {
      ctrl.abort();
      if (timer) clearTimeout(timer);
    };
  }, [...deps, intervalMs, tick]);

  return { data, error, refresh: () => setTick((t) => t + 1) };
}
