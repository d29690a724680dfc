import { useState } from 'react';
import { EChart } from '../../charts/EChart';
import { hostsOverTimeOption, type HostsLine } from '../../charts/dynamic';
import { errorMessage } from '../../api/client';
import { DETECTION_PARAMETERS, policiesApi, type Detection, type PolicyRun, type Selection } from '../../api/policies';
import type { Simulation } from '../../api/engine';
import { usePolling } from '../../hooks/usePolling';
import { ErrorBox } from '../../components/Status';

interface Props {
  planId: string;
  workloadId: string;
  /** the plan's static replay (its own approach) */
  simulation: Simulation;
}

/** CloudSim's PlanetLab data center: 800 HP ML110 hosts, half G4 and half G5. */
const CLOUDSIM_POOL = [{ model: 'hp-ml110-g4', count: 400 }, { model: 'hp-ml110-g5', count: 400 }];

const finished = (r: PolicyRun) => r.status === 'COMPLETED' || r.status === 'FAILED';

/**
 * The plan with an online policy (the dynamic mode) beside its static replay and the CloudSim-equivalent mode on
 * the same workload: energy, SLATAH, migrations, host shutdowns, and the hosts on over time.
 */
export function DynamicSection({ planId, workloadId, simulation }: Props) {
  const [detection, setDetection] = useState<Detection>('LR');
  const [parameter, setParameter] = useState<number>(DETECTION_PARAMETERS.LR.default);
  const [selection, setSelection] = useState<Selection>('MMT');
  const [error, setError] = useState<string | null>(null);
  const runs = usePolling((s) => policiesApi.listForWorkload(workloadId, s), 2000,
    (list) => list.some((r) => !finished(r)), [workloadId]);
  const range = DETECTION_PARAMETERS[detection];
  const policy = { detection, parameter, selection };

  async function start(onPlan: boolean) {
    setError(null);
    try {
      if (onPlan) await policiesApi.runOnPlan(planId, policy);
      else await policiesApi.runWithoutPlan(workloadId, CLOUDSIM_POOL, policy);
      runs.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const shown = (runs.data ?? []).filter((r) => r.planId === planId || r.planId == null);
  const m = simulation.metrics;
  const steps = simulation.grid?.steps ?? 0;
  const stepSeconds = simulation.grid?.stepSeconds ?? 300;
  const lines: HostsLine[] = [{ name: 'static replay', activeHosts: Array(steps).fill(m?.activeHosts ?? 0) }];
  for (const r of shown) {
    if (r.result) lines.push({ name: label(r), activeHosts: r.result.timeline.activeHosts });
  }
  return (
    <div data-testid="dynamic-section">
      <p className="hint">
        An online policy migrates VMs while the trace unfolds (Beloglazov &amp; Buyya 2012). <em>Plan + policy</em> starts from
        this plan and acts only when a host is predicted overloaded; the <em>CloudSim-equivalent mode</em> runs the policy
        with no plan on {CLOUDSIM_POOL.map((p) => `${p.count} ${p.model}`).join(' + ')}, as CloudSim's PlanetLab experiment.
      </p>
      <div className="actions">
        <label>Overload detection{' '}
          <select value={detection} onChange={(e) => { const d = e.target.value as Detection; setDetection(d); setParameter(DETECTION_PARAMETERS[d].default); }}>
            {(Object.keys(DETECTION_PARAMETERS) as Detection[]).map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>{' '}
        <label>{range.meaning} ({range.min}–{range.max}){' '}
          <input type="number" step="0.05" min={range.min} max={range.max} value={parameter}
            onChange={(e) => setParameter(Number(e.target.value))} />
        </label>{' '}
        <label>VM selection{' '}
          <select value={selection} onChange={(e) => setSelection(e.target.value as Selection)}>
            <option value="MMT">MMT (shortest migration)</option>
            <option value="MC">MC (maximum correlation)</option>
            <option value="RS">RS (random, seeded)</option>
          </select>
        </label>
      </div>
      <div className="actions">
        <button type="button" onClick={() => start(true)} data-testid="run-plan-policy">Run plan + policy</button>
        <button type="button" className="secondary" onClick={() => start(false)} data-testid="run-cloudsim-mode">Run CloudSim-equivalent mode</button>
      </div>
      {error && <div className="error" role="alert">{error}</div>}
      {runs.error != null && <ErrorBox error={runs.error} onRetry={runs.refresh} />}
      <div className="table-wrap">
      <table className="data" data-testid="dynamic-table">
        <thead>
          <tr><th>Run</th><th>Status</th><th>IT energy kWh</th><th>SLATAH %</th><th>PDM %</th><th>Migrations</th><th>Host shutdowns</th><th>Hosts on (peak)</th></tr>
        </thead>
        <tbody>
          <tr>
            <td>static replay of this plan</td><td>COMPLETED</td><td>{m?.energyKWh?.toFixed(2)}</td>
            <td>{m ? (m.slatah * 100).toFixed(2) : ''}</td><td>0</td><td>0</td><td>0</td><td>{m?.activeHosts}</td>
          </tr>
          {shown.map((r) => (
            <tr key={r.id}>
              <td>{label(r)}</td>
              <td title={r.error ?? undefined}>{r.status}</td>
              <td>{r.result?.energyKwh.toFixed(2)}</td>
              <td>{r.result?.slatahPercent.toFixed(2)}</td>
              <td>{r.result?.pdmPercent.toFixed(3)}</td>
              <td>{r.result?.migrations}</td>
              <td>{r.result?.hostShutdowns}</td>
              <td>{r.result?.peakActiveHosts}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {steps > 0 && <div className="chart-box"><EChart option={hostsOverTimeOption(lines, stepSeconds)} label="Hosts on over time per run" testId="dynamic-hosts-chart" /></div>}
    </div>
  );
}

function label(r: PolicyRun): string {
  const policy = r.result?.policy ?? 'policy';
  return r.planId ? `plan + ${policy}` : `CloudSim-equivalent, ${policy}`;
}
