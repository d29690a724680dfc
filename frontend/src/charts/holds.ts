// Hosts versus risk: a sweep's plans as points (hosts against host-steps over capacity, in and out of sample),
// and a backtest's folds as lines.
import type { Backtest, Fold } from '../api/holds';
import type { MetricName } from '../api/workloads';
import { PALETTE, round } from './common';
import type { Option } from './echarts';

/** One completed fold as a point: its plan, hosts, energy and the two risks of one resource. */
export interface RiskPoint {
  fold: number;
  label: string;
  planId: string | null;
  hosts: number;
  energyKWh: number;
  inSamplePercent: number;
  outOfSamplePercent: number;
}

export function riskPoints(b: Backtest, resource: MetricName): RiskPoint[] {
  return b.folds
    .filter((f: Fold) => f.status === 'COMPLETED' && f.hosts != null && f.outOfSample?.resources[resource])
    .map((f) => ({
      fold: f.fold,
      label: f.label,
      planId: f.planId ?? null,
      hosts: f.hosts!,
      energyKWh: f.outOfSample!.energyKWh,
      inSamplePercent: f.inSample?.resources[resource]?.hostStepsOverPercent ?? 0,
      outOfSamplePercent: f.outOfSample!.resources[resource]!.hostStepsOverPercent,
    }));
}

/** Scatter: x = host-steps over capacity (%), y = hosts; one series in sample, one out of sample. Point data carry the fold. */
export function sweepOption(points: RiskPoint[], resource: MetricName): Option {
  const tip = (p: RiskPoint, x: number) => `${p.label}<br/>${p.hosts} hosts · ${round(p.energyKWh, 1)} kWh (test)<br/>${resource} host-steps over capacity: ${round(x, 3)} %`;
  const series = (name: string, pick: (p: RiskPoint) => number, color: string, symbol: string) => ({
    name, type: 'scatter', symbol, symbolSize: 12, itemStyle: { color },
    data: points.map((p) => ({ value: [pick(p), p.hosts], fold: p.fold, tip: tip(p, pick(p)) })),
  });
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: (p: { data: { tip: string } }) => p.data.tip },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 36, bottom: 48 },
    xAxis: { type: 'value', name: `${resource} host-steps over capacity (%)`, nameLocation: 'middle', nameGap: 30, min: 0 },
    yAxis: { type: 'value', name: 'hosts', minInterval: 1 },
    series: [
      series('in sample (fitted data)', (p) => p.inSamplePercent, PALETTE[0], 'circle'),
      series('out of sample (held-out data)', (p) => p.outOfSamplePercent, PALETTE[3], 'diamond'),
    ],
  };
}

/** Per fold: hosts (bars) and host-steps over capacity in and out of sample (lines, right axis). */
export function backtestOption(points: RiskPoint[], resource: MetricName): Option {
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 64, top: 36, bottom: 40 },
    xAxis: { type: 'category', name: 'fold', data: points.map((p) => String(p.fold + 1)) },
    yAxis: [
      { type: 'value', name: 'hosts', minInterval: 1 },
      { type: 'value', name: `${resource} over (%)`, min: 0 },
    ],
    series: [
      { name: 'hosts', type: 'bar', data: points.map((p) => p.hosts), itemStyle: { color: '#b0bec5' } },
      { name: 'in sample %', type: 'line', yAxisIndex: 1, data: points.map((p) => round(p.inSamplePercent, 3)) },
      { name: 'out of sample %', type: 'line', yAxisIndex: 1, data: points.map((p) => round(p.outOfSamplePercent, 3)), itemStyle: { color: PALETTE[3] } },
    ],
  };
}
