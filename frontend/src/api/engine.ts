// Execution engine + savings API: /api/v1/plans/{id}/simulation(s), /savings
import { getJson, postForLocation, sendJson } from './client';
import type { MetricName } from './workloads';
import type { Virtualization } from './plans';

export interface HostReplay {
  slot: number;
  hostModel?: string;
  /** capacity per resource in canonical units (cpuMhz, memoryMib, diskKBps, networkKBps) */
  capacity?: Partial<Record<MetricName, number>>;
  /** utilization fraction 0..1 (or above when overloaded) per resource per step */
  utilization: Partial<Record<MetricName, number[]>>;
  vmCount?: number;
  /** Σ of its VMs' individual CPU peaks vs the peak of their summed demand */
  sumOfPeaks?: Partial<Record<MetricName, number>> | number;
  peakOfSum?: Partial<Record<MetricName, number>> | number;
  overloadMinutes?: number;
  energyKwh?: number;
}

export interface VmPerformance {
  vm?: number | string;
  vmName: string;
  slot?: number;
  min: number;
  p5?: number;
  mean: number;
  shortSteps?: number;
}

export interface SimulationMetrics {
  energyKwh?: number;
  slatah?: number;
  pdm?: number;
  slav?: number;
  vmsShort?: number;
  meanPerformance?: number;
  activeHosts?: number;
  [extra: string]: unknown;
}

export interface Simulation {
  planId?: string;
  virtualization: Virtualization;
  status?: string;
  stepSeconds?: number;
  start?: string;
  metrics: SimulationMetrics;
  hosts: HostReplay[];
  vms?: VmPerformance[] | { content: VmPerformance[]; totalElements?: number };
  shortVms?: VmPerformance[];
}

export interface ApproachResult {
  virtualization: Virtualization;
  hostsNeeded?: number;
  hosts?: number;
  energyKwh?: number;
  meanPerformance?: number;
  minPerformance?: number;
  vmsShort?: number;
  reason?: string;
  bindingResource?: string;
  [extra: string]: unknown;
}

export interface Comparison {
  approaches: ApproachResult[];
  [extra: string]: unknown;
}

export interface Assumptions {
  electricityPricePerKwh: number;
  pue: number;
  carbonKgPerKwh: number;
  rackUnitCostPerYear: number;
  maintenancePerServerPerYear: number;
  [extra: string]: number;
}

export interface SideFigures {
  servers: number;
  itPowerAvgKw?: number;
  itPowerPeakKw?: number;
  itEnergyKwhPerYear?: number;
  facilityEnergyKwhPerYear?: number;
  coolingEnergyKwhPerYear?: number;
  rackUnits?: number;
  floorAreaM2?: number;
  maintenancePerYear?: number;
  electricityCostPerYear?: number;
  totalCostPerYear?: number;
  co2KgPerYear?: number;
  [extra: string]: number | undefined;
}

export interface Savings {
  before: SideFigures;
  after: SideFigures;
  savings?: SideFigures;
  assumptions: Assumptions;
  [extra: string]: unknown;
}

const plan = (id: string) => `/api/v1/plans/${encodeURIComponent(id)}`;

export const engineApi = {
  simulation: (id: string, virtualization?: Virtualization, signal?: AbortSignal) =>
    getJson<Simulation>(`${plan(id)}/simulation${virtualization ? `?virtualization=${virtualization}` : ''}`, signal),
  simulate: (id: string, virtualization: Virtualization) => postForLocation<unknown>(`${plan(id)}/simulations`, { virtualization }),
  comparison: (id: string, signal?: AbortSignal) => getJson<Comparison>(`${plan(id)}/simulations/comparison`, signal),
  savings: (id: string, overrides: Partial<Assumptions>, signal?: AbortSignal) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(overrides)) if (v != null && !Number.isNaN(v)) q.set(k, String(v));
    const qs = q.toString();
    return getJson<Savings>(`${plan(id)}/savings${qs ? `?${qs}` : ''}`, signal);
  },
  saveAssumptions: (id: string, a: Partial<Assumptions>) => sendJson<Savings>('PUT', `${plan(id)}/savings-assumptions`, a),
};
