// Plan comparison: the figures a capacity planner weighs between scenarios, side by side, and as bars.
import type { SimulationMetrics, Savings } from '../api/engine';
import type { Plan } from '../api/plans';
import { escapeHtml, PALETTE, round, usd } from './common';
import type { Option } from './echarts';
import { boundSummary } from '../pages/plan/lowerBound';

/** One plan with what the comparison reads; savings or replay may be missing (not run yet, or failed). */
export interface ComparedPlan {
  plan: Plan;
  savings: Savings | null;
  metrics: SimulationMetrics | null;
}

export interface ComparisonRow {
  label: string;
  unit: string;
  /** per plan, in the order given; null when the plan lacks the figure */
  values: (number | null)[];
  /** which end is better; 'none' for context rows (e.g. the lower bound) */
  better: 'lower' | 'higher' | 'none';
  /** drawn in the chart (comparable magnitudes, not context) */
  chart: boolean;
}

const orNull = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? null : v);

const ROWS: { label: string; unit: string; better: ComparisonRow['better']; chart: boolean; pick: (c: ComparedPlan) => number | null | undefined }[] = [
  { label: 'Hosts used', unit: 'hosts', better: 'lower', chart: true, pick: (c) => c.plan.hostsUsed },
  { label: 'Lower bound', unit: 'hosts', better: 'none', chart: false, pick: (c) => boundSummary(c.plan).bound },
  { label: 'Time-series FFD', unit: 'hosts', better: 'none', chart: false, pick: (c) => c.plan.baselines?.timeSeriesFfdHosts },
  { label: 'IT power (avg)', unit: 'kW', better: 'lower', chart: true, pick: (c) => c.savings?.after.itAverageKw },
  { label: 'Facility energy / year', unit: 'MWh', better: 'lower', chart: true, pick: (c) => (c.savings ? c.savings.after.facilityEnergyKWhPerYear / 1000 : null) },
  { label: 'CO₂ / year', unit: 't', better: 'lower', chart: true, pick: (c) => c.savings?.after.co2TonnesPerYear },
  { label: 'Rack units', unit: 'U', better: 'lower', chart: true, pick: (c) => c.savings?.after.rackUnits },
  { label: 'Running cost / year', unit: '$', better: 'lower', chart: true, pick: (c) => c.savings?.after.totalUsdPerYear },
  { label: 'Saved vs before / year', unit: '$', better: 'higher', chart: false, pick: (c) => c.savings?.savings.totalUsdPerYear },
  { label: 'Purchase of new hosts', unit: '$', better: 'lower', chart: false, pick: (c) => c.savings?.investment?.purchaseUsd },
  { label: 'Payback', unit: 'months', better: 'lower', chart: false, pick: (c) => c.savings?.investment?.paybackMonths },
  { label: 'Mean delivered performance', unit: '%', better: 'higher', chart: false, pick: (c) => (c.metrics ? c.metrics.meanPerformance * 100 : null) },
  { label: 'Worst VM performance', unit: '%', better: 'higher', chart: false, pick: (c) => (c.metrics ? c.metrics.minPerformance * 100 : null) },
  { label: 'Overloaded hosts', unit: 'hosts', better: 'lower', chart: false, pick: (c) => c.metrics?.overloadedHosts },
];

export function comparisonRows(plans: ComparedPlan[]): ComparisonRow[] {
  return ROWS.map((r) => ({
    label: r.label, unit: r.unit, better: r.better, chart: r.chart,
    values: plans.map((p) => orNull(r.pick(p))),
  })).filter((r) => r.values.some((v) => v != null));
}

/** Indices of the best value of a row (all of them on a tie); none when the row has no direction or all its values are equal. */
/** The plans holding a row's best value as shown (two plans that both read "1.5 kW" are equal, whatever the digits after). */
export function bestIndices(row: ComparisonRow): number[] {
  const present = row.values.filter((v): v is number => v != null);
  const shown = (v: number) => formatValue(v, row.unit);
  if (row.better === 'none' || present.length < 2 || present.every((v) => shown(v) === shown(present[0]))) return [];
  const best = shown(row.better === 'lower' ? Math.min(...present) : Math.max(...present));
  return row.values.flatMap((v, i) => (v != null && shown(v) === best ? [i] : []));
}

export function formatValue(v: number | null, unit: string): string {
  if (v == null) return '–';
  if (unit === '$') return usd(v);
  const digits = unit === 'hosts' || unit === 'U' ? 0 : 1;
  return `${round(v, digits).toLocaleString('en-US')} ${unit}`;
}

/** Grouped bars, each row as % of its largest value so unlike units share one axis; labels give the real values. */
export function comparisonOption(rows: ComparisonRow[], names: string[]): Option {
  const shown = rows.filter((r) => r.chart && r.values.every((v) => v != null) && Math.max(...(r.values as number[])) > 0);
  return {
    animation: false,
    color: PALETTE,
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesIndex: number; dataIndex: number }) => {
        const r = shown[p.dataIndex];
        return `${escapeHtml(r.label)}<br/>${escapeHtml(names[p.seriesIndex])}: ${escapeHtml(formatValue(r.values[p.seriesIndex], r.unit))}`;
      },
    },
    grid: { left: 160, right: 110, top: 40, bottom: 30 },
    yAxis: { type: 'category', data: shown.map((r) => r.label), inverse: true },
    xAxis: { type: 'value', name: '% of the largest', max: 100 },
    series: names.map((name, i) => ({
      name, type: 'bar',
      data: shown.map((r) => {
        const max = Math.max(...(r.values as number[]));
        return { value: round(((r.values[i] as number) / max) * 100, 1), label: { show: true, position: 'right', formatter: formatValue(r.values[i], r.unit) } };
      }),
    })),
  };
}

/** The comparison as CSV rows: the scenario (text) and each figure row (numbers as computed, unit in its own column). */
export function comparisonTable(labels: string[], scenario: [string, string][][], rows: ComparisonRow[]): (string | number | null)[][] {
  const out: (string | number | null)[][] = [['figure', 'unit', ...labels]];
  (scenario[0] ?? []).forEach(([label], r) => out.push([label, '', ...scenario.map((col) => col[r][1])]));
  for (const row of rows) out.push([row.label, row.unit, ...row.values.map((v) => (v == null ? null : round(v, 4)))]);
  return out;
}
