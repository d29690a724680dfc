import { useMemo, useState } from 'react';
import { loadVmPage, PAGE_MAX, VMS_FETCHED_MAX, type Simulation } from '../../api/engine';
import { partialNote } from '../../api/pages';
import { useAllPages } from '../../hooks/useAllPages';
import { EChart } from '../../charts/EChart';
import { constantSlowdown, lossShares, performanceOption, shapePerformance, shortVms, type PerfMeasure } from '../../charts/performance';
import { Empty, ErrorBox } from '../../components/Status';
import { count, num } from '../../format';
import { overheadWording } from './overheadWording';

const pct = (v: number | undefined) => (v == null ? '–' : `${num(v * 100, 1)} %`);
const MEASURES: Record<PerfMeasure, string> = { minPerformance: 'worst step', p5Performance: '5th percentile', meanPerformance: 'mean' };

/**
 * Per-VM delivered performance distribution from the replay, and the VMs that ever fell short. It renders
 * from the simulation's first VM page and loads the others in the background, saying while it does (and if
 * it stops short) that the histogram and the table cover the loaded VMs; the plan-level figures are the server's.
 */
export function PerformanceSection({ simulation, overheadInTrace, onExplain }: { simulation: Simulation; overheadInTrace?: boolean; onExplain: (vm: number) => void }) {
  const first = simulation.vms ? { items: simulation.vms.items, total: simulation.vms.total } : null;
  const loaded = useAllPages((page, s) => loadVmPage(simulation.planId, simulation.virtualization, page, s), first, PAGE_MAX, VMS_FETCHED_MAX, [simulation]);
  const vms = loaded.items;
  const note = partialNote('VMs', loaded);
  const [measure, setMeasure] = useState<PerfMeasure>('minPerformance');
  const shape = useMemo(() => shapePerformance(vms, measure), [vms, measure]);
  const option = useMemo(() => performanceOption(shape, `${MEASURES[measure]}: delivered ÷ demanded`), [shape, measure]);
  const short = useMemo(() => shortVms(vms), [vms]);
  const overhead = useMemo(() => constantSlowdown(vms), [vms]);
  const m = simulation.metrics;
  // newer engines: the approach-only mean and a per-cause split of the lost performance
  const extra = m as (typeof m & { meanApproachPerformance?: number | null; performanceLoss?: Record<string, number> | null }) | null;
  const approachMean = extra?.meanApproachPerformance ?? overhead?.meanPerformance;
  const losses = lossShares(extra?.performanceLoss);
  if (!vms.length) return <Empty>The replay reported no per-VM performance.</Empty>;
  return (
    <>
      {m && (
        <p className="hint">
          Mean delivered performance {pct(m.meanPerformance)}, worst {pct(m.minPerformance)}; {count(m.vmsEverThrottled, 'VM')} throttled by a saturated host;
          SLATAH {num(m.slatah * 100, 2)} %; {m.overloadedHosts} of {count(m.activeHosts, 'host')} ever overloaded. Replay energy {num(m.energyKWh)} kWh.
        </p>
      )}
      {approachMean != null && (
        <p className="figure" data-testid="constant-slowdown">
          {overheadWording(simulation.virtualization, overheadInTrace).slowdownLead}{' '}
          VMs deliver <strong>{pct(approachMean)}</strong> of their demand on average
          {overhead ? <>, worst {pct(overhead.minPerformance)}{overhead.vms < vms.length ? <> (over the {overhead.vms} never-throttled VMs)</> : null}</> : null}.
        </p>
      )}
      {losses.length > 0 && (
        <p className="hint" data-testid="performance-loss">
          Mean performance lost, by cause: {losses.map((l) => `${l.label} ${num(l.points, 1)} points`).join(' · ')}.
        </p>
      )}
      {note && <p className="hint" role="status" data-testid={loaded.loading ? 'vms-loading' : 'vms-capped'}>{note}</p>}
      {loaded.error != null && <ErrorBox error={loaded.error} title="Not every VM page loaded" onRetry={loaded.retry} />}
      {/* stacked, not side by side: the shortfall table needs the full width for all its columns */}
      <div className="stack">
        <div className="chart-box">
          <div className="actions" style={{ margin: '0.25rem 0.5rem' }}>
            <h3 style={{ margin: 0, flex: 1 }}>Delivered performance per VM</h3>
            <label htmlFor="perf-measure" style={{ margin: 0 }}>Measure</label>
            <select id="perf-measure" value={measure} onChange={(e) => setMeasure(e.target.value as PerfMeasure)}>
              {Object.entries(MEASURES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
            </select>
          </div>
          <EChart option={option} label="Histogram of VMs by delivered performance" testId="chart-performance" />
        </div>
        <div>
          <h3>VMs throttled by host capacity ({short.length} of {vms.length})</h3>
          <p className="hint">VMs that got less than they asked for because their host was saturated; the constant overhead above is not counted here.</p>
          {short.length === 0 ? <Empty>No VM was ever throttled by a saturated host.</Empty> : (
            <div className="table-wrap" style={{ maxHeight: 360, overflowY: 'auto' }}>
              <table data-testid="short-vms">
                {short.length > 500 && <caption className="hint">Showing the worst 500 of {short.length}.</caption>}
                <thead><tr><th scope="col">VM</th><th scope="col" className="n">Host</th><th scope="col" className="n">Worst</th><th scope="col" className="n">p5</th><th scope="col" className="n">Mean</th><th scope="col" className="n">Throttled steps</th></tr></thead>
                <tbody>{short.slice(0, 500).map((v) => (
                  <tr key={v.vm}><td className="wrap"><button type="button" className="link" onClick={() => onExplain(v.vm)} aria-label={`Explain placement of ${v.name}`}>{v.name}</button></td><td className="n">{v.host}</td><td className="n">{pct(v.minPerformance)}</td><td className="n">{pct(v.p5Performance)}</td><td className="n">{pct(v.meanPerformance)}</td><td className="n">{num(v.throttledSteps, 0)}</td></tr>
                ))}</tbody>
              </table>
            </div>
          )}
        </div>
      </div>
    </>
  );
}
