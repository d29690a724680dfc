import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { engineApi } from '../api/engine';
import { plansApi, pinnedSummary, poolSummary, sizingSummary, type Plan } from '../api/plans';
import { workloadsApi } from '../api/workloads';
import { useAsync } from '../hooks/useAsync';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { EChart } from '../charts/EChart';
import { bestIndices, comparisonOption, comparisonRows, comparisonTable, formatValue, type ComparedPlan } from '../charts/planComparison';
import { toCsv } from '../csv';
import { download } from '../download';
import { count } from '../format';

/** What each plan was asked to do, in one line per aspect. */
function scenario(p: Plan, workloadNames: Map<string, string>): [string, string][] {
  const r = p.request ?? {};
  return [
    ['Workload', (p.workloadId && workloadNames.get(p.workloadId)) ?? p.workloadId?.slice(0, 8) ?? '–'],
    ['Host pool', poolSummary(r)],
    ['Resources', (r.resources ?? []).join(', ') || '–'],
    ['Sizing', sizingSummary(r.sizing) || '–'],
    ['Target utilization', r.targetUtilization != null ? `${Math.round(r.targetUtilization * 100)} %` : '–'],
    ['Virtualization', r.virtualization ?? '–'],
    ['HA reserve', r.haReserveHosts != null ? count(r.haReserveHosts, 'host') : '–'],
    ['Objective', r.objective ?? '–'],
    ['Pinned VMs', pinnedSummary(r) || 'none'],
    ['Status', p.status],
  ];
}

async function loadPlan(id: string, signal: AbortSignal): Promise<ComparedPlan> {
  const plan = await plansApi.get(id, signal);
  // a plan without a replay or savings yet is still compared on what it has
  const [savings, simulation] = await Promise.all([
    engineApi.savings(id, {}, signal).catch(() => null),
    engineApi.simulation(id, { hostLimit: 0, vmSize: 1 }, signal).catch(() => null),
  ]);
  return { plan, savings, metrics: simulation?.metrics ?? null };
}

export function ComparePlansPage() {
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const key = ids.join(',');
  const data = useAsync((signal) => Promise.all(ids.map((id) => loadPlan(id, signal))), [key]);
  const workloads = useAsync((signal) => workloadsApi.list(signal).catch(() => []), []);
  const names = useMemo(() => new Map((workloads.data ?? []).map((w) => [w.id, w.name])), [workloads.data]);
  const rows = useMemo(() => comparisonRows(data.data ?? []), [data.data]);
  const labels = (data.data ?? []).map((c) => c.plan.name ?? c.plan.id.slice(0, 8));
  const option = useMemo(() => comparisonOption(rows, labels), [rows, labels.join('\u0000')]);

  return (
    <section aria-labelledby="compare-title">
      <p><Link to="/plans">← Plans</Link></p>
      <h1 id="compare-title">Compare plans</h1>
      <p className="lead">The same figures for each scenario, the best of each row in bold (none where all are equal). Savings use each plan's saved assumptions; performance comes from its replay.</p>
      {ids.length < 2 && <Empty>Pick two or more plans in the <Link to="/plans">plan list</Link> to compare them.</Empty>}
      {ids.length >= 2 && data.status === 'loading' && !data.data && <Loading what="plans" />}
      {data.status === 'error' && <ErrorBox error={data.error} onRetry={data.reload} title="A plan could not be loaded" />}
      {ids.length >= 2 && data.data && (
        <>
          <div className="actions">
            <button type="button" className="secondary" data-testid="export-comparison-csv" onClick={() => {
              const csv = toCsv(comparisonTable(labels, data.data!.map((c) => scenario(c.plan, names)), rows));
              download(new Blob([csv], { type: 'text/csv' }), 'plan-comparison.csv');
            }}>Download comparison CSV</button>
          </div>
          <div className="table-wrap">
            <table data-testid="compare-table">
              <thead><tr><th scope="col">Plan</th>{data.data.map((c, i) => (
                <th scope="col" key={c.plan.id} className="n"><Link to={`/plans/${c.plan.id}`}>{labels[i]}</Link></th>
              ))}</tr></thead>
              <tbody>
                {scenarioRows(data.data, names)}
                {rows.map((r) => {
                  const best = bestIndices(r);
                  return (
                    <tr key={r.label} data-testid={`compare-${r.label}`}>
                      <th scope="row">{r.label}</th>
                      {r.values.map((v, i) => <td key={i} className="n" style={best.includes(i) ? { fontWeight: 700 } : undefined}>{formatValue(v, r.unit)}</td>)}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="chart-box" style={{ marginTop: '1rem' }}>
            <EChart option={option} label="Hosts, power, energy, CO2, rack units and running cost of each compared plan, as % of the largest" testId="chart-compare" height={360} />
          </div>
        </>
      )}
    </section>
  );
}

function scenarioRows(plans: ComparedPlan[], names: Map<string, string>) {
  const columns = plans.map((c) => scenario(c.plan, names));
  return columns[0].map(([label], row) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      {columns.map((col, i) => <td key={i} className="n" style={{ whiteSpace: 'normal' }}>{col[row][1]}</td>)}
    </tr>
  ));
}
