import { failoverLines, plansApi } from '../../api/plans';
import { useAsync } from '../../hooks/useAsync';
import { ErrorBox, Loading } from '../../components/Status';

/** Failure scenarios shown at once. */
const MAX_SCENARIOS = 100;

/** Whole-VM HA: for each failure scenario, where the failed hosts' VMs restart. */
export function FailoverSection({ planId }: { planId: string }) {
  const f = useAsync((s) => plansApi.failover(planId, s), [planId]);
  if (f.status === 'loading' && !f.data) return <Loading what="failover map" />;
  if (f.status === 'error') return <ErrorBox error={f.error} onRetry={f.reload} />;
  if (!f.data) return null;
  const lines = failoverLines(f.data);
  return (
    <div className="table-wrap" data-testid="failover">
      <p data-testid="failover-summary">
        {f.data.vmsWithoutRestart === 0
          ? <>Every VM of every failure scenario restarts on a surviving host, within capacity and the rules ({f.data.method}).</>
          : <strong>{f.data.vmsWithoutRestart} VM restart{f.data.vmsWithoutRestart === 1 ? '' : 's'} found no legal host ({f.data.method}).</strong>}
      </p>
      <table>
        <thead><tr><th scope="col">Failed</th><th scope="col">Restarts</th></tr></thead>
        <tbody>{lines.slice(0, MAX_SCENARIOS).map((l, i) => (
          <tr key={i}><td>{l.failed}{l.complete ? '' : ' ✗'}</td><td style={{ whiteSpace: 'normal' }}>{l.restarts}</td></tr>
        ))}</tbody>
      </table>
      {lines.length > MAX_SCENARIOS && <p className="hint">The first {MAX_SCENARIOS} of {lines.length} scenarios; the JSON has all (GET /api/v1/plans/{planId}/failover).</p>}
    </div>
  );
}
