// Dashboard: FULL vs PARAVIRTUAL vs HARDWARE_ASSISTED — hosts, energy, performance side by side.
import type { ApproachOutcome } from '../api/engine';
import { round } from './common';
import type { Option } from './echarts';

export interface ComparisonRow {
  approach: string;
  hosts: number | null;
  energyKwh: number | null;
  performancePercent: number | null;
}

export function shapeComparison(approaches: ApproachOutcome[]): ComparisonRow[] {
  return approaches.map((a) => ({
    approach: a.approach,
    hosts: a.hostsNeeded ?? null,
    energyKwh: a.energyKWhOnHostsNeeded == null ? null : round(a.energyKWhOnHostsNeeded, 1),
    performancePercent: a.meanPerformance == null ? null : round(a.meanPerformance * 100, 1),
  }));
}

/** Three small bar groups (hosts, energy, performance) with each measure on its own axis. */
export function comparisonOption(rows: ComparisonRow[]): Option {
  const measures: { key: keyof ComparisonRow; name: string }[] = [
    { key: 'hosts', name: 'Hosts (first-fit)' },
    { key: 'energyKwh', name: 'Energy kWh' },
    { key: 'performancePercent', name: 'Mean performance %' },
  ];
  const colors = ['#c0392b', '#2a9d58', '#1f5fbf'];
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    legend: { top: 0, data: rows.map((r) => r.approach) },
    grid: measures.map((_, i) => ({ left: `${4 + i * 33}%`, width: '26%', top: 50, bottom: 40 })),
    xAxis: measures.map((m, i) => ({ type: 'category', gridIndex: i, data: [m.name] })),
    // every axis from 0 so bar heights compare honestly; performance is a share, up to 100 %
    yAxis: measures.map((m, i) => ({ type: 'value', gridIndex: i, min: 0, max: m.key === 'performancePercent' ? 100 : undefined })),
    series: rows.flatMap((r, k) =>
      measures.map((m, i) => ({
        name: r.approach, type: 'bar', xAxisIndex: i, yAxisIndex: i, color: colors[k % colors.length],
        data: [r[m.key] as number | null], label: { show: true, position: 'top', fontSize: 10 },
      })),
    ),
  };
}
