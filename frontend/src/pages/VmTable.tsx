import { useState } from 'react';
import { workloadsApi, type MetricName, type WorkloadVmRow } from '../api/workloads';
import { useAsync } from '../hooks/useAsync';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { count, num } from '../format';
import { UNITS } from '../charts/common';

const PAGE_SIZES = [25, 50, 100];

/** Large values without decimals, small ones with one. */
const stat = (v: number | undefined) => num(v, v != null && Math.abs(v) >= 100 ? 0 : 1);

/** Server-side sorted and paged table of a workload's VMs: size, and mean / p95 / peak per metric. */
export function VmTable({ workloadId, metrics }: { workloadId: string; metrics: MetricName[] }) {
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(25);
  const [sort, setSort] = useState<{ key: string; dir: 'asc' | 'desc' }>({ key: 'index', dir: 'asc' });
  const rows = useAsync((signal) => workloadsApi.vms(workloadId, page, size, `${sort.key},${sort.dir}`, signal), [workloadId, page, size, sort.key, sort.dir]);

  function sortBy(key: string) {
    setPage(0);
    setSort((s) => ({ key, dir: s.key === key ? (s.dir === 'asc' ? 'desc' : 'asc') : key === 'name' || key === 'index' ? 'asc' : 'desc' }));
  }

  function header(key: string, text: string, numeric = true, rowSpan = 1) {
    const active = sort.key === key;
    return (
      <th key={key} scope="col" rowSpan={rowSpan} className={numeric ? 'n' : ''} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort" onClick={() => sortBy(key)}>
          {text}{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
        </button>
      </th>
    );
  }

  const data = rows.data;
  return (
    <div>
      {rows.status === 'loading' && !data && <Loading what="VMs" />}
      {rows.status === 'error' && <ErrorBox error={rows.error} onRetry={rows.reload} />}
      {data && data.content.length === 0 && <Empty>This workload has no VMs.</Empty>}
      {data && data.content.length > 0 && (
        <>
          <div className="table-wrap">
            <table data-testid="vm-table" aria-busy={rows.status === 'loading'}>
              <thead>
                <tr>
                  {header('index', '#', true, 2)}
                  {header('name', 'VM', false, 2)}
                  <th scope="col" rowSpan={2}>Class</th>
                  {header('cores', 'Cores', true, 2)}
                  {header('cpuMhz', 'Size MHz', true, 2)}
                  {header('memoryMib', 'Size MiB', true, 2)}
                  {metrics.map((m) => <th key={m} scope="colgroup" colSpan={3} className="group">{m} ({UNITS[m]})</th>)}
                </tr>
                <tr>
                  {metrics.flatMap((m) => {
                    const k = m.toLowerCase();
                    return [header(`${k}Mean`, 'mean'), header(`${k}P95`, 'p95'), header(`${k}Peak`, 'peak')];
                  })}
                </tr>
              </thead>
              <tbody>
                {data.content.map((vm: WorkloadVmRow) => (
                  <tr key={vm.id ?? vm.index}>
                    <td className="n">{vm.index}</td>
                    <td>{vm.name}</td>
                    <td>{vm.workloadClass ?? '–'}</td>
                    <td className="n">{num(vm.cores, 0)}</td>
                    <td className="n">{num(vm.cpuMhz, 0)}</td>
                    <td className="n">{num(vm.memoryMib, 0)}</td>
                    {metrics.flatMap((m) => {
                      const s = vm.stats?.[m];
                      return [
                        <td key={`${m}-mean`} className="n">{stat(s?.mean)}</td>,
                        <td key={`${m}-p95`} className="n">{stat(s?.p95)}</td>,
                        <td key={`${m}-peak`} className="n">{stat(s?.peak)}</td>,
                      ];
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions" role="navigation" aria-label="VM table pages">
            <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>Previous</button>
            <span>Page {data.number + 1} of {Math.max(1, data.totalPages)} ({count(data.totalElements, 'VM')})</span>
            <button type="button" className="secondary" disabled={page + 1 >= data.totalPages} onClick={() => setPage((p) => p + 1)}>Next</button>
            <label htmlFor="vm-page-size" style={{ margin: 0 }}>Rows</label>
            <select id="vm-page-size" value={size} onChange={(e) => { setPage(0); setSize(Number(e.target.value)); }}>
              {PAGE_SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </div>
        </>
      )}
    </div>
  );
}
