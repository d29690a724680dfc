// The "new plan" form's values (as shown, e.g. utilization in %) and their conversion from and to a plan request.
import { RESOURCES, type Objective, type PlanRequest, type VirtualizationChoice } from '../api/plans';
import { limitsText, NO_LIMITS, parseLimits, type LimitsText } from './limits';
import type { MetricName } from '../api/workloads';
import { formatPins, orderedPool, parsePins, poolCounts, renumberPins, type ParsedPins } from './pins';
import { sizingModeOf, sizingRequest, type SizingMode } from './sizingMode';
import { parseRules, rulesText } from './rulesDraft';
import { NO_WINDOWS, parseWindows, windowsText, type WindowsText } from './windowsDraft';
import { NO_TODAY, parseToday, todayText, type TodayDraft } from './todayDraft';

export interface PlanDraft {
  workloadId: string;
  name: string;
  /** hosts available per catalog model id */
  pool: Record<string, number>;
  resources: MetricName[];
  sizingMode: SizingMode;
  percentile: number;
  /** target share of overloaded host-steps, in % (risk mode) */
  overloadRiskPercent: number;
  headroomPercent: number;
  foldDays: boolean;
  overheadInTrace: boolean;
  virtualization: VirtualizationChoice;
  targetUtilizationPercent: number;
  haReserveHosts: number;
  objective: Objective;
  timeLimitSeconds: number;
  /** one "VM #host" per line, hosts numbered as on the dashboard */
  pinsText: string;
  /** pool-wide overcommit and density limits as typed (blank: none) */
  limits: LimitsText;
  /** placement rules as JSON (the request's `rules`; blank: none) */
  rulesText: string;
  /** windows of the day as typed (blank: one placement for the day) */
  windows: WindowsText;
  /** start from today's placement (the workload's RVTools estate) with a move budget; the pool and pins then do not apply */
  today: TodayDraft;
}

export const DEFAULT_PLAN_DRAFT: PlanDraft = {
  workloadId: '', name: '', pool: {}, resources: ['CPU', 'MEMORY'], sizingMode: 'PERCENTILE', percentile: 95, overloadRiskPercent: 0.1, headroomPercent: 10, foldDays: false,
  overheadInTrace: false, virtualization: 'HARDWARE_ASSISTED', targetUtilizationPercent: 100, haReserveHosts: 0,
  objective: 'HOSTS', timeLimitSeconds: 30, pinsText: '', limits: NO_LIMITS, rulesText: '', windows: NO_WINDOWS,
  today: NO_TODAY,
};

/**
 * The form for a variant of another plan: its request's values, named "<name> (variant)", and its pins renumbered for
 * the same hosts when the pool is shown in catalog order (`modelOrder`) rather than the request's order.
 */
export function fromRequest(r: Partial<PlanRequest>, sourceName: string | undefined, modelOrder: string[]): PlanDraft {
  const d = DEFAULT_PLAN_DRAFT;
  // a plan from today's placement stores the pool it derived from the estate: the form shows the estate again instead
  const fromToday = r.fromCurrentPlacement != null;
  const pool = r.hostPool && !fromToday ? poolCounts(r.hostPool) : d.pool;
  return {
    workloadId: r.workloadId ?? d.workloadId,
    name: `${sourceName ?? 'plan'} (variant)`,
    pool,
    resources: r.resources ?? d.resources,
    sizingMode: sizingModeOf(r.sizing),
    percentile: r.sizing?.percentile ?? d.percentile,
    overloadRiskPercent: r.sizing?.overloadRiskPercent ?? d.overloadRiskPercent,
    headroomPercent: r.sizing?.headroomPercent ?? d.headroomPercent,
    foldDays: Boolean(r.sizing?.foldDays),
    overheadInTrace: Boolean(r.sizing?.overheadInTrace),
    virtualization: r.virtualization ?? d.virtualization,
    targetUtilizationPercent: r.targetUtilization != null ? Math.round(r.targetUtilization * 100) : d.targetUtilizationPercent,
    haReserveHosts: r.haReserveHosts ?? d.haReserveHosts,
    objective: r.objective ?? d.objective,
    timeLimitSeconds: r.timeLimitSeconds || d.timeLimitSeconds,
    pinsText: r.pinned && r.hostPool && !fromToday ? formatPins(renumberPins(r.pinned, r.hostPool, orderedPool(pool, modelOrder))) : '',
    limits: limitsText(r.limits),
    rulesText: rulesText(r.rules),
    windows: windowsText(r.timeWindows),
    today: todayText(r.fromCurrentPlacement),
  };
}

/** The pool in catalog order (the host numbers shown for pinning are the ones the dashboard will show) and its pins. */
export function draftPool(d: PlanDraft, modelOrder: string[]): { hostPool: PlanRequest['hostPool']; slotCount: number; pins: ParsedPins } {
  const hostPool = orderedPool(d.pool, modelOrder);
  const slotCount = hostPool.reduce((n, h) => n + h.count, 0);
  return { hostPool, slotCount, pins: parsePins(d.pinsText, slotCount) };
}

/**
 * The request to send; numbers are sent as entered, their ranges are the server's to judge (problem+json names the
 * field). From today's placement the pool is today's hosts: no pool, pins or HA reserve are sent (the API refuses them).
 */
export function toRequest(d: PlanDraft, modelOrder: string[]): PlanRequest {
  const { hostPool, pins } = draftPool(d, modelOrder);
  const fromCurrentPlacement = parseToday(d.today, []).fromCurrentPlacement;
  const fromToday = fromCurrentPlacement != null;
  return {
    workloadId: d.workloadId,
    name: d.name.trim() || undefined,
    hostPool: fromToday ? [] : hostPool,
    resources: RESOURCES.filter((r) => d.resources.includes(r)),
    sizing: sizingRequest({ mode: d.sizingMode, percentile: d.percentile, headroomPercent: d.headroomPercent, foldDays: d.foldDays,
      overloadRiskPercent: d.overloadRiskPercent, overheadInTrace: d.overheadInTrace }),
    virtualization: d.virtualization,
    targetUtilization: d.targetUtilizationPercent / 100,
    haReserveHosts: fromToday ? 0 : d.haReserveHosts,
    objective: d.objective,
    timeLimitSeconds: d.timeLimitSeconds,
    pinned: !fromToday && Object.keys(pins.pins).length ? pins.pins : undefined,
    limits: parseLimits(d.limits).limits,
    rules: parseRules(d.rulesText).rules,
    timeWindows: parseWindows(d.windows).timeWindows,
    fromCurrentPlacement,
  };
}
