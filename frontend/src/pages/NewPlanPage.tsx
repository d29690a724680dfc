import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { plansApi, hostCpuMhz, RESOURCES, VIRTUALIZATION_CHOICES, type HostModel, type Objective, type VirtualizationChoice } from '../api/plans';
import { workloadsApi, type MetricName } from '../api/workloads';
import { useAsync } from '../hooks/useAsync';
import { ErrorBox, Loading } from '../components/Status';
import { poolThatFits } from './poolFit';
import { Field } from '../components/Field';
import { count, num } from '../format';
import { usd } from '../charts/common';
import { parseLimits } from './limits';
import { slotRangesSummary } from './pins';
import { parseRules } from './rulesDraft';
import { parseWindows } from './windowsDraft';
import { DEFAULT_PLAN_DRAFT, draftPool, fromRequest, toRequest, type PlanDraft } from './planDraft';
import { TodaySection } from './TodaySection';
import { NO_TODAY, parseToday, resolveHostModels, todaysHosts } from './todayDraft';
import { RISK_RANGE, riskTargetError } from './sizingMode';

const VIRT_HINT: Record<VirtualizationChoice, string> = {
  AUTO: 'Per VM: paravirtual for PV-capable guests; the others hardware-assisted when every host model of the pool has hardware assist, else full. Each VM is planned and replayed with its own overhead.',
  FULL: 'Binary translation, unmodified guests: the highest CPU and I/O overhead.',
  PARAVIRTUAL: 'Modified guests call the hypervisor: low overhead, needs PV-capable guests.',
  HARDWARE_ASSISTED: 'VT-x/AMD-V with nested paging: unmodified guests, needs hardware support.',
};

export function NewPlanPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const workloads = useAsync((s) => workloadsApi.list(s), []);
  const models = useAsync((s) => plansApi.hostModels(s), []);
  const [draft, setDraft] = useState<PlanDraft>({ ...DEFAULT_PLAN_DRAFT, workloadId: params.get('workload') ?? '' });
  const set = <K extends keyof PlanDraft>(field: K, value: PlanDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const { workloadId, pool, resources } = draft;
  const limits = parseLimits(draft.limits);
  // the list is one page (newest first): a variant of an older plan fetches its workload so the select can show it
  const listed = workloads.data?.some((w) => w.id === workloadId) ?? true;
  const older = useAsync((s) => (!listed && workloadId ? workloadsApi.get(workloadId, s) : Promise.resolve(null)), [listed ? '' : workloadId]);
  const workloadOptions = [...(older.data && !listed && older.data.id === workloadId ? [older.data] : []), ...(workloads.data ?? [])];
  const selectedWorkload = workloadOptions.find((w) => w.id === workloadId);
  const modelOrder = (models.data ?? []).map((m) => m.id);
  const { hostPool, slotCount, pins } = draftPool(draft, modelOrder);
  const rulesError = parseRules(draft.rulesText).error;
  const windowsError = parseWindows(draft.windows).error;
  // today's placement (RVTools estate) of the chosen workload: a plan may start from it
  const estate = useAsync((s) => (workloadId ? workloadsApi.estate(workloadId, s) : Promise.resolve(null)), [workloadId]);
  const todayHosts = todaysHosts(estate.data);
  const fromToday = draft.today.enabled;
  const today = parseToday(draft.today, todayHosts);
  // a pool too large for the server's memory: one click takes the most hosts it said fit
  const fitPool = poolThatFits(submitError, hostPool);
  // "Plan a variant": start from another plan's request (?from=id) and change what is to be compared
  const from = params.get('from');
  const source = useAsync((s) => (from ? plansApi.get(from, s) : Promise.resolve(null)), [from]);
  useEffect(() => {
    const r = source.data?.request;
    if (!r || !models.data) return;
    setDraft(fromRequest(r, source.data?.name, models.data.map((m) => m.id)));
  }, [source.data, models.data]);

  // every host of today's estate gets a catalog model: the one the draft gives it, else the closest (the user can change it)
  useEffect(() => {
    if (!estate.data?.hosts.length || !models.data?.length) return;
    const resolved = resolveHostModels(draft.today.hostModels, estate.data.hosts, models.data);
    const same = Object.keys(resolved).length === Object.keys(draft.today.hostModels).length
      && Object.entries(resolved).every(([h, m]) => draft.today.hostModels[h] === m);
    if (!same) setDraft((d) => ({ ...d, today: { ...d.today, hostModels: resolved } }));
  }, [estate.data, models.data, draft.today.hostModels]);

  // Defaults once the data are in: first workload, and a pool of the newest model big enough to host every VM alone.
  useEffect(() => {
    const first = workloads.data?.[0]?.id;
    // only while the draft has none: in the render where a variant's request fills the draft, this effect still
    // sees the old empty id, and must not overwrite the request's workload with the newest one
    if (!workloadId && first) setDraft((d) => (d.workloadId ? d : { ...d, workloadId: first }));
  }, [workloads.data, workloadId]);
  useEffect(() => {
    if (!models.data?.length || !selectedWorkload || Object.keys(pool).length) return;
    const vmCount = selectedWorkload.vmCount;
    const biggest = [...models.data].sort((a, b) => hostCpuMhz(b) - hostCpuMhz(a))[0];
    set('pool', { [biggest.id]: Math.max(2, vmCount) });
  }, [models.data, selectedWorkload, pool]);

  function toggleResource(r: MetricName) {
    setDraft((d) => ({ ...d, resources: d.resources.includes(r) ? d.resources.filter((x) => x !== r) : [...d.resources, r] }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitError(null);
    setSubmitting(true);
    const req = toRequest(draft, modelOrder);
    try {
      const id = await plansApi.start(req);
      navigate(`/plans/${id}`);
    } catch (err) {
      setSubmitError(err);
      setSubmitting(false);
    }
  }

  // a variant's workload off the list's first page: the form waits for it rather than show another workload meanwhile
  const olderPending = !listed && !!workloadId && older.status === 'loading';
  if ((workloads.status === 'loading' && !workloads.data) || (models.status === 'loading' && !models.data) || olderPending) return <Loading what="workloads and host catalog" />;
  if (workloads.status === 'error') return <ErrorBox error={workloads.error} onRetry={workloads.reload} />;
  if (models.status === 'error') return <ErrorBox error={models.error} onRetry={models.reload} title="Host catalog unavailable" />;
  if (!workloads.data?.length) {
    return (
      <section>
        <h1>New plan</h1>
        <div className="empty">There is no workload to plan yet. <Link to="/workloads">Upload a trace or load a sample</Link> first.</div>
      </section>
    );
  }

  return (
    <section aria-labelledby="new-plan-title">
      <h1 id="new-plan-title">New consolidation plan</h1>
      <p className="lead">Choose the hosts to consolidate onto and how to size the VMs; the solver packs the VMs onto as few hosts as it can.</p>
      {source.data && (
        <p role="status" data-testid="variant-of">
          Starting from <Link to={`/plans/${source.data.id}`}>{source.data.name ?? source.data.id.slice(0, 8)}</Link>: change what you want to
          compare, then compare both in the <Link to={`/plans?workload=${source.data.workloadId ?? ''}`}>plan list</Link>.
        </p>
      )}
      {source.status === 'error' && <ErrorBox error={source.error} title="The plan to start from could not be loaded" />}
      <form onSubmit={submit} data-testid="plan-form">
        <fieldset>
          <legend>Workload</legend>
          <div className="fields">
            <Field id="plan-workload" label="Workload" hint="The trace whose VMs are placed.">
              <select id="plan-workload" value={workloadId} onChange={(e) => setDraft((d) => ({ ...d, workloadId: e.target.value, pool: {}, today: NO_TODAY }))} required>
                {workloadOptions.map((w) => <option key={w.id} value={w.id}>{w.name} ({count(w.vmCount, 'VM')})</option>)}
              </select>
            </Field>
            <Field id="plan-name" label="Plan name" hint="Optional; shown in the plan list.">
              <input id="plan-name" value={draft.name} onChange={(e) => set('name', e.target.value)} />
            </Field>
          </div>
        </fieldset>

        {(todayHosts.length > 0 || fromToday) && (
          <TodaySection draft={draft.today} hosts={todayHosts} models={models.data ?? []} errors={today.errors} onChange={(t) => set('today', t)} />
        )}

        <fieldset disabled={fromToday} data-testid="host-pool">
          <legend>Host pool</legend>
          <p className="hint">{fromToday
            ? 'Starting from today\'s placement: today\'s hosts are the pool, each with the catalog model chosen above.'
            : 'How many hosts of each catalog model the solver may use (it uses as few as it can).'}</p>
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">Model</th><th scope="col" className="n">Cores × MHz</th><th scope="col" className="n">Memory GiB</th><th scope="col" className="n">Idle / max W</th><th scope="col" className="n">U</th><th scope="col">HW assist</th><th scope="col" className="n"><abbr title="Maintenance + purchase over 3 years: what the Lowest yearly cost objective counts per host">$ / year</abbr></th><th scope="col" className="n">Available</th></tr></thead>
              <tbody>
                {(models.data ?? []).map((m: HostModel) => (
                  <tr key={m.id}>
                    <td><span title={m.source}>{m.name}</span></td>
                    <td className="n">{m.cores} × {num(m.coreMhz, 0)}</td>
                    <td className="n">{num(m.memoryMib / 1024)}</td>
                    <td className="n">{num(m.powerWatts[0], 0)} / {num(m.powerWatts[10], 0)}</td>
                    <td className="n">{m.rackUnits}</td>
                    <td>{m.hardwareAssist ? 'yes' : 'no'}</td>
                    <td className="n">{m.yearlyCostUsd != null ? usd(m.yearlyCostUsd) : ''}</td>
                    <td className="n">
                      <input type="number" min={0} max={100000} aria-label={`Number of ${m.name} hosts`} value={pool[m.id] ?? 0}
                        onChange={(e) => set('pool', { ...pool, [m.id]: Math.max(0, Number(e.target.value) || 0) })} style={{ width: '6rem' }} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>

        <fieldset>
          <legend>Sizing</legend>
          <div className="fields">
            <div className="field" role="group" aria-labelledby="res-label">
              <span id="res-label" style={{ fontWeight: 600 }}>Resources</span>
              <div>{RESOURCES.map((r) => (
                <label key={r} style={{ display: 'inline-flex', gap: '0.3rem', fontWeight: 400, marginRight: '0.8rem' }}>
                  <input type="checkbox" checked={resources.includes(r)} onChange={() => toggleResource(r)} /> {r}
                </label>
              ))}</div>
              <p className="hint">Resources whose capacity the placement must respect.</p>
            </div>
            <div className="field" role="radiogroup" aria-labelledby="sizing-mode-label">
              <span id="sizing-mode-label" style={{ fontWeight: 600 }}>Sizing mode</span>
              <div>
                <label style={{ display: 'inline-flex', gap: '0.3rem', fontWeight: 400, marginRight: '0.8rem' }}>
                  <input type="radio" name="sizing-mode" data-testid="sizing-mode-percentile" checked={draft.sizingMode === 'PERCENTILE'} onChange={() => set('sizingMode', 'PERCENTILE')} /> Percentile + headroom
                </label>
                <label style={{ display: 'inline-flex', gap: '0.3rem', fontWeight: 400 }}>
                  <input type="radio" name="sizing-mode" data-testid="sizing-mode-risk" checked={draft.sizingMode === 'RISK'} onChange={() => setDraft((d) => ({ ...d, sizingMode: 'RISK', headroomPercent: 0 }))} /> Target overload risk %
                </label>
              </div>
              <p className="hint">{draft.sizingMode === 'RISK'
                ? 'Hosts are sized jointly from the history’s variability and the correlation of the VMs placed together.'
                : 'Each VM per time step at a percentile of its demand in the hour around that step.'}</p>
            </div>
            {draft.sizingMode === 'PERCENTILE' ? (
              <Field id="plan-percentile" label="Demand percentile" hint="Taken over the hour around each step (or, folded, over every day at that time); 100 = peaks.">
                <input id="plan-percentile" type="number" min={50} max={100} step="any" value={draft.percentile} onChange={(e) => set('percentile', Number(e.target.value))} />
              </Field>
            ) : (
              <Field id="plan-risk" label="Target overload risk %" hint={riskTargetError(draft.overloadRiskPercent) ?? 'Share of host-steps allowed over capacity on days the plan has not seen (e.g. 0.1).'}>
                <input id="plan-risk" type="number" min={RISK_RANGE.min} max={RISK_RANGE.max} step="any" value={draft.overloadRiskPercent} onChange={(e) => set('overloadRiskPercent', Number(e.target.value))} />
              </Field>
            )}
            <Field id="plan-headroom" label="Headroom %" hint={draft.sizingMode === 'RISK' ? 'Growth added on top of the history before the risk is sized (0 = the history as it is).' : 'Extra demand added on top of the percentile, for growth and error.'}>
              <input id="plan-headroom" type="number" min={0} max={200} step="any" value={draft.headroomPercent} onChange={(e) => set('headroomPercent', Number(e.target.value))} />
            </Field>
            <Field id="plan-target" label="Target utilization %" hint="Fill hosts only up to this share of their capacity.">
              <input id="plan-target" type="number" min={10} max={100} step={1} value={draft.targetUtilizationPercent} onChange={(e) => set('targetUtilizationPercent', Number(e.target.value))} />
            </Field>
            {draft.sizingMode === 'PERCENTILE' && <div className="field">
              <label style={{ display: 'inline-flex', gap: '0.4rem' }}><input type="checkbox" checked={draft.foldDays} onChange={(e) => set('foldDays', e.target.checked)} /> Fold days into a typical day</label>
              <p className="hint">For multi-day traces: plan for the per-time-of-day percentile instead of every step.</p>
            </div>}
            <div className="field">
              <label style={{ display: 'inline-flex', gap: '0.4rem' }}><input type="checkbox" data-testid="overhead-in-trace" checked={draft.overheadInTrace} onChange={(e) => set('overheadInTrace', e.target.checked)} /> Overhead already in the trace</label>
              <p className="hint">Measured inside VMs (PlanetLab, Bitbrains): plan and replay the series as measured, adding no virtualization overhead.</p>
            </div>
          </div>
        </fieldset>

        <fieldset>
          <legend>Virtualization and solving</legend>
          <div className="fields">
            <Field id="plan-virt" label="Virtualization approach" hint={VIRT_HINT[draft.virtualization]}>
              <select id="plan-virt" value={draft.virtualization} onChange={(e) => set('virtualization', e.target.value as VirtualizationChoice)}>
                {VIRTUALIZATION_CHOICES.map((v) => <option key={v} value={v}>{v.replace('_', ' ').toLowerCase()}</option>)}
              </select>
            </Field>
            <Field id="plan-ha" label="HA reserve hosts" hint={fromToday ? 'None from today\'s placement: the plan keeps today\'s hosts.' : 'Host failures the plan survives: the VMs of any N hosts fit on the other hosts in use.'}>
              <input id="plan-ha" type="number" min={0} max={100} disabled={fromToday} value={fromToday ? 0 : draft.haReserveHosts} onChange={(e) => set('haReserveHosts', Number(e.target.value))} />
            </Field>
            <Field id="plan-vcpu" label="vCPUs per core (limit)" hint={limits.errors.vcpuPerCore ?? 'Configured vCPUs per physical core on any host, e.g. 4. Blank: no limit.'}>
              <input id="plan-vcpu" type="number" min={0} max={64} step="any" placeholder="none" value={draft.limits.vcpuPerCore} aria-invalid={!!limits.errors.vcpuPerCore} onChange={(e) => set('limits', { ...draft.limits, vcpuPerCore: e.target.value })} />
            </Field>
            <Field id="plan-memover" label="Memory overcommit ratio" hint={limits.errors.memoryOvercommit ?? 'Usable memory = memory × target × this. Above 1 lets planned memory exceed the physical (ballooning, page sharing). Blank: 1.'}>
              <input id="plan-memover" type="number" min={0} max={4} step="any" placeholder="1" value={draft.limits.memoryOvercommit} aria-invalid={!!limits.errors.memoryOvercommit} onChange={(e) => set('limits', { ...draft.limits, memoryOvercommit: e.target.value })} />
            </Field>
            <Field id="plan-maxvms" label="Max VMs per host" hint={limits.errors.maxVmsPerHost ?? 'Blank: no limit.'}>
              <input id="plan-maxvms" type="number" min={1} max={10000} placeholder="none" value={draft.limits.maxVmsPerHost} aria-invalid={!!limits.errors.maxVmsPerHost} onChange={(e) => set('limits', { ...draft.limits, maxVmsPerHost: e.target.value })} />
            </Field>
            <Field id="plan-objective" label="Objective" hint="What the solver minimizes after fitting every VM.">
              <select id="plan-objective" value={draft.objective} onChange={(e) => set('objective', e.target.value as Objective)}>
                <option value="HOSTS">Fewest hosts</option>
                <option value="COST">Lowest yearly cost</option>
                <option value="POWER">Lowest power</option>
              </select>
            </Field>
            <Field id="plan-time" label="Time limit (s)" hint="The solver stops after this long with the best plan found.">
              <input id="plan-time" type="number" min={1} max={3600} value={draft.timeLimitSeconds} onChange={(e) => set('timeLimitSeconds', Number(e.target.value))} />
            </Field>
          </div>
        </fieldset>

        <fieldset disabled={fromToday}>
          <legend>Pinned VMs</legend>
          {fromToday && <p className="hint">From today&apos;s placement every VM that does not move stays pinned where it runs today.</p>}
          <div className="field">
            <label htmlFor="plan-pins">VMs that must run on a given host (optional)</label>
            <textarea id="plan-pins" rows={3} value={draft.pinsText} onChange={(e) => set('pinsText', e.target.value)} aria-describedby="plan-pins-hint"
              aria-invalid={pins.errors.length > 0} placeholder="db-0001-1 #0" spellCheck={false} />
            <p className="hint" id="plan-pins-hint">
              One per line: the VM name, then its host number. Hosts are numbered as on the plan dashboard
              {slotCount > 0 ? `: ${slotRangesSummary(hostPool, Object.fromEntries((models.data ?? []).map((m) => [m.id, m.name])))}` : ' (choose the pool first)'}.
            </p>
            {pins.errors.length > 0 && <ul role="alert" className="field-errors" data-testid="pin-errors">{pins.errors.map((e) => <li key={e}>{e}</li>)}</ul>}
          </div>
        </fieldset>

        <fieldset>
          <legend>Rules</legend>
          <div className="field">
            <label htmlFor="plan-rules">Affinity groups and host rules, as JSON (optional)</label>
            <textarea id="plan-rules" rows={4} value={draft.rulesText} onChange={(e) => set('rulesText', e.target.value)} aria-describedby="plan-rules-hint"
              aria-invalid={rulesError != null} spellCheck={false}
              placeholder={'{"hostGroups": [{"name": "rack-a", "slots": [0, 1, 2]}],\n "hostRules": [{"name": "db-on-rack-a", "vmGroup": "db-0018", "hostGroup": "rack-a", "kind": "MUST_RUN_ON"}]}'} />
            <p className="hint" id="plan-rules-hint">
              affinityGroups (VMs on one host), vmGroups, hostGroups (host numbers as above in <code>slots</code>, or pool entries
              in the order listed above in <code>poolEntries</code>) and hostRules with kind MUST_RUN_ON, MUST_NOT_RUN_ON,
              SHOULD_RUN_ON or SHOULD_NOT_RUN_ON; a rule&apos;s vmGroup may also name an (anti-)affinity group of the inventory.
            </p>
            {rulesError != null && <ul role="alert" className="field-errors" data-testid="rules-errors"><li>{rulesError}</li></ul>}
          </div>
        </fieldset>

        <fieldset>
          <legend>Windows of the day</legend>
          <div className="fields">
            <Field id="plan-window-hours" label="Window start hours (UTC, optional)" hint={windowsError ?? 'e.g. "8, 20": a placement for 08–20 and one for 20–08, each reached from the other by live migrations. Blank: one placement for the whole day.'}>
              <input id="plan-window-hours" value={draft.windows.hours} placeholder="8, 20" aria-invalid={windowsError != null}
                onChange={(e) => set('windows', { ...draft.windows, hours: e.target.value })} />
            </Field>
            <Field id="plan-window-cap" label="Migrations per transition (cap)" hint="At most this many migrations that empty hosts at each window start (moves off an overloaded host are always made). Blank: no cap.">
              <input id="plan-window-cap" type="number" min={0} max={1000000} placeholder="no cap" value={draft.windows.cap}
                onChange={(e) => set('windows', { ...draft.windows, cap: e.target.value })} />
            </Field>
          </div>
        </fieldset>

        {submitError != null && <ErrorBox error={submitError} title="The plan could not be started" />}
        {fitPool != null && (
          <p><button type="button" className="secondary" data-testid="fit-pool" onClick={() => { set('pool', { [fitPool.model]: fitPool.count }); setSubmitError(null); }}>
            Use {count(fitPool.count, `${fitPool.model} host`)}
          </button></p>
        )}
        <div className="actions">
          <button type="submit" disabled={submitting || !workloadId || resources.length === 0 || (!fromToday && pins.errors.length > 0) || Object.keys(today.errors).length > 0 || (fromToday && estate.status === 'loading') || rulesError != null || windowsError != null || Object.keys(limits.errors).length > 0 || (draft.sizingMode === 'RISK' && riskTargetError(draft.overloadRiskPercent) != null)} data-testid="start-plan">
            {submitting ? 'Starting…' : 'Start planning'}
          </button>
        </div>
      </form>
    </section>
  );
}
