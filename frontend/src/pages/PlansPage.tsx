import { Link } from 'react-router';
import { plansApi } from '../api/plans';
import { useAsync } from '../hooks/useAsync';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { dateTime, num } from '../format';

export function PlansPage() {
  const list = useAsync((s) => plansApi.list(s), []);
  return (
    <section aria-labelledby="plans-title">
      <h1 id="plans-title">Plans</h1>
      <div className="actions"><Link className="button" to="/plans/new">New plan</Link></div>
      {list.status === 'loading' && !list.data && <Loading what="plans" />}
      {list.status === 'error' && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && list.data.length === 0 && <Empty>No plans yet. Start one from a workload.</Empty>}
      {list.data && list.data.length > 0 && (
        <div className="table-wrap">
          <table data-testid="plan-list">
            <thead><tr><th scope="col">Plan</th><th scope="col">Status</th><th scope="col" className="n">Hosts</th><th scope="col" className="n">Lower bound</th><th scope="col">Approach</th><th scope="col">Created</th></tr></thead>
            <tbody>{list.data.map((p) => (
              <tr key={p.id}>
                <td><Link to={`/plans/${p.id}`}>{p.name ?? p.id.slice(0, 8)}</Link></td>
                <td><span className={`badge ${p.status}`}>{p.status}</span></td>
                <td className="n">{num(p.hostsUsed, 0)}</td>
                <td className="n">{num(p.lowerBoundHosts, 0)}</td>
                <td>{p.request?.virtualization ?? '–'}</td>
                <td>{dateTime(p.createdAt)}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
