import { describe, expect, it } from 'vitest';
import { actionPlanSummary, windowHours, approachMixSummary, failoverLines, ruleLines, constraintsSummary, overloadRiskSummary, pinnedSummary, searchedSummary, sizingSummary } from './plans';

describe('sizingSummary', () => {
  it('says whether the approach overhead was added or is already in the trace', () => {
    expect(sizingSummary({ percentile: 95, headroomPercent: 10, foldDays: false, windowSteps: 1, overheadInTrace: false }))
      .toBe('p95 + 10 % headroom, raw series (percentile has no effect), approach overhead added');
    expect(sizingSummary({ percentile: 100, headroomPercent: 0, foldDays: false, windowSteps: 1, overheadInTrace: true }))
      .toBe('p100, raw series (percentile has no effect), overhead already in the trace (none added)');
  });

  it('names folding or the window, and treats a missing flag (older plans) as overhead added', () => {
    expect(sizingSummary({ percentile: 95, headroomPercent: 0, foldDays: true })).toBe('p95, folded to a day, approach overhead added');
    expect(sizingSummary({ percentile: 90, headroomPercent: 0, foldDays: false, windowSteps: 12 })).toBe('p90, 12-step window, approach overhead added');
    expect(sizingSummary({ percentile: 95, headroomPercent: 0, foldDays: false })).toBe('p95, 1-hour window, approach overhead added');
    expect(sizingSummary(undefined)).toBe('');
  });

  it('names a risk target instead of a percentile', () => {
    expect(sizingSummary({ overloadRiskPercent: 0.1, headroomPercent: 0, overheadInTrace: true }))
      .toBe('overload risk ≤ 0.1 % of host-steps, overhead already in the trace (none added)');
  });
});

describe('searchedSummary', () => {
  it('says how much of the time limit every attempt together searched', () => {
    expect(searchedSummary({ searchedMillis: 41_600, startedAt: '2026-01-01T00:00:00Z', request: { timeLimitSeconds: 60 } })).toBe('searched 42 s of 60 s');
    expect(searchedSummary({ searchedMillis: 0, startedAt: '2026-01-01T00:00:00Z' })).toBe('searched 0 s');
  });

  it('says nothing before solving started or when the server does not report it', () => {
    expect(searchedSummary({ searchedMillis: 0, startedAt: null, request: { timeLimitSeconds: 60 } })).toBe('');
    expect(searchedSummary({ startedAt: '2026-01-01T00:00:00Z', request: { timeLimitSeconds: 60 } })).toBe('');
  });
});

describe('pinnedSummary', () => {
  it('counts the pins and names up to three', () => {
    expect(pinnedSummary({})).toBe('');
    expect(pinnedSummary({ pinned: { 'db-1': 3 } })).toBe('1 VM pinned (db-1 #3)');
    expect(pinnedSummary({ pinned: { a: 0, b: 1, c: 2, d: 3 } })).toBe('4 VMs pinned (a #0, b #1, c #2, …)');
  });
});

describe('constraintsSummary', () => {
  it('names the HA reserve, a target below 100 % and a cost or power objective, and nothing for the defaults', () => {
    expect(constraintsSummary({ haReserveHosts: 0, targetUtilization: 1, objective: 'HOSTS' })).toBe('');
    expect(constraintsSummary({ haReserveHosts: 1, targetUtilization: 0.8, objective: 'COST' })).toBe('HA reserve 1 host · target 80 % utilization · lowest yearly cost');
    expect(constraintsSummary({ haReserveHosts: 2, objective: 'POWER' })).toBe('HA reserve 2 hosts · lowest power');
  });
});

describe('approachMixSummary', () => {
  it('lists VMs per approach, paravirtual first, and nothing when unknown', () => {
    expect(approachMixSummary(null)).toBe('');
    expect(approachMixSummary({ FULL: 4, PARAVIRTUAL: 4 })).toBe('4 VMs paravirtual, 4 full');
    expect(approachMixSummary({ HARDWARE_ASSISTED: 1 })).toBe('1 VM hardware-assisted');
  });
});

describe('failoverLines', () => {
  it('says per failed host where each VM restarts, and when one cannot', () => {
    const lines = failoverLines({ haReserveHosts: 1, method: 'every single active host', vmsWithoutRestart: 1, scenarios: [
      { failedSlots: [0], restarts: [{ vm: 'a', fromSlot: 0, toSlot: 2 }, { vm: 'b', fromSlot: 0, toSlot: 3 }] },
      { failedSlots: [2], restarts: [{ vm: 'c', fromSlot: 2, toSlot: -1 }] },
    ] }, 1);
    expect(lines).toEqual([
      { failed: '#0', complete: true, restarts: 'a → #2, … (1 more)' },
      { failed: '#2', complete: false, restarts: 'c → no legal host' },
    ]);
  });
});

describe('overloadRiskSummary', () => {
  it('puts the in-sample share next to the estimate and the target', () => {
    expect(overloadRiskSummary({ inSampleHostStepsOverPercent: 0.029, estimatedOutOfSamplePercent: 0.1234, targetPercent: 0.1, method: 'm' }))
      .toBe('host-steps over capacity: 0.03 % in sample, est. 0.12 % on unseen days (target 0.1 %)');
    expect(overloadRiskSummary({ inSampleHostStepsOverPercent: 0, estimatedOutOfSamplePercent: 0.004, targetPercent: null, method: 'm' }))
      .toBe('host-steps over capacity: 0 % in sample, est. 0.004 % on unseen days');
  });
});

describe('ruleLines', () => {
  it('lists affinity groups and host rules with what the plan did to them', () => {
    const lines = ruleLines({
      affinityGroups: [{ name: 'app', vms: 3, hosts: 1 }],
      hostRules: [
        { name: 'db-on-a', kind: 'MUST_RUN_ON', hard: true, vms: 2, hostGroupHosts: 4, brokenBy: [], brokenCount: 0 },
        { name: 'web-avoids-a', kind: 'SHOULD_NOT_RUN_ON', hard: false, vms: 7, hostGroupHosts: 4, brokenBy: ['w1', 'w2', 'w3'], brokenCount: 3 },
      ],
      brokenSoftRules: ['web-avoids-a'],
    }, 2);
    expect(lines).toEqual([
      { rule: 'app: keep together (3 VMs)', status: 'kept, on one host', broken: false },
      { rule: 'db-on-a: must run on its host group (2 VMs, 4 hosts; hard)', status: 'kept', broken: false },
      { rule: 'web-avoids-a: should not run on its host group (7 VMs, 4 hosts; soft)', status: 'broken by w1, w2, … (1 more)', broken: true },
    ]);
  });
});

describe('actionPlanSummary', () => {
  it('counts migrations, data and power steps in words', () => {
    const plan = { planId: 'p', hostsToday: 3, hostsAfter: 2, actions: [], totals: { migrations: 4, placements: 0, memoryGib: 16, durationSeconds: 600, powerOns: 0, powerOffs: 1 } };
    expect(actionPlanSummary(plan)).toBe('3 → 2 hosts: 4 migrations, 16.0 GiB moved, about 10 min one after another, 1 host off');
  });
  it('says one migration, not one migrations', () => {
    const plan = { planId: 'p', hostsToday: 2, hostsAfter: 2, actions: [], totals: { migrations: 1, placements: 2, memoryGib: 0.5, durationSeconds: 30, powerOns: 1, powerOffs: 0 } };
    expect(actionPlanSummary(plan)).toBe('2 → 2 hosts: 1 migration, 0.5 GiB moved, about 1 min one after another, 2 VMs started, 1 host on');
  });
});

describe('windowHours', () => {
  it('writes a window as zero-padded hours, past midnight included', () => {
    expect(windowHours(8, 20)).toBe('08:00–20:00');
    expect(windowHours(20, 8)).toBe('20:00–08:00');
  });
});
