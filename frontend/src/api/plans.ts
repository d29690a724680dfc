// Host catalog and plans API: /api/v1/host-models, /api/v1/plans
import { getJson, getPage, postForLocation, request, sendJson } from './client';
import type { MetricName } from './workloads';

export type Virtualization = 'FULL' | 'PARAVIRTUAL' | 'HARDWARE_ASSISTED';
export type Objective = 'HOSTS' | 'COST' | 'POWER';
export type PlanStatus = 'QUEUED' | 'SOLVING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';

export const VIRTUALIZATIONS: Virtualization[] = ['FULL', 'PARAVIRTUAL', 'HARDWARE_ASSISTED'];
/** What a plan request may ask for: one approach for every VM, or AUTO (chosen per VM). */
export type VirtualizationChoice = Virtualization | 'AUTO';
export const VIRTUALIZATION_CHOICES: VirtualizationChoice[] = ['AUTO', ...VIRTUALIZATIONS];
export const RESOURCES: MetricName[] = ['CPU', 'MEMORY', 'DISK', 'NETWORK'];

export interface HostModel {
  id: string;
  name: string;
  cores: number;
  coreMhz: number;
  cpuMhz?: number;
  idleWatts?: number;
  maxWatts?: number;
  memoryMib: number;
  diskKBps: number;
  networkKBps: number;
  powerWatts: number[];
  rackUnits: number;
  purchaseCost: number;
  yearlyMaintenanceCost: number;
  /** Maintenance + purchase / 3 years: what the "Lowest yearly cost" objective counts per host (server-computed; absent on drafts). */
  yearlyCostUsd?: number;
  hardwareAssist: boolean;
  source?: string;
  builtIn?: boolean;
}

/**
 * How a plan turns the trace into planned demand: a percentile (window absent = one hour around each step), or a
 * target share of host-steps over capacity (overloadRiskPercent, then no percentile); overheadInTrace: the series
 * already include a hypervisor's overhead.
 */
export interface PlanSizing {
  percentile?: number;
  headroomPercent: number;
  foldDays?: boolean;
  windowSteps?: number | null;
  overheadInTrace?: boolean;
  overloadRiskPercent?: number | null;
}

/** What the server applied, defaults and the workload's step resolved (GET plan sizingApplied). */
export interface SizingApplied {
  mode: 'PERCENTILE' | 'OVERLOAD_RISK';
  percentile?: number | null;
  windowSteps?: number | null;
  windowMinutes?: number | null;
  foldDays: boolean;
  headroomPercent: number;
  overheadInTrace: boolean;
  overloadRiskPercent?: number | null;
  /** false: a one-step window and no folding, where every percentile gives the raw series */
  percentileHasEffect: boolean;
  summary: string;
}

/** Share of host-steps over capacity: in sample, the plan's own out-of-sample estimate, the target (risk mode). */
export interface OverloadRisk {
  inSampleHostStepsOverPercent: number;
  estimatedOutOfSamplePercent: number | null;
  targetPercent: number | null;
  method: string;
  /** what the estimate cannot know (e.g. under two days of history); absent when nothing */
  caveat?: string | null;
}

/** The plan's approach mix in words, e.g. "30 VMs paravirtual, 30 hardware-assisted"; '' when unknown. */
export function approachMixSummary(mix: Record<string, number> | null | undefined): string {
  const entries = Object.entries(mix ?? {}).filter(([, n]) => n > 0);
  if (entries.length === 0) return '';
  const words: Record<string, string> = { FULL: 'full', PARAVIRTUAL: 'paravirtual', HARDWARE_ASSISTED: 'hardware-assisted' };
  const order = ['PARAVIRTUAL', 'HARDWARE_ASSISTED', 'FULL'];
  entries.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  return entries.map(([a, n], i) => `${n.toLocaleString('en-US')}${i === 0 ? (n === 1 ? ' VM' : ' VMs') : ''} ${words[a] ?? a}`).join(', ');
}

/** One line for the plan header, e.g. "p95 + 10 % headroom, folded to a day, overhead already in the trace". */
export function sizingSummary(s: Partial<PlanSizing> | undefined): string {
  if (!s) return '';
  if (s.overloadRiskPercent != null) {
    const parts = [`overload risk ≤ ${s.overloadRiskPercent} % of host-steps${s.headroomPercent ? ` + ${s.headroomPercent} % headroom` : ''}`];
    parts.push(s.overheadInTrace ? 'overhead already in the trace (none added)' : 'approach overhead added');
    return parts.join(', ');
  }
  if (s.percentile == null) return '';
  const parts = [`p${s.percentile}${s.headroomPercent ? ` + ${s.headroomPercent} % headroom` : ''}`];
  if (s.foldDays) parts.push('folded to a day');
  else if (s.windowSteps == null) parts.push('1-hour window');
  else if (s.windowSteps > 1) parts.push(`${s.windowSteps}-step window`);
  else parts.push('raw series (percentile has no effect)');
  parts.push(s.overheadInTrace ? 'overhead already in the trace (none added)' : 'approach overhead added');
  return parts.join(', ');
}

/** "host-steps over capacity: 0.03 % in sample, est. 0.12 % on unseen days (target 0.1 %)" */
export function overloadRiskSummary(r: OverloadRisk): string {
  const pct = (v: number) => `${v < 0.01 && v > 0 ? v.toPrecision(1) : Number(v.toFixed(2))} %`;
  const estimate = r.estimatedOutOfSamplePercent == null ? '' : `, est. ${pct(r.estimatedOutOfSamplePercent)} on unseen days`;
  const target = r.targetPercent == null ? '' : ` (target ${r.targetPercent} %)`;
  return `host-steps over capacity: ${pct(r.inSampleHostStepsOverPercent)} in sample${estimate}${target}`;
}

/**
 * The plan's search time over all its attempts against its time limit, e.g. "searched 42 s of 60 s"; empty before
 * the first attempt started (or from a server that does not report it).
 */
export function searchedSummary(p: Pick<Plan, 'searchedMillis' | 'startedAt' | 'request'>): string {
  if (p.searchedMillis == null || !p.startedAt) return '';
  const limit = p.request?.timeLimitSeconds;
  return `searched ${Math.round(p.searchedMillis / 1000)} s${limit ? ` of ${limit} s` : ''}`;
}

/** Overcommit and density limits (null/absent = none); ranges as the API checks them. */
export interface PlanLimits {
  /** configured vCPUs per physical core, (0, 64] */
  vcpuPerCore?: number | null;
  /** usable memory = memory x target utilization x this, (0, 4]; above 1 = overcommit */
  memoryOvercommit?: number | null;
  /** 1..10,000 */
  maxVmsPerHost?: number | null;
}

/** The whole-VM failover map of a plan with an HA reserve (GET /plans/{id}/failover). */
export interface Failover {
  haReserveHosts: number;
  /** how the failure scenarios were chosen, in words */
  method: string;
  scenarios: { failedSlots: number[]; restarts: { vm: string; fromSlot: number; toSlot: number }[] }[];
  vmsWithoutRestart: number;
}

/** Per scenario: the failed hosts and where their VMs restart ("web-1 → #3"); -1 = no legal host. */
export function failoverLines(f: Failover, maxVms = 6): { failed: string; complete: boolean; restarts: string }[] {
  return f.scenarios.map((s) => {
    const shown = s.restarts.slice(0, maxVms).map((r) => `${r.vm} → ${r.toSlot >= 0 ? `#${r.toSlot}` : 'no legal host'}`);
    const more = s.restarts.length - shown.length;
    return {
      failed: s.failedSlots.map((h) => `#${h}`).join(' + '),
      complete: s.restarts.every((r) => r.toSlot >= 0),
      restarts: shown.join(', ') + (more > 0 ? `, … (${more} more)` : '') || 'no VMs',
    };
  });
}

/** One active host's ratios from the VMs' configured sizes (GET /plans/{id}/host-ratios). */
export interface HostRatio {
  slot: number;
  hostModel: string;
  vms: number;
  vcpus: number;
  cores: number;
  vcpuPerCore: number;
  configuredMemoryMib: number;
  memoryMib: number;
  memoryRatio: number;
  limits: PlanLimits | null;
}

export interface PlanRequest {
  workloadId: string;
  name?: string;
  hostPool: { model: string; count: number; limits?: PlanLimits | null }[];
  resources: MetricName[];
  sizing: PlanSizing;
  virtualization: VirtualizationChoice;
  targetUtilization: number;
  haReserveHosts: number;
  objective: Objective;
  timeLimitSeconds: number;
  /** VM name → host number (slot: position in the pool expanded in order, as the dashboard numbers hosts) */
  pinned?: Record<string, number>;
  /** pool-wide limits; an entry's own limits win */
  limits?: PlanLimits | null;
  /** fit the plan to the workload's steps starting in [from, to) only (ISO instants; absent: the whole trace) */
  from?: string | null;
  to?: string | null;
  /** DRS-style placement rules (absent: none) */
  rules?: PlanRules | null;
  /** a placement per window of the day (UTC start hours), with a cap on the emptying migrations per transition */
  timeWindows?: { startHours: number[]; maxMigrationsPerTransition?: number | null } | null;
  /** start from where the VMs run today (the workload's RVTools estate) with a move budget */
  fromCurrentPlacement?: FromCurrentPlacement | null;
}

export interface FromCurrentPlacement {
  /** catalog model of today's hosts, by vHost host name or vHost model */
  hostModels: Record<string, string>;
  maxMigrations?: number | null;
  minHostsSaved?: number | null;
  minKwSaved?: number | null;
}

export type ActionKind = 'POWER_ON' | 'MIGRATE' | 'PLACE' | 'POWER_OFF';

export interface PlanAction {
  order: number;
  kind: ActionKind;
  vm: string | null;
  fromHost: string | null;
  toHost: string | null;
  memoryMib: number;
  startSeconds: number;
  durationSeconds: number;
  staging: boolean;
  overCapacity: boolean;
}

/** From today's placement to the plan's: ordered steps and their totals (GET /plans/{id}/actions). */
export interface ActionPlan {
  planId: string;
  hostsToday: number;
  hostsAfter: number;
  actions: PlanAction[];
  totals: { migrations: number; placements: number; memoryGib: number; durationSeconds: number; powerOns: number; powerOffs: number };
}

/** A time-windowed plan's windows (GET /plans/{id}/windows). */
export interface PlanWindows {
  planId: string;
  maxMigrationsPerTransition: number;
  windows: { window: number; startHour: number; endHour: number; hostsUsed: number; migrationsIn: number; vmSlot: number[] }[];
}

/** "08:00–20:00" */
export function windowHours(startHour: number, endHour: number): string {
  const h = (x: number) => `${String(x).padStart(2, '0')}:00`;
  return `${h(startHour)}–${h(endHour)}`;
}

/** One line of the action plan's summary, e.g. "8 migrations, 64.0 GiB, about 1 h 12 min; 2 hosts off". */
export function actionPlanSummary(a: ActionPlan): string {
  const t = a.totals;
  const parts = [`${t.migrations} migration${t.migrations === 1 ? '' : 's'}`, `${t.memoryGib.toFixed(1)} GiB moved`, `about ${Math.round(t.durationSeconds / 60)} min one after another`];
  if (t.placements) parts.push(`${t.placements} VM${t.placements === 1 ? '' : 's'} started`);
  if (t.powerOns) parts.push(`${t.powerOns} host${t.powerOns === 1 ? '' : 's'} on`);
  if (t.powerOffs) parts.push(`${t.powerOffs} host${t.powerOffs === 1 ? '' : 's'} off`);
  return `${a.hostsToday} → ${a.hostsAfter} hosts: ${parts.join(', ')}`;
}

export type HostRuleKind = 'MUST_RUN_ON' | 'MUST_NOT_RUN_ON' | 'SHOULD_RUN_ON' | 'SHOULD_NOT_RUN_ON';

/** Affinity groups, VM groups, host groups (pool entries and/or host numbers) and VM-to-host rules. */
export interface PlanRules {
  affinityGroups?: { name: string; vms: string[] }[];
  vmGroups?: { name: string; vms: string[] }[];
  hostGroups?: { name: string; poolEntries?: number[]; slots?: number[] }[];
  hostRules?: { name: string; vmGroup: string; hostGroup: string; kind: HostRuleKind }[];
}

/** A plan's rules as placed (GET /plans/{id}/rules). */
export interface RulesReport {
  affinityGroups: { name: string; vms: number; hosts: number }[];
  hostRules: { name: string; kind: HostRuleKind; hard: boolean; vms: number; hostGroupHosts: number; brokenBy: string[]; brokenCount: number }[];
  brokenSoftRules: string[];
}

/** One line per rule: "db-on-rack-a: must run on (3 VMs, 4 hosts) — kept" / "… — broken by web-1, web-2". */
export function ruleLines(r: RulesReport, maxVms = 5): { rule: string; status: string; broken: boolean }[] {
  const groups = r.affinityGroups.map((g) => ({
    rule: `${g.name}: keep together (${g.vms} VM${g.vms === 1 ? '' : 's'})`,
    status: g.hosts <= 1 ? 'kept, on one host' : `split over ${g.hosts} hosts`,
    broken: g.hosts > 1,
  }));
  const rules = r.hostRules.map((h) => {
    const shown = h.brokenBy.slice(0, maxVms).join(', ');
    const more = h.brokenCount - Math.min(maxVms, h.brokenBy.length);
    return {
      rule: `${h.name}: ${h.kind.toLowerCase().replace(/_/g, ' ')} its host group (${h.vms} VM${h.vms === 1 ? '' : 's'}, ${h.hostGroupHosts} host${h.hostGroupHosts === 1 ? '' : 's'}; ${h.hard ? 'hard' : 'soft'})`,
      status: h.brokenCount === 0 ? 'kept' : `broken by ${shown}${more > 0 ? `, … (${more} more)` : ''}`,
      broken: h.brokenCount > 0,
    };
  });
  return [...groups, ...rules];
}

export interface ProgressPoint {
  /** solving attempt: a plan revived after its node died continues in attempt 2, 3, … whose clock restarts at 0 */
  attempt?: number;
  elapsedMillis: number;
  hostsUsed: number;
  score?: string;
}

export interface Plan {
  id: string;
  name?: string;
  workloadId?: string;
  status: PlanStatus;
  /** while SOLVING: SIZING (sizing the demand; a risk target's packing probes take seconds) or SOLVING (searching) */
  stage?: 'SIZING' | 'SOLVING' | null;
  hostsUsed?: number | null;
  lowerBoundHosts?: number | null;
  /** Hosts the largest anti-affinity group needs, its VMs one per host (0: no groups; null: not known). */
  antiAffinityHosts?: number | null;
  /** VMs per virtualization approach (AUTO chooses per VM); null before solving starts or on older plans */
  approachMix?: Record<string, number> | null;
  baselines?: { peakFfdHosts?: number | null; timeSeriesFfdHosts?: number | null } | null;
  feasible?: boolean | null;
  score?: string | null;
  brokenConstraints?: string[];
  progress?: ProgressPoint[];
  request?: Partial<PlanRequest>;
  /** solving time of the current attempt */
  elapsedMillis?: number | null;
  /** search time of every attempt so far (updated about once a second while solving) */
  searchedMillis?: number | null;
  steps?: number;
  stepSeconds?: number;
  folded?: boolean;
  cancelRequested?: boolean;
  scoreCalculationsPerSecond?: number | null;
  error?: string | null;
  createdAt?: string;
  /** the first attempt's start (a plan revived on another node keeps it) */
  startedAt?: string | null;
  /** the current (or last) attempt's start */
  attemptStartedAt?: string | null;
  finishedAt?: string | null;
  /** exactly what the sizing applied (the header shows its summary) */
  sizingApplied?: SizingApplied | null;
  /** null until the solve ended */
  overloadRisk?: OverloadRisk | null;
  /** a plan solved in partitions (one job each, on any node, then merged): solved so far and in all; null when solved whole */
  partitions?: { done: number; total: number } | null;
}

export interface Placement {
  vm: number;
  vmName: string;
  slot: number;
  hostModel: string;
}

/** Why one VM sits where it does (GET /plans/{id}/explanation). */
export interface VmExplanation {
  vm: number;
  vmName: string;
  slot: number;
  hostModel: string;
  bindingResource: string | null;
  /** step of the highest utilization on the VM's host */
  bindingStep: number;
  /** that step's start: seconds after the trace start (or after 00:00 UTC when the plan folds days) */
  bindingOffsetSeconds?: number;
  /** host demand / usable capacity at that step (1.0 = at the target utilization) */
  bindingUtilization?: number;
  matchedConstraints?: string[];
  /** the plan request pins the VM to this host */
  pinned?: boolean;
  /** the explanation in sentences (size and peak, share of the host's busiest step, headroom, rules, nearest other host) */
  words?: string;
  /** this VM's share of its host's load at the binding step (0..1) */
  shareOfHostLoad?: number;
  /** usable capacity minus load at the binding step, in headroomUnit */
  headroom?: number;
  headroomUnit?: string | null;
  /** the nearest other active host, and why the VM is not there */
  nearestOtherSlot?: number | null;
  nearestOtherWhyNot?: string | null;
}

const plan = (id: string) => `/api/v1/plans/${encodeURIComponent(id)}`;

/** Placements per request (the endpoint's default page) and at most loaded into the plan page's table. */
export const PLACEMENTS_PAGE = 10_000;
export const PLACEMENTS_LOADED_MAX = 100_000;

export const plansApi = {
  hostModels: (signal?: AbortSignal) => getJson<HostModel[]>('/api/v1/host-models', signal),
  /** Adds a custom server model; the server validates every field (problem+json naming the field). */
  addHostModel: (model: Omit<HostModel, 'cpuMhz' | 'idleWatts' | 'maxWatts' | 'builtIn'>) =>
    sendJson<HostModel>('POST', '/api/v1/host-models', model),
  /** Deletes a custom model; 409 problem when built in or in a stored plan's host pool. */
  removeHostModel: (id: string) => request(`/api/v1/host-models/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  /** newest first; workloadId keeps one workload's plans */
  list: (signal?: AbortSignal, workloadId?: string) =>
    getJson<Plan[]>(workloadId ? `/api/v1/plans?workloadId=${encodeURIComponent(workloadId)}` : '/api/v1/plans', signal),
  get: (id: string, signal?: AbortSignal) => getJson<Plan>(plan(id), signal),
  /** Starts solving; answers the new plan's id (from the body, else the Location header). */
  start: async (req: PlanRequest): Promise<string> => {
    const res = await postForLocation<Plan>('/api/v1/plans', req);
    const id = res.body?.id ?? res.location?.split('/').filter(Boolean).pop();
    if (!id) throw new Error('The server accepted the plan but named no id');
    return String(id);
  },
  /** First DELETE stops solving (keeps the best plan, 202); a DELETE of a finished plan deletes it (204). */
  stopOrDelete: (id: string) => sendJson<Plan>("DELETE", plan(id)),
  /** Ends a solving plan's search now; its best becomes the COMPLETED result. */
  finish: (id: string) => sendJson<Plan>('POST', `${plan(id)}/finish`),
  /** One page of the plan's placements and their total (the server pages them; the CSV is the whole plan). */
  placementsPage: (id: string, page: number, size: number, signal?: AbortSignal) => getPage<Placement>(`${plan(id)}/placements`, page, size, signal),
  failover: (id: string, signal?: AbortSignal) => getJson<Failover>(`${plan(id)}/failover`, signal),
  rules: (id: string, signal?: AbortSignal) => getJson<RulesReport>(`${plan(id)}/rules`, signal),
  hostRatios: (id: string, signal?: AbortSignal) => getJson<HostRatio[]>(`${plan(id)}/host-ratios`, signal),
  placementsCsvUrl: (id: string) => `${plan(id)}/placements`,
  placementsCsv: async (id: string): Promise<Blob> => (await request(`${plan(id)}/placements`, { headers: { Accept: 'text/csv' } })).blob(),
  /** The page of PLACEMENTS_PAGE explanations holding VM index `vm` (the server lists one per VM, in VM order). */
  explanation: (id: string, vm: number, signal?: AbortSignal) =>
    getJson<VmExplanation[]>(`${plan(id)}/explanation?page=${Math.floor(vm / PLACEMENTS_PAGE)}&size=${PLACEMENTS_PAGE}`, signal),
  actions: (id: string, signal?: AbortSignal) => getJson<ActionPlan>(`${plan(id)}/actions`, signal),
  windows: (id: string, signal?: AbortSignal) => getJson<PlanWindows>(`${plan(id)}/windows`, signal),
  windowActionsCsv: async (id: string, window: number): Promise<Blob> => (await request(`${plan(id)}/windows/${window}/actions`, { headers: { Accept: 'text/csv' } })).blob(),
  actionsCsv: async (id: string): Promise<Blob> => (await request(`${plan(id)}/actions`, { headers: { Accept: 'text/csv' } })).blob(),
};

export function isFinished(status: PlanStatus | undefined): boolean {
  return status === 'COMPLETED' || status === 'FAILED' || status === 'CANCELLED';
}

/** "800 × hp-ml110-g5, 10 × dell-r6515", or "–" without a pool. */
/** What the plan asked beyond the approach and sizing, when not the default: "HA reserve 1 host · lowest yearly cost". */
export function constraintsSummary(request: Partial<PlanRequest> | undefined): string {
  const parts: string[] = [];
  const ha = request?.haReserveHosts ?? 0;
  if (ha > 0) parts.push(`HA reserve ${ha} ${ha === 1 ? 'host' : 'hosts'}`);
  if (request?.targetUtilization != null && request.targetUtilization < 1) parts.push(`target ${Math.round(request.targetUtilization * 100)} % utilization`);
  if (request?.objective === 'COST') parts.push('lowest yearly cost');
  if (request?.objective === 'POWER') parts.push('lowest power');
  return parts.join(' · ');
}

/** "2 VMs pinned (web-0001-1 #0, db-0002-1 #3)"; empty without pins. The names are listed up to three. */
export function pinnedSummary(request: Partial<PlanRequest> | undefined): string {
  const pins = Object.entries(request?.pinned ?? {});
  if (pins.length === 0) return '';
  const listed = pins.slice(0, 3).map(([vm, slot]) => `${vm} #${slot}`).join(', ');
  return `${pins.length} ${pins.length === 1 ? 'VM' : 'VMs'} pinned (${listed}${pins.length > 3 ? ', …' : ''})`;
}

export function poolSummary(request: Partial<PlanRequest> | undefined): string {
  return (request?.hostPool ?? []).map((h) => `${h.count.toLocaleString('en-US')} × ${h.model}`).join(', ') || '–';
}

export function hostCpuMhz(m: HostModel): number {
  return m.cpuMhz ?? m.cores * m.coreMhz;
}
