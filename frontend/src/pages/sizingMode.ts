import type { PlanSizing } from '../api/plans';

/** The new-plan form's two ways to size demand: a percentile (+ headroom), or a target share of overloaded host-steps. */
export type SizingMode = 'PERCENTILE' | 'RISK';

export interface SizingDraft {
  mode: SizingMode;
  percentile: number;
  headroomPercent: number;
  foldDays: boolean;
  overloadRiskPercent: number;
  overheadInTrace: boolean;
}

/** Range the server accepts for sizing.overloadRiskPercent (docs/planning.md). */
export const RISK_RANGE = { min: 0.001, max: 50 } as const;

/**
 * The request's sizing for the chosen mode. Percentile mode leaves the window out, so the server applies its default
 * (one hour around each step); risk mode sends only the target, headroom and the overhead flag (the planner chooses
 * the scenario window and folding itself, and refuses a percentile next to a target).
 */
export function sizingRequest(d: SizingDraft): PlanSizing {
  if (d.mode === 'RISK') {
    return { overloadRiskPercent: d.overloadRiskPercent, headroomPercent: d.headroomPercent, overheadInTrace: d.overheadInTrace };
  }
  return { percentile: d.percentile, headroomPercent: d.headroomPercent, foldDays: d.foldDays, overheadInTrace: d.overheadInTrace };
}

/** The form's mode for a stored request's sizing ("Plan a variant"). */
export function sizingModeOf(s: Partial<PlanSizing> | undefined): SizingMode {
  return s?.overloadRiskPercent != null ? 'RISK' : 'PERCENTILE';
}

/** A problem with the risk target the form shows before sending, or null. */
export function riskTargetError(v: number): string | null {
  if (!Number.isFinite(v) || v < RISK_RANGE.min || v > RISK_RANGE.max) {
    return `Target overload risk must be between ${RISK_RANGE.min} and ${RISK_RANGE.max} %.`;
  }
  return null;
}
