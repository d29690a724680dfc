import { useMemo, useState } from 'react';
import { engineApi, type Comparison } from '../../api/engine';
import { useAsync } from '../../hooks/useAsync';
import { EChart } from '../../charts/EChart';
import { comparisonOption, shapeComparison } from '../../charts/comparison';
import { Empty, ErrorBox, Loading } from '../../components/Status';
import { num } from '../../format';
import { errorMessage } from '../../api/client';
import { VIRTUALIZATIONS } from '../../api/plans';

/** FULL vs PARAVIRTUAL vs HARDWARE_ASSISTED: hosts needed, energy, performance, and why. */
export function ComparisonSection({ planId }: { planId: string }) {
  const cmp = useAsync((s) => engineApi.comparison(planId, s), [planId]);
  const rows = useMemo(() => shapeComparison((cmp.data as Comparison | undefined)?.approaches ?? []), [cmp.data]);
  const option = useMemo(() => comparisonOption(rows), [rows]);
  const [runMsg, setRunMsg] = useState<string | null>(null);

  async function runAll() {
    setRunMsg('Replaying under every approach…');
    try {
      await Promise.all(VIRTUALIZATIONS.map((v) => engineApi.simulate(planId, v)));
      setRunMsg('Replays requested; the comparison refreshes when they are done.');
      setTimeout(cmp.reload, 2000);
    } catch (e) {
      setRunMsg(`Could not start the replays: ${errorMessage(e)}`);
    }
  }

  if (cmp.status === 'loading' && !cmp.data) return <Loading what="approach comparison" />;
  if (cmp.status === 'error') return <ErrorBox error={cmp.error} onRetry={cmp.reload} />;
  const approaches = cmp.data?.approaches ?? [];
  return (
    <div>
      {rows.length === 0 ? <Empty>No comparison yet.</Empty> : (
        <div className="grid2">
          <div className="chart-box">
            <EChart option={option} label="Hosts, energy and performance per virtualization approach" testId="chart-comparison" />
          </div>
          <div className="table-wrap">
            <table data-testid="comparison-table">
              <thead><tr><th scope="col">Approach</th><th scope="col" className="n">Hosts</th><th scope="col" className="n">Energy kWh</th><th scope="col" className="n">Mean perf.</th><th scope="col">Why</th></tr></thead>
              <tbody>{approaches.map((a, i) => (
                <tr key={a.virtualization}>
                  <td>{a.virtualization}</td>
                  <td className="n">{num(rows[i].hosts, 0)}</td>
                  <td className="n">{num(rows[i].energyKwh)}</td>
                  <td className="n">{rows[i].performancePercent != null ? `${rows[i].performancePercent} %` : '–'}</td>
                  <td style={{ whiteSpace: 'normal', minWidth: '14rem' }}>{a.reason ?? a.bindingResource ?? '–'}</td>
                </tr>
              ))}</tbody>
            </table>
          </div>
        </div>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={runAll}>Replay under all three approaches</button>
        {runMsg && <span role="status">{runMsg}</span>}
      </div>
    </div>
  );
}
