import { describe, expect, it } from 'vitest';
import { nextPage, partialNote } from './pages';

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
