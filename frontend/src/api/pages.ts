// Loading a paged list page by page: which page comes next, and what the page says about a partial list.
import type { ListPage } from './client';

/**
 * The next page (0-based, pages of pageSize) to fetch after `loaded` items, or null when done: the list's
 * total (null = not known yet) or the cap is reached, or the last page came back short.
 */
export function nextPage(loaded: number, total: number | null, pageSize: number, cap: number): number | null {
  if (total != null && loaded >= Math.min(total, cap)) return null;
  if (loaded >= cap || loaded % pageSize !== 0) return null;
  return loaded / pageSize;
}

/**
 * Fetches the pages after `first` (all of them when first is null) one after another, up to cap items,
 * reporting the list so far after each page; answers the whole list. Stops at an empty page; a failed
 * page rejects (what came before it has been reported).
 */
export async function loadRemainingPages<T>(
  fetchPage: (page: number) => Promise<ListPage<T>>,
  first: ListPage<T> | null,
  pageSize: number,
  cap: number,
  onPage: (soFar: ListPage<T>) => void,
): Promise<ListPage<T>> {
  let items = first?.items ?? [];
  let total: number | null = first ? first.total : null;
  for (let p = nextPage(items.length, total, pageSize, cap); p != null; p = nextPage(items.length, total, pageSize, cap)) {
    const page = await fetchPage(p);
    total = page.total;
    if (!page.items.length) break;
    items = [...items, ...page.items];
    onPage({ items, total });
  }
  return { items, total: total ?? items.length };
}

/** A list being loaded in the background: what is there so far, and whether more is coming. */
export interface LoadedPages<T> extends ListPage<T> {
  loading: boolean;
  error: unknown;
}

/**
 * Tells what a view computed over a partial list covers: null once every item is there; while loading
 * "Loading VMs: 3,000 of 50,000 so far; …"; when stopped (cap or error) "Showing 3,000 of 50,000 VMs".
 */
export function partialNote(what: string, list: Pick<LoadedPages<unknown>, 'items' | 'total' | 'loading'>): string | null {
  const loaded = list.items.length;
  if (loaded >= list.total) return null;
  const n = `${loaded.toLocaleString('en-US')} of ${list.total.toLocaleString('en-US')}`;
  return list.loading ? `Loading ${what}: ${n} so far; what is shown covers the loaded ones.` : `Showing ${n} ${what}.`;
}
