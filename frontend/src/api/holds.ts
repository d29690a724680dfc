// Out-of-sample replays (/api/v1/plans/{id}/simulations with workloadId/from/to), backtests (/api/v1/backtests)
// and sweeps (/api/v1/sweeps): does a plan hold on data it was not fitted to?
import { getJson, getPage, postForLocation, sendJson, type ListPage } from './client';
import type { MetricName } from './workloads';
import type { Plan, PlanRequest } from './plans';

export type JobStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';

/** One resource's overload on the replayed steps (host-steps with demand above capacity). */
export interface ResourceRisk {
  hostSteps: number;
  hostStepsOverCapacity: number;
  hostStepsOverPercent: number;
  hostsEverOverloaded: number;
  vmsThatSawOverload: number;
  worstOverloadPercent: number;
  overloadMinutes: number;
  peakUtilization: number;
  meanVmPerformance: number;
  minVmPerformance: number;
}

export interface VmRisk {
  name: string;
  host: number;
  overloadSteps: Partial<Record<MetricName, number>>;
  performance: Partial<Record<MetricName, number>>;
  meanPerformance: number;
  minPerformance: number;
}

export interface OutOfSampleResult {
  inSample: boolean;
  workloadId: string;
  workloadName: string;
  from: string;
  to: string;
  stepSeconds: number;
  steps: number;
  planVms: number;
  replayedVms: number;
  hosts: number;
  unplacedVms: string[];
  missingPlanVms: string[];
  resizedVms: string[];
  resources: Partial<Record<MetricName, ResourceRisk>>;
  otherResources: Partial<Record<MetricName, ResourceRisk>>;
  acrossResources: { overloadedHosts: number; vmsEverThrottled: number; meanPerformance: number; minPerformance: number; warnings: string[] };
  energyKWh: number;
  slatah: number;
  worstVms: VmRisk[];
  vms?: VmRisk[];
}

export interface OutOfSampleRun {
  id: string;
  planId: string;
  workloadId: string;
  from?: string | null;
  to?: string | null;
  virtualization: string;
  status: 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';
  error?: string | null;
  requestedAt: string;
  finishedAt?: string | null;
  result?: OutOfSampleResult | null;
}

/** The planner's own risk estimate (present when the server computes one). */
export interface OverloadRisk {
  inSampleHostStepsOverPercent: number;
  estimatedOutOfSamplePercent: number | null;
  targetPercent: number | null;
  method: string;
}

export interface Fold {
  fold: number;
  label: string;
  status: 'PENDING' | 'PLANNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
  planId?: string | null;
  trainWorkloadId: string;
  trainFrom?: string | null;
  trainTo?: string | null;
  testWorkloadId: string;
  testFrom?: string | null;
  testTo?: string | null;
  hosts?: number | null;
  sizing?: Record<string, unknown> | null;
  inSample?: OutOfSampleResult | null;
  outOfSample?: OutOfSampleResult | null;
  error?: string | null;
}

export interface Aggregate {
  hostSteps: number;
  hostStepsOverCapacity: number;
  hostStepsOverPercent: number;
  worstFoldPercent: number;
  worstOverloadPercent: number;
  overloadMinutes: number;
  maxVmsThatSawOverload: number;
}

export interface Backtest {
  id: string;
  kind: 'BACKTEST' | 'SWEEP';
  name: string;
  status: JobStatus;
  cancelRequested: boolean;
  foldsTotal: number;
  foldsDone: number;
  error?: string | null;
  request: Record<string, unknown> & { workloadId?: string };
  createdAt: string;
  totals: {
    completedFolds: number;
    failedFolds: number;
    meanHosts: number | null;
    maxHosts: number | null;
    inSample: Partial<Record<MetricName, Aggregate>>;
    outOfSample: Partial<Record<MetricName, Aggregate>>;
    outOfSampleEnergyKWh: number;
  };
  folds: Fold[];
}

/** A plan request's template for backtests and sweeps: the plan's own request without workload, name and window. */
export function planTemplate(request: Partial<PlanRequest> | undefined): Record<string, unknown> {
  const { workloadId: _w, name: _n, from: _f, to: _t, ...rest } = request ?? {};
  void _w; void _n; void _f; void _t;
  return rest;
}

/**
 * Parses "p99, p95+10, p100/w12, r0.1" into sizing variants: pN = percentile N, +H = headroom H %, /wK = window of
 * K steps, rX = a risk target of X % host-steps over capacity (sizing.overloadRiskPercent, where the server plans
 * to a risk target; it refuses the field otherwise). Throws an Error naming the bad entry.
 */
export function parseVariants(text: string): { label: string; sizing: Record<string, number> }[] {
  const entries = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (!entries.length) throw new Error('List at least one sizing, e.g. "p100, p95+10"');
  return entries.map((e) => {
    const risk = /^r(\d+(?:\.\d+)?)$/i.exec(e);
    if (risk) return { label: e, sizing: { overloadRiskPercent: Number(risk[1]) } };
    const m = /^p(\d+(?:\.\d+)?)(?:\s*\+\s*(\d+(?:\.\d+)?))?(?:\s*\/\s*w(\d+))?$/i.exec(e);
    if (!m) throw new Error(`"${e}" is not a sizing: write pN, pN+H, pN+H/wK (percentile, headroom %, window steps) or rX (risk target %)`);
    const sizing: Record<string, number> = { percentile: Number(m[1]), headroomPercent: m[2] ? Number(m[2]) : 0 };
    if (m[3]) sizing.windowSteps = Number(m[3]);
    if (!(sizing.percentile > 0 && sizing.percentile <= 100)) throw new Error(`"${e}": the percentile must be in (0, 100]`);
    return { label: e, sizing };
  });
}

/** The planned resource the card reads first: CPU when planned, else the first planned one. */
export function mainResource(r: { resources: Partial<Record<MetricName, unknown>> } | null | undefined): MetricName | undefined {
  if (!r) return undefined;
  const keys = Object.keys(r.resources) as MetricName[];
  return keys.includes('CPU') ? 'CPU' : keys[0];
}

const plan = (id: string) => `/api/v1/plans/${encodeURIComponent(id)}`;

export const holdsApi = {
  /** Queues an out-of-sample replay; answers the run (202) with its Location. */
  replay: async (planId: string, body: { workloadId?: string; from?: string; to?: string }): Promise<OutOfSampleRun> => {
    const res = await postForLocation<OutOfSampleRun>(`${plan(planId)}/simulations`, body);
    if (!res.body) throw new Error('The server accepted the replay but sent no run');
    return res.body;
  },
  runs: (planId: string, signal?: AbortSignal) => getJson<OutOfSampleRun[]>(`${plan(planId)}/simulations/out-of-sample`, signal),
  run: (planId: string, runId: string, signal?: AbortSignal) =>
    getJson<OutOfSampleRun>(`${plan(planId)}/simulations/${encodeURIComponent(runId)}`, signal),
  startBacktest: async (body: Record<string, unknown>): Promise<Backtest> => {
    const res = await postForLocation<Backtest>('/api/v1/backtests', body);
    if (!res.body) throw new Error('The server accepted the backtest but sent nothing back');
    return res.body;
  },
  backtests: (signal?: AbortSignal) => getJson<Backtest[]>('/api/v1/backtests', signal),
  backtest: (id: string, signal?: AbortSignal) => getJson<Backtest>(`/api/v1/backtests/${encodeURIComponent(id)}`, signal),
  stopBacktest: (id: string) => sendJson<Backtest>('DELETE', `/api/v1/backtests/${encodeURIComponent(id)}`),
  startSweep: async (body: Record<string, unknown>): Promise<Backtest> => {
    const res = await postForLocation<Backtest>('/api/v1/sweeps', body);
    if (!res.body) throw new Error('The server accepted the sweep but sent nothing back');
    return res.body;
  },
  sweeps: (signal?: AbortSignal) => getJson<Backtest[]>('/api/v1/sweeps', signal),
  sweep: (id: string, signal?: AbortSignal) => getJson<Backtest>(`/api/v1/sweeps/${encodeURIComponent(id)}`, signal),
  stopSweep: (id: string) => sendJson<Backtest>('DELETE', `/api/v1/sweeps/${encodeURIComponent(id)}`),
  /** One page (0-based) of the workspace's backtests or sweeps, newest first. */
  jobs: (kind: 'BACKTEST' | 'SWEEP', page: number, size: number, signal?: AbortSignal): Promise<ListPage<Backtest>> =>
    getPage<Backtest>(kind === 'SWEEP' ? '/api/v1/sweeps' : '/api/v1/backtests', page, size, signal),
};

/** Where a backtest's or sweep's result page is. */
export function jobPath(b: Pick<Backtest, 'id' | 'kind'>): string {
  return `${b.kind === 'SWEEP' ? '/sweeps' : '/backtests'}/${encodeURIComponent(b.id)}`;
}

/** Whether the job may still change (polling goes on while any listed job does). */
export function jobRunning(b: Pick<Backtest, 'status'>): boolean {
  return b.status === 'QUEUED' || b.status === 'RUNNING';
}

/**
 * A list row's one-line result: the main resource's out-of-sample share of host-steps over capacity over the
 * completed folds (plans, for a sweep) and the mean hosts; "–" while none is complete.
 */
export function jobResultText(b: Pick<Backtest, 'kind' | 'totals'>): string {
  const resource = (Object.keys(b.totals.outOfSample) as MetricName[]).includes('CPU')
    ? 'CPU'
    : (Object.keys(b.totals.outOfSample)[0] as MetricName | undefined);
  const out = resource ? b.totals.outOfSample[resource] : undefined;
  if (!out || b.totals.completedFolds === 0) return '–';
  const unit = b.kind === 'SWEEP' ? 'plan' : 'fold';
  const hosts = b.totals.meanHosts != null ? `, ${b.totals.meanHosts.toFixed(1)} hosts on average` : '';
  return `${resource} ${out.hostStepsOverPercent.toFixed(3)} % of host-steps over capacity out of sample (worst ${unit} ${out.worstFoldPercent.toFixed(3)} %)${hosts}`;
}

/** Pages of a list of `total` rows, `size` per page (at least 1, so an empty list shows "page 1 of 1"). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** A plan as the card reads it: the planner's estimate arrives on the plan's JSON when the server computes one. */
export type PlanWithRisk = Plan & { overloadRisk?: OverloadRisk | null };
