// Savings: net cash after buying the plan's hosts, year by year (year 0 = the purchase).
import type { Investment } from '../api/engine';
import { round, usd } from './common';
import type { Option } from './echarts';

/** "18 months", "2.5 years", "at once" or "never" (no savings to pay it back). */
export function paybackText(i: Pick<Investment, 'paybackMonths'>): string {
  const m = i.paybackMonths;
  if (m == null) return 'never (nothing saved)';
  if (m === 0) return 'at once (nothing bought)';
  return m < 24 ? `${round(m, 1)} months` : `${round(m / 12, 1)} years`;
}

export function paybackOption(i: Investment): Option {
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => usd(v) },
    grid: { left: 80, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: i.netUsdByYear.map((_, k) => (k === 0 ? 'purchase' : `year ${k}`)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => usd(v) } },
    series: [{
      name: 'Net cash', type: 'bar',
      data: i.netUsdByYear.map((v) => ({ value: round(v, 0), itemStyle: { color: v < 0 ? '#c0392b' : '#2a9d58' } })),
    }],
  };
}
