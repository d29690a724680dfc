import { Link } from 'react-router';
import { workloadsApi } from '../api/workloads';
import { useAsync } from '../hooks/useAsync';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { dateTime, duration, num } from '../format';
import { UploadPanel } from './UploadPanel';
import { WriteAction } from '../session';

export function WorkloadsPage() {
  const list = useAsync((signal) => workloadsApi.list(signal), []);
  return (
    <section aria-labelledby="workloads-title">
      <h1 id="workloads-title">Workloads</h1>
      <p className="lead">Utilization traces of the servers to consolidate. Upload one, then plan its consolidation.</p>
      <WriteAction><UploadPanel onUploaded={list.reload} /></WriteAction>
      <h2>Stored workloads</h2>
      {list.status === 'loading' && !list.data && <Loading what="workloads" />}
      {list.status === 'error' && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && list.data.length === 0 && <Empty>No workloads yet: upload a trace or load a sample.</Empty>}
      {list.data && list.data.length > 0 && (
        <div className="table-wrap">
          <table data-testid="workload-list">
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Format</th><th scope="col" className="n">VMs</th><th scope="col" className="n">Step</th><th scope="col" className="n">Steps</th><th scope="col">Start</th><th scope="col">Plan</th></tr>
            </thead>
            <tbody>
              {list.data.map((w) => (
                <tr key={w.id}>
                  <td><Link to={`/workloads/${w.id}`}>{w.name}</Link></td>
                  <td>{w.format}</td>
                  <td className="n">{num(w.vmCount, 0)}</td>
                  <td className="n">{duration(w.stepSeconds)}</td>
                  <td className="n">{num(w.steps, 0)}</td>
                  <td>{dateTime(w.start)}</td>
                  <td><WriteAction><Link to={`/plans/new?workload=${w.id}`}>New plan</Link></WriteAction></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
