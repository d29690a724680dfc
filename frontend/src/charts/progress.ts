// New-plan page: best host count over solving time, with the lower bound and baselines as references.
import type { Plan } from '../api/plans';
import type { Option } from './echarts';

export interface ProgressShape {
  points: [number, number][];
  /** reference lines; references with the same host count share one line and one label */
  references: { name: string; hosts: number }[];
  /** right end of the time axis in seconds (at least MIN_SPAN_S, so a plan solved in a second is not squeezed) */
  xMaxSeconds: number;
}

/** Shortest time axis shown, in seconds. */
export const MIN_SPAN_S = 5;

export function shapeProgress(plan: Pick<Plan, 'progress' | 'lowerBoundHosts' | 'baselines' | 'hostsUsed' | 'elapsedMillis' | 'status'>): ProgressShape {
  const points = (plan.progress ?? [])
    .filter((p) => p.hostsUsed != null)
    .map((p) => [p.elapsedMillis / 1000, p.hostsUsed] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  // Extend the best-so-far to the current elapsed time so the step line reaches "now".
  if (points.length && plan.elapsedMillis != null && plan.elapsedMillis / 1000 > points[points.length - 1][0]) {
    points.push([plan.elapsedMillis / 1000, points[points.length - 1][1]]);
  }
  const named: { name: string; hosts: number | null | undefined }[] = [
    { name: 'Lower bound', hosts: plan.lowerBoundHosts },
    { name: 'Peak FFD', hosts: plan.baselines?.peakFfdHosts },
    { name: 'Time-series FFD', hosts: plan.baselines?.timeSeriesFfdHosts },
  ];
  const references: { name: string; hosts: number }[] = [];
  for (const r of named) {
    if (r.hosts == null) continue;
    const same = references.find((x) => x.hosts === r.hosts);
    if (same) same.name = `${same.name} = ${r.name}`;
    else references.push({ name: r.name, hosts: r.hosts });
  }
  const lastS = Math.max(points.length ? points[points.length - 1][0] : 0, (plan.elapsedMillis ?? 0) / 1000);
  return { points, references, xMaxSeconds: Math.max(MIN_SPAN_S, Math.ceil(lastS)) };
}

export function progressOption(s: ProgressShape): Option {
  const allHosts = [...s.points.map((p) => p[1]), ...s.references.map((r) => r.hosts)];
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 36, bottom: 40 },
    xAxis: { type: 'value', name: 'elapsed s', nameLocation: 'middle', nameGap: 26, min: 0, max: s.xMaxSeconds },
    // the axis spans the references too: ECharts does not stretch an axis for mark lines
    yAxis: { type: 'value', name: 'hosts', minInterval: 1, min: allHosts.length ? Math.max(0, Math.min(...allHosts) - 1) : 0, max: allHosts.length ? Math.max(...allHosts) + 1 : undefined },
    series: [
      {
        name: 'Best hosts used', type: 'line', step: 'end', showSymbol: s.points.length < 40, data: s.points,
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed' },
          // inside the plot, above the line: no right margin needed, and merged references share one label
          label: { formatter: '{b}: {c}', position: 'insideEndTop' },
          data: s.references.map((r) => ({ name: r.name, yAxis: r.hosts })),
        },
      },
    ],
  };
}
