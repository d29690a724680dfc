import { describe, expect, it } from 'vitest';
import type { PlanRequest } from '../api/plans';
import { DEFAULT_PLAN_DRAFT, draftPool, fromRequest, toRequest } from './planDraft';

const catalog = ['hp-ml110-g5', 'dell-r740', 'dell-r6515'];

const request: PlanRequest = {
  workloadId: 'w-1', name: 'base', hostPool: [{ model: 'dell-r6515', count: 2 }, { model: 'dell-r740', count: 3 }],
  resources: ['MEMORY', 'CPU'], sizing: { percentile: 99, headroomPercent: 5, foldDays: true, overheadInTrace: true },
  virtualization: 'PARAVIRTUAL', targetUtilization: 0.8, haReserveHosts: 1, objective: 'COST', timeLimitSeconds: 60,
  pinned: { 'db-1': 0, 'web-1': 2 },
};

describe('fromRequest', () => {
  it('fills every field of the form from the request, utilization in % and the name marked as a variant', () => {
    const d = fromRequest(request, 'base', catalog);
    expect(d).toMatchObject({
      workloadId: 'w-1', name: 'base (variant)', pool: { 'dell-r6515': 2, 'dell-r740': 3 }, resources: ['MEMORY', 'CPU'],
      percentile: 99, headroomPercent: 5, foldDays: true, overheadInTrace: true, virtualization: 'PARAVIRTUAL',
      targetUtilizationPercent: 80, haReserveHosts: 1, objective: 'COST', timeLimitSeconds: 60,
    });
  });

  it('renumbers the pins for the same hosts when the form shows the pool in catalog order', () => {
    // request order: r6515 #0-1, r740 #2-4; catalog order: r740 #0-2, r6515 #3-4
    const d = fromRequest(request, 'base', catalog);
    expect(draftPool(d, catalog).pins.pins).toEqual({ 'db-1': 3, 'web-1': 0 });
  });

  it('keeps the defaults for what an older request does not carry', () => {
    const d = fromRequest({ workloadId: 'w-2' }, undefined, catalog);
    expect(d).toEqual({ ...DEFAULT_PLAN_DRAFT, workloadId: 'w-2', name: 'plan (variant)' });
  });
});

describe('toRequest', () => {
  it('gives back the request it was filled from, with the pool and pins in catalog order', () => {
    const back = toRequest(fromRequest(request, 'base', catalog), catalog);
    expect(back).toEqual({
      ...request, name: 'base (variant)', resources: ['CPU', 'MEMORY'],
      hostPool: [{ model: 'dell-r740', count: 3 }, { model: 'dell-r6515', count: 2 }], pinned: { 'db-1': 3, 'web-1': 0 },
    });
  });

  it('leaves out a blank name, models without hosts and an empty pin list', () => {
    const r = toRequest({ ...DEFAULT_PLAN_DRAFT, workloadId: 'w', name: '  ', pool: { 'dell-r740': 4, 'hp-ml110-g5': 0 } }, catalog);
    expect(r.name).toBeUndefined();
    expect(r.hostPool).toEqual([{ model: 'dell-r740', count: 4 }]);
    expect(r.pinned).toBeUndefined();
    expect(r.targetUtilization).toBe(1);
  });

  it('keeps a risk-targeted variant in risk mode and sends only the target, headroom and overhead flag', () => {
    const risky = { ...request, sizing: { overloadRiskPercent: 0.5, headroomPercent: 0, overheadInTrace: false } };
    const d = fromRequest(risky, 'risky', catalog);
    expect(d.sizingMode).toBe('RISK');
    expect(toRequest(d, catalog).sizing).toEqual({ overloadRiskPercent: 0.5, headroomPercent: 0, overheadInTrace: false });
  });

  it('keeps an AUTO variant and its pool-wide limits, blank limits sent as none', () => {
    const limited: PlanRequest = { ...request, virtualization: 'AUTO', limits: { vcpuPerCore: 4, memoryOvercommit: 1.5, maxVmsPerHost: null } };
    const d = fromRequest(limited, 'limited', catalog);
    expect(d.virtualization).toBe('AUTO');
    const back = toRequest(d, catalog);
    expect(back.virtualization).toBe('AUTO');
    expect(back.limits).toEqual({ vcpuPerCore: 4, memoryOvercommit: 1.5 });
    expect(toRequest({ ...d, limits: DEFAULT_PLAN_DRAFT.limits }, catalog).limits).toBeUndefined();
  });
});

describe('from today\'s placement', () => {
  const fromToday: PlanRequest = {
    ...request, haReserveHosts: 0, pinned: undefined, timeWindows: { startHours: [8, 20], maxMigrationsPerTransition: 5 },
    // the stored request carries the pool the server derived from the estate
    hostPool: [{ model: 'dell-r740', count: 3 }],
    fromCurrentPlacement: { hostModels: { 'esx-01': 'dell-r740', 'esx-02': 'dell-r740', 'esx-03': 'dell-r740' }, maxMigrations: 4, minHostsSaved: 1, minKwSaved: null },
  };

  it('a variant keeps the mapping and the move budget, not the pool derived from the estate', () => {
    const d = fromRequest(fromToday, 'today', catalog);
    expect(d.today).toEqual({ enabled: true, hostModels: fromToday.fromCurrentPlacement!.hostModels, maxMigrations: '4', minHostsSaved: '1', minKwSaved: '' });
    expect(d.pool).toEqual({});
    const back = toRequest(d, catalog);
    expect(back.fromCurrentPlacement).toEqual(fromToday.fromCurrentPlacement);
    expect(back.timeWindows).toEqual(fromToday.timeWindows);
  });

  it('sends no pool, pins or HA reserve (today\'s hosts are the pool)', () => {
    const d = { ...fromRequest(request, 'base', catalog), today: { ...fromRequest(fromToday, 'today', catalog).today } };
    const r = toRequest(d, catalog);
    expect(r.hostPool).toEqual([]);
    expect(r.pinned).toBeUndefined();
    expect(r.haReserveHosts).toBe(0);
    expect(r.fromCurrentPlacement?.maxMigrations).toBe(4);
  });

  it('sends the pool as before when not enabled', () => {
    const r = toRequest(fromRequest(request, 'base', catalog), catalog);
    expect(r.fromCurrentPlacement).toBeUndefined();
    expect(r.haReserveHosts).toBe(1);
  });
});
