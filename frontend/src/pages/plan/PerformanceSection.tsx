import { useMemo, useState } from 'react';
import type { Simulation, VmPerformance } from '../../api/engine';
import { EChart } from '../../charts/EChart';
import { asFraction, performanceOption, shapePerformance, shortVms } from '../../charts/performance';
import { Empty } from '../../components/Status';
import { num } from '../../format';

export function vmPerformances(sim: Simulation): VmPerformance[] {
  if (Array.isArray(sim.vms)) return sim.vms;
  return sim.vms?.content ?? sim.shortVms ?? [];
}

const pct = (v: number | undefined) => (v == null ? '–' : `${num(asFraction(v) * 100, 1)} %`);

/** Per-VM delivered performance distribution from the replay, and the VMs that ever fell short. */
export function PerformanceSection({ simulation }: { simulation: Simulation }) {
  const vms = useMemo(() => vmPerformances(simulation), [simulation]);
  const [measure, setMeasure] = useState<'min' | 'p5' | 'mean'>('min');
  const shape = useMemo(() => shapePerformance(vms, measure), [vms, measure]);
  const option = useMemo(() => performanceOption(shape, `${measure} delivered ÷ demanded`), [shape, measure]);
  const short = useMemo(() => shortVms(vms), [vms]);
  if (!vms.length) return <Empty>The replay reported no per-VM performance.</Empty>;
  return (
    <div className="grid2">
      <div className="chart-box">
        <div className="actions" style={{ margin: '0.25rem 0.5rem' }}>
          <h3 style={{ margin: 0, flex: 1 }}>Delivered performance per VM</h3>
          <label htmlFor="perf-measure" style={{ margin: 0 }}>Measure</label>
          <select id="perf-measure" value={measure} onChange={(e) => setMeasure(e.target.value as 'min' | 'p5' | 'mean')}>
            <option value="min">worst step</option>
            <option value="p5">5th percentile</option>
            <option value="mean">mean</option>
          </select>
        </div>
        <EChart option={option} label="Histogram of VMs by delivered performance" testId="chart-performance" />
      </div>
      <div>
        <h3>VMs that ever fell short ({short.length} of {vms.length})</h3>
        {short.length === 0 ? <Empty>Every VM got all it asked for at every step.</Empty> : (
          <div className="table-wrap" style={{ maxHeight: 360, overflowY: 'auto' }}>
            <table data-testid="short-vms">
              <thead><tr><th scope="col">VM</th><th scope="col" className="n">Host</th><th scope="col" className="n">Worst</th><th scope="col" className="n">p5</th><th scope="col" className="n">Mean</th><th scope="col" className="n">Short steps</th></tr></thead>
              <tbody>{short.slice(0, 500).map((v) => (
                <tr key={String(v.vm ?? v.vmName)}><td>{v.vmName}</td><td className="n">{v.slot ?? '–'}</td><td className="n">{pct(v.min)}</td><td className="n">{pct(v.p5)}</td><td className="n">{pct(v.mean)}</td><td className="n">{num(v.shortSteps, 0)}</td></tr>
              ))}</tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
