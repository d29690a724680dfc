import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { plansApi, isFinished, approachMixSummary, constraintsSummary, pinnedSummary, searchedSummary, sizingSummary, overloadRiskSummary, type Plan } from '../api/plans';
import { engineApi, loadCompletedSimulation, simulationWarnings, type AssumptionEdits, type ExportType } from '../api/engine';
import { workloadsApi } from '../api/workloads';
import { errorMessage } from '../api/client';
import { usePolling } from '../hooks/usePolling';
import { useAsync } from '../hooks/useAsync';
import { ErrorBox, Loading } from '../components/Status';
import { PlanProgress } from './plan/PlanProgress';
import { Headline } from './plan/Headline';
import { SavingsSection } from './plan/SavingsSection';
import { HostRatiosSection } from './plan/HostRatiosSection';
import { FailoverSection } from './plan/FailoverSection';
import { RulesSection } from './plan/RulesSection';
import { ActionPlanSection } from './plan/ActionPlanSection';
import { WindowsSection } from './plan/WindowsSection';
import { HostsSection } from './plan/HostsSection';
import { PerformanceSection } from './plan/PerformanceSection';
import { ComparisonSection } from './plan/ComparisonSection';
import { PlacementsSection } from './plan/PlacementsSection';
import { DynamicSection } from './plan/DynamicSection';
import { WillItHoldSection } from './plan/WillItHoldSection';
import { dateTime } from '../format';
import { download } from '../download';
import { WriteAction } from '../session';

function hasSolution(p: Plan | undefined): boolean {
  return !!p && isFinished(p.status) && p.hostsUsed != null;
}

/** What the replay found questionable about this plan: the savings below rest on it. */
function ReplayWarnings({ warnings }: { warnings: string[] }) {
  if (!warnings.length) return null;
  return (
    <div className="warnings banner" role="alert" data-testid="replay-warnings">
      <strong>The savings assume the following holds — check it:</strong>
      <ul>{warnings.map((w) => <li key={w}>{w}</li>)}</ul>
    </div>
  );
}

export function PlanPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const plan = usePolling((s) => plansApi.get(id, s), 1000, (p) => !isFinished(p.status), [id]);
  const p = plan.data;
  const solved = hasSolution(p);
  const workload = useAsync((s) => (p?.workloadId ? workloadsApi.get(p.workloadId, s) : Promise.resolve(null)), [p?.workloadId]);
  // The replay runs as a background job once the plan completes: poll until it is there.
  const simulation = usePolling((s) => (solved ? loadCompletedSimulation(id, p?.request?.virtualization === 'AUTO' ? undefined : p?.request?.virtualization, s) : Promise.resolve(null)), 2000, (sim) => solved && sim == null, [id, solved]);
  const [overrides, setOverrides] = useState<AssumptionEdits>({});
  const savings = useAsync((s) => (solved && simulation.data ? engineApi.savings(id, overrides, s) : Promise.resolve(null)), [id, solved, !!simulation.data, JSON.stringify(overrides)]);
  const [actionError, setActionError] = useState<string | null>(null);
  const [explainVm, setExplainVm] = useState<number | null>(null);
  const inTrace = p?.request?.sizing?.overheadInTrace === true;

  function explain(vm: number) {
    setExplainVm(vm);
    document.getElementById('placements-title')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  async function downloadCsv() {
    try {
      download(await plansApi.placementsCsv(id), `plan-${id}-placements.csv`);
    } catch (e) {
      setActionError(errorMessage(e));
    }
  }

  async function downloadTable(what: 'savings' | 'hosts', type: ExportType) {
    try {
      const blob = what === 'savings'
        ? await engineApi.savingsFile(id, overrides, type)
        : await engineApi.hostSummaryFile(id, simulation.data?.virtualization, type);
      download(blob, `plan-${id}-${what}.${type}`);
    } catch (e) {
      setActionError(`${what === 'savings' ? 'Savings' : 'Host summary'} not downloaded: ${errorMessage(e)}`);
    }
  }

  /** The report: plan, workload, savings (with the assumptions in effect), replay summary and approach comparison. */
  async function downloadReport() {
    try {
      // a comparison the server cannot compute (e.g. comparison-too-large) leaves the rest of the report whole
      const comparison = await engineApi.comparison(id).catch((e: unknown) => ({ unavailable: errorMessage(e) }));
      const sim = simulation.data ? { ...simulation.data, hosts: undefined, vms: undefined } : null;
      const report = { generatedAt: new Date().toISOString(), plan: p, workload: workload.data, savings: savings.data, simulation: sim, comparison };
      download(new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }), `plan-${id}-report.json`);
    } catch (e) {
      setActionError(`Report not downloaded: ${errorMessage(e)}`);
    }
  }

  async function remove() {
    if (!window.confirm('Delete this plan?')) return;
    try {
      await plansApi.stopOrDelete(id);
      navigate('/plans');
    } catch (e) {
      setActionError(errorMessage(e));
    }
  }

  if (!p && plan.error) return <><p><Link to="/plans">← Plans</Link></p><ErrorBox error={plan.error} onRetry={plan.refresh} /></>;
  if (!p) return <Loading what="plan" />;
  return (
    <section aria-labelledby="plan-title">
      <p><Link to="/plans">← Plans</Link></p>
      <h1 id="plan-title">{p.name ?? 'Consolidation plan'}</h1>
      <p className="lead">
        {workload.data ? <>Workload <Link to={`/workloads/${workload.data.id}`}>{workload.data.name}</Link> · </> : null}
        {p.request?.virtualization ?? ''}{approachMixSummary(p.approachMix) && <span data-testid="approach-mix"> ({approachMixSummary(p.approachMix)})</span>} · <span data-testid="plan-sizing" title={p.overloadRisk?.method}>{p.sizingApplied?.summary ?? sizingSummary(p.request?.sizing)}</span>
        {p.overloadRisk && <> · <span data-testid="plan-overload-risk">{overloadRiskSummary(p.overloadRisk)}</span></>}
        {constraintsSummary(p.request) && <> · <span data-testid="plan-constraints">{constraintsSummary(p.request)}</span></>}
        {pinnedSummary(p.request) && <> · <span data-testid="plan-pinned">{pinnedSummary(p.request)}</span></>}
        {(p.request?.from || p.request?.to) && <> · <span data-testid="plan-window">fitted to {p.request?.from ? dateTime(p.request.from) : 'the start'} – {p.request?.to ? dateTime(p.request.to) : 'the end'}</span></>}
        {searchedSummary(p) && <> · <span data-testid="plan-searched">{searchedSummary(p)}</span></>} · created {dateTime(p.createdAt)} · plan <code>{p.id}</code>
      </p>
      {plan.error != null && <ErrorBox error={plan.error} title="Lost contact with the server; retrying" />}
      {p.status === 'FAILED' && <div className="error" role="alert"><strong>Solving failed</strong><p>{p.error ?? 'No reason was given.'}</p></div>}
      {actionError && <div className="error" role="alert">{actionError}</div>}
      <div className="actions">
        <button type="button" className="secondary" onClick={downloadCsv} disabled={!solved}>Download placements CSV</button>
        <button type="button" className="secondary" onClick={downloadReport} disabled={!solved}>Download report JSON</button>
        <span className="button-group" role="group" aria-label="Spreadsheets">
          <button type="button" className="secondary" onClick={() => downloadTable('savings', 'csv')} disabled={!savings.data} data-testid="export-savings-csv">Savings CSV</button>
          <button type="button" className="secondary" onClick={() => downloadTable('savings', 'xlsx')} disabled={!savings.data} data-testid="export-savings-xlsx">Savings XLSX</button>
          <button type="button" className="secondary" onClick={() => downloadTable('hosts', 'csv')} disabled={!simulation.data} data-testid="export-hosts-csv">Hosts CSV</button>
          <button type="button" className="secondary" onClick={() => downloadTable('hosts', 'xlsx')} disabled={!simulation.data} data-testid="export-hosts-xlsx">Hosts XLSX</button>
        </span>
        <button type="button" className="secondary" onClick={() => window.print()} disabled={!solved} title="Print the dashboard, or save it as a PDF from the print dialog">Print / PDF</button>
        <WriteAction><Link className="button secondary" to={`/plans/new?from=${p.id}`} data-testid="plan-variant">Plan a variant</Link></WriteAction>
        {isFinished(p.status) && <WriteAction><button type="button" className="danger" onClick={remove}>Delete plan</button></WriteAction>}
      </div>

      {(workload.data?.warnings?.length ?? 0) > 0 && (
        <div className="warnings" role="note" data-testid="workload-warnings">
          <strong>The workload this plan was made from came with warnings:</strong>
          <ul>{workload.data!.warnings!.map((w, i) => <li key={i}>{w}</li>)}</ul>
        </div>
      )}
      {solved && <ReplayWarnings warnings={simulationWarnings(simulation.data)} />}
      {solved && <Headline plan={p} savings={savings.data ?? undefined} vmCount={workload.data?.vmCount} />}
      {p.feasible === false && <div className="warnings" role="note">The best plan found is not feasible: {(p.brokenConstraints ?? []).join('; ') || 'some constraints are broken'}.</div>}
      <PlanProgress plan={p} onChanged={plan.refresh} />

      {solved && (
        <>
          <h2>Savings</h2>
          {savings.status === 'error' && <ErrorBox error={savings.error} onRetry={savings.reload} />}
          {!simulation.data && <Loading what="replay of the plan (savings need its energy figures)" />}
          {simulation.data && savings.status === 'loading' && !savings.data && <Loading what="savings" />}
          {savings.data && <SavingsSection planId={id} savings={savings.data} onRecompute={setOverrides} onBaselineChanged={savings.reload} />}

          <h2 id="will-it-hold-title">Will it hold?</h2>
          <WillItHoldSection plan={p} />

          <h2>Hosts</h2>
          {simulation.error != null && <ErrorBox error={simulation.error} onRetry={simulation.refresh} />}
          {simulation.data && <HostsSection planId={id} simulation={simulation.data} overheadInTrace={inTrace} />}

          <h2>Host ratios</h2>
          <HostRatiosSection planId={id} />

          {p.request?.rules && (<><h2>Rules</h2><RulesSection planId={id} /></>)}

          {(p.request?.haReserveHosts ?? 0) > 0 && (<><h2>HA failover</h2><FailoverSection planId={id} /></>)}

          {p.request?.timeWindows && (<><h2>Windows of the day</h2><WindowsSection planId={id} /></>)}

          {p.request?.fromCurrentPlacement && (<><h2>Action plan from today's placement</h2><ActionPlanSection planId={id} /></>)}

          <h2>Delivered performance</h2>
          {simulation.data ? <PerformanceSection simulation={simulation.data} overheadInTrace={inTrace} onExplain={explain} /> : <Loading what="replay" />}

          <h2>Virtualization approaches</h2>
          {approachMixSummary(p.approachMix) && <p data-testid="approach-mix-detail">This plan runs {approachMixSummary(p.approachMix)}{p.request?.virtualization === 'AUTO' ? ' (AUTO: paravirtual for PV-capable guests, the others hardware-assisted when every host model has hardware assist, else full); its replay runs each VM under its own approach' : ''}. The comparison below replays every VM under one approach at a time.</p>}
          {simulation.data ? <ComparisonSection planId={id} overheadInTrace={inTrace} /> : <Loading what="replay" />}

          <h2>Dynamic consolidation</h2>
          {simulation.data && p.workloadId ? <DynamicSection planId={id} workloadId={p.workloadId} simulation={simulation.data} /> : <Loading what="replay" />}

          <h2 id="placements-title">Placements</h2>
          <PlacementsSection planId={id} selected={explainVm} onSelect={setExplainVm} />
        </>
      )}
    </section>
  );
}
