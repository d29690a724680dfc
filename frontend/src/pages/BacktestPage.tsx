import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { holdsApi, mainResource, type Backtest } from '../api/holds';
import { usePolling } from '../hooks/usePolling';
import { ErrorBox, Loading } from '../components/Status';
import { EChart } from '../charts/EChart';
import { backtestOption, riskPoints, sweepOption } from '../charts/holds';
import { dateTime, num } from '../format';
import type { MetricName } from '../api/workloads';

const running = (b: Backtest) => b.status === 'QUEUED' || b.status === 'RUNNING';

/** A backtest (folds rolling forward) or a sweep (one plan per sizing): progress, hosts against risk, every fold. */
export function BacktestPage({ kind }: { kind: 'BACKTEST' | 'SWEEP' }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const job = usePolling((s) => (kind === 'SWEEP' ? holdsApi.sweep(id, s) : holdsApi.backtest(id, s)), 2000, running, [id, kind]);
  const b = job.data;
  const resource: MetricName = useMemo(() => {
    const f = b?.folds.find((x) => x.outOfSample);
    return (f?.outOfSample && mainResource(f.outOfSample)) || 'CPU';
  }, [b]);
  const points = useMemo(() => (b ? riskPoints(b, resource) : []), [b, resource]);
  if (!b && job.error) return <ErrorBox error={job.error} onRetry={job.refresh} />;
  if (!b) return <Loading what={kind === 'SWEEP' ? 'sweep' : 'backtest'} />;
  const stop = async () => {
    await (kind === 'SWEEP' ? holdsApi.stopSweep(id) : holdsApi.stopBacktest(id));
    job.refresh();
  };
  const option = kind === 'SWEEP' ? sweepOption(points, resource) : backtestOption(points, resource);
  const out = b.totals.outOfSample[resource];
  return (
    <section aria-labelledby="bt-title" data-testid="backtest-page">
      <p><Link to={kind === 'SWEEP' ? '/backtests?kind=SWEEP' : '/backtests'}>← Backtests and sweeps</Link></p>
      <h1 id="bt-title">{b.name}</h1>
      <p className="lead">
        {kind === 'SWEEP' ? 'Sweep' : 'Backtest'} · <span data-testid="backtest-status">{b.status}</span> · <span data-testid="backtest-progress">{b.foldsDone} of {b.foldsTotal} {kind === 'SWEEP' ? 'plans' : 'folds'} done</span> · started {dateTime(b.createdAt)}
        {b.error ? ` · ${b.error}` : ''}
      </p>
      {running(b) && <progress max={b.foldsTotal} value={b.foldsDone} aria-label="folds done" />}
      {running(b) && <div className="actions"><button type="button" className="danger" onClick={stop} disabled={b.cancelRequested}>{b.cancelRequested ? 'Stopping…' : 'Stop'}</button></div>}
      {out && <p data-testid="backtest-total">Over {b.totals.completedFolds} {kind === 'SWEEP' ? 'plans' : 'folds'}: {resource} host-steps over capacity {num(out.hostStepsOverPercent, 3)} % out of sample (worst {kind === 'SWEEP' ? 'plan' : 'fold'} {num(out.worstFoldPercent, 3)} %), in sample {num(b.totals.inSample[resource]?.hostStepsOverPercent ?? 0, 3)} %; {num(b.totals.meanHosts ?? 0, 1)} hosts on average.</p>}
      {points.length > 0 && (
        <div className="chart-box">
          <EChart option={option} testId="backtest-chart" label={kind === 'SWEEP' ? 'Hosts against host-steps over capacity, in and out of sample, one point per plan' : 'Hosts and host-steps over capacity per fold'}
            onClick={(p) => {
              const pt = kind === 'SWEEP' ? points[p.dataIndex] : points[p.dataIndex];
              if (pt?.planId) navigate(`/plans/${pt.planId}`);
            }} />
        </div>
      )}
      <div className="table-wrap">
        <table data-testid="backtest-folds">
          <thead><tr><th>#</th><th>{kind === 'SWEEP' ? 'Sizing' : 'Windows'}</th><th>Status</th><th>Hosts</th><th>In sample over</th><th>Out of sample over</th><th>VMs that saw an overload</th><th>Worst overload</th><th>Energy (test, kWh)</th></tr></thead>
          <tbody>
            {b.folds.map((f) => {
              const i = f.inSample?.resources[resource];
              const o = f.outOfSample?.resources[resource];
              return (
                <tr key={f.fold}>
                  <td>{f.fold + 1}</td>
                  <td>{f.planId ? <Link to={`/plans/${f.planId}`}>{f.label}</Link> : f.label}</td>
                  <td>{f.status}{f.error ? ` — ${f.error}` : ''}</td>
                  <td>{f.hosts ?? '—'}</td>
                  <td>{i ? `${num(i.hostStepsOverPercent, 3)} %` : '—'}</td>
                  <td>{o ? `${num(o.hostStepsOverPercent, 3)} %` : '—'}</td>
                  <td>{o ? o.vmsThatSawOverload : '—'}</td>
                  <td>{o ? `+${num(o.worstOverloadPercent, 1)} %` : '—'}</td>
                  <td>{f.outOfSample ? num(f.outOfSample.energyKWh, 1) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
