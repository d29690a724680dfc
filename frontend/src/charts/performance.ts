// Dashboard: distribution of per-VM delivered performance (delivered ÷ demanded, 1 = never short).
import type { VmPerformance } from '../api/engine';
import type { Option } from './echarts';

export const PERF_BINS = [
  { label: '< 50 %', upTo: 0.5 },
  { label: '50–80 %', upTo: 0.8 },
  { label: '80–90 %', upTo: 0.9 },
  { label: '90–95 %', upTo: 0.95 },
  { label: '95–99 %', upTo: 0.99 },
  { label: '99–<100 %', upTo: 0.9995 },
  { label: '100 %', upTo: Infinity },
];

/** Values may come as fractions (0..1) or percents (0..100); answers a fraction. */
export function asFraction(v: number): number {
  return v > 1.5 ? v / 100 : v;
}

export function shapePerformance(vms: VmPerformance[], pick: 'min' | 'mean' | 'p5' = 'min'): { labels: string[]; counts: number[] } {
  const counts = PERF_BINS.map(() => 0);
  for (const vm of vms) {
    const raw = vm[pick] ?? vm.min;
    if (raw == null || Number.isNaN(raw)) continue;
    const f = asFraction(raw);
    const k = PERF_BINS.findIndex((b) => f < b.upTo);
    counts[k === -1 ? PERF_BINS.length - 1 : k]++;
  }
  return { labels: PERF_BINS.map((b) => b.label), counts };
}

/** VMs whose delivered performance ever fell below 100 % (worst first). */
export function shortVms(vms: VmPerformance[]): VmPerformance[] {
  return vms.filter((v) => asFraction(v.min) < 0.9995).sort((a, b) => asFraction(a.min) - asFraction(b.min));
}

export function performanceOption(s: { labels: string[]; counts: number[] }, measure: string): Option {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 20, top: 20, bottom: 50 },
    xAxis: { type: 'category', data: s.labels, name: measure, nameLocation: 'middle', nameGap: 32 },
    yAxis: { type: 'value', name: 'VMs', minInterval: 1 },
    series: [{
      type: 'bar', name: 'VMs',
      data: s.counts.map((c, i) => ({ value: c, itemStyle: { color: i === s.counts.length - 1 ? '#2a9d58' : i < 2 ? '#b3261e' : '#f0a500' } })),
      label: { show: true, position: 'top' },
    }],
  };
}
