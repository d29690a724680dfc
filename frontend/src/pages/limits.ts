// New-plan form: the pool-wide overcommit and density limits (blank = no limit), checked against the API's ranges.
import type { PlanLimits } from '../api/plans';

export interface LimitsText {
  vcpuPerCore: string;
  memoryOvercommit: string;
  maxVmsPerHost: string;
}

export const NO_LIMITS: LimitsText = { vcpuPerCore: '', memoryOvercommit: '', maxVmsPerHost: '' };

/** The limits to send (undefined when none is set) and one message per field out of range. */
export function parseLimits(t: LimitsText): { limits?: PlanLimits; errors: Partial<Record<keyof LimitsText, string>> } {
  const errors: Partial<Record<keyof LimitsText, string>> = {};
  const limits: PlanLimits = {};
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const vcpu = num(t.vcpuPerCore);
  if (vcpu !== undefined) {
    if (Number.isFinite(vcpu) && vcpu > 0 && vcpu <= 64) limits.vcpuPerCore = vcpu;
    else errors.vcpuPerCore = 'vCPUs per core must be above 0 and at most 64';
  }
  const mem = num(t.memoryOvercommit);
  if (mem !== undefined) {
    if (Number.isFinite(mem) && mem > 0 && mem <= 4) limits.memoryOvercommit = mem;
    else errors.memoryOvercommit = 'memory overcommit must be above 0 and at most 4';
  }
  const vms = num(t.maxVmsPerHost);
  if (vms !== undefined) {
    if (Number.isInteger(vms) && vms >= 1 && vms <= 10000) limits.maxVmsPerHost = vms;
    else errors.maxVmsPerHost = 'VMs per host must be a whole number from 1 to 10,000';
  }
  return { limits: Object.keys(limits).length ? limits : undefined, errors };
}

/** The text fields for a request's limits ("Plan a variant"). */
export function limitsText(l: PlanLimits | null | undefined): LimitsText {
  return {
    vcpuPerCore: l?.vcpuPerCore != null ? String(l.vcpuPerCore) : '',
    memoryOvercommit: l?.memoryOvercommit != null ? String(l.memoryOvercommit) : '',
    maxVmsPerHost: l?.maxVmsPerHost != null ? String(l.maxVmsPerHost) : '',
  };
}
