// Plan + policy vs static replay vs CloudSim-equivalent mode: hosts on per step, one line per run.
import type { Option } from './echarts';

export interface HostsLine {
  name: string;
  /** hosts on at each step */
  activeHosts: number[];
}

/** Hours since the start of the trace for each step. */
export function hourAxis(steps: number, stepSeconds: number): string[] {
  return Array.from({ length: steps }, (_, i) => (i * stepSeconds / 3600).toFixed(1));
}

/** A line per run of the hosts that are on, over the trace's hours. */
export function hostsOverTimeOption(lines: HostsLine[], stepSeconds: number): Option {
  const steps = Math.max(0, ...lines.map((l) => l.activeHosts.length));
  return {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 40 },
    xAxis: { type: 'category', name: 'hour', nameLocation: 'middle', nameGap: 26, data: hourAxis(steps, stepSeconds) },
    yAxis: { type: 'value', name: 'hosts on', minInterval: 1 },
    series: lines.map((l) => ({ name: l.name, type: 'line', step: 'end', showSymbol: false, data: l.activeHosts })),
  };
}
