import type { Plan } from '../../api/plans';
import { boundSummary } from './lowerBound';

/**
 * True while solving when the best plan found is feasible and uses no more hosts than the lower bound: no plan
 * can use fewer, so the rest of the time limit only evens the hosts' load (or, under COST/POWER, improves that).
 */
export function provenMinimal(plan: Pick<Plan, 'hostsUsed' | 'lowerBoundHosts' | 'antiAffinityHosts' | 'feasible'>): boolean {
  const { bound } = boundSummary(plan);
  return bound != null && plan.hostsUsed != null && plan.feasible !== false && plan.hostsUsed <= bound;
}

/**
 * The elapsed time against the time limit, honestly: the limit bounds the search; setting up the problem and
 * saving the result come on top, so a finished 30 s plan may read "31 s (30 s search limit, plus setup and saving)".
 */
export function elapsedText(elapsedSeconds: number, limitSeconds: number | undefined, running: boolean): string {
  const elapsed = Math.round(elapsedSeconds);
  if (!limitSeconds) return `elapsed ${elapsed} s`;
  if (elapsed <= limitSeconds) return running ? `elapsed ${elapsed} s of a ${limitSeconds} s limit` : `took ${elapsed} s (limit ${limitSeconds} s)`;
  return `${running ? 'elapsed' : 'took'} ${elapsed} s (${limitSeconds} s search limit, plus setup and saving)`;
}

/**
 * What a running attempt is doing before its first solution: sizing the demand (a risk target's packing search can
 * take tens of seconds on a large workload) or waiting for the search's first placement.
 */
export function waitingText(plan: Pick<Plan, 'status' | 'stage' | 'request'>): string {
  if (plan.status === 'QUEUED') return 'Queued: waiting for the job engine…';
  if (plan.stage === 'SIZING') {
    return plan.request?.sizing?.overloadRiskPercent != null
      ? `Sizing for the ${plan.request.sizing.overloadRiskPercent} % overload-risk target (packing probes)…`
      : 'Sizing the demand…';
  }
  return 'Waiting for the first solution…';
}
