import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { plansApi, poolSummary, type Plan } from '../api/plans';
import { engineApi } from '../api/engine';
import { usd } from '../charts/common';
import { workloadsApi } from '../api/workloads';
import { useAsync } from '../hooks/useAsync';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { count, dateTime, num } from '../format';
import { boundSummary } from './plan/lowerBound';
import { WriteAction } from '../session';

/** A finished plan's yearly cost saved (its saved assumptions), fetched per row; '–' until its replay is there. */
function SavedPerYear({ plan }: { plan: Plan }) {
  const done = plan.hostsUsed != null && (plan.status === 'COMPLETED' || plan.status === 'CANCELLED');
  const savings = useAsync((s) => (done ? engineApi.savings(plan.id, {}, s).catch(() => null) : Promise.resolve(null)), [plan.id, done]);
  const usdSaved = savings.data?.savings.totalUsdPerYear;
  return <>{usdSaved != null ? usd(usdSaved) : '–'}</>;
}

export function PlansPage() {
  const [params, setParams] = useSearchParams();
  const workload = params.get('workload') ?? '';
  const list = useAsync((s) => plansApi.list(s, workload || undefined), [workload]);
  const workloads = useAsync((s) => workloadsApi.list(s), []);
  const workloadNames = new Map((workloads.data ?? []).map((w) => [w.id, w.name]));
  const [chosen, setChosen] = useState<string[]>([]);
  const navigate = useNavigate();
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  return (
    <section aria-labelledby="plans-title">
      <h1 id="plans-title">Plans</h1>
      <div className="actions">
        <WriteAction><Link className="button" to="/plans/new">New plan</Link></WriteAction>
        <button type="button" className="secondary" disabled={chosen.length < 2} data-testid="compare-plans"
          onClick={() => navigate(`/plans/compare?ids=${chosen.map(encodeURIComponent).join(',')}`)}>
          Compare selected ({chosen.length})
        </button>
        <span className="hint">Tick two or more plans to see their hosts, energy, cost and performance side by side.</span>
      </div>
      <div className="actions">
        <label htmlFor="plans-workload" style={{ margin: 0 }}>Workload</label>
        <select id="plans-workload" value={workload} onChange={(e) => setParams(e.target.value ? { workload: e.target.value } : {})}>
          <option value="">all workloads</option>
          {(workloads.data ?? []).map((w) => <option key={w.id} value={w.id}>{w.name} ({count(w.vmCount, 'VM')})</option>)}
        </select>
      </div>
      {list.status === 'loading' && !list.data && <Loading what="plans" />}
      {list.status === 'error' && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && list.data.length === 0 && <Empty>{workload ? 'No plans for this workload yet.' : 'No plans yet. Start one from a workload.'}</Empty>}
      {list.data && list.data.length > 0 && (
        <div className="table-wrap">
          <table data-testid="plan-list">
            <thead><tr><th scope="col"><span className="visually-hidden">Compare</span></th><th scope="col">Plan</th><th scope="col">Workload</th><th scope="col">Status</th><th scope="col" className="n">Hosts</th><th scope="col" className="n">Saved / year</th><th scope="col">Setup</th><th scope="col">Created</th></tr></thead>
            <tbody>{list.data.map((p) => {
              const label = p.name ?? p.id.slice(0, 8);
              const bound = boundSummary(p).bound;
              return (
                <tr key={p.id}>
                  <td><input type="checkbox" checked={chosen.includes(p.id)} onChange={() => toggle(p.id)} aria-label={`Compare ${label}`} data-testid={`pick-${p.id}`} /></td>
                  <td className="wrap"><Link to={`/plans/${p.id}`}>{label}</Link></td>
                  <td className="wrap">{p.workloadId ? <Link to={`/workloads/${p.workloadId}`}>{workloadNames.get(p.workloadId) ?? p.workloadId.slice(0, 8)}</Link> : '–'}</td>
                  <td><span className={`badge ${p.status}`}>{p.status}</span></td>
                  <td className="n" title={bound != null ? `lower bound ${bound}` : undefined}>{num(p.hostsUsed, 0)}{bound != null && <span className="hint"> / {num(bound, 0)}</span>}</td>
                  <td className="n" data-testid={`saved-${p.id}`}><SavedPerYear plan={p} /></td>
                  <td className="wrap small">{poolSummary(p.request)} · {(p.request?.resources ?? []).join(', ') || '–'} · {p.request?.virtualization ?? '–'}</td>
                  <td className="small">{dateTime(p.createdAt)}</td>
                </tr>
              );
            })}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
