import { useMemo, useState } from 'react';
import { engineApi, HOSTS_SHOWN_MAX, loadHostSeries, type Simulation } from '../../api/engine';
import type { MetricName } from '../../api/workloads';
import { useAsync } from '../../hooks/useAsync';
import { EChart } from '../../charts/EChart';
import { HEATMAP_VISIBLE_ROWS, heatmapHeight, heatmapOption, shapeHeatmap } from '../../charts/heatmap';
import { hostMultiplexingOption, hostStackOption, shapeHostStack } from '../../charts/hostStack';
import { stepTimes, UNITS } from '../../charts/common';
import { Empty, ErrorBox, Loading } from '../../components/Status';
import { count, num } from '../../format';
import { overheadWording } from './overheadWording';
import { peakUtilizationParts } from './peakUtilization';

const METRICS: MetricName[] = ['CPU', 'MEMORY', 'DISK', 'NETWORK'];
type StackMetric = 'CPU' | 'MEMORY';

/** Host utilization heatmap, one host's stacked VM demand vs capacity, and Σ VM peaks vs peak of sum per host. */
export function HostsSection({ planId, simulation, overheadInTrace }: { planId: string; simulation: Simulation; overheadInTrace?: boolean }) {
  const firstPage = useMemo(() => simulation.hosts?.items ?? [], [simulation]);
  const totalHosts = simulation.hosts?.total ?? firstPage.length;
  const [offset, setOffset] = useState(0);
  const [shown, setMetric] = useState<MetricName>('CPU');
  // the dashboard loads the first page with one resource's series up front; other pages and resources when picked
  const loaded = offset === 0 && firstPage.some((h) => (h.utilization?.[shown]?.length ?? 0) > 0);
  const picked = useAsync((s) => (loaded ? Promise.resolve(null) : loadHostSeries(planId, simulation.virtualization, shown, s, offset)), [planId, simulation.virtualization, shown, offset, loaded]);
  // the host list (selector, multiplexing bars) of this page; the heatmap rows once the picked series are there
  const hosts = offset === 0 ? firstPage : picked.data ?? [];
  const seriesHosts = loaded ? firstPage : picked.data ?? [];
  const hasSeries = seriesHosts.some((h) => (h.utilization?.[shown]?.length ?? 0) > 0);
  const stepSeconds = simulation.grid.stepSeconds ?? 300;
  const startMs = simulation.grid.start ? Date.parse(simulation.grid.start) : 0;
  const heat = useMemo(
    () => shapeHeatmap(seriesHosts.map((h) => ({ label: `#${h.host}`, detail: h.modelId, utilization: h.utilization })), shown,
      { gridSteps: simulation.grid.steps ?? undefined }),
    [seriesHosts, shown, simulation.grid.steps],
  );
  const heatOption = useMemo(
    () => heatmapOption(heat, (i) => new Date(startMs + i * stepSeconds * 1000).toISOString().slice(5, 16).replace('T', ' ')),
    [heat, startMs, stepSeconds],
  );

  const [chosen, setChosen] = useState<number | null>(null);
  const host = chosen ?? hosts[0]?.host;
  const [stackMetric, setStackMetric] = useState<StackMetric>('CPU');
  const demand = useAsync((s) => (host == null ? Promise.resolve(null) : engineApi.hostDemand(planId, host, simulation.virtualization, s)), [planId, host, simulation.virtualization]);
  const stack = useMemo(() => {
    const d = demand.data;
    if (!d) return null;
    const layers = d.vms.map((v) => ({ vmName: v.name, values: stackMetric === 'CPU' ? v.cpuMhz : v.memoryMib }));
    return shapeHostStack(layers, stackMetric === 'CPU' ? d.cpuMhzCapacity : d.memoryMibCapacity);
  }, [demand.data, stackMetric]);
  const stackOption = useMemo(
    () => (stack ? hostStackOption(stack, stepTimes(simulation.grid.start ?? undefined, demand.data?.stepSeconds ?? stepSeconds, stack.total.length), UNITS[stackMetric]) : null),
    [stack, simulation.grid.start, demand.data, stepSeconds, stackMetric],
  );

  const muxOption = useMemo(
    () => hostMultiplexingOption(hosts.map((h) => ({ label: `#${h.host}`, sumOfPeaks: h.multiplexing.sumOfVmPeakCpuMhz, peakOfSum: h.multiplexing.peakOfSumCpuMhz })), 'MHz'),
    [hosts],
  );

  const peaks = peakUtilizationParts(simulation.metrics?.peakUtilizationByResource);

  if (!firstPage.length) return <Empty>The replay has no active host.</Empty>;
  return (
    <>
      {totalHosts > firstPage.length && (
        <div className="actions" data-testid="hosts-capped">
          <span className="hint">Showing hosts {offset + 1}–{Math.min(offset + HOSTS_SHOWN_MAX, totalHosts)} of {totalHosts}.</span>
          <button type="button" className="secondary" disabled={offset === 0} onClick={() => { setOffset(Math.max(0, offset - HOSTS_SHOWN_MAX)); setChosen(null); }}>Previous hosts</button>
          <button type="button" className="secondary" disabled={offset + HOSTS_SHOWN_MAX >= totalHosts} onClick={() => { setOffset(offset + HOSTS_SHOWN_MAX); setChosen(null); }}>Next hosts</button>
        </div>
      )}
      {peaks.length > 0 && (
        <p className="figure" data-testid="peak-utilization">
          Busiest host at its busiest step:{' '}
          {peaks.map((p, i) => <span key={p.metric}>{i > 0 ? ' · ' : ''}{p.metric} <strong>{num(p.percent, 1)} %</strong></span>)}
          {' '}of capacity. The planner minimizes hosts first, then evens the hosts’ peaks (the heatmap orders hosts by peak).
        </p>
      )}
      <div className="chart-box">
        <div className="actions" style={{ margin: '0.25rem 0.5rem' }}>
          <h3 style={{ margin: 0, flex: 1 }}>Host utilization per time step (% of capacity, host-side demand)</h3>
          <label htmlFor="host-metric" style={{ margin: 0 }}>Resource</label>
          <select id="host-metric" value={shown} onChange={(e) => setMetric(e.target.value as MetricName)}>
            {METRICS.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </div>
        {!loaded && picked.status === 'loading' && <Loading what={`${shown} series`} />}
        {!loaded && picked.status === 'error' && <ErrorBox error={picked.error} onRetry={picked.reload} />}
        {!loaded && picked.status === 'ok' && !hasSeries && <Empty>The replay has no {shown} series.</Empty>}
        {hasSeries && (
          <EChart option={heatOption} label={`Heatmap of ${shown} utilization per host and time step`} height={heatmapHeight(seriesHosts.length)} testId="chart-heatmap"
            onClick={(p) => { const row = (p.value as number[] | undefined)?.[1]; const h = row == null ? undefined : seriesHosts[heat.rowSource[row]]; if (h) setChosen(h.host); }} />
        )}
        <p className="hint" style={{ margin: '0 0.5rem' }} data-testid="heatmap-hint">
          Hosts ordered by peak {shown} utilization, hottest first
          {heat.hostLabels.length > HEATMAP_VISIBLE_ROWS && <>; {HEATMAP_VISIBLE_ROWS} of {heat.hostLabels.length} rows at a time (drag the slider on the right or scroll over the chart)</>}
          {heat.columns.some((c) => c.steps > 1) && <>; each column shows the maximum of the up to {Math.max(...heat.columns.map((c) => c.steps))} time steps it covers, so no peak is hidden</>}.
          Click a host’s row to see its VMs below.
        </p>
      </div>
      <div className="grid2" style={{ marginTop: '1rem' }}>
        <div className="chart-box">
          <div className="actions" style={{ margin: '0.25rem 0.5rem' }}>
            <h3 style={{ margin: 0, flex: 1 }}>One host: its VMs’ demand vs capacity</h3>
            <label htmlFor="host-slot" style={{ margin: 0 }}>Host</label>
            <select id="host-slot" value={host} onChange={(e) => setChosen(Number(e.target.value))}>
              {hosts.map((h) => <option key={h.host} value={h.host}>#{h.host} ({count(h.vmCount, 'VM')})</option>)}
            </select>
            <label htmlFor="stack-metric" style={{ margin: 0 }}>Resource</label>
            <select id="stack-metric" value={stackMetric} onChange={(e) => setStackMetric(e.target.value as StackMetric)}>
              <option value="CPU">CPU</option>
              <option value="MEMORY">MEMORY</option>
            </select>
          </div>
          {demand.status === 'loading' && !demand.data && <Loading what="host demand" />}
          {demand.status === 'error' && <ErrorBox error={demand.error} onRetry={demand.reload} />}
          {stack && stackOption && (
            <>
              <p className="hint" style={{ margin: '0 0.5rem' }} data-testid="host-stack-note">
                {stack.otherCount > 0 && <>The {count(stack.layers.length - 1, 'VM')} with the highest peaks are drawn one by one; the other {count(stack.otherCount, 'VM')} are summed as one layer. </>}
                Σ of these VMs’ peaks {num(stack.sumOfPeaks, 0)} {UNITS[stackMetric]}; peak of their sum {num(stack.peakOfSum, 0)} {UNITS[stackMetric]} ({overheadWording(simulation.virtualization, overheadInTrace).hostSide}).
              </p>
              <EChart option={stackOption} label={`Stacked ${stackMetric} demand of the VMs on host ${host} against its capacity`} testId="chart-host-stack" />
            </>
          )}
        </div>
        <div className="chart-box">
          <h3>Multiplexing per host (CPU): Σ of VM peaks vs peak of the sum</h3>
          <EChart option={muxOption} label="Per host, the sum of its VMs' CPU peaks against the peak of their summed demand" testId="chart-host-multiplexing"
            onClick={(p) => { if (hosts[p.dataIndex]) setChosen(hosts[p.dataIndex].host); }} />
        </div>
      </div>
    </>
  );
}
