import { describe, expect, it } from 'vitest';
import { downsampleMax, stepTimes, usd } from './common';
import { shapeMultiplexing } from './multiplexing';
import { MIN_SPAN_S, shapeProgress } from './progress';
import { HEATMAP_VISIBLE_ROWS, heatmapHeight, heatmapOption, heatmapTooltip, shapeHeatmap } from './heatmap';
import { hostStackOption, shapeHostStack, shortName } from './hostStack';
import { constantSlowdown, lossShares, shapePerformance, shortVms } from './performance';
import { shapeComparison } from './comparison';
import { shapeBeforeAfter } from './beforeAfter';
import { LOAD_PERCENTS, shapePowerCurves } from './powerCurves';
import { bestIndices, comparisonOption, comparisonRows, comparisonTable } from './planComparison';
import { paybackOption, paybackText } from './payback';

describe('common', () => {
  it('keeps peaks when downsampling by bucket maximum', () => {
    const d = downsampleMax([1, 9, 2, 3, 8, 1, 0, 0], 4);
    expect(d.values).toEqual([9, 3, 8, 0]);
    expect(d.index).toEqual([0, 2, 4, 6]);
  });

  it('leaves short series untouched', () => {
    expect(downsampleMax([3, 4], 10)).toEqual({ index: [0, 1], values: [3, 4] });
  });

  it('writes whole dollars with separators and a true minus sign', () => {
    expect(usd(1200.4)).toBe('$1,200');
    expect(usd(-36000)).toBe('−$36,000');
  });

  it('places steps on the grid from the start instant', () => {
    expect(stepTimes('2011-03-03T00:00:00Z', 300, 3)).toEqual([1299110400000, 1299110700000, 1299111000000]);
  });
});

describe('shapeMultiplexing', () => {
  const agg = {
    workloadId: 'w', stepSeconds: 300, start: '2011-03-03T00:00:00Z', steps: 3,
    timestamps: ['2011-03-03T00:00:00Z', '2011-03-03T00:05:00Z', '2011-03-03T00:10:00Z'],
    units: { CPU: 'MHz' }, demand: { CPU: [100, 250, 200] }, sumOfPeaks: { CPU: 500 }, peakOfSum: { CPU: 250 },
  };

  it('puts Σ demand on the time grid and computes the gain Σ peaks ÷ peak of sum', () => {
    const s = shapeMultiplexing(agg, 'CPU')!;
    expect(s.times).toEqual([1299110400000, 1299110700000, 1299111000000]);
    expect(s.demand).toEqual([100, 250, 200]);
    expect(s.sumOfPeaks).toBe(500);
    expect(s.gain).toBe(2);
    expect(s.unit).toBe('MHz');
  });

  it('falls back to the grid start and the series maximum when the server omits them', () => {
    const s = shapeMultiplexing({ ...agg, timestamps: [], peakOfSum: {}, units: {} }, 'CPU')!;
    expect(s.times[2]).toBe(1299111000000);
    expect(s.peakOfSum).toBe(250);
    expect(s.unit).toBe('MHz');
  });

  it('answers gain 1 for an idle workload', () => {
    expect(shapeMultiplexing({ ...agg, demand: { CPU: [0, 0, 0] }, sumOfPeaks: { CPU: 0 }, peakOfSum: { CPU: 0 } }, 'CPU')!.gain).toBe(1);
  });

  it('answers null for a metric the trace lacks', () => {
    expect(shapeMultiplexing(agg, 'DISK')).toBeNull();
  });
});

describe('shapeProgress', () => {
  it('sorts points, extends the best to now and lists the references that exist', () => {
    const s = shapeProgress({
      status: 'SOLVING', elapsedMillis: 9000, lowerBoundHosts: 4, baselines: { peakFfdHosts: 9, timeSeriesFfdHosts: null },
      progress: [{ elapsedMillis: 3000, hostsUsed: 6 }, { elapsedMillis: 1000, hostsUsed: 8 }],
    });
    expect(s.points).toEqual([[1, 8], [3, 6], [9, 6]]);
    expect(s.references).toEqual([{ name: 'Lower bound', hosts: 4 }, { name: 'Peak FFD', hosts: 9 }]);
  });

  it('lays the attempts of a revived plan end to end, so the best never steps back up', () => {
    // the recovery measured in docs/planning.md: attempt 1 died after its 46-host best, attempt 2 warm-started from it
    const s = shapeProgress({
      status: 'COMPLETED', elapsedMillis: 25_644, lowerBoundHosts: 40, baselines: { peakFfdHosts: 139, timeSeriesFfdHosts: 50 },
      progress: [
        { attempt: 1, elapsedMillis: 122, hostsUsed: 50 }, { attempt: 1, elapsedMillis: 3080, hostsUsed: 48 }, { attempt: 1, elapsedMillis: 5546, hostsUsed: 46 },
        { attempt: 2, elapsedMillis: 187, hostsUsed: 46 }, { attempt: 2, elapsedMillis: 8056, hostsUsed: 45 }, { attempt: 2, elapsedMillis: 24_414, hostsUsed: 45 },
      ],
    });
    expect(s.points.map((p) => p[1])).toEqual([50, 48, 46, 46, 45, 45, 45]);
    expect(s.points.map((p) => p[0])).toEqual([0.122, 3.08, 5.546, 5.733, 13.602, 29.96, 31.19]);
    expect(s.attemptStarts).toEqual([{ attempt: 2, seconds: 5.546 }]);
    expect(s.elapsedSeconds).toBeCloseTo(31.19, 6);
    expect(s.xMaxSeconds).toBe(32);
  });

  it('is empty before the first solution', () => {
    expect(shapeProgress({ status: 'QUEUED', progress: [] }).points).toEqual([]);
  });

  it('has the references before the first solution', () => {
    const s = shapeProgress({ status: 'SOLVING', elapsedMillis: 400, lowerBoundHosts: 3, baselines: { peakFfdHosts: 5, timeSeriesFfdHosts: 4 }, progress: [] });
    expect(s.points).toEqual([]);
    expect(s.references.map((r) => r.hosts)).toEqual([3, 5, 4]);
  });

  it('merges references with equal host counts into one label', () => {
    const s = shapeProgress({ status: 'COMPLETED', lowerBoundHosts: 4, baselines: { peakFfdHosts: 6, timeSeriesFfdHosts: 6 }, progress: [] });
    expect(s.references).toEqual([{ name: 'Lower bound', hosts: 4 }, { name: 'Peak FFD = Time-series FFD', hosts: 6 }]);
  });

  it('draws the anti-affinity bound only where it is tighter than the fluid lower bound', () => {
    const tighter = shapeProgress({ status: 'COMPLETED', lowerBoundHosts: 3, antiAffinityHosts: 6, baselines: { peakFfdHosts: 10, timeSeriesFfdHosts: 9 }, progress: [] });
    expect(tighter.references).toEqual([{ name: 'Lower bound', hosts: 3 }, { name: 'Anti-affinity bound', hosts: 6 },
      { name: 'Peak FFD', hosts: 10 }, { name: 'Time-series FFD', hosts: 9 }]);
    const looser = shapeProgress({ status: 'COMPLETED', lowerBoundHosts: 40, antiAffinityHosts: 6, baselines: { peakFfdHosts: 139, timeSeriesFfdHosts: 50 }, progress: [] });
    expect(looser.references.map((r) => r.name)).toEqual(['Lower bound', 'Peak FFD', 'Time-series FFD']);
  });

  it('keeps a time axis of at least a few seconds for a plan solved in about one', () => {
    const s = shapeProgress({ status: 'COMPLETED', elapsedMillis: 1100, progress: [{ elapsedMillis: 200, hostsUsed: 5 }, { elapsedMillis: 900, hostsUsed: 4 }] });
    expect(s.xMaxSeconds).toBe(MIN_SPAN_S);
    expect(shapeProgress({ status: 'COMPLETED', elapsedMillis: 61_200, progress: [{ elapsedMillis: 200, hostsUsed: 5 }] }).xMaxSeconds).toBe(62);
  });
});

describe('shapeHeatmap', () => {
  it('makes one row per host with utilization in percent, hottest first', () => {
    const s = shapeHeatmap([
      { label: '#0', detail: 'g5', utilization: { CPU: [0.25, 0] } },
      { label: '#3', detail: 'r6515', utilization: { CPU: [0.5, 1.2] } },
    ], 'CPU');
    expect(s.hostLabels).toEqual(['#3', '#0']);
    expect(s.hostDetails).toEqual(['r6515', 'g5']);
    expect(s.rowSource).toEqual([1, 0]);
    expect(s.rowPeakPercent).toEqual([120, 25]);
    expect(s.cells).toEqual([[0, 0, 50], [1, 0, 120], [0, 1, 25], [1, 1, 0]]);
    expect(s.maxPercent).toBe(120);
  });

  it('orders by peak, keeps input order on ties and puts hosts without the resource last', () => {
    const s = shapeHeatmap([
      { label: '#0', utilization: { CPU: [0.3, 0.3] } },
      { label: '#1', utilization: { MEMORY: [0.9] } },
      { label: '#2', utilization: { CPU: [0.1, 0.95] } },
      { label: '#3', utilization: { CPU: [0.3, 0.1] } },
    ], 'CPU');
    expect(s.hostLabels).toEqual(['#2', '#0', '#3', '#1']);
    expect(s.rowPeakPercent).toEqual([95, 30, 30, -1]);
    expect(s.cells.filter((c) => c[1] === 3)).toEqual([]);
  });

  it('downsamples long series to the column limit keeping each bucket maximum', () => {
    const s = shapeHeatmap([{ label: '#0', utilization: { CPU: [0.1, 0.9, 0.2, 0.3, 0.05, 0.7] } }], 'CPU', { maxColumns: 2 });
    expect(s.cells).toEqual([[0, 0, 90], [1, 0, 70]]);
    expect(s.columns).toEqual([{ firstStep: 0, steps: 3 }, { firstStep: 3, steps: 3 }]);
  });

  it('never hides a one-step spike among a thousand steps', () => {
    const u = Array.from({ length: 1000 }, () => 0.2);
    u[777] = 1.4;
    const s = shapeHeatmap([{ label: '#0', utilization: { CPU: u } }], 'CPU', { maxColumns: 100 });
    expect(s.cells).toHaveLength(100);
    expect(s.cells.filter((c) => c[2] === 140)).toEqual([[77, 0, 140]]);
    expect(s.maxPercent).toBe(140);
  });

  it('maps server-bucketed points back to grid steps for the time axis', () => {
    // 4 points the server bucketed from 2016 steps (a week of 5-minute steps): 504 steps each
    const s = shapeHeatmap([{ label: '#0', utilization: { CPU: [0.1, 0.2, 0.3, 0.4] } }], 'CPU', { gridSteps: 2016 });
    expect(s.columns.map((c) => c.firstStep)).toEqual([0, 504, 1008, 1512]);
    expect(s.columns.every((c) => c.steps === 504)).toBe(true);
    const label = (step: number) => `t${step}`;
    expect(heatmapTooltip(s, 1, 0, 20, label)).toBe('Host #0<br/>t504 – t1007 (max of 504 steps): <b>20 %</b><br/>peak 40 %');
  });

  it('names the host, its model, the step and the utilization in the tooltip', () => {
    const s = shapeHeatmap([{ label: '#7', detail: 'dell-r6515', utilization: { CPU: [0.5, 0.8] } }], 'CPU');
    expect(heatmapTooltip(s, 1, 0, 80, (i) => `step ${i}`)).toBe('Host #7 · dell-r6515<br/>step 1: <b>80 %</b><br/>peak 80 %');
  });
});

describe('heatmapOption', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `#${i}`, utilization: { CPU: [i / n] } }));
  it('shows a scrollable window of the hottest rows when there are many hosts', () => {
    const s = shapeHeatmap(rows(329), 'CPU');
    const o = heatmapOption(s, String) as { dataZoom: { type: string; yAxisIndex: number; startValue: number; endValue: number }[]; yAxis: { data: string[] } };
    expect(o.dataZoom.map((z) => z.type)).toEqual(['slider', 'inside']);
    expect(o.dataZoom.every((z) => z.yAxisIndex === 0 && z.startValue === 0 && z.endValue === HEATMAP_VISIBLE_ROWS - 1)).toBe(true);
    expect(o.yAxis.data[0]).toBe('#328');
  });

  it('lets the mouse wheel move the window without zooming it (zoomLock on the inside zoom would switch the wheel off)', () => {
    const o = heatmapOption(shapeHeatmap(rows(329), 'CPU'), String) as { dataZoom: Record<string, unknown>[] };
    const inside = o.dataZoom.find((z) => z.type === 'inside')!;
    expect(inside).toMatchObject({ moveOnMouseWheel: true, zoomOnMouseWheel: false, minValueSpan: HEATMAP_VISIBLE_ROWS - 1, maxValueSpan: HEATMAP_VISIBLE_ROWS - 1 });
    expect(inside.zoomLock).toBeUndefined();
  });

  it('has no slider when every host fits', () => {
    expect((heatmapOption(shapeHeatmap(rows(12), 'CPU'), String) as { dataZoom: unknown[] }).dataZoom).toEqual([]);
  });
});

describe('shapeHostStack', () => {
  const vms = [
    { vmName: 'a', values: [10, 0, 0] },
    { vmName: 'b', values: [0, 10, 0] },
    { vmName: 'c', values: [5, 5, 5] },
  ];

  it('totals the stack and reports Σ peaks vs peak of sum', () => {
    const s = shapeHostStack(vms, 20);
    expect(s.total).toEqual([15, 15, 5]);
    expect(s.sumOfPeaks).toBe(25);
    expect(s.peakOfSum).toBe(15);
    expect(s.layers.map((l) => l.vmName)).toEqual(['a', 'b', 'c']);
  });

  it('folds the smallest VMs into one "others" layer', () => {
    const s = shapeHostStack(vms, null, 2);
    expect(s.layers).toHaveLength(2);
    expect(s.layers[1]).toEqual({ vmName: '2 other VMs', values: [5, 15, 5] });
    expect(s.otherCount).toBe(2);
    expect(shapeHostStack(vms, null).otherCount).toBe(0);
  });

  it('keeps the legend short: long VM names are cut with an ellipsis', () => {
    expect(shortName('planetlab1_nrl_dcs_qmul_ac_uk_rnp_dcc_ufjf')).toBe('planetlab1_nrl_dc…');
    expect(shortName('web-01')).toBe('web-01');
    const legend = (hostStackOption(shapeHostStack(vms, 20), [0, 1, 2], 'MHz') as { legend: { formatter: (n: string) => string } }).legend;
    expect(legend.formatter('x'.repeat(40))).toHaveLength(18);
  });
});

describe('performance', () => {
  const vm = (name: string, min: number, p5: number, mean: number, throttledSteps = 0, meanApproachPerformance?: number) =>
    ({ name, minPerformance: min, p5Performance: p5, meanPerformance: mean, throttledSteps, meanApproachPerformance });
  const vms = [vm('ok', 1, 1, 1), vm('slight', 0.97, 0.99, 0.999, 2), vm('bad', 0.4, 0.6, 0.8, 30), vm('mid', 0.85, 0.9, 0.99, 5)];

  it('bins the chosen measure', () => {
    expect(shapePerformance(vms, 'minPerformance').counts).toEqual([1, 0, 1, 0, 1, 0, 1]);
    expect(shapePerformance(vms, 'meanPerformance').counts).toEqual([0, 0, 1, 0, 0, 2, 1]);
  });

  it('lists the VMs throttled by host capacity, worst first', () => {
    expect(shortVms(vms).map((v) => v.name)).toEqual(['bad', 'mid', 'slight']);
  });

  it('leaves out VMs slowed only by the constant virtualization overhead', () => {
    const overheadOnly = [vm('a', 0.9, 0.9, 0.9), vm('b', 0.8, 0.8, 0.8), vm('t', 0.5, 0.7, 0.75, 4)];
    expect(shortVms(overheadOnly).map((v) => v.name)).toEqual(['t']);
    const c = constantSlowdown(overheadOnly)!;
    expect(c.vms).toBe(2);
    expect(c.meanPerformance).toBeCloseTo(0.85);
    expect(c.minPerformance).toBe(0.8);
  });

  it('takes the engine\'s overhead-only performance when it reports one, also for throttled VMs', () => {
    const c = constantSlowdown([vm('t', 0.5, 0.7, 0.75, 4, 0.9), vm('u', 0.95, 0.95, 0.95, 0, 0.95)])!;
    expect(c).toEqual({ vms: 2, meanPerformance: 0.925, minPerformance: 0.9 });
    expect(constantSlowdown([])).toBeNull();
  });

  it('orders the loss causes by their share, in points, without the zero ones', () => {
    expect(lossShares({ VIRTUALIZATION_OVERHEAD: 0.04, CPU_CAPACITY: 0.01, MIGRATION: 0, NEW_CAUSE: 0.02 })).toEqual([
      { cause: 'VIRTUALIZATION_OVERHEAD', label: 'virtualization overhead', points: 4 },
      { cause: 'NEW_CAUSE', label: 'NEW_CAUSE', points: 2 },
      { cause: 'CPU_CAPACITY', label: 'host CPU capacity', points: 1 },
    ]);
    expect(lossShares(undefined)).toEqual([]);
  });

  it('leaves out float residue that would read "0 points" (a plan with the overhead already in the trace)', () => {
    expect(lossShares({ VIRTUALIZATION_OVERHEAD: 1.8626451159242663e-8, CPU_CAPACITY: 0, MEMORY_OVERCOMMIT: 0.0004 })).toEqual([]);
    expect(lossShares({ CPU_CAPACITY: 0.0005 }).map((l) => l.cause)).toEqual(['CPU_CAPACITY']);
  });
});

describe('shapeComparison', () => {
  it('takes hosts needed, energy and mean performance as percent per approach', () => {
    const outcome = (approach: 'FULL' | 'PARAVIRTUAL', hostsNeeded: number, energy: number, perf: number) => ({
      approach, hostsNeeded, energyKWhOnHostsNeeded: energy, meanPerformance: perf, bindingResource: 'CPU' as const, overheadPercent: {},
      minPerformance: 0, vmsEverThrottled: 0, slatahOnPlanPlacement: 0, performanceDriver: '', reason: '',
    });
    expect(shapeComparison([outcome('FULL', 12, 100.04, 0.9), outcome('PARAVIRTUAL', 10, 90, 0.97)])).toEqual([
      { approach: 'FULL', hosts: 12, energyKwh: 100, performancePercent: 90 },
      { approach: 'PARAVIRTUAL', hosts: 10, energyKwh: 90, performancePercent: 97 },
    ]);
  });
});

describe('shapeBeforeAfter', () => {
  const estate = (servers: number, kw: number, pue: number, ru: number, maint: number, total: number) => ({
    serverCount: servers, itAverageKw: kw, itPeakKw: kw * 1.5, itEnergyKWhPerYear: kw * 8760, facilityEnergyKWhPerYear: kw * 8760 * pue,
    rackUnits: ru, racks: 1, floorSpaceM2: 1, maintenanceUsdPerYear: maint, electricityUsdPerYear: 0, spaceUsdPerYear: 0, co2TonnesPerYear: 0, totalUsdPerYear: total,
  });

  it('converts energy to MWh and derives cooling as facility − IT energy', () => {
    const rows = shapeBeforeAfter({ before: estate(100, 20, 1.5, 100, 50000, 90000), after: estate(10, 4, 1.5, 10, 5000, 11000) });
    expect(rows.map((r) => r.label)).toEqual(['IT power (avg)', 'IT energy / year', 'Cooling (PUE) / year', 'Rack units', 'Maintenance / year', 'Total cost / year']);
    expect(rows[1]).toEqual({ label: 'IT energy / year', unit: 'MWh', before: 175.2, after: 35.04 });
    expect(rows[2]).toEqual({ label: 'Cooling (PUE) / year', unit: 'MWh', before: 87.6, after: 17.52 });
    expect(rows[5]).toMatchObject({ before: 90000, after: 11000 });
  });

  it('drops a measure that is not a number', () => {
    const rows = shapeBeforeAfter({ before: estate(1, NaN, 1.5, 1, 1, 1), after: estate(1, 1, 1.5, 1, 1, 1) });
    expect(rows.map((r) => r.label)).toEqual(['Rack units', 'Maintenance / year', 'Total cost / year']);
  });
});

describe('heatmapHeight', () => {
  it('grows with the hosts up to the visible window, whose rows keep their height', () => {
    expect(heatmapHeight(1)).toBe(220);
    expect(heatmapHeight(10)).toBe(280);
    expect(heatmapHeight(HEATMAP_VISIBLE_ROWS)).toBe(760);
    expect(heatmapHeight(1000)).toBe(760);
  });
});

describe('shapePowerCurves', () => {
  const model = (id: string, cores: number, coreMhz: number, powerWatts: number[]) => ({
    id, name: id, cores, coreMhz, memoryMib: 4096, diskKBps: 1, networkKBps: 1, powerWatts, rackUnits: 1,
    purchaseCost: 0, yearlyMaintenanceCost: 0, hardwareAssist: false,
  });
  // hp-ml110-g5's SPECpower points (93.7 W idle .. 135 W at 100 %), 2 x 2,660 MHz
  const g5 = model('hp-ml110-g5', 2, 2660, [93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135]);

  it('keeps the curve in watts, one point per 10 % of load', () => {
    const [c] = shapePowerCurves([g5], 'WATTS');
    expect(c.points).toEqual(g5.powerWatts);
    expect(LOAD_PERCENTS).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it('divides by the CPU capacity in GHz to compare models of different sizes', () => {
    const [c] = shapePowerCurves([g5], 'WATTS_PER_GHZ');
    expect(c.points[10]).toBe(25.38); // 135 W / 5.32 GHz
    expect(c.points[0]).toBe(17.61); // 93.7 W / 5.32 GHz
  });

  it('leaves out a model without an 11-point curve', () => {
    expect(shapePowerCurves([g5, model('broken', 2, 2000, [1, 2, 3])], 'WATTS').map((c) => c.id)).toEqual(['hp-ml110-g5']);
  });
});

describe('plan comparison', () => {
  const estate = (kw: number, usd: number) => ({
    serverCount: 0, itAverageKw: kw, itPeakKw: kw, itEnergyKWhPerYear: kw * 8760, facilityEnergyKWhPerYear: kw * 8760 * 1.5,
    rackUnits: 10, racks: 1, floorSpaceM2: 1, maintenanceUsdPerYear: 0, electricityUsdPerYear: 0, spaceUsdPerYear: 0,
    co2TonnesPerYear: kw, totalUsdPerYear: usd,
  });
  const compared = (id: string, hosts: number | null, kw: number | null, mean: number | null) => ({
    plan: { id, status: 'COMPLETED' as const, hostsUsed: hosts, lowerBoundHosts: 4 },
    savings: kw == null ? null : { after: estate(kw, kw * 1000), savings: estate(0, 5000) } as never,
    metrics: mean == null ? null : { meanPerformance: mean, minPerformance: mean - 0.1, overloadedHosts: 0 } as never,
  });

  it('puts one value per plan in each row, null where a plan lacks the figure', () => {
    const rows = comparisonRows([compared('a', 5, 2, 0.95), compared('b', 4, null, null)]);
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r.values]));
    expect(byLabel['Hosts used']).toEqual([5, 4]);
    expect(byLabel['IT power (avg)']).toEqual([2, null]);
    expect(byLabel['Mean delivered performance']).toEqual([95, null]);
  });

  it('marks the lowest host count and the highest performance best, never a context row', () => {
    const rows = comparisonRows([compared('a', 5, 2, 0.95), compared('b', 4, 3, 0.99)]);
    const best = Object.fromEntries(rows.map((r) => [r.label, bestIndices(r)]));
    expect(best['Hosts used']).toEqual([1]);
    expect(best['IT power (avg)']).toEqual([0]);
    expect(best['Mean delivered performance']).toEqual([1]);
    expect(best['Lower bound']).toEqual([]);
  });

  it('marks every plan sharing the best value, and none when all are equal', () => {
    const three = comparisonRows([compared('a', 4, 2, 0.9), compared('b', 4, 3, 0.9), compared('c', 5, 3, 0.9)]);
    const best = Object.fromEntries(three.map((r) => [r.label, bestIndices(r)]));
    expect(best['Hosts used']).toEqual([0, 1]);
    expect(best['Mean delivered performance']).toEqual([]);
  });

  it('compares values as shown: no bold for figures that read the same', () => {
    const row = { label: 'IT power (avg)', unit: 'kW', values: [1.52, 1.49, 1.71], better: 'lower' as const, chart: true };
    expect(bestIndices(row)).toEqual([0, 1]);   // both read "1.5 kW"
    expect(bestIndices({ ...row, values: [1.52, 1.49] })).toEqual([]);
  });

  it('leaves a row out of the chart when a plan lacks its value', () => {
    const rows = comparisonRows([compared('a', 5, 2, 0.95), compared('b', 4, null, null)]);
    const option = comparisonOption(rows, ['a', 'b']) as { yAxis: { data: string[] } };
    expect(option.yAxis.data).toEqual(['Hosts used']);
  });
});

describe('payback', () => {
  const inv = (paybackMonths: number | null) => ({ hostsBought: 3, purchaseUsd: 36000, annualSavingsUsd: 24000, paybackMonths, netUsdByYear: [-36000, -12000, 12000] });

  it('states the payback in months under two years, in years above, and says when there is none', () => {
    expect(paybackText(inv(18))).toBe('18 months');
    expect(paybackText(inv(30))).toBe('2.5 years');
    expect(paybackText(inv(0))).toBe('at once (nothing bought)');
    expect(paybackText(inv(null))).toBe('never (nothing saved)');
  });

  it('draws the purchase and each year, red while the investment is not paid back', () => {
    const o = paybackOption(inv(18)) as { xAxis: { data: string[] }; series: { data: { value: number; itemStyle: { color: string } }[] }[] };
    expect(o.xAxis.data).toEqual(['purchase', 'year 1', 'year 2']);
    expect(o.series[0].data.map((d) => d.itemStyle.color)).toEqual(['#c0392b', '#c0392b', '#2a9d58']);
  });
});

describe('comparisonTable', () => {
  it('puts the scenario rows first, then each figure with its unit, one column per plan', () => {
    const rows = [{ label: 'Hosts used', unit: 'hosts', values: [4, null], better: 'lower' as const, chart: true }];
    const t = comparisonTable(['a', 'b'], [[['Workload', 'w1']], [['Workload', 'w2']]], rows);
    expect(t).toEqual([['figure', 'unit', 'a', 'b'], ['Workload', '', 'w1', 'w2'], ['Hosts used', 'hosts', 4, null]]);
    });
  });

import { hostsOverTimeOption, hourAxis } from './dynamic';

describe('hosts over time (dynamic consolidation)', () => {
  it('labels steps in hours and draws one stepped line per run', () => {
    expect(hourAxis(3, 1800)).toEqual(['0.0', '0.5', '1.0']);
    const option = hostsOverTimeOption([
      { name: 'static replay', activeHosts: [4, 4, 4] },
      { name: 'plan + LR 1.2 + MMT', activeHosts: [4, 5, 4] },
    ], 300) as { series: { name: string; data: number[]; step: string }[]; xAxis: { data: string[] } };
    expect(option.series.map((s) => s.name)).toEqual(['static replay', 'plan + LR 1.2 + MMT']);
    expect(option.series[1].data).toEqual([4, 5, 4]);
    expect(option.series[1].step).toBe('end');
    expect(option.xAxis.data).toHaveLength(3);
  });
});
