// New-plan page: best host count over solving time, with the lower bound and baselines as references.
import type { Plan } from '../api/plans';
import type { Option } from './echarts';

export interface ProgressShape {
  points: [number, number][];
  /** reference lines; references with the same host count share one line and one label */
  references: { name: string; hosts: number }[];
  /** where each revived attempt (2, 3, …) starts on the time axis, in seconds */
  attemptStarts: { attempt: number; seconds: number }[];
  /** search time so far over all attempts, in seconds */
  elapsedSeconds: number;
  /** right end of the time axis in seconds (at least MIN_SPAN_S, so a plan solved in a second is not squeezed) */
  xMaxSeconds: number;
}

/** Shortest time axis shown, in seconds. */
export const MIN_SPAN_S = 5;

export function shapeProgress(plan: Pick<Plan, 'progress' | 'lowerBoundHosts' | 'antiAffinityHosts' | 'baselines' | 'hostsUsed' | 'elapsedMillis' | 'status'>): ProgressShape {
  // Each attempt's clock restarts at 0: lay the attempts end to end, each after the last point of the
  // earlier ones (the search time the server counts for them too), so the best never steps back up.
  const byAttempt = new Map<number, [number, number][]>();
  for (const p of plan.progress ?? []) {
    if (p.hostsUsed == null) continue;
    const a = p.attempt ?? 1;
    byAttempt.set(a, [...(byAttempt.get(a) ?? []), [p.elapsedMillis, p.hostsUsed]]);
  }
  const points: [number, number][] = [];
  const attemptStarts: { attempt: number; seconds: number }[] = [];
  let offsetMillis = 0;
  let currentOffsetMillis = 0;
  for (const a of [...byAttempt.keys()].sort((x, y) => x - y)) {
    const own = byAttempt.get(a)!.sort((x, y) => x[0] - y[0]);
    if (points.length) attemptStarts.push({ attempt: a, seconds: offsetMillis / 1000 });
    points.push(...own.map(([ms, hosts]) => [(offsetMillis + ms) / 1000, hosts] as [number, number]));
    currentOffsetMillis = offsetMillis;
    offsetMillis += own[own.length - 1][0];
  }
  // the plan's elapsed time is the latest attempt's
  const elapsedSeconds = Math.max(offsetMillis, plan.elapsedMillis != null ? currentOffsetMillis + plan.elapsedMillis : 0) / 1000;
  // Extend the best-so-far to the current elapsed time so the step line reaches "now".
  if (points.length && elapsedSeconds > points[points.length - 1][0]) {
    points.push([elapsedSeconds, points[points.length - 1][1]]);
  }
  const named: { name: string; hosts: number | null | undefined }[] = [
    { name: 'Lower bound', hosts: plan.lowerBoundHosts },
    // drawn only where it is the tighter bound: the hosts the largest anti-affinity group needs
    { name: 'Anti-affinity bound', hosts: (plan.antiAffinityHosts ?? 0) > (plan.lowerBoundHosts ?? 0) ? plan.antiAffinityHosts : null },
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
  return { points, references, attemptStarts, elapsedSeconds, xMaxSeconds: Math.max(MIN_SPAN_S, Math.ceil(elapsedSeconds)) };
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
          data: [
            ...s.references.map((r) => ({ name: r.name, yAxis: r.hosts })),
            // a revived attempt (the node running the plan died) continues from the saved best
            ...s.attemptStarts.map((a) => ({ name: `attempt ${a.attempt}`, xAxis: a.seconds, label: { formatter: '{b}', position: 'insideEndTop' } })),
          ],
        },
      },
    ],
  };
}
