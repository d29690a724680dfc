import { describe, expect, it } from 'vitest';
import { loadRemainingPages, nextPage, partialNote } from './pages';

describe('nextPage', () => {
  it('starts at page 0 when nothing is known', () => {
    expect(nextPage(0, null, 1000, 50_000)).toBe(0);
  });

  it('walks the pages until the total is loaded', () => {
    const pages: number[] = [];
    let loaded = 0;
    for (let p = nextPage(loaded, 2500, 1000, 50_000); p != null; p = nextPage(loaded, 2500, 1000, 50_000)) {
      pages.push(p);
      loaded += Math.min(1000, 2500 - loaded);
    }
    expect(pages).toEqual([0, 1, 2]);
    expect(loaded).toBe(2500);
  });

  it('stops at the cap, after a short page, and when the total is reached', () => {
    expect(nextPage(50_000, 60_000, 1000, 50_000)).toBeNull();
    expect(nextPage(1500, null, 1000, 50_000)).toBeNull();
    expect(nextPage(1000, 1000, 1000, 50_000)).toBeNull();
    expect(nextPage(1000, 50_000, 1000, 50_000)).toBe(1);
  });
});

describe('partialNote', () => {
  it('says nothing once every item is there', () => {
    expect(partialNote('VMs', { items: [1, 2], total: 2, loading: false })).toBeNull();
  });

  it('says how far loading got and that the view covers the loaded items', () => {
    expect(partialNote('VMs', { items: new Array(3000), total: 50_000, loading: true }))
      .toBe('Loading VMs: 3,000 of 50,000 so far; what is shown covers the loaded ones.');
  });

  it('says what is shown when loading stopped short (cap or error)', () => {
    expect(partialNote('VMs', { items: new Array(50_000), total: 60_000, loading: false })).toBe('Showing 50,000 of 60,000 VMs.');
  });
});

describe('loadRemainingPages', () => {
  const list = (total: number, pageSize: number) => async (page: number) =>
    ({ items: Array.from({ length: Math.max(0, Math.min(pageSize, total - page * pageSize)) }, (_, i) => page * pageSize + i), total });

  it('fetches the pages after the first one, reporting the list after each', async () => {
    const asked: number[] = [];
    const reported: number[] = [];
    const fetchPage = list(2500, 1000);
    const all = await loadRemainingPages(async (p) => { asked.push(p); return fetchPage(p); }, await fetchPage(0), 1000, 50_000, (l) => reported.push(l.items.length));
    expect(asked).toEqual([1, 2]);
    expect(reported).toEqual([2000, 2500]);
    expect(all.items).toEqual(Array.from({ length: 2500 }, (_, i) => i));
    expect(all.total).toBe(2500);
  });

  it('starts at page 0 without a first page and stops at the cap', async () => {
    const asked: number[] = [];
    const fetchPage = list(50_000, 10_000);
    const all = await loadRemainingPages(async (p) => { asked.push(p); return fetchPage(p); }, null, 10_000, 30_000, () => {});
    expect(asked).toEqual([0, 1, 2]);
    expect(all.items).toHaveLength(30_000);
    expect(all.total).toBe(50_000);
  });

  it('stops at an empty page and rejects on a failed one after reporting what came before', async () => {
    const empty = await loadRemainingPages(async () => ({ items: [], total: 5000 }), { items: [1], total: 5000 }, 1, 50_000, () => {});
    expect(empty.items).toEqual([1]);
    const reported: number[] = [];
    const failing = loadRemainingPages(async (p) => { if (p === 2) throw new Error('down'); return { items: [p], total: 5 }; }, null, 1, 50_000, (l) => reported.push(l.items.length));
    await expect(failing).rejects.toThrow('down');
    expect(reported).toEqual([1, 2]);
  });
});
