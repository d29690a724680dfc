import type { MetricName } from '../../api/workloads';
import { RESOURCES } from '../../api/plans';
import { round } from '../../charts/common';

export interface PeakPart {
  metric: MetricName;
  /** Highest utilization of any host at any step, in % of its capacity. */
  percent: number;
}

/** The replay's per-resource peak utilization (busiest host, busiest step) in a fixed resource order, as %. */
export function peakUtilizationParts(peaks: Partial<Record<MetricName, number>> | null | undefined): PeakPart[] {
  if (!peaks) return [];
  return RESOURCES.filter((m) => typeof peaks[m] === 'number' && Number.isFinite(peaks[m]))
    .map((m) => ({ metric: m, percent: round((peaks[m] as number) * 100, 1) }));
}
