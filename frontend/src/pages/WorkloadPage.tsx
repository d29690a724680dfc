import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { METRICS, workloadsApi, type MetricName } from '../api/workloads';
import { useAsync } from '../hooks/useAsync';
import { ErrorBox, Loading } from '../components/Status';
import { count, dateTime, duration, num } from '../format';
import { EChart } from '../charts/EChart';
import { multiplexingOption, shapeMultiplexing } from '../charts/multiplexing';
import { errorMessage } from '../api/client';
import { VmTable } from './VmTable';
import { WriteAction } from '../session';


export function WorkloadPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const workload = useAsync((signal) => workloadsApi.get(id, signal), [id]);
  const aggregate = useAsync((signal) => workloadsApi.aggregate(id, signal), [id]);
  const metrics = useMemo(
    () => METRICS.filter((m) => (aggregate.data?.demand?.[m]?.length ?? 0) > 0),
    [aggregate.data],
  );
  const [metric, setMetric] = useState<MetricName>('CPU');
  const shown = metrics.includes(metric) ? metric : metrics[0];
  const shape = useMemo(() => (aggregate.data && shown ? shapeMultiplexing(aggregate.data, shown) : null), [aggregate.data, shown]);
  const option = useMemo(() => (shape ? multiplexingOption(shape) : null), [shape]);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  async function remove() {
    if (!window.confirm('Delete this workload and its series?')) return;
    try {
      await workloadsApi.remove(id);
      navigate('/workloads');
    } catch (e) {
      setDeleteError(errorMessage(e));
    }
  }

  if (workload.status === 'loading' && !workload.data) return <Loading what="workload" />;
  if (workload.status === 'error') return <><p><Link to="/workloads">← Workloads</Link></p><ErrorBox error={workload.error} onRetry={workload.reload} /></>;
  const w = workload.data!;
  return (
    <section aria-labelledby="workload-title">
      <p><Link to="/workloads">← Workloads</Link></p>
      <h1 id="workload-title">{w.name}</h1>
      <p className="lead">
        {w.format} · {count(w.vmCount, 'VM')} · {count(w.steps, 'step')} of {duration(w.stepSeconds)} · {dateTime(w.start)} → {dateTime(w.end)}
      </p>
      <div className="actions">
        <WriteAction><Link className="button" to={`/plans/new?workload=${w.id}`}>Plan consolidation</Link></WriteAction>
        <Link className="button secondary" to={`/plans?workload=${w.id}`} data-testid="workload-plans">Plans of this workload</Link>
        <WriteAction><button type="button" className="danger" onClick={remove}>Delete workload</button></WriteAction>
      </div>
      {deleteError && <div className="error" role="alert">{deleteError}</div>}
      {w.warnings && w.warnings.length > 0 && (
        <div className="warnings" role="note">
          <strong>Warnings while aligning the trace to its time grid</strong>
          <ul>{w.warnings.map((m, i) => <li key={i}>{m}</li>)}</ul>
        </div>
      )}

      <div className="chart-box">
        <div className="actions" style={{ margin: '0.25rem 0.5rem' }}>
          <h2 style={{ margin: 0, flex: 1 }}>Aggregate demand vs sum of per-VM peaks</h2>
          {metrics.length > 1 && (
            <>
              <label htmlFor="agg-metric" style={{ margin: 0 }}>Resource</label>
              <select id="agg-metric" value={shown} onChange={(e) => setMetric(e.target.value as MetricName)}>
                {metrics.map((m) => <option key={m} value={m}>{m}</option>)}
              </select>
            </>
          )}
        </div>
        {aggregate.status === 'loading' && !aggregate.data && <Loading what="aggregate demand" />}
        {aggregate.status === 'error' && <ErrorBox error={aggregate.error} onRetry={aggregate.reload} />}
        {shape && option && (
          <>
            <p className="hint" style={{ margin: '0 0.5rem' }}>
              Sizing every VM for its own peak reserves {num(shape.sumOfPeaks, 0)} {shape.unit}; all VMs together never need more than {num(shape.peakOfSum, 0)} {shape.unit}:
              a multiplexing gain of <strong data-testid="multiplexing-gain">{shape.gain}×</strong>.
            </p>
            <EChart option={option} label={`Aggregate ${shown} demand over time against the sum of per-VM peaks`} className="tall" testId="chart-aggregate" />
          </>
        )}
      </div>

      <h2>Virtual machines</h2>
      <VmTable workloadId={w.id} metrics={metrics.length ? metrics : ['CPU']} />
    </section>
  );
}
