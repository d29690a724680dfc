// Replays with an online consolidation policy: /api/v1/simulations and the policy field of /plans/{id}/simulations
import { getJson, postForLocation, ApiError } from './client';
import type { SimulationStatus } from './engine';

export type Detection = 'THR' | 'IQR' | 'MAD' | 'LR' | 'LRR';
export type Selection = 'MMT' | 'MC' | 'RS';

export interface PolicySpec {
  detection: Detection;
  parameter?: number;
  selection: Selection;
  seed?: number;
}

/** Parameter range and default per detection (the server validates the same ranges). */
export const DETECTION_PARAMETERS: Record<Detection, { min: number; max: number; default: number; meaning: string }> = {
  THR: { min: 0.1, max: 1, default: 0.8, meaning: 'CPU utilization threshold' },
  IQR: { min: 0, max: 5, default: 1.5, meaning: 'safety parameter' },
  MAD: { min: 0, max: 5, default: 2.5, meaning: 'safety parameter' },
  LR: { min: 0.5, max: 5, default: 1.2, meaning: 'safety parameter' },
  LRR: { min: 0.5, max: 5, default: 1.2, meaning: 'safety parameter' },
};

export interface PolicyOutcome {
  policy: string;
  mode: 'CLOUDSIM_EQUIVALENT' | 'PLAN_AND_POLICY';
  hosts: number;
  vms: number;
  energyKwh: number;
  facilityEnergyKwh: number;
  migrations: number;
  slatahPercent: number;
  pdmPercent: number;
  slav: number;
  esv: number;
  hostShutdowns: number;
  peakActiveHosts: number;
  meanActiveHosts: number;
  timeline: { stepSeconds: number; activeHosts: number[]; migrations: number[]; itWatts: number[] };
}

export interface PolicyRun {
  id: string;
  planId: string | null;
  workloadId: string;
  status: SimulationStatus;
  error: string | null;
  requestedAt: string;
  result: PolicyOutcome | null;
}

async function accepted(path: string, body: unknown): Promise<PolicyRun> {
  const r = await postForLocation<PolicyRun>(path, body);
  if (!r.body) throw new ApiError({ status: r.status, detail: 'The run was not accepted' });
  return r.body;
}

export const policiesApi = {
  /** The dynamic mode: the plan's placement, then the policy. */
  runOnPlan: (planId: string, policy: PolicySpec) => accepted(`/api/v1/plans/${planId}/simulations`, { policy }),
  /** The CloudSim-equivalent mode: no plan, PABFD start on the pool. */
  runWithoutPlan: (workloadId: string, hostPool: { model: string; count: number }[], policy: PolicySpec) =>
    accepted('/api/v1/simulations', { workloadId, hostPool, policy, start: 'PABFD' }),
  listForWorkload: (workloadId: string, signal?: AbortSignal) =>
    getJson<PolicyRun[]>(`/api/v1/simulations?workloadId=${workloadId}`, signal),
};
