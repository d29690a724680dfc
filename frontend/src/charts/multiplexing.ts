// Workload page: aggregate demand over time against the sum of per-VM peaks (the multiplexing gain).
import type { MetricName, WorkloadAggregate } from '../api/workloads';
import { max, round, stepTimes, UNITS } from './common';
import type { Option } from './echarts';

export interface MultiplexingShape {
  times: number[];
  demand: number[];
  /** Σ over VMs of each VM's own peak, per step (constant when the server gives one number) */
  sumOfPeaks: number[];
  peakOfSum: number;
  /** how many times smaller the peak of the sum is than the sum of the peaks (≥ 1) */
  gain: number;
}

export function shapeMultiplexing(agg: WorkloadAggregate, metric: MetricName): MultiplexingShape | null {
  const demand = agg.demand?.[metric];
  if (!demand || demand.length === 0) return null;
  const raw = agg.sumOfPeaks?.[metric] as number | number[] | undefined;
  const sumOfPeaks = Array.isArray(raw) ? raw.slice(0, demand.length) : demand.map(() => raw ?? NaN);
  const peakOfSum = max(demand);
  const sop = max(sumOfPeaks.filter((v) => !Number.isNaN(v)));
  return {
    times: stepTimes(agg.start, agg.stepSeconds, demand.length),
    demand,
    sumOfPeaks,
    peakOfSum,
    gain: peakOfSum > 0 && sop > 0 ? round(sop / peakOfSum, 2) : 1,
  };
}

export function multiplexingOption(s: MultiplexingShape, metric: MetricName): Option {
  const unit = UNITS[metric] ?? '';
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 70, right: 20, top: 36, bottom: 56 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: unit, min: 0 },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    series: [
      {
        name: 'Σ demand (all VMs)', type: 'line', showSymbol: false, areaStyle: { opacity: 0.25 },
        data: s.times.map((t, i) => [t, round(s.demand[i])]),
        markLine: { symbol: 'none', data: [{ yAxis: round(s.peakOfSum), name: 'peak of the sum' }], label: { formatter: 'peak of sum' } },
      },
      {
        name: 'Σ of per-VM peaks', type: 'line', showSymbol: false, lineStyle: { type: 'dashed', width: 2 },
        data: s.times.map((t, i) => [t, round(s.sumOfPeaks[i])]),
      },
    ],
  };
}
