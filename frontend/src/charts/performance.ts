// Dashboard: distribution of per-VM delivered performance (delivered ÷ demanded, 1 = never short).
import type { VmSummary } from '../api/engine';
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

export type PerfMeasure = 'minPerformance' | 'p5Performance' | 'meanPerformance';
type Perf = Pick<VmSummary, 'minPerformance' | 'p5Performance' | 'meanPerformance'>;

/** Counts VMs per delivered-performance bin of the chosen measure (fractions, 1 = all it asked for). */
export function shapePerformance(vms: Perf[], pick: PerfMeasure = 'minPerformance'): { labels: string[]; counts: number[] } {
  const counts = PERF_BINS.map(() => 0);
  for (const vm of vms) {
    const f = vm[pick];
    if (f == null || Number.isNaN(f)) continue;
    const k = PERF_BINS.findIndex((b) => f < b.upTo);
    counts[k === -1 ? PERF_BINS.length - 1 : k]++;
  }
  return { labels: PERF_BINS.map((b) => b.label), counts };
}

/** meanApproachPerformance: the VM's mean had its host never been saturated (the approach's fixed slowdown only); newer engines. */
type Throttle = Perf & Pick<VmSummary, 'throttledSteps'> & { meanApproachPerformance?: number | null };

/**
 * VMs actually throttled by host capacity (throttledSteps > 0), worst first — not those slowed only by the
 * approach's constant virtualization overhead, which every VM on that approach pays.
 */
export function shortVms<T extends Throttle>(vms: T[]): T[] {
  return vms.filter((v) => (v.throttledSteps ?? 0) > 0).sort((a, b) => a.minPerformance - b.minPerformance);
}

export interface ConstantSlowdown {
  /** VMs whose overhead-only performance is known (the engine's field, else never-throttled VMs' mean) */
  vms: number;
  /** mean and worst delivered performance on an unsaturated host (1 ÷ slowdown), fractions */
  meanPerformance: number;
  minPerformance: number;
}

/** The approach's constant slowdown: delivered performance with no host saturation, over the VMs it is known for. */
export function constantSlowdown(vms: Throttle[]): ConstantSlowdown | null {
  let n = 0, sum = 0, min = Infinity;
  for (const v of vms) {
    const f = v.meanApproachPerformance ?? ((v.throttledSteps ?? 0) === 0 ? v.meanPerformance : undefined);
    if (f == null || Number.isNaN(f)) continue;
    n++;
    sum += f;
    min = Math.min(min, f);
  }
  return n ? { vms: n, meanPerformance: sum / n, minPerformance: min } : null;
}

export function performanceOption(s: { labels: string[]; counts: number[] }, measure: string): Option {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 20, top: 32, bottom: 70 },
    // every bucket label, tilted so all seven fit a narrow chart
    xAxis: { type: 'category', data: s.labels, name: measure, nameLocation: 'middle', nameGap: 52, axisLabel: { interval: 0, rotate: 30, fontSize: 11 } },
    yAxis: { type: 'value', name: 'VMs', minInterval: 1 },
    series: [{
      type: 'bar', name: 'VMs',
      data: s.counts.map((c, i) => ({ value: c, itemStyle: { color: i === s.counts.length - 1 ? '#2a9d58' : i < 2 ? '#b3261e' : '#f0a500' } })),
      label: { show: true, position: 'top' },
    }],
  };
}

/** The engine's loss causes (newer engines) in words; unknown causes keep their name. */
export const LOSS_LABELS: Record<string, string> = {
  VIRTUALIZATION_OVERHEAD: 'virtualization overhead',
  CPU_CAPACITY: 'host CPU capacity',
  IO_THROUGHPUT: 'host disk/network throughput',
  MEMORY_OVERCOMMIT: 'memory overcommit',
  MIGRATION: 'live migration',
};

/** Per cause, its share of the lost mean performance in percentage points, largest first; zero shares left out. */
/** Smallest loss listed, in points: below it the one-decimal figure would read 0 (float residue of the replay). */
export const LOSS_SHOWN_MIN_POINTS = 0.05;

export function lossShares(loss: Record<string, number | null | undefined> | null | undefined): { cause: string; label: string; points: number }[] {
  return Object.entries(loss ?? {})
    .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] * 100 >= LOSS_SHOWN_MIN_POINTS)
    .map(([cause, share]) => ({ cause, label: LOSS_LABELS[cause] ?? cause, points: share * 100 }))
    .sort((a, b) => b.points - a.points);
}
