// Dashboard: before/after bars for power, energy, cooling (PUE), rack units, maintenance, cost.
import type { EstateFigures } from '../api/engine';
import { escapeHtml, round, usd } from './common';
import type { Option } from './echarts';

export interface BeforeAfterRow {
  label: string;
  unit: string;
  before: number;
  after: number;
}

const MEASURES: { label: string; unit: string; pick: (s: EstateFigures) => number }[] = [
  { label: 'IT power (avg)', unit: 'kW', pick: (s) => s.itAverageKw },
  { label: 'IT energy / year', unit: 'MWh', pick: (s) => s.itEnergyKWhPerYear / 1000 },
  // facility − IT energy: what cooling and power distribution add (the PUE overhead)
  { label: 'Cooling (PUE) / year', unit: 'MWh', pick: (s) => (s.facilityEnergyKWhPerYear - s.itEnergyKWhPerYear) / 1000 },
  { label: 'Rack units', unit: 'U', pick: (s) => s.rackUnits },
  { label: 'Maintenance / year', unit: '$', pick: (s) => s.maintenanceUsdPerYear },
  { label: 'Total cost / year', unit: '$', pick: (s) => s.totalUsdPerYear },
];

export function shapeBeforeAfter(s: { before: EstateFigures; after: EstateFigures }): BeforeAfterRow[] {
  return MEASURES.map((m) => ({ label: m.label, unit: m.unit, before: round(m.pick(s.before), 2), after: round(m.pick(s.after), 2) }))
    .filter((r) => Number.isFinite(r.before) && Number.isFinite(r.after));
}

function fmt(v: number, unit: string): string {
  return unit === '$' ? usd(v) : `${v.toLocaleString('en-US')} ${unit}`;
}

/** Bars as % of "before" so unlike units share one axis; the labels and tooltip give the real values. */
export function beforeAfterOption(rows: BeforeAfterRow[]): Option {
  const pct = (v: number, base: number) => (base > 0 ? round((v / base) * 100, 1) : 0);
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; dataIndex: number }) => {
        const r = rows[p.dataIndex];
        return `${escapeHtml(r.label)}<br/>${escapeHtml(p.seriesName)}: ${escapeHtml(fmt(p.seriesName === 'Before' ? r.before : r.after, r.unit))}`;
      },
    },
    legend: { top: 0 },
    grid: { left: 150, right: 90, top: 30, bottom: 30 },
    yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true },
    xAxis: { type: 'value', name: '% of before', max: 100 },
    series: [
      { name: 'Before', type: 'bar', color: '#9aa7b8', data: rows.map((r) => ({ value: pct(r.before, r.before), label: { show: true, position: 'insideRight', formatter: fmt(r.before, r.unit) } })) },
      { name: 'After', type: 'bar', color: '#2a9d58', data: rows.map((r) => ({ value: pct(r.after, r.before), label: { show: true, position: 'right', formatter: fmt(r.after, r.unit) } })) },
    ],
  };
}
