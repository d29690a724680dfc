import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { holdsApi, mainResource, parseVariants, planTemplate, type Backtest, type OutOfSampleResult, type OutOfSampleRun, type PlanWithRisk } from '../../api/holds';
import { workloadsApi } from '../../api/workloads';
import { errorMessage } from '../../api/client';
import { usePolling } from '../../hooks/usePolling';
import { useAsync } from '../../hooks/useAsync';
import { ErrorBox } from '../../components/Status';
import { Field } from '../../components/Field';
import { dateTime, num } from '../../format';

const pct = (v: number | null | undefined) => (v == null ? '—' : `${num(v, 2)} %`);

/** "2026-01-05T00:00" from an ISO instant, for a datetime-local input (UTC). */
function localInput(iso: string | undefined | null): string {
  return iso ? iso.slice(0, 16) : '';
}

function isoOrUndefined(local: string): string | undefined {
  return local ? new Date(`${local}:00Z`).toISOString() : undefined;
}

function RiskRow({ label, result, testId }: { label: ReactNode; result: OutOfSampleResult; testId: string }) {
  const res = mainResource(result);
  const r = res ? result.resources[res] : undefined;
  return (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      <td>{pct(r?.hostStepsOverPercent)}</td>
      <td>{r ? `${r.vmsThatSawOverload} of ${result.replayedVms}` : '—'}</td>
      <td>{r ? `+${num(r.worstOverloadPercent, 1)} %` : '—'}</td>
      <td>{r ? num(r.overloadMinutes, 0) : '—'}</td>
      <td>{result.hosts}</td>
      <td>{result.unplacedVms.length ? `${result.unplacedVms.length} not in the plan` : ''}{result.missingPlanVms.length ? ` ${result.missingPlanVms.length} absent` : ''}</td>
    </tr>
  );
}

/**
 * "Will it hold?": the plan's overload risk on the data it was fitted to, the planner's estimate (when the server
 * gives one), and on data it has not seen (out-of-sample replays, backtests); with the VMs that suffered most.
 */
export function WillItHoldSection({ plan }: { plan: PlanWithRisk }) {
  const navigate = useNavigate();
  const planId = plan.id;
  const runs = usePolling((s) => holdsApi.runs(planId, s), 1500, (list) => list.some((r) => r.status === 'QUEUED' || r.status === 'RUNNING'), [planId]);
  const [tick, setTick] = useState(0);
  const backtests = usePolling((s) => holdsApi.backtests(s), 2000, (list) => list.some((b) => b.status === 'QUEUED' || b.status === 'RUNNING'), [tick]);
  const workloads = useAsync((s) => workloadsApi.list(s), []);
  const completed = (runs.data ?? []).filter((r) => r.status === 'COMPLETED');
  const details = useAsync(async (s) => Promise.all(completed.slice(0, 6).map((r) => holdsApi.run(planId, r.id, s))),
    [planId, completed.map((r) => r.id).join()]);
  const own = (backtests.data ?? []).filter((b) => b.request?.workloadId === plan.workloadId && JSON.stringify(b.request?.plan) === JSON.stringify(planTemplate(plan.request)));
  const [workloadId, setWorkloadId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [trainingDays, setTrainingDays] = useState('7');
  const [testDays, setTestDays] = useState('1');
  const [maxFolds, setMaxFolds] = useState('10');
  const [variants, setVariants] = useState('p100, p95+10, p99+20');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const inSampleRun = (details.data ?? []).find((r) => r.result?.inSample);
  const outRuns = (details.data ?? []).filter((r) => r.result && !r.result.inSample);
  const latestOut = outRuns[0]?.result ?? null;
  const risk = plan.overloadRisk ?? null;

  async function act(f: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const replay = (body: { workloadId?: string; from?: string; to?: string }) => act(async () => {
    await holdsApi.replay(planId, body);
    runs.refresh();
  });

  const backtest = () => act(async () => {
    const body = { name: `${plan.name ?? 'plan'} backtest`, workloadId: plan.workloadId, plan: planTemplate(plan.request),
      trainingDays: Number(trainingDays), testDays: Number(testDays), maxFolds: Number(maxFolds) };
    await holdsApi.startBacktest(body);
    setTick((t) => t + 1);
  });

  const sweep = () => act(async () => {
    let parsed;
    try {
      parsed = parseVariants(variants);
    } catch (e) {
      throw new Error(errorMessage(e));
    }
    const body: Record<string, unknown> = { name: `${plan.name ?? 'plan'} sweep`, workloadId: plan.workloadId, plan: planTemplate(plan.request),
      from: plan.request?.from ?? undefined, to: plan.request?.to ?? undefined,
      variants: parsed, testWorkloadId: workloadId || undefined, testFrom: isoOrUndefined(from), testTo: isoOrUndefined(to) };
    const started = await holdsApi.startSweep(body);
    navigate(`/sweeps/${started.id}`);
  });

  const others = (workloads.data ?? []);
  return (
    <div className="panel" data-testid="will-it-hold">
      <p className="hint">Host-steps over capacity: the share of (active host × time step) in which the VMs on a host demanded more of the planned resource than it has. In sample = on the data the plan was fitted to; out of sample = on data it has not seen.</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr><th>Replayed on</th><th>Host-steps over</th><th>VMs that saw an overload</th><th>Worst overload</th><th>Overload minutes</th><th>Hosts</th><th>VMs</th></tr>
          </thead>
          <tbody>
            {inSampleRun?.result ? <RiskRow label="In sample — the fitted data" result={inSampleRun.result} testId="hold-in-sample" />
              : risk ? <tr data-testid="hold-in-sample"><th scope="row">In sample — the fitted data</th><td>{pct(risk.inSampleHostStepsOverPercent)}</td><td colSpan={5} /></tr>
              : <tr><th scope="row">In sample — the fitted data</th><td colSpan={6}><button type="button" className="secondary" disabled={busy} onClick={() => replay({ workloadId: plan.workloadId, from: plan.request?.from ?? undefined, to: plan.request?.to ?? undefined })} data-testid="hold-measure-in-sample">Measure on the fitted data</button></td></tr>}
            <tr data-testid="hold-estimated">
              <th scope="row">Estimated by the planner{risk?.method ? ` (${risk.method})` : ''}</th>
              <td>{risk?.estimatedOutOfSamplePercent != null ? pct(risk.estimatedOutOfSamplePercent) : 'not estimated'}</td>
              <td colSpan={5}>{risk?.targetPercent != null ? `target ${pct(risk.targetPercent)}` : ''}</td>
            </tr>
            {outRuns.map((r) => (
              <RiskRow key={r.id} testId="hold-out-of-sample" result={r.result!}
                label={<>Out of sample — {r.result!.workloadName}<br /><span className="hint">{dateTime(r.result!.from)} to {dateTime(r.result!.to)}</span></>} />
            ))}
            {own.map((b) => <BacktestRow key={b.id} backtest={b} />)}
          </tbody>
        </table>
        {risk?.caveat && <p className="warnings" data-testid="hold-caveat">{risk.caveat}</p>}
      </div>
      {(runs.data ?? []).filter((r) => r.status !== 'COMPLETED').map((r: OutOfSampleRun) => (
        <p key={r.id} className={r.status === 'FAILED' ? 'error' : 'hint'} data-testid="hold-run-status">Replay requested {dateTime(r.requestedAt)}: {r.status}{r.error ? ` — ${r.error}` : ''}</p>
      ))}
      {latestOut && latestOut.worstVms.length > 0 && (
        <>
          <h3>VMs that suffered most out of sample</h3>
          <div className="table-wrap">
            <table data-testid="hold-worst-vms">
              <thead><tr><th>VM</th><th>Host</th><th>Steps on an overloaded host</th><th>Share of demand served</th></tr></thead>
              <tbody>
                {latestOut.worstVms.map((v) => {
                  const res = mainResource(latestOut)!;
                  return <tr key={v.name}><td>{v.name}</td><td>{v.host + 1}</td><td>{v.overloadSteps[res] ?? 0}</td><td>{num((v.performance[res] ?? 1) * 100, 2)} %</td></tr>;
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {latestOut && latestOut.unplacedVms.length > 0 && <p className="warnings" data-testid="hold-unplaced">Not in the plan, so not replayed: {latestOut.unplacedVms.slice(0, 20).join(', ')}{latestOut.unplacedVms.length > 20 ? ` and ${latestOut.unplacedVms.length - 20} more` : ''}.</p>}
      {error != null && <ErrorBox error={error} />}

      <div className="grid2">
        <fieldset>
          <legend>Replay on other data</legend>
          <Field id="hold-workload" label="Workload" hint="VMs are matched by name; the plan's own workload with a window replays days it may not have seen">
            <select id="hold-workload" style={{ maxWidth: "100%" }} value={workloadId} onChange={(e) => setWorkloadId(e.target.value)} data-testid="hold-workload">
              <option value="">this plan's workload</option>
              {others.map((w) => <option key={w.id} value={w.id}>{w.name} ({dateTime(w.start)} – {dateTime(w.end)})</option>)}
            </select>
          </Field>
          <Field id="hold-from" label="From (UTC, optional)" hint="first instant replayed">
            <input id="hold-from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} placeholder={localInput(plan.createdAt)} />
          </Field>
          <Field id="hold-to" label="To (UTC, optional)" hint="end of the window, exclusive">
            <input id="hold-to" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
          </Field>
          <button type="button" disabled={busy} data-testid="hold-replay" onClick={() => replay({ workloadId: workloadId || undefined, from: isoOrUndefined(from), to: isoOrUndefined(to) })}>Replay</button>
        </fieldset>
        <fieldset>
          <legend>Backtest these settings</legend>
          <p className="hint">Plans this workload on each training window with this plan's settings and replays it on the following test window, rolling forward.</p>
          <Field id="hold-train" label="Training days" hint="1–365"><input id="hold-train" type="number" min={1} max={365} value={trainingDays} onChange={(e) => setTrainingDays(e.target.value)} /></Field>
          <Field id="hold-test" label="Test days" hint="1–365"><input id="hold-test" type="number" min={1} max={365} value={testDays} onChange={(e) => setTestDays(e.target.value)} /></Field>
          <Field id="hold-folds" label="At most folds" hint="1–100"><input id="hold-folds" type="number" min={1} max={100} value={maxFolds} onChange={(e) => setMaxFolds(e.target.value)} /></Field>
          <button type="button" disabled={busy} data-testid="hold-backtest" onClick={backtest}>Start backtest</button>
        </fieldset>
        <fieldset>
          <legend>Sweep sizings</legend>
          <p className="hint">Plans this workload once per sizing and replays each plan on the held-out data chosen under "Replay on other data".</p>
          <Field id="hold-variants" label="Sizings" hint="pN = percentile, +H = headroom %, /wK = window of K steps, rX = risk target %; comma-separated">
            <input id="hold-variants" style={{ maxWidth: "100%" }} value={variants} onChange={(e) => setVariants(e.target.value)} />
          </Field>
          <button type="button" disabled={busy} data-testid="hold-sweep" onClick={sweep}>Start sweep</button>
        </fieldset>
      </div>
    </div>
  );
}

function BacktestRow({ backtest: b }: { backtest: Backtest }) {
  const details = usePolling((s) => holdsApi.backtest(b.id, s), 3000, (x) => x.status === 'QUEUED' || x.status === 'RUNNING', [b.id, b.status]);
  const d = details.data ?? b;
  const res = d.totals ? (Object.keys(d.totals.outOfSample)[0] as keyof typeof d.totals.outOfSample | undefined) : undefined;
  const agg = res ? d.totals.outOfSample[res] : undefined;
  return (
    <tr data-testid="hold-backtest-row">
      <th scope="row"><Link to={`/backtests/${d.id}`}>Backtest</Link> — {d.foldsDone} of {d.foldsTotal} folds, {d.status.toLowerCase()}</th>
      <td>{pct(agg?.hostStepsOverPercent)}{agg ? ` (worst fold ${pct(agg.worstFoldPercent)})` : ''}</td>
      <td>{agg ? `up to ${agg.maxVmsThatSawOverload}` : '—'}</td>
      <td>{agg ? `+${num(agg.worstOverloadPercent, 1)} %` : '—'}</td>
      <td>{agg ? num(agg.overloadMinutes, 0) : '—'}</td>
      <td>{d.totals?.meanHosts != null ? `${num(d.totals.meanHosts, 1)} avg` : '—'}</td>
      <td />
    </tr>
  );
}
