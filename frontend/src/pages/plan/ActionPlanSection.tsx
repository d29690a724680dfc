import { actionPlanSummary, plansApi, type PlanAction } from '../../api/plans';
import { useAsync } from '../../hooks/useAsync';
import { ErrorBox, Loading } from '../../components/Status';
import { errorMessage } from '../../api/client';
import { download } from '../../download';
import { useState } from 'react';

/** Steps listed at once (the CSV has all). */
const MAX_ROWS = 200;

/** What a step does, in words. */
function describe(a: PlanAction): string {
  switch (a.kind) {
    case 'POWER_ON': return `Power on ${a.fromHost}`;
    case 'POWER_OFF': return `Power off ${a.fromHost}`;
    case 'PLACE': return `Start ${a.vm} on ${a.toHost}`;
    default: return `Migrate ${a.vm}: ${a.fromHost} → ${a.toHost}${a.staging ? ' (detour)' : ''}`;
  }
}

/** The way from today's placement to the plan's: summary, a timeline of the migrations and the ordered steps. */
export function ActionPlanSection({ planId }: { planId: string }) {
  const a = useAsync((s) => plansApi.actions(planId, s), [planId]);
  const [error, setError] = useState<string | null>(null);
  if (a.status === 'loading' && !a.data) return <Loading what="action plan" />;
  if (a.status === 'error') return <ErrorBox error={a.error} onRetry={a.reload} />;
  if (!a.data) return null;
  const plan = a.data;
  const total = Math.max(plan.totals.durationSeconds, 1);
  const migrations = plan.actions.filter((x) => x.kind === 'MIGRATE');
  async function csv() {
    try {
      download(await plansApi.actionsCsv(planId), `plan-${planId}-actions.csv`);
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <div data-testid="action-plan">
      <p data-testid="action-plan-summary">{actionPlanSummary(plan)}.</p>
      {plan.actions.some((x) => x.overCapacity) && <p className="error">Some steps overload their destination: no order keeps every host within capacity.</p>}
      <div className="actions"><button type="button" className="secondary" onClick={csv}>Download actions (CSV)</button>{error && <span className="error">{error}</span>}</div>
      {migrations.length > 0 && (
        <div className="timeline" data-testid="action-timeline" aria-label="Migration timeline" role="img">
          {migrations.slice(0, MAX_ROWS).map((m) => (
            <div key={m.order} title={`${describe(m)}, ${Math.round(m.durationSeconds)} s`} style={{ position: 'relative', height: 6, margin: '1px 0' }}>
              <span style={{ position: 'absolute', left: `${(100 * m.startSeconds) / total}%`, width: `max(2px, ${(100 * m.durationSeconds) / total}%)`, height: '100%', background: m.staging ? 'var(--warn, #c80)' : 'var(--accent, #36c)' }} />
            </div>
          ))}
        </div>
      )}
      <div className="table-wrap">
        <table data-testid="action-table">
          <thead><tr><th scope="col" className="n">#</th><th scope="col">Step</th><th scope="col" className="n">Memory (MiB)</th><th scope="col" className="n">Start (s)</th><th scope="col" className="n">Duration (s)</th></tr></thead>
          <tbody>{plan.actions.slice(0, MAX_ROWS).map((x) => (
            <tr key={x.order}><td className="n">{x.order}</td><td className="wrap">{describe(x)}{x.overCapacity ? ' ✗ over capacity' : ''}</td><td className="n">{x.memoryMib ? Math.round(x.memoryMib) : ''}</td><td className="n">{Math.round(x.startSeconds)}</td><td className="n">{x.durationSeconds ? Math.round(x.durationSeconds) : ''}</td></tr>
          ))}</tbody>
        </table>
      </div>
      {plan.actions.length > MAX_ROWS && <p className="hint">The first {MAX_ROWS} of {plan.actions.length} steps; the CSV has all.</p>}
    </div>
  );
}
