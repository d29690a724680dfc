// Workload page: aggregate demand over time against the sum of per-VM peaks (the multiplexing gain).
import type { MetricName, WorkloadAggregate } from '../api/workloads';
import { max, round, stepTimes, TIME_AXIS, UNITS } from './common';
import type { Option } from './echarts';

export interface MultiplexingShape {
  times: number[];
  demand: number[];
  /** Σ over VMs of each VM's own peak: what sizing every VM for its peak would reserve */
  sumOfPeaks: number;
  peakOfSum: number;
  /** how many times smaller the peak of the sum is than the sum of the peaks (≥ 1) */
  gain: number;
  unit: string;
}

/** Shapes one metric of GET /workloads/{id}/aggregate; null when the trace does not measure it. */
export function shapeMultiplexing(agg: WorkloadAggregate, metric: MetricName): MultiplexingShape | null {
  const demand = agg.demand?.[metric];
  if (!demand?.length) return null;
  const times = agg.timestamps?.length === demand.length
    ? agg.timestamps.map((t) => Date.parse(t))
    : stepTimes(agg.start, agg.stepSeconds, demand.length);
  const peakOfSum = agg.peakOfSum?.[metric] ?? max(demand);
  const sumOfPeaks = agg.sumOfPeaks?.[metric] ?? peakOfSum;
  return {
    times,
    demand,
    sumOfPeaks,
    peakOfSum,
    gain: peakOfSum > 0 && sumOfPeaks > 0 ? round(sumOfPeaks / peakOfSum, 2) : 1,
    unit: agg.units?.[metric] ?? UNITS[metric],
  };
}

export function multiplexingOption(s: MultiplexingShape): Option {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 70, right: 20, top: 36, bottom: 56 },
    xAxis: TIME_AXIS,
    yAxis: { type: 'value', name: s.unit, min: 0, max: (v: { max: number }) => Math.ceil(Math.max(v.max, s.sumOfPeaks) * 1.05) },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    series: [
      {
        name: 'Σ demand (all VMs)', type: 'line', showSymbol: false, areaStyle: { opacity: 0.25 }, sampling: 'max',
        data: s.times.map((t, i) => [t, round(s.demand[i])]),
        markLine: { symbol: 'none', data: [{ yAxis: round(s.peakOfSum), name: 'peak of the sum' }], label: { formatter: 'peak of sum', position: 'insideEndTop' } },
      },
      {
        name: 'Σ of per-VM peaks', type: 'line', showSymbol: false, lineStyle: { type: 'dashed', width: 2 },
        data: s.times.map((t) => [t, round(s.sumOfPeaks)]),
      },
    ],
  };
}
