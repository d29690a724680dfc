// Dashboard: before/after bars for power, energy, cooling (PUE), rack units, maintenance, cost.
import type { Savings, SideFigures } from '../api/engine';
import { round } from './common';
import type { Option } from './echarts';

export interface BeforeAfterRow {
  label: string;
  unit: string;
  before: number;
  after: number;
}

const MEASURES: { label: string; unit: string; pick: (s: SideFigures) => number | undefined }[] = [
  { label: 'IT power (avg)', unit: 'kW', pick: (s) => s.itPowerAvgKw },
  { label: 'IT energy / year', unit: 'MWh', pick: (s) => div(s.itEnergyKwhPerYear, 1000) },
  { label: 'Cooling & facility / year', unit: 'MWh', pick: (s) => div(s.coolingEnergyKwhPerYear ?? diff(s.facilityEnergyKwhPerYear, s.itEnergyKwhPerYear), 1000) },
  { label: 'Rack units', unit: 'U', pick: (s) => s.rackUnits },
  { label: 'Maintenance / year', unit: '$', pick: (s) => s.maintenancePerYear },
  { label: 'Total cost / year', unit: '$', pick: (s) => s.totalCostPerYear ?? addDefined(s.electricityCostPerYear, s.maintenancePerYear) },
];

function div(v: number | undefined, d: number) {
  return v == null ? undefined : v / d;
}
function diff(a: number | undefined, b: number | undefined) {
  return a == null || b == null ? undefined : a - b;
}
function addDefined(a: number | undefined, b: number | undefined) {
  return a == null && b == null ? undefined : (a ?? 0) + (b ?? 0);
}

export function shapeBeforeAfter(s: Pick<Savings, 'before' | 'after'>): BeforeAfterRow[] {
  const rows: BeforeAfterRow[] = [];
  for (const m of MEASURES) {
    const before = m.pick(s.before);
    const after = m.pick(s.after);
    if (before == null || after == null) continue;
    rows.push({ label: m.label, unit: m.unit, before: round(before, 2), after: round(after, 2) });
  }
  return rows;
}

/** Bars as % of "before" so unlike units share one axis; the tooltip and labels give real values. */
export function beforeAfterOption(rows: BeforeAfterRow[]): Option {
  const pct = (v: number, base: number) => (base > 0 ? round((v / base) * 100, 1) : 0);
  const fmt = (v: number, unit: string) => (unit === '$' ? `$${Math.round(v).toLocaleString('en-US')}` : `${v.toLocaleString('en-US')} ${unit}`);
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: (p: { seriesName: string; dataIndex: number }) => {
      const r = rows[p.dataIndex];
      return `${r.label}<br/>${p.seriesName}: ${fmt(p.seriesName === 'Before' ? r.before : r.after, r.unit)}`;
    } },
    legend: { top: 0 },
    grid: { left: 170, right: 60, top: 30, bottom: 30 },
    yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true },
    xAxis: { type: 'value', name: '% of before', max: 100 },
    series: [
      { name: 'Before', type: 'bar', color: '#9aa7b8', data: rows.map((r) => ({ value: pct(r.before, r.before), label: { show: true, position: 'insideRight', formatter: fmt(r.before, r.unit) } })) },
      { name: 'After', type: 'bar', color: '#2a9d58', data: rows.map((r) => ({ value: pct(r.after, r.before), label: { show: true, position: 'right', formatter: fmt(r.after, r.unit) } })) },
    ],
  };
}
