// Execution engine + savings API: /api/v1/plans/{id}/simulation(s), /savings
import { ApiError, getJson, postForLocation, request, sendJson, type ListPage } from './client';
import type { MetricName } from './workloads';
import type { Virtualization } from './plans';

export type SimulationStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';

/** Plan-level replay figures (CloudSim metric names; performance = delivered ÷ demanded, 0..1). */
export interface SimulationMetrics {
  energyKWh: number;
  averageItWatts: number;
  peakItWatts: number;
  slatah: number;
  pdm: number;
  slav: number;
  /** VMs their host squeezed at some step (capacity sharing on any resource); the approach's constant slowdown does not count */
  vmsEverThrottled: number;
  meanPerformance: number;
  /** mean performance had no host ever been saturated: the approach's fixed slowdown only */
  meanApproachPerformance: number;
  minPerformance: number;
  /** per cause, its share of 1 − meanPerformance (values add up to it) */
  performanceLoss: Partial<Record<LossCause, number>>;
  activeHosts: number;
  /** hosts above 100 % of any resource at some step (demand above capacity) */
  overloadedHosts: number;
  overloadedHostsByResource: Partial<Record<MetricName, number>>;
  peakUtilizationByResource: Partial<Record<MetricName, number>>;
  /** e.g. "MEMORY overcommitted on 116 of 117 hosts (peak 842 %): the plan did not check MEMORY" */
  warnings: string[];
}

export type LossCause = 'VIRTUALIZATION_OVERHEAD' | 'CPU_CAPACITY' | 'IO_THROUGHPUT' | 'MEMORY_OVERCOMMIT' | 'MIGRATION';

/** One host slot of the replay with its utilization (demand ÷ capacity) per resource per step. */
export interface HostView {
  host: number;
  modelId: string;
  vmCount: number;
  /** steps above 100 % of any resource (overloadMinutes likewise) */
  overloadSteps: number;
  overloadStepsByResource: Partial<Record<MetricName, number>>;
  overloadMinutes: number;
  energyKWh: number;
  averageWatts: number;
  peakWatts: number;
  peakCpuUtilization: number;
  mostUtilizedResource: MetricName;
  /** Σ of the VMs' own host-side CPU peaks vs the peak of their sum (ratio > 1 = peaks do not coincide) */
  multiplexing: { sumOfVmPeakCpuMhz: number; peakOfSumCpuMhz: number; ratio: number };
  utilization: Partial<Record<MetricName, number[]>>;
}

export interface VmSummary {
  vm: number;
  name: string;
  host: number;
  minPerformance: number;
  p5Performance: number;
  meanPerformance: number;
  /** mean performance without host contention (the approach's fixed slowdown only) */
  meanApproachPerformance: number;
  demandSteps: number;
  /** steps the host squeezed this VM */
  throttledSteps: number;
  peakHostCpuMhz: number;
}

export interface Simulation {
  planId: string;
  virtualization: Virtualization;
  status: SimulationStatus;
  error?: string | null;
  requestedAt?: string;
  finishedAt?: string | null;
  grid: { start: string | null; stepSeconds: number | null; steps: number | null };
  metrics: SimulationMetrics | null;
  hosts: { offset: number; limit: number; total: number; items: HostView[] } | null;
  vms: { page: number; size: number; total: number; sort: string; items: VmSummary[] } | null;
  /** assumptions the savings rest on that the replay found questionable (newer engines; also accepted inside metrics) */
  warnings?: SimulationWarning[] | null;
}

/** A replay warning: newer engines send strings or { message } objects (e.g. memory overcommitted on a CPU-only plan). */
export type SimulationWarning = string | { message?: string; detail?: string; code?: string };

/** The replay's warnings as sentences, wherever the engine puts them (absent on older engines: none). */
export function simulationWarnings(sim: Pick<Simulation, 'warnings'> & { metrics?: unknown } | null | undefined): string[] {
  const m = sim?.metrics as { warnings?: SimulationWarning[] | null } | null | undefined;
  const all = [...(sim?.warnings ?? []), ...(m?.warnings ?? [])];
  const out = all
    .map((w) => (typeof w === 'string' ? w : w?.message ?? w?.detail ?? w?.code ?? ''))
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
  return [...new Set(out)];
}

/** One host's VMs' host-side demand per step (GET .../simulation/hosts/{host}). */
export interface HostDemand {
  host: number;
  modelId: string;
  virtualization: Virtualization;
  cpuMhzCapacity: number;
  memoryMibCapacity: number;
  stepSeconds: number;
  vms: { vm: number; name: string; cpuMhz: number[]; memoryMib: number[] }[];
}

/** One approach in the comparison; overheadPercent = host-side ÷ guest demand − 1 per resource, in %. */
export interface ApproachOutcome {
  approach: Virtualization;
  hostsNeeded: number;
  bindingResource: MetricName;
  overheadPercent: Partial<Record<MetricName, number>>;
  energyKWhOnHostsNeeded: number;
  meanPerformance: number;
  minPerformance: number;
  vmsEverThrottled: number;
  slatahOnPlanPlacement: number;
  performanceDriver: string;
  reason: string;
}

export interface Comparison {
  hostModel: string;
  targetUtilization: number;
  /** Spare hosts added for the plan's HA reserve (as the plan's own baselines). */
  haReserveHosts: number;
  approaches: ApproachOutcome[];
  summary: string;
  /** how hostsNeeded is counted: FIRST_FIT_BASELINE (not the planner's search); newer servers */
  countMethod?: string;
  /** the plan's own approach and the hosts the planner placed it on */
  planApproach?: Virtualization;
  planHosts?: number;
}

/** Savings assumptions (GET /savings answers the effective ones; query parameters of the same names override). */
export interface Assumptions {
  electricityUsdPerKWh: number;
  pue: number;
  carbonKgPerKWh: number;
  rackUnitUsdPerYear: number;
  /** for servers whose model (or inventory row) has no maintenance figure */
  maintenanceFallbackUsdPerServerYear: number;
  /** null = none; else for every catalog server in place of the models' own figures */
  maintenanceOverrideUsdPerServerYear: number | null;
  floorAreaM2PerRack: number;
  rackUnitsPerRack: number;
  /** share of the plan's hosts bought new (0 = servers already owned), for the investment */
  hostsBoughtPercent?: number;
}

/** Buying the plan's hosts against the yearly savings (savings.totalUsdPerYear). */
export interface Investment {
  hostsBought: number;
  purchaseUsd: number;
  annualSavingsUsd: number;
  /** 0 when nothing is bought; null when nothing is saved */
  paybackMonths: number | null;
  /** index k: k years of savings − purchase, k = 0..5 */
  netUsdByYear: number[];
}

/** One estate (before or after, or their difference) per year. */
export interface EstateFigures {
  serverCount: number;
  itAverageKw: number;
  itPeakKw: number;
  itEnergyKWhPerYear: number;
  facilityEnergyKWhPerYear: number;
  rackUnits: number;
  racks: number;
  floorSpaceM2: number;
  maintenanceUsdPerYear: number;
  electricityUsdPerYear: number;
  spaceUsdPerYear: number;
  co2TonnesPerYear: number;
  totalUsdPerYear: number;
}

export interface Savings {
  planId: string;
  /** ONE_SERVER_PER_VM, CURRENT_INVENTORY or TODAYS_ESTATE (a plan made from today's placement) */
  baseline: string;
  virtualization: Virtualization;
  before: EstateFigures;
  after: EstateFigures;
  /** before − after (positive = saved) */
  savings: EstateFigures;
  savingsPercent: Record<string, number>;
  beforeModelCounts: Record<string, number>;
  vmsLargerThanAnyModel: number;
  afterFromSimulation: boolean;
  assumptions: Assumptions;
  /** per assumption: "default", "scenario" or "query" */
  assumptionSources: Record<string, string>;
  /** how the "before" estate was sized, in words (newer servers) */
  beforeRule?: string;
  /** per catalog model of either estate: maintenance in effect and its source ("override", "catalog", "fallback") */
  maintenanceByModel?: Record<string, { usdPerServerYear: number; source: string }>;
  /** absent on servers older than the investment figures */
  investment?: Investment | null;
}

/** Assumption values to send: a number, or '' to clear the override. */
export type AssumptionEdits = Partial<Record<keyof Assumptions, number | ''>>;

const plan = (id: string) => `/api/v1/plans/${encodeURIComponent(id)}`;

export type ExportType = 'csv' | 'xlsx';
export const EXPORT_TYPES: Record<ExportType, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface SimulationQuery {
  virtualization?: Virtualization;
  hostOffset?: number;
  hostLimit?: number;
  vmPage?: number;
  vmSize?: number;
  vmSort?: 'index' | 'worst';
  /** per host and resource at most this many points (bucket maxima); 0 = every step */
  maxPoints?: number;
  /** host series only for this resource (default: all) */
  resources?: MetricName;
}

function query(q: object): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v != null && !(typeof v === 'number' && Number.isNaN(v))) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const engineApi = {
  /** Every replay run of the plan (one per approach requested), without series. */
  simulations: (id: string, signal?: AbortSignal) => getJson<Simulation[]>(`${plan(id)}/simulations`, signal),
  simulation: (id: string, q: SimulationQuery = {}, signal?: AbortSignal) => getJson<Simulation>(`${plan(id)}/simulation${query(q)}`, signal),
  hostDemand: (id: string, host: number, virtualization?: Virtualization, signal?: AbortSignal) =>
    getJson<HostDemand>(`${plan(id)}/simulation/hosts/${host}${query({ virtualization })}`, signal),
  simulate: (id: string, virtualization: Virtualization) => postForLocation<Simulation>(`${plan(id)}/simulations`, { virtualization }),
  comparison: (id: string, signal?: AbortSignal) => getJson<Comparison>(`${plan(id)}/simulations/comparison`, signal),
  savings: (id: string, overrides: AssumptionEdits, signal?: AbortSignal) => getJson<Savings>(`${plan(id)}/savings${query(overrides)}`, signal),
  /** The savings report as a CSV or XLSX file, with the same assumption overrides as the page. */
  savingsFile: async (id: string, overrides: AssumptionEdits, type: ExportType): Promise<Blob> =>
    (await request(`${plan(id)}/savings${query(overrides)}`, { headers: { Accept: EXPORT_TYPES[type] } })).blob(),
  /** One row per host (model, VMs, peak % per resource) of a completed replay, as CSV or XLSX. */
  hostSummaryFile: async (id: string, virtualization: Virtualization | undefined, type: ExportType): Promise<Blob> =>
    (await request(`${plan(id)}/simulation/host-summary${query({ virtualization })}`, { headers: { Accept: EXPORT_TYPES[type] } })).blob(),
  /** Saves assumptions as the plan's scenario (later reports start from them). */
  /** Replaces the "before" estate with the uploaded current servers (CSV name,count,averageWatts,peakWatts,rackUnits[,yearlyMaintenanceUsd]). */
  uploadCurrentServers: async (id: string, file: File) =>
    request(`${plan(id)}/current-servers?fileName=${encodeURIComponent(file.name)}`, { method: 'PUT', headers: { 'Content-Type': 'text/csv' }, body: await file.text() }),
  removeCurrentServers: (id: string) => request(`${plan(id)}/current-servers`, { method: 'DELETE' }),
  /** '' (a cleared override) is saved as null */
  saveAssumptions: (id: string, a: AssumptionEdits) =>
    sendJson<unknown>('PUT', `${plan(id)}/savings-assumptions`, Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v === '' ? null : v]))),
};

/** Largest page the simulation endpoint serves (hosts and VMs). */
export const PAGE_MAX = 1000;
/** Heatmap columns per host: the heatmap draws at most this many, so the server buckets them (keeping peaks). */
export const HEATMAP_POINTS = 288;
/** Hosts drawn on the dashboard at once (a heatmap of more rows is unreadable); more are paged ("hosts N–M of T"). */
export const HOSTS_SHOWN_MAX = 1000;
/** VMs the dashboard loads at most (pages of PAGE_MAX, in the background); beyond this it says "Showing N of M VMs". */
export const VMS_FETCHED_MAX = 50_000;

/** The heatmap's first resource: the dashboard loads only its series up front, the others when picked. */
export const FIRST_HEATMAP_RESOURCE: MetricName = 'CPU';

function hostSeriesQuery(virtualization: Virtualization, resource: MetricName, hostOffset = 0): SimulationQuery {
  return { virtualization, hostOffset, hostLimit: Math.min(PAGE_MAX, HOSTS_SHOWN_MAX), maxPoints: HEATMAP_POINTS, resources: resource };
}

/** One page of hosts (HOSTS_SHOWN_MAX from hostOffset) with one resource's series bucketed to HEATMAP_POINTS. */
export async function loadHostSeries(id: string, virtualization: Virtualization, resource: MetricName, signal: AbortSignal, hostOffset = 0): Promise<HostView[]> {
  const sim = await engineApi.simulation(id, { ...hostSeriesQuery(virtualization, resource, hostOffset), vmSize: 1 }, signal);
  return sim.hosts?.items ?? [];
}

/**
 * The replay for the dashboard, or null while the replay of that approach is not completed yet: the first
 * HOSTS_SHOWN_MAX hosts with their FIRST_HEATMAP_RESOURCE series bucketed to HEATMAP_POINTS, and the first
 * page of PAGE_MAX VM summaries (the page renders from it; loadVmPage fetches the others). `hosts.total` /
 * `vms.total` keep the full counts, so the page can say what it has not loaded. It asks the run list first,
 * which is empty (not 404) until the replay job has been scheduled, so waiting leaves no failed requests behind.
 */
export async function loadCompletedSimulation(id: string, virtualization: Virtualization | undefined, signal: AbortSignal): Promise<Simulation | null> {
  const runs = await engineApi.simulations(id, signal);
  const run = runs.find((r) => r.virtualization === virtualization) ?? (virtualization ? undefined : runs[0]);
  if (!run || run.status === 'QUEUED' || run.status === 'RUNNING') return null;
  if (run.status === 'FAILED') throw new ApiError({ status: 500, title: 'Replay failed', detail: run.error ?? 'The replay of this plan failed' });
  return engineApi.simulation(id, { ...hostSeriesQuery(run.virtualization, FIRST_HEATMAP_RESOURCE), vmSize: PAGE_MAX }, signal);
}

/** One page of PAGE_MAX VM summaries of the replay (hostLimit 0: no host series) and the VM total. */
export async function loadVmPage(id: string, virtualization: Virtualization, page: number, signal: AbortSignal): Promise<ListPage<VmSummary>> {
  const sim = await engineApi.simulation(id, { virtualization, hostLimit: 0, vmPage: page, vmSize: PAGE_MAX }, signal);
  return { items: sim.vms?.items ?? [], total: sim.vms?.total ?? 0 };
}
