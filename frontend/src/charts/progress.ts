// New-plan page: best host count over solving time, with the lower bound and baselines as references.
import type { Plan } from '../api/plans';
import type { Option } from './echarts';

export interface ProgressShape {
  points: [number, number][];
  references: { name: string; hosts: number }[];
}

export function shapeProgress(plan: Pick<Plan, 'progress' | 'lowerBoundHosts' | 'baselines' | 'hostsUsed' | 'elapsedMillis' | 'status'>): ProgressShape {
  const points = (plan.progress ?? [])
    .filter((p) => p.hostsUsed != null)
    .map((p) => [p.elapsedMillis / 1000, p.hostsUsed] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  // Extend the best-so-far to the current elapsed time so the step line reaches "now".
  if (points.length && plan.elapsedMillis != null && plan.elapsedMillis / 1000 > points[points.length - 1][0]) {
    points.push([plan.elapsedMillis / 1000, points[points.length - 1][1]]);
  }
  const references: { name: string; hosts: number }[] = [];
  if (plan.lowerBoundHosts != null) references.push({ name: 'Lower bound', hosts: plan.lowerBoundHosts });
  if (plan.baselines?.peakFfdHosts != null) references.push({ name: 'Peak FFD', hosts: plan.baselines.peakFfdHosts });
  if (plan.baselines?.timeSeriesFfdHosts != null) references.push({ name: 'Time-series FFD', hosts: plan.baselines.timeSeriesFfdHosts });
  return { points, references };
}

export function progressOption(s: ProgressShape): Option {
  const allHosts = [...s.points.map((p) => p[1]), ...s.references.map((r) => r.hosts)];
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 110, top: 36, bottom: 40 },
    xAxis: { type: 'value', name: 'elapsed s', nameLocation: 'middle', nameGap: 26, min: 0 },
    // the axis spans the references too: ECharts does not stretch an axis for mark lines
    yAxis: { type: 'value', name: 'hosts', minInterval: 1, min: allHosts.length ? Math.max(0, Math.min(...allHosts) - 1) : 0, max: allHosts.length ? Math.max(...allHosts) + 1 : undefined },
    series: [
      {
        name: 'Best hosts used', type: 'line', step: 'end', showSymbol: s.points.length < 40, data: s.points,
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed' },
          label: { formatter: '{b}: {c}', position: 'end' },
          data: s.references.map((r) => ({ name: r.name, yAxis: r.hosts })),
        },
      },
    ],
  };
}
