import { useMemo, useState } from 'react';
import { plansApi, isFinished, type Plan } from '../../api/plans';
import { errorMessage } from '../../api/client';
import { EChart } from '../../charts/EChart';
import { progressOption, shapeProgress } from '../../charts/progress';
import { count } from '../../format';
import { WriteAction } from '../../session';
import { elapsedText, provenMinimal, waitingText } from './solveStatus';

/** Live solving view: status, elapsed, best host count over time (with lower bound and baselines) and Stop. */
export function PlanProgress({ plan, onChanged }: { plan: Plan; onChanged: () => void }) {
  const shape = useMemo(() => shapeProgress(plan), [plan]);
  const option = useMemo(() => progressOption(shape), [shape]);
  const [stopError, setStopError] = useState<string | null>(null);
  const [stopping, setStopping] = useState(false);
  const running = !isFinished(plan.status);
  const limit = plan.request?.timeLimitSeconds;
  const resumed = shape.attemptStarts[shape.attemptStarts.length - 1];

  const minimal = running && plan.status === 'SOLVING' && provenMinimal(plan);

  async function stop(finish = false) {
    setStopping(true);
    setStopError(null);
    try {
      await (finish ? plansApi.finish(plan.id) : plansApi.stopOrDelete(plan.id));
      onChanged();
    } catch (e) {
      setStopError(errorMessage(e));
    } finally {
      setStopping(false);
    }
  }

  return (
    <div className="chart-box" data-testid="plan-progress">
      <div className="actions" style={{ margin: '0.25rem 0.5rem' }}>
        <h2 style={{ margin: 0, flex: 1 }}>Solver progress</h2>
        <span aria-live="polite">
          <span className={`badge ${plan.status}`} data-testid="plan-status">{plan.status}</span>{' '}
          {plan.elapsedMillis != null && <span data-testid="plan-elapsed">{elapsedText(shape.elapsedSeconds, limit, running)}</span>}
          {resumed && <> · resumed in attempt {resumed.attempt} after its node stopped</>}
        </span>
        {running && <WriteAction><button type="button" className="danger" onClick={() => stop()} disabled={stopping}>{stopping ? 'Stopping…' : 'Stop'}</button></WriteAction>}
      </div>
      {stopError && <div className="error" role="alert">{stopError}</div>}
      {minimal && (
        <div className="notice" role="status" data-testid="proven-minimal">
          <strong>{count(plan.hostsUsed, 'host')} is proven minimal:</strong> it equals the lower bound, so no plan uses fewer.
          {plan.request?.objective && plan.request.objective !== 'HOSTS'
            ? ` The solver keeps lowering ${plan.request.objective.toLowerCase()} until the limit.`
            : ' The rest of the time limit only evens out the hosts’ load.'}{' '}
          <button type="button" onClick={() => stop(true)} disabled={stopping} data-testid="finish-now">Finish now</button>
        </div>
      )}
      <p className="hint" style={{ margin: '0 0.5rem' }} data-testid="progress-figures">
        {running ? 'Best so far' : 'Best'}: <strong>{plan.hostsUsed != null ? count(plan.hostsUsed, 'host') : '–'}</strong>
        {plan.lowerBoundHosts != null && <> · lower bound {plan.lowerBoundHosts}</>}
        {(plan.antiAffinityHosts ?? 0) > (plan.lowerBoundHosts ?? 0) && <> · an anti-affinity group needs {plan.antiAffinityHosts}</>}
        {plan.baselines?.peakFfdHosts != null && <> · first-fit decreasing on peaks {plan.baselines.peakFfdHosts}</>}
        {plan.baselines?.timeSeriesFfdHosts != null && <> · on the time series {plan.baselines.timeSeriesFfdHosts}</>}
        {plan.score && <> · score {plan.score}</>}
      </p>
      {shape.points.length === 0 && (
        <p className="loading" style={{ margin: '0.5rem' }}>{running ? <><span className="spinner" aria-hidden="true" /> <span data-testid="plan-stage">{waitingText(plan)}</span></> : 'No solution was recorded.'}</p>
      )}
      {/* the lower bound and baselines are known as solving starts: draw them before the first solution */}
      {(shape.points.length > 0 || shape.references.length > 0) && (
        <EChart option={option} label="Best host count found over solving time, with lower bound and baselines" testId="chart-progress" />
      )}
    </div>
  );
}
