import type { MetricName } from '../../api/workloads';

const ORDER: MetricName[] = ['CPU', 'MEMORY', 'DISK', 'NETWORK'];

export interface PeakPart {
  metric: MetricName;
  /** Highest utilization of any host at any step, in % of its capacity. */
  percent: number;
}

/** The replay's per-resource peak utilization (busiest host, busiest step) in a fixed resource order, as %. */
export function peakUtilizationParts(peaks: Partial<Record<MetricName, number>> | null | undefined): PeakPart[] {
  if (!peaks) return [];
  return ORDER.filter((m) => typeof peaks[m] === 'number' && Number.isFinite(peaks[m]))
    .map((m) => ({ metric: m, percent: Math.round((peaks[m] as number) * 1000) / 10 }));
}
