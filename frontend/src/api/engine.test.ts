import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEATMAP_POINTS, PAGE_MAX, loadCompletedSimulation, loadHostSeries, loadVmPage, simulationWarnings } from './engine';

afterEach(() => {
  vi.unstubAllGlobals();
});

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const vm = (i: number) => ({ vm: i, name: `vm${i}`, host: 0, minPerformance: 1, p5Performance: 1, meanPerformance: 1, demandSteps: 1, throttledSteps: 0, peakHostCpuMhz: 1 });

describe('simulationWarnings', () => {
  it('is empty for an engine that sends none', () => {
    expect(simulationWarnings({ metrics: null })).toEqual([]);
    expect(simulationWarnings(null)).toEqual([]);
  });

  it('takes strings and { message } objects, top level and inside metrics, once each', () => {
    expect(simulationWarnings({
      warnings: ['Memory is overcommitted on 3 hosts', { message: 'Disk not planned' }, { code: '' }],
      metrics: { warnings: ['Memory is overcommitted on 3 hosts', { detail: 'Network not planned' }] },
    })).toEqual(['Memory is overcommitted on 3 hosts', 'Disk not planned', 'Network not planned']);
  });
});

describe('loadCompletedSimulation', () => {
  it('answers null while the replay runs', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json([{ virtualization: 'FULL', status: 'RUNNING' }])));
    expect(await loadCompletedSimulation('p', 'FULL', new AbortController().signal)).toBeNull();
  });

  it('asks bucketed CPU host series and only the first VM page, keeping the totals', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      urls.push(url);
      if (url.endsWith('/simulations')) return json([{ virtualization: 'FULL', status: 'COMPLETED' }]);
      return json({ planId: 'p', virtualization: 'FULL', status: 'COMPLETED', grid: {}, metrics: null,
        hosts: { offset: 0, limit: 1000, total: 1500, items: [{ host: 0 }] },
        vms: { page: 0, size: 1000, total: 2500, sort: 'index', items: Array.from({ length: 1000 }, (_, i) => vm(i)) } });
    }));
    const sim = (await loadCompletedSimulation('p', 'FULL', new AbortController().signal))!;
    expect(sim.vms!.items).toHaveLength(1000);
    expect(sim.vms!.total).toBe(2500);
    expect(sim.hosts!.total).toBe(1500);
    const simUrls = urls.filter((u) => u.includes('/simulation?'));
    expect(simUrls).toHaveLength(1);
    expect(simUrls[0]).toContain(`maxPoints=${HEATMAP_POINTS}`);
    expect(simUrls[0]).toContain('resources=CPU');
    expect(simUrls[0]).toContain(`vmSize=${PAGE_MAX}`);
  });
});

describe('loadVmPage', () => {
  it('asks one VM page without host series and answers its items and the total', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      urls.push(url);
      return json({ planId: 'p', virtualization: 'FULL', status: 'COMPLETED', grid: {}, metrics: null, hosts: null,
        vms: { page: 2, size: 1000, total: 2500, sort: 'index', items: Array.from({ length: 500 }, (_, i) => vm(2000 + i)) } });
    }));
    const page = await loadVmPage('p', 'FULL', 2, new AbortController().signal);
    expect(page.items).toHaveLength(500);
    expect(page.total).toBe(2500);
    expect(urls[0]).toContain('hostLimit=0');
    expect(urls[0]).toContain('vmPage=2');
  });
});

describe('loadHostSeries', () => {
  it('asks one resource of the shown hosts, bucketed, with a single VM', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      urls.push(url);
      return json({ hosts: { offset: 0, limit: 1000, total: 1, items: [{ host: 3, utilization: { MEMORY: [0.5] } }] }, vms: null });
    }));
    const hosts = await loadHostSeries('p', 'PARAVIRTUAL', 'MEMORY', new AbortController().signal);
    expect(hosts.map((h) => h.host)).toEqual([3]);
    expect(urls[0]).toMatch(/virtualization=PARAVIRTUAL/);
    expect(urls[0]).toMatch(/resources=MEMORY/);
    expect(urls[0]).toMatch(/vmSize=1(&|$)/);
    expect(urls[0]).toContain(`maxPoints=${HEATMAP_POINTS}`);
    await loadHostSeries('p', 'FULL', 'CPU', new AbortController().signal, 1000);
    expect(urls[1]).toMatch(/hostOffset=1000&hostLimit=1000/);
  });
});
