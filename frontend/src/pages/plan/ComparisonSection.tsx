import { useMemo } from 'react';
import { engineApi } from '../../api/engine';
import { useAsync } from '../../hooks/useAsync';
import { EChart } from '../../charts/EChart';
import { comparisonOption, shapeComparison } from '../../charts/comparison';
import { Empty, ErrorBox, Loading } from '../../components/Status';
import { num } from '../../format';
import { overheadWording } from './overheadWording';

/** FULL vs PARAVIRTUAL vs HARDWARE_ASSISTED: hosts needed, energy, performance, and why. */
export function ComparisonSection({ planId, overheadInTrace }: { planId: string; overheadInTrace?: boolean }) {
  const cmp = useAsync((s) => engineApi.comparison(planId, s), [planId]);
  const rows = useMemo(() => shapeComparison(cmp.data?.approaches ?? []), [cmp.data]);
  const option = useMemo(() => comparisonOption(rows), [rows]);
  if (cmp.status === 'loading' && !cmp.data) return <Loading what="approach comparison" />;
  if (cmp.status === 'error') return <ErrorBox error={cmp.error} onRetry={cmp.reload} />;
  const approaches = cmp.data?.approaches ?? [];
  const note = overheadWording(undefined, overheadInTrace).comparisonNote;
  return (
    <div>
      {note && <p className="hint" data-testid="comparison-in-trace">{note}</p>}
      {cmp.data?.planHosts != null && cmp.data.planApproach && (
        <p data-testid="comparison-method"><strong>Host counts here are the first-fit baseline, not the planner.</strong> The planner placed this plan ({cmp.data.planApproach}) on {num(cmp.data.planHosts, 0)} host{cmp.data.planHosts === 1 ? '' : 's'} (the headline); first-fit decreasing is a simpler packing run for every approach alike, so its counts can be higher.</p>
      )}
      {cmp.data?.summary && <p>{cmp.data.summary} <span className="hint">(hosts needed: time-series first-fit decreasing on {cmp.data.hostModel} at {num(cmp.data.targetUtilization * 100, 0)} % target utilization{cmp.data.haReserveHosts > 0 ? `, plus ${cmp.data.haReserveHosts} spare ${cmp.data.haReserveHosts === 1 ? 'host' : 'hosts'} for the HA reserve, powered on and idle` : ''})</span></p>}
      {rows.length === 0 ? <Empty>No comparison yet.</Empty> : (
        <>
          <div className="chart-box">
            <EChart option={option} label="Hosts, energy and performance per virtualization approach" testId="chart-comparison" />
          </div>
          <div className="table-wrap" style={{ marginTop: '1rem' }}>
            <table data-testid="comparison-table">
              <thead><tr><th scope="col">Approach</th><th scope="col" className="n">Hosts (first-fit)</th><th scope="col" className="n">Energy kWh</th><th scope="col" className="n">Mean perf.</th><th scope="col">Why</th></tr></thead>
              <tbody>{approaches.map((a, i) => (
                <tr key={a.approach}>
                  <td>{a.approach}</td>
                  <td className="n">{num(rows[i].hosts, 0)}</td>
                  <td className="n">{num(rows[i].energyKwh)}</td>
                  <td className="n">{rows[i].performancePercent != null ? `${rows[i].performancePercent} %` : '–'}</td>
                  <td style={{ whiteSpace: 'normal', minWidth: '16rem' }}>{a.reason}</td>
                </tr>
              ))}</tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
