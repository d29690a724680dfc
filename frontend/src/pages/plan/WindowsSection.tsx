import { useState } from 'react';
import { plansApi, windowHours } from '../../api/plans';
import { useAsync } from '../../hooks/useAsync';
import { ErrorBox, Loading } from '../../components/Status';
import { errorMessage } from '../../api/client';
import { download } from '../../download';

/** A time-windowed plan: per window its hours, hosts in use and the migrations that begin it, with its action plan. */
export function WindowsSection({ planId }: { planId: string }) {
  const w = useAsync((s) => plansApi.windows(planId, s), [planId]);
  const [error, setError] = useState<string | null>(null);
  if (w.status === 'loading' && !w.data) return <Loading what="windows" />;
  if (w.status === 'error') return <ErrorBox error={w.error} onRetry={w.reload} />;
  if (!w.data) return null;
  async function csv(window: number) {
    try {
      download(await plansApi.windowActionsCsv(planId, window), `plan-${planId}-window-${window}-actions.csv`);
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <div className="table-wrap" data-testid="plan-windows">
      {error && <p className="error">{error}</p>}
      <table>
        <thead><tr><th scope="col">Window (UTC)</th><th scope="col" className="n">Hosts</th><th scope="col" className="n">Migrations as it begins</th><th scope="col">Action plan</th></tr></thead>
        <tbody>{w.data.windows.map((x) => (
          <tr key={x.window}><td>{windowHours(x.startHour, x.endHour)}</td><td className="n">{x.hostsUsed}</td><td className="n">{x.migrationsIn}</td>
            <td><button type="button" className="secondary" onClick={() => csv(x.window)}>CSV</button></td></tr>
        ))}</tbody>
      </table>
    </div>
  );
}
