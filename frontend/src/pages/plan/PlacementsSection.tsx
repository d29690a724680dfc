import { useEffect, useMemo, useState } from 'react';
import { plansApi, PLACEMENTS_LOADED_MAX, PLACEMENTS_PAGE, type VmExplanation } from '../../api/plans';
import { partialNote } from '../../api/pages';
import { useAsync } from '../../hooks/useAsync';
import { useAllPages } from '../../hooks/useAllPages';
import { ErrorBox, Loading } from '../../components/Status';
import { count, duration, num } from '../../format';

const PAGE = 15;

/**
 * Placement table; clicking a VM shows why it sits there (host, binding resource and step, constraints).
 * It shows the first page of placements at once and loads the others in the background (up to
 * PLACEMENTS_LOADED_MAX), saying meanwhile that the table and its filter cover the loaded VMs.
 */
export function PlacementsSection({ planId, selected, onSelect }: { planId: string; selected: number | null; onSelect: (vm: number) => void }) {
  const loaded = useAllPages((page, s) => plansApi.placementsPage(planId, page, PLACEMENTS_PAGE, s), null, PLACEMENTS_PAGE, PLACEMENTS_LOADED_MAX, [planId]);
  const placements = loaded.items;
  const note = partialNote('VMs', loaded);
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(0);
  const explanation = useAsync((s) => (selected == null ? Promise.resolve(null) : plansApi.explanation(planId, selected, s)), [planId, selected == null ? null : Math.floor(selected / PLACEMENTS_PAGE)]);
  const filtered = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? placements.filter((p) => p.vmName.toLowerCase().includes(f) || String(p.slot) === f || p.hostModel.toLowerCase().includes(f)) : placements;
  }, [placements, filter]);
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE));
  const rows = filtered.slice(page * PAGE, page * PAGE + PAGE);
  const detail: VmExplanation | undefined = explanation.data?.find((e) => e.vm === selected);
  // show the page of the placement table that holds the selected VM (it may be chosen elsewhere on the dashboard)
  useEffect(() => {
    if (selected == null) return;
    const at = filtered.findIndex((p) => p.vm === selected);
    if (at >= 0) setPage(Math.floor(at / PAGE));
  }, [selected]); // only on a new selection: later filtering must not jump pages

  if (!placements.length && loaded.error != null) return <ErrorBox error={loaded.error} onRetry={loaded.retry} />;
  if (!placements.length && loaded.loading) return <Loading what="placements" />;
  return (
    <div className="grid2">
      <div>
        <div className="actions">
          <label htmlFor="placement-filter" style={{ margin: 0 }}>Find VM or host</label>
          <input id="placement-filter" value={filter} onChange={(e) => { setFilter(e.target.value); setPage(0); }} placeholder="name, host # or model" />
        </div>
        {note && <p className="hint" role="status" data-testid={loaded.loading ? 'placements-loading' : 'placements-capped'}>{note}</p>}
        {loaded.error != null && <ErrorBox error={loaded.error} title="Not every placement page loaded" onRetry={loaded.retry} />}
        <div className="table-wrap">
          <table data-testid="placements">
            <thead><tr><th scope="col">VM</th><th scope="col" className="n">Host #</th><th scope="col">Model</th><th scope="col"><span className="visually-hidden">Explain</span></th></tr></thead>
            <tbody>{rows.map((p) => (
              <tr key={p.vm} className={p.vm === selected ? 'selected' : ''}>
                <td className="wrap">{p.vmName}</td><td className="n">{p.slot}</td><td>{p.hostModel}</td>
                <td><button type="button" className="secondary" style={{ padding: '0.1rem 0.5rem' }} onClick={() => onSelect(p.vm)} aria-label={`Explain placement of ${p.vmName}`}>Why?</button></td>
              </tr>
            ))}</tbody>
          </table>
        </div>
        <div className="actions" role="navigation" aria-label="Placement pages">
          <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>Previous</button>
          <span data-testid="placement-pages">Page {page + 1} of {pages} ({count(filtered.length, 'VM')})</span>
          <button type="button" className="secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>Next</button>
        </div>
      </div>
      <div className="panel sticky" aria-live="polite" data-testid="explanation" style={{ margin: 0 }}>
        {selected == null && <p className="hint">Choose “Why?” on a VM to see why it sits on its host.</p>}
        {selected != null && explanation.status === 'loading' && <Loading what="explanation" />}
        {selected != null && explanation.status === 'error' && <ErrorBox error={explanation.error} onRetry={explanation.reload} />}
        {selected != null && explanation.status === 'ok' && !detail && <p>No explanation for this VM.</p>}
        {detail && (
          <>
            <h3 style={{ marginTop: 0 }}>{detail.vmName}</h3>
            {detail.words && <p data-testid="explanation-words">{detail.words}</p>}
            <dl className="error-where">
              <dt>Host</dt><dd>#{detail.slot} ({detail.hostModel}){detail.pinned ? <span data-testid="explanation-pinned">, pinned here by the plan request</span> : null}</dd>
              <dt>Binding resource</dt><dd>{detail.bindingResource ?? 'none'}</dd>
              <dt>Binding step</dt><dd>{detail.bindingStep}{detail.bindingOffsetSeconds != null ? ` (+${duration(detail.bindingOffsetSeconds)})` : ''}</dd>
              {detail.bindingUtilization != null && (<><dt>Host load then</dt><dd>{num(detail.bindingUtilization * 100, 1)} % of usable capacity</dd></>)}
            </dl>
            <h4>Score terms matched (solver detail)</h4>
            {detail.matchedConstraints?.length ? <ul>{detail.matchedConstraints.map((c, i) => <li key={i}>{c}</li>)}</ul> : <p>None.</p>}
          </>
        )}
      </div>
    </div>
  );
}
