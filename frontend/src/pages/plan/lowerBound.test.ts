import { describe, expect, it } from 'vitest';
import { boundSummary } from './lowerBound';

describe('boundSummary', () => {
  it('takes the fluid bound when no anti-affinity group needs more hosts', () => {
    expect(boundSummary({ hostsUsed: 45, lowerBoundHosts: 40, antiAffinityHosts: 0 }))
      .toEqual({ bound: 40, gap: 5, explanation: 'lower bound 40 hosts, as if VMs could be split across hosts' });
    expect(boundSummary({ hostsUsed: 5, lowerBoundHosts: 4, antiAffinityHosts: null }).gap).toBe(1);
  });

  it('takes the largest anti-affinity group when it needs more hosts than the demand', () => {
    const s = boundSummary({ hostsUsed: 6, lowerBoundHosts: 3, antiAffinityHosts: 6 });
    expect(s.bound).toBe(6);
    expect(s.gap).toBe(0);
    expect(s.explanation).toBe('lower bound 6 hosts: an anti-affinity group of 6 VMs needs a host each (the demand alone: 3)');
  });

  it('has no gap before solving starts', () => {
    expect(boundSummary({ hostsUsed: null, lowerBoundHosts: null })).toEqual({ explanation: 'no bound yet' });
    expect(boundSummary({ hostsUsed: null, lowerBoundHosts: 3, antiAffinityHosts: 2 }).gap).toBeUndefined();
  });
});
