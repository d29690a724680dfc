// Dashboard: per host, its VMs' demand stacked over time against the host's capacity,
// and the multiplexing figures of that host (Σ of its VMs' peaks vs the peak of their sum).
import { max, PALETTE, round, sum, TIME_AXIS } from './common';
import type { Option } from './echarts';

export interface VmDemand {
  vmName: string;
  values: number[];
}

export interface HostStackShape {
  layers: VmDemand[];
  total: number[];
  capacity: number | null;
  sumOfPeaks: number;
  peakOfSum: number;
  /** VMs summed into the "others" layer (0 when every VM has its own layer) */
  otherCount: number;
}

/** The `maxLayers - 1` biggest VMs (by peak) stay separate; the rest are summed into one "others" layer. */
export function shapeHostStack(vms: VmDemand[], capacity: number | null, maxLayers = 10): HostStackShape {
  const steps = vms.reduce((n, v) => Math.max(n, v.values.length), 0);
  const total = new Array<number>(steps).fill(0);
  for (const v of vms) v.values.forEach((x, i) => (total[i] += x));
  const byPeak = [...vms].sort((a, b) => max(b.values) - max(a.values));
  let layers = byPeak;
  let otherCount = 0;
  if (byPeak.length > maxLayers) {
    const keep = byPeak.slice(0, maxLayers - 1);
    const rest = byPeak.slice(maxLayers - 1);
    const others = new Array<number>(steps).fill(0);
    for (const v of rest) v.values.forEach((x, i) => (others[i] += x));
    otherCount = rest.length;
    layers = [...keep, { vmName: `${rest.length} other VM${rest.length === 1 ? '' : 's'}`, values: others }];
  }
  return {
    layers,
    total,
    capacity,
    sumOfPeaks: sum(vms.map((v) => max(v.values))),
    peakOfSum: max(total),
    otherCount,
  };
}

const LEGEND_CHARS = 18;

/** A legend entry: the VM name cut to LEGEND_CHARS with an ellipsis. */
export function shortName(name: string): string {
  return name.length > LEGEND_CHARS ? `${name.slice(0, LEGEND_CHARS - 1)}…` : name;
}

export function hostStackOption(s: HostStackShape, times: number[], unit: string): Option {
  const series: object[] = s.layers.map((l, k) => ({
    name: l.vmName, type: 'line', stack: 'vms', showSymbol: false, lineStyle: { width: 0.5 },
    areaStyle: { opacity: 0.75 }, color: PALETTE[k % PALETTE.length],
    data: l.values.map((v, i) => [times[i], round(v)]),
  }));
  if (s.capacity != null) {
    series.push({
      name: 'Capacity', type: 'line', showSymbol: false, color: '#b3261e', lineStyle: { type: 'dashed', width: 2 },
      data: times.map((t) => [t, round(s.capacity!)]),
    });
  }
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    // a short legend: names cut to LEGEND_CHARS (the full name shows on hover), one scrollable row
    legend: { type: 'scroll', top: 0, formatter: shortName, tooltip: { show: true } },
    grid: { left: 70, right: 20, top: 56, bottom: 30 },
    xAxis: TIME_AXIS,
    yAxis: { type: 'value', name: unit, min: 0 },
    series,
  };
}

export interface HostMultiplexing {
  label: string;
  sumOfPeaks: number;
  peakOfSum: number;
}

export function hostMultiplexingOption(hosts: HostMultiplexing[], unit: string): Option {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 70, right: 20, top: 36, bottom: 60 },
    xAxis: { type: 'category', data: hosts.map((h) => h.label), axisLabel: { rotate: hosts.length > 8 ? 45 : 0 } },
    yAxis: { type: 'value', name: unit, min: 0 },
    dataZoom: hosts.length > 30 ? [{ type: 'slider', height: 16, bottom: 4 }] : [],
    series: [
      { name: 'Σ of VM peaks', type: 'bar', color: '#9ec2f0', data: hosts.map((h) => round(h.sumOfPeaks)) },
      { name: 'Peak of the sum', type: 'bar', color: '#1f5fbf', data: hosts.map((h) => round(h.peakOfSum)) },
    ],
  };
}
