// Dashboard: host × time-step utilization heatmap for one resource, readable with hundreds to ~1000 hosts.
import type { MetricName } from '../api/workloads';
import { downsampleMax, escapeHtml, max, round } from './common';
import type { Option } from './echarts';

/** Host rows the heatmap shows at once; more scroll (slider on the right, mouse wheel over the chart). */
export const HEATMAP_VISIBLE_ROWS = 40;
/** Pixel height of one host row: room for an 11 px label. */
const ROW_PX = 16;
/** Pixels around the rows: time axis labels and the colour scale below, a margin above. */
const FRAME_PX = 120;

export interface HeatmapColumn {
  /** first grid step of the column */
  firstStep: number;
  /** grid steps the column covers (its value is their maximum) */
  steps: number;
}

export interface HeatmapShape {
  /** host rows, hottest (highest peak) first */
  hostLabels: string[];
  hostDetails: string[];
  /** per row: the index of its host in the input, to map a clicked row back to the host */
  rowSource: number[];
  /** per row: the host's peak utilization in % (-1 when it has no series for the resource) */
  rowPeakPercent: number[];
  columns: HeatmapColumn[];
  /** [column, row, utilization %] cells; columns are (max-)downsampled steps */
  cells: [number, number, number][];
  maxPercent: number;
}

export interface HeatmapRow {
  label: string;
  /** shown in the tooltip (e.g. the host model) */
  detail?: string;
  /** demand ÷ capacity per step (above 1 = overloaded); possibly already bucketed by the server */
  utilization: Partial<Record<MetricName, number[]>>;
}

export interface HeatmapShaping {
  /** most columns drawn; a longer series is cut into this many buckets, each showing its maximum */
  maxColumns?: number;
  /** steps of the replay's grid when the server already bucketed the series (series shorter than the grid) */
  gridSteps?: number;
}

/**
 * Rows ordered by peak (hottest first, ties in input order), columns downsampled by bucket maximum so no peak is
 * hidden, and each column's grid steps (the server may have bucketed the series already: its points then stand for
 * gridSteps / length steps each, bucketed the same way: point b covers steps [b·T/n, (b+1)·T/n)).
 */
export function shapeHeatmap(hosts: HeatmapRow[], metric: MetricName, { maxColumns = 288, gridSteps }: HeatmapShaping = {}): HeatmapShape {
  const series = hosts.map((h) => h.utilization?.[metric]);
  const peaks = series.map((u) => (u && u.length ? max(u) : -1));
  const order = hosts.map((_, i) => i).sort((a, b) => peaks[b] - peaks[a] || a - b);
  const cells: [number, number, number][] = [];
  let columns: HeatmapColumn[] = [];
  let maxPercent = 0;
  order.forEach((source, row) => {
    const u = series[source];
    if (!u || !u.length) return;
    const d = downsampleMax(u, maxColumns);
    if (d.index.length > columns.length) columns = columnSteps(d.index, u.length, gridSteps ?? u.length);
    d.values.forEach((v, col) => {
      const pct = round(v * 100, 1);
      if (pct > maxPercent) maxPercent = pct;
      cells.push([col, row, pct]);
    });
  });
  return {
    hostLabels: order.map((i) => hosts[i].label),
    hostDetails: order.map((i) => hosts[i].detail ?? ''),
    rowSource: order,
    rowPeakPercent: order.map((i) => (peaks[i] < 0 ? -1 : round(peaks[i] * 100, 1))),
    columns,
    cells,
    maxPercent,
  };
}

/** Grid steps of each column from the series indices where the columns start (n points over gridSteps steps). */
function columnSteps(starts: number[], n: number, gridSteps: number): HeatmapColumn[] {
  const step = (point: number) => Math.floor((point * gridSteps) / n);
  return starts.map((from, c) => {
    const to = c + 1 < starts.length ? starts[c + 1] : n;
    return { firstStep: step(from), steps: Math.max(1, step(to) - step(from)) };
  });
}

/** Tooltip text of one cell: host, model, its time (span when bucketed) and utilization. */
export function heatmapTooltip(s: HeatmapShape, col: number, row: number, percent: number, stepToLabel: (step: number) => string): string {
  const c = s.columns[col];
  const when = !c ? '' : c.steps > 1
    ? `${stepToLabel(c.firstStep)} – ${stepToLabel(c.firstStep + c.steps - 1)} (max of ${c.steps} steps)`
    : stepToLabel(c.firstStep);
  const model = s.hostDetails[row] ? ` · ${escapeHtml(s.hostDetails[row])}` : '';
  return `Host ${escapeHtml(s.hostLabels[row])}${model}<br/>${escapeHtml(when)}: <b>${escapeHtml(percent)} %</b><br/>peak ${escapeHtml(s.rowPeakPercent[row])} %`;
}

export function heatmapOption(s: HeatmapShape, stepToLabel: (step: number) => string, visibleRows = HEATMAP_VISIBLE_ROWS): Option {
  const rows = s.hostLabels.length;
  const scrolls = rows > visibleRows;
  // the window's size is fixed by its value span (zoomLock on the inside zoom would also switch off the mouse wheel)
  const window = { startValue: 0, endValue: Math.min(rows, visibleRows) - 1, minValueSpan: visibleRows - 1, maxValueSpan: visibleRows - 1 };
  return {
    animation: false,
    tooltip: {
      position: 'top',
      formatter: (p: { value: [number, number, number] }) => heatmapTooltip(s, p.value[0], p.value[1], p.value[2], stepToLabel),
    },
    grid: { left: 64, right: scrolls ? 44 : 20, top: 10, bottom: 95 },
    xAxis: { type: 'category', data: s.columns.map((c) => stepToLabel(c.firstStep)), splitArea: { show: false }, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', data: s.hostLabels, inverse: true, axisLabel: { interval: 0, fontSize: 11 } },
    // a window of visibleRows rows, hottest first: a slider to drag and the mouse wheel to scroll (no zoom out to unreadable)
    dataZoom: scrolls
      ? [
          { type: 'slider', yAxisIndex: 0, ...window, right: 6, width: 18, top: 10, bottom: 95, showDetail: false, brushSelect: false, zoomLock: true, filterMode: 'filter' },
          { type: 'inside', yAxisIndex: 0, ...window, zoomOnMouseWheel: false, moveOnMouseWheel: true, moveOnMouseMove: false, filterMode: 'filter' },
        ]
      : [],
    visualMap: {
      min: 0, max: Math.max(100, Math.ceil(s.maxPercent)), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 160,
      inRange: { color: ['#f3f7fd', '#9ec2f0', '#1f5fbf', '#f0a500', '#b3261e'] },
      text: ['%', ''],
    },
    // drawn in one frame (288 columns x the rows the zoom window lets through): zrender 6.1 keeps painting a
    // progressive series after its chart is disposed (a page left mid-draw threw "reading 'layerStack'"), and
    // print needs the whole heatmap
    series: [{ type: 'heatmap', data: s.cells, progressive: 0 }],
  };
}

/** Pixel height that gives each visible host row room to read (the rest scroll). */
export function heatmapHeight(rows: number, visibleRows = HEATMAP_VISIBLE_ROWS): number {
  return Math.max(220, FRAME_PX + Math.min(rows, visibleRows) * ROW_PX);
}
