import { count } from '../../format';
import type { Plan } from '../../api/plans';

export interface BoundSummary {
  /** the tighter of the two lower bounds, or undefined before solving starts */
  bound?: number;
  /** hosts used minus that bound */
  gap?: number;
  /** what the bound is */
  explanation: string;
}

/**
 * The plan's best lower bound: the fluid one (lowerBoundHosts: demand split across hosts at will, plus the HA
 * reserve) or, when larger, the hosts its largest anti-affinity group needs (one per VM).
 */
export function boundSummary(plan: Pick<Plan, 'hostsUsed' | 'lowerBoundHosts' | 'antiAffinityHosts'>): BoundSummary {
  const fluid = plan.lowerBoundHosts ?? undefined;
  if (fluid == null) return { explanation: 'no bound yet' };
  const group = plan.antiAffinityHosts ?? 0;
  const bound = Math.max(fluid, group);
  const gap = plan.hostsUsed != null ? plan.hostsUsed - bound : undefined;
  const explanation = group > fluid
    ? `lower bound ${count(bound, 'host')}: an anti-affinity group of ${count(group, 'VM')} needs a host each (the demand alone: ${fluid})`
    : `lower bound ${count(fluid, 'host')}, as if VMs could be split across hosts`;
  return { bound, gap, explanation };
}
