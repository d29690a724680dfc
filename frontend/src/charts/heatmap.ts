// Dashboard: host × time-step utilization heatmap for one resource.
import type { MetricName } from '../api/workloads';
import { downsampleMax, round } from './common';
import type { Option } from './echarts';

export interface HeatmapShape {
  hostLabels: string[];
  hostDetails: string[];
  stepLabels: number[];
  /** [column, row, utilization %] cells; columns are (max-)downsampled steps */
  cells: [number, number, number][];
  maxPercent: number;
}

export interface HeatmapRow {
  label: string;
  /** shown in the tooltip (e.g. the host model) */
  detail?: string;
  /** demand ÷ capacity per step (above 1 = overloaded) */
  utilization: Partial<Record<MetricName, number[]>>;
}

export function shapeHeatmap(hosts: HeatmapRow[], metric: MetricName, maxColumns = 288): HeatmapShape {
  const cells: [number, number, number][] = [];
  let stepLabels: number[] = [];
  let maxPercent = 0;
  hosts.forEach((h, row) => {
    const u = h.utilization?.[metric];
    if (!u) return;
    const d = downsampleMax(u, maxColumns);
    if (d.index.length > stepLabels.length) stepLabels = d.index;
    d.values.forEach((v, col) => {
      const pct = round(v * 100, 1);
      if (pct > maxPercent) maxPercent = pct;
      cells.push([col, row, pct]);
    });
  });
  return { hostLabels: hosts.map((h) => h.label), hostDetails: hosts.map((h) => h.detail ?? ''), stepLabels, cells, maxPercent };
}

export function heatmapOption(s: HeatmapShape, stepToLabel: (step: number) => string): Option {
  return {
    animation: false,
    tooltip: {
      position: 'top',
      formatter: (p: { value: [number, number, number] }) =>
        `${s.hostLabels[p.value[1]]} ${s.hostDetails[p.value[1]]}<br/>${stepToLabel(s.stepLabels[p.value[0]])}: ${p.value[2]} %`,
    },
    grid: { left: 50, right: 20, top: 10, bottom: 95 },
    xAxis: { type: 'category', data: s.stepLabels.map(stepToLabel), splitArea: { show: false } },
    yAxis: { type: 'category', data: s.hostLabels, inverse: true },
    visualMap: {
      min: 0, max: Math.max(100, Math.ceil(s.maxPercent)), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 160,
      inRange: { color: ['#f3f7fd', '#9ec2f0', '#1f5fbf', '#f0a500', '#b3261e'] },
      text: ['%', ''],
    },
    series: [{ type: 'heatmap', data: s.cells, progressive: 5000 }],
  };
}

/** Pixel height that gives each host row room to read (bounded so a big estate still fits a screen). */
export function heatmapHeight(rows: number): number {
  return Math.min(720, Math.max(220, 110 + rows * 22));
}
