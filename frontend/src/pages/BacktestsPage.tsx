import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { holdsApi, jobPath, jobResultText, jobRunning, pageCount, type Backtest } from '../api/holds';
import { usePolling } from '../hooks/usePolling';
import { useAsync } from '../hooks/useAsync';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { dateTime } from '../format';

const PAGE_SIZE = 20;

/** A row's result: the list carries no folds, so each row reads its job (again whenever a fold completes). */
function JobResult({ job }: { job: Backtest }) {
  const full = useAsync(
    (s) => (job.foldsDone > 0 ? (job.kind === 'SWEEP' ? holdsApi.sweep(job.id, s) : holdsApi.backtest(job.id, s)) : Promise.resolve(null)),
    [job.id, job.kind, job.foldsDone],
  );
  return <>{full.data ? jobResultText(full.data) : '–'}</>;
}

/**
 * The workspace's backtests and sweeps, newest first and paged, each linking to its result page. Both are started
 * from a plan's "Will it hold?" card (the plan's own settings, rolled forward or over a list of sizings).
 */
export function BacktestsPage() {
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') === 'SWEEP' ? 'SWEEP' : 'BACKTEST';
  const [page, setPage] = useState(0);
  const list = usePolling((s) => holdsApi.jobs(kind, page, PAGE_SIZE, s), 3000, (p) => p.items.some(jobRunning), [kind, page]);
  const pages = list.data ? pageCount(list.data.total, PAGE_SIZE) : 1;
  const choose = (k: 'BACKTEST' | 'SWEEP') => {
    setPage(0);
    setParams(k === 'SWEEP' ? { kind: 'SWEEP' } : {});
  };
  const noun = kind === 'SWEEP' ? 'sweeps' : 'backtests';
  return (
    <section aria-labelledby="backtests-title" data-testid="backtests-page">
      <h1 id="backtests-title">Backtests and sweeps</h1>
      <p className="lead">
        Does a plan hold on days it has not seen? A backtest plans on a training window and replays on the next one, rolling
        forward; a sweep plans the same workload over a list of sizings. Start either from a plan's “Will it hold?” card.
      </p>
      <div className="actions" role="group" aria-label="Kind">
        <button type="button" className={kind === 'BACKTEST' ? '' : 'secondary'} aria-pressed={kind === 'BACKTEST'} data-testid="list-backtests" onClick={() => choose('BACKTEST')}>Backtests</button>
        <button type="button" className={kind === 'SWEEP' ? '' : 'secondary'} aria-pressed={kind === 'SWEEP'} data-testid="list-sweeps" onClick={() => choose('SWEEP')}>Sweeps</button>
      </div>
      {!list.data && list.error != null && <ErrorBox error={list.error} onRetry={list.refresh} />}
      {!list.data && list.error == null && <Loading what={noun} />}
      {list.data && list.data.total === 0 && <Empty>No {noun} yet. Open a finished plan and start one from its “Will it hold?” card.</Empty>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table data-testid="backtest-list">
            <thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">{kind === 'SWEEP' ? 'Plans' : 'Folds'} done</th><th scope="col">Result</th><th scope="col">Workload</th><th scope="col">Started</th></tr></thead>
            <tbody>{list.data.items.map((b) => (
              <tr key={b.id}>
                <td className="wrap"><Link to={jobPath(b)} data-testid={`job-${b.id}`}>{b.name}</Link></td>
                <td><span className={`badge ${b.status}`}>{b.status}</span>{b.error ? <span className="hint"> {b.error}</span> : null}</td>
                <td className="n">{b.foldsDone} of {b.foldsTotal}</td>
                <td className="wrap small" data-testid={`job-result-${b.id}`}><JobResult job={b} /></td>
                <td className="wrap">{b.request?.workloadId ? <Link to={`/workloads/${b.request.workloadId}`}>{String(b.request.workloadId).slice(0, 8)}</Link> : '–'}</td>
                <td className="small">{dateTime(b.createdAt)}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}
      {list.data && pages > 1 && (
        <div className="actions" data-testid="backtest-pages">
          <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>Previous</button>
          <span>page {page + 1} of {pages} ({list.data.total} {noun})</span>
          <button type="button" className="secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>Next</button>
        </div>
      )}
    </section>
  );
}
