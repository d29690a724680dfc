import { useMemo, useState } from 'react';
import type { Placement } from '../../api/plans';
import type { Simulation } from '../../api/engine';
import type { MetricName } from '../../api/workloads';
import { loadSeries } from '../../api/seriesLoader';
import { useAsync } from '../../hooks/useAsync';
import { EChart } from '../../charts/EChart';
import { heatmapOption, shapeHeatmap } from '../../charts/heatmap';
import { hostMultiplexingOption, hostStackOption, shapeHostStack, type HostMultiplexing } from '../../charts/hostStack';
import { stepTimes, UNITS } from '../../charts/common';
import { Empty, ErrorBox, Loading } from '../../components/Status';
import { num } from '../../format';

const METRICS: MetricName[] = ['CPU', 'MEMORY', 'DISK', 'NETWORK'];

function metricOf(h: { [k: string]: unknown } | number | undefined, m: MetricName): number | undefined {
  if (h == null) return undefined;
  return typeof h === 'number' ? (m === 'CPU' ? h : undefined) : (h[m] as number | undefined);
}

/** Host utilization heatmap, one host's stacked VM demand vs capacity, and Σ VM peaks vs peak of sum per host. */
export function HostsSection({ simulation, placements, workloadId }: { simulation: Simulation; placements: Placement[]; workloadId: string }) {
  const metrics = METRICS.filter((m) => simulation.hosts.some((h) => (h.utilization?.[m]?.length ?? 0) > 0));
  const [metric, setMetric] = useState<MetricName>('CPU');
  const shown = metrics.includes(metric) ? metric : metrics[0] ?? 'CPU';
  const stepSeconds = simulation.stepSeconds ?? 300;
  const startMs = simulation.start ? Date.parse(simulation.start) : 0;
  const stepLabel = (i: number) => new Date(startMs + i * stepSeconds * 1000).toISOString().slice(5, 16).replace('T', ' ');
  const heat = useMemo(() => shapeHeatmap(simulation.hosts, shown), [simulation, shown]);
  const heatOption = useMemo(() => heatmapOption(heat, stepLabel), [heat]); // eslint-disable-line react-hooks/exhaustive-deps

  const slots = useMemo(() => [...new Set(placements.map((p) => p.slot))].sort((a, b) => a - b), [placements]);
  const [slot, setSlot] = useState<number | null>(null);
  const chosen = slot ?? slots[0];
  const vmsOnHost = useMemo(() => placements.filter((p) => p.slot === chosen), [placements, chosen]);
  const hostReplay = simulation.hosts.find((h) => h.slot === chosen);
  const series = useAsync(
    (signal) => loadSeries(workloadId, vmsOnHost.map((p) => p.vmName), signal),
    [workloadId, chosen, vmsOnHost.length],
  );
  const stack = useMemo(() => {
    if (!series.data) return null;
    const layers = vmsOnHost.map((p) => ({ vmName: p.vmName, values: series.data!.get(p.vmName)?.series?.[shown] ?? [] }));
    return shapeHostStack(layers, metricOf(hostReplay?.capacity, shown) ?? null);
  }, [series.data, vmsOnHost, shown, hostReplay]);
  const stackOption = useMemo(() => {
    if (!stack) return null;
    const first = series.data?.values().next().value;
    const times = stepTimes(first?.start ?? simulation.start, first?.stepSeconds ?? stepSeconds, stack.total.length);
    return hostStackOption(stack, times, UNITS[shown]);
  }, [stack, series.data, shown, simulation.start, stepSeconds]);

  const multiplexing: HostMultiplexing[] = useMemo(
    () => simulation.hosts
      .map((h) => ({ label: `#${h.slot}`, sumOfPeaks: metricOf(h.sumOfPeaks, shown) ?? NaN, peakOfSum: metricOf(h.peakOfSum, shown) ?? NaN }))
      .filter((h) => !Number.isNaN(h.sumOfPeaks) && !Number.isNaN(h.peakOfSum)),
    [simulation, shown],
  );
  const muxOption = useMemo(() => hostMultiplexingOption(multiplexing, UNITS[shown]), [multiplexing, shown]);

  if (!simulation.hosts.length) return <Empty>The replay has no active host.</Empty>;
  return (
    <>
      <div className="actions">
        <label htmlFor="host-metric" style={{ margin: 0 }}>Resource</label>
        <select id="host-metric" value={shown} onChange={(e) => setMetric(e.target.value as MetricName)}>
          {metrics.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </div>
      <div className="chart-box">
        <h3>Host utilization ({shown}, % of capacity, per time step)</h3>
        <EChart option={heatOption} label={`Heatmap of ${shown} utilization per host and time step`} className="tall" testId="chart-heatmap" />
      </div>
      <div className="grid2" style={{ marginTop: '1rem' }}>
        <div className="chart-box">
          <div className="actions" style={{ margin: '0.25rem 0.5rem' }}>
            <h3 style={{ margin: 0, flex: 1 }}>VM demand on one host vs capacity</h3>
            <label htmlFor="host-slot" style={{ margin: 0 }}>Host</label>
            <select id="host-slot" value={chosen} onChange={(e) => setSlot(Number(e.target.value))}>
              {slots.map((s) => <option key={s} value={s}>#{s} ({placements.filter((p) => p.slot === s).length} VMs)</option>)}
            </select>
          </div>
          {series.status === 'loading' && <Loading what={`series of ${vmsOnHost.length} VMs`} />}
          {series.status === 'error' && <ErrorBox error={series.error} onRetry={series.reload} />}
          {stack && stackOption && (
            <>
              <p className="hint" style={{ margin: '0 0.5rem' }}>Σ of these VMs’ peaks {num(stack.sumOfPeaks, 0)} {UNITS[shown]}; peak of their sum {num(stack.peakOfSum, 0)} {UNITS[shown]} (guest demand, before virtualization overhead).</p>
              <EChart option={stackOption} label={`Stacked ${shown} demand of the VMs on host ${chosen} against its capacity`} testId="chart-host-stack" />
            </>
          )}
        </div>
        <div className="chart-box">
          <h3>Multiplexing per host: Σ of VM peaks vs peak of the sum</h3>
          {multiplexing.length ? <EChart option={muxOption} label="Per host, the sum of its VMs' peaks against the peak of their summed demand" testId="chart-host-multiplexing" /> : <Empty>The replay reports no per-host peaks for {shown}.</Empty>}
        </div>
      </div>
    </>
  );
}
