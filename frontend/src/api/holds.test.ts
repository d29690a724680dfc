import { describe, expect, it } from 'vitest';
import { jobPath, jobResultText, jobRunning, mainResource, pageCount, parseVariants, planTemplate } from './holds';
import { riskPoints, sweepOption } from '../charts/holds';
import type { Backtest, OutOfSampleResult } from './holds';

const result = (over: number, inSample: boolean): OutOfSampleResult => ({
  inSample, workloadId: 'w', workloadName: 'w', from: '', to: '', stepSeconds: 300, steps: 288, planVms: 2, replayedVms: 2, hosts: 1,
  unplacedVms: [], missingPlanVms: [], resizedVms: [],
  resources: { CPU: { hostSteps: 288, hostStepsOverCapacity: over, hostStepsOverPercent: (100 * over) / 288, hostsEverOverloaded: over ? 1 : 0,
    vmsThatSawOverload: over ? 2 : 0, worstOverloadPercent: 0, overloadMinutes: over * 5, peakUtilization: 1, meanVmPerformance: 1, minVmPerformance: 1 } },
  otherResources: {}, acrossResources: { overloadedHosts: 0, vmsEverThrottled: 0, meanPerformance: 1, minPerformance: 1, warnings: [] },
  energyKWh: 12.5, slatah: 0, worstVms: [],
});

describe('sizing variants', () => {
  it('parses percentile, headroom and window', () => {
    expect(parseVariants('p100, p95+10, p99.5 + 20 / w12')).toEqual([
      { label: 'p100', sizing: { percentile: 100, headroomPercent: 0 } },
      { label: 'p95+10', sizing: { percentile: 95, headroomPercent: 10 } },
      { label: 'p99.5 + 20 / w12', sizing: { percentile: 99.5, headroomPercent: 20, windowSteps: 12 } },
    ]);
  });
  it('parses a risk target', () => {
    expect(parseVariants('r0.1')).toEqual([{ label: 'r0.1', sizing: { overloadRiskPercent: 0.1 } }]);
  });
  it('names the bad entry', () => {
    expect(() => parseVariants('p100, 95')).toThrow('"95" is not a sizing');
    expect(() => parseVariants('p150')).toThrow('(0, 100]');
    expect(() => parseVariants(' , ')).toThrow('at least one');
  });
});

describe('plan template', () => {
  it('drops workload, name and window, keeps the settings', () => {
    expect(planTemplate({ workloadId: 'w', name: 'n', from: 'a', to: 'b', virtualization: 'FULL', timeLimitSeconds: 5 }))
      .toEqual({ virtualization: 'FULL', timeLimitSeconds: 5 });
  });
});

describe('hosts against risk', () => {
  const sweep = {
    folds: [
      { fold: 0, label: 'p100', status: 'COMPLETED', planId: 'a', hosts: 29, inSample: result(0, true), outOfSample: result(9, false) },
      { fold: 1, label: 'p95+10 w12', status: 'COMPLETED', planId: 'b', hosts: 47, inSample: result(0, true), outOfSample: result(0, false) },
      { fold: 2, label: 'broken', status: 'FAILED', planId: null, hosts: null },
    ],
  } as unknown as Backtest;

  it('keeps completed folds as points with both risks', () => {
    const points = riskPoints(sweep, 'CPU');
    expect(points.map((p) => [p.planId, p.hosts, p.inSamplePercent, p.outOfSamplePercent])).toEqual([
      ['a', 29, 0, 3.125],
      ['b', 47, 0, 0],
    ]);
    expect(mainResource(result(0, true))).toBe('CPU');
  });

  it('draws in- and out-of-sample series, x = risk, y = hosts', () => {
    const option = sweepOption(riskPoints(sweep, 'CPU'), 'CPU') as { series: { name: string; data: { value: number[] }[] }[] };
    expect(option.series.map((s) => s.name)).toEqual(['in sample (fitted data)', 'out of sample (held-out data)']);
    expect(option.series[1].data.map((d) => d.value)).toEqual([[3.125, 29], [0, 47]]);
  });
});

describe('backtest list rows', () => {
  const totals = (completedFolds: number, percent: number) => ({
    completedFolds,
    failedFolds: 0,
    meanHosts: completedFolds ? 5.5 : null,
    maxHosts: completedFolds ? 6 : null,
    inSample: {},
    outOfSample: completedFolds
      ? { MEMORY: { hostStepsOverPercent: 9, worstFoldPercent: 9 }, CPU: { hostStepsOverPercent: percent, worstFoldPercent: 2 * percent } }
      : {},
    outOfSampleEnergyKWh: 0,
  }) as unknown as Backtest['totals'];

  it('links each kind to its own result page', () => {
    expect(jobPath({ id: 'a b', kind: 'BACKTEST' })).toBe('/backtests/a%20b');
    expect(jobPath({ id: 'x', kind: 'SWEEP' })).toBe('/sweeps/x');
  });

  it('reads CPU first, names the unit of the kind, and shows a dash before any fold completes', () => {
    expect(jobResultText({ kind: 'BACKTEST', totals: totals(3, 0.125) })).toBe(
      'CPU 0.125 % of host-steps over capacity out of sample (worst fold 0.250 %), 5.5 hosts on average',
    );
    expect(jobResultText({ kind: 'SWEEP', totals: totals(2, 1) })).toContain('(worst plan 2.000 %)');
    expect(jobResultText({ kind: 'BACKTEST', totals: totals(0, 0) })).toBe('–');
  });

  it('keeps polling while a job may change, and counts at least one page', () => {
    expect(jobRunning({ status: 'QUEUED' })).toBe(true);
    expect(jobRunning({ status: 'RUNNING' })).toBe(true);
    expect(jobRunning({ status: 'CANCELLED' })).toBe(false);
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
});
