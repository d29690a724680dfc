import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { AssumptionEdits, Savings } from '../../api/engine';
import { engineApi } from '../../api/engine';
import { errorMessage } from '../../api/client';
import { EChart } from '../../charts/EChart';
import { beforeAfterOption, shapeBeforeAfter } from '../../charts/beforeAfter';
import { paybackOption, paybackText } from '../../charts/payback';
import { usd } from '../../charts/common';
import { Empty, ErrorBox } from '../../components/Status';
import { assumptionEdits, shownValue, sourceWords, type AssumptionKey } from './assumptionEdits';
import { WriteAction } from '../../session';

// step="any": server defaults such as 0.366 kg/kWh must not fail the browser's step validation
const FIELDS: { key: AssumptionKey; label: string; hint: string }[] = [
  { key: 'electricityUsdPerKWh', label: 'Electricity price ($/kWh)', hint: 'What one kWh costs at the facility meter.' },
  { key: 'pue', label: 'PUE', hint: 'Facility energy ÷ IT energy: cooling and power distribution on top of IT.' },
  { key: 'carbonKgPerKWh', label: 'Carbon intensity (kg CO₂/kWh)', hint: 'Emissions of the grid that feeds the site.' },
  { key: 'rackUnitUsdPerYear', label: 'Rack unit cost ($/U/year)', hint: 'Space, power distribution and cabling per U.' },
  { key: 'maintenanceFallbackUsdPerServerYear', label: 'Maintenance fallback ($/server/year)', hint: 'Only for servers whose model (or current-server row) has no maintenance figure.' },
  { key: 'maintenanceOverrideUsdPerServerYear', label: 'Maintenance override ($/server/year)', hint: 'Blank = each model keeps its own figure; a value replaces every catalog model’s figure, before and after.' },
  { key: 'hostsBoughtPercent', label: 'Plan hosts bought new (%)', hint: 'For the investment: 100 = buy every host of the plan, 0 = consolidate onto servers you already own.' },
];

/** Editable savings assumptions that recompute the report, and the before/after bars. */
export function SavingsSection({ planId, savings, onRecompute, onBaselineChanged }: { planId: string; savings: Savings; onRecompute: (overrides: AssumptionEdits) => void; onBaselineChanged: () => void }) {
  const [draft, setDraft] = useState<Partial<Record<string, string>>>({});
  const [saveMsg, setSaveMsg] = useState<string | null>(null);
  const [baselineError, setBaselineError] = useState<unknown>(null);
  const [baselineBusy, setBaselineBusy] = useState(false);

  async function changeBaseline(action: () => Promise<unknown>) {
    setBaselineBusy(true);
    setBaselineError(null);
    try {
      await action();
      onBaselineChanged();
    } catch (e) {
      setBaselineError(e);
    } finally {
      setBaselineBusy(false);
    }
  }
  useEffect(() => {
    setDraft(Object.fromEntries(FIELDS.map((f) => [f.key, shownValue(savings, f.key)])));
  }, [savings]);
  const rows = useMemo(() => shapeBeforeAfter(savings), [savings]);
  const option = useMemo(() => beforeAfterOption(rows), [rows]);
  const investment = savings.investment;
  const payback = useMemo(() => (investment ? paybackOption(investment) : null), [investment]);

  const keys = FIELDS.map((f) => f.key);

  function recompute(e: FormEvent) {
    e.preventDefault();
    setSaveMsg(null);
    onRecompute(assumptionEdits(keys, draft, savings));
  }

  async function save() {
    try {
      await engineApi.saveAssumptions(planId, assumptionEdits(keys, draft, savings, ['query', 'scenario']));
      setSaveMsg('Saved as this plan’s scenario.');
      onRecompute({});
    } catch (e) {
      setSaveMsg(`Not saved: ${errorMessage(e)}`);
    }
  }

  return (
    <>
      <div className="grid2">
        <form className="panel" onSubmit={recompute} aria-labelledby="assumptions-title" style={{ margin: 0 }}>
          <h3 id="assumptions-title" style={{ marginTop: 0 }}>Savings assumptions</h3>
          {FIELDS.map((f) => (
            <div className="field" key={f.key}>
              <label htmlFor={`as-${f.key}`}>{f.label}</label>
              <input id={`as-${f.key}`} type="number" min={0} step="any" value={draft[f.key] ?? ''} placeholder={f.key === 'maintenanceOverrideUsdPerServerYear' ? 'none' : undefined} onChange={(e) => setDraft((d) => ({ ...d, [f.key]: e.target.value }))} />
              <p className="hint">{f.hint} <span data-testid={`source-${f.key}`}>In effect: {shownValue(savings, f.key) || 'none'} ({sourceWords(savings.assumptionSources?.[f.key])}).</span></p>
            </div>
          ))}
          <div className="actions">
            <button type="submit">Recompute</button>
            <WriteAction><button type="button" className="secondary" onClick={save}>Save scenario</button></WriteAction>
          </div>
          {saveMsg && <p role="status">{saveMsg}</p>}
          <h3>Before: {savings.baseline === 'CURRENT_INVENTORY' ? 'your current servers' : savings.baseline === 'TODAYS_ESTATE' ? "today's hosts (RVTools estate)" : 'one server per VM'}</h3>
          <p className="hint" data-testid="before-rule">
            {savings.beforeRule ?? (savings.baseline === 'CURRENT_INVENTORY'
              ? 'The uploaded current servers are the estate before consolidation.'
              : 'Each VM on the smallest built-in catalog server that holds it.')}
            {savings.baseline !== 'CURRENT_INVENTORY' && Object.keys(savings.beforeModelCounts ?? {}).length > 0 && (
              <> Result: {Object.entries(savings.beforeModelCounts).map(([m, n]) => `${n.toLocaleString('en-US')} × ${m}`).join(', ')}{savings.vmsLargerThanAnyModel > 0 ? ` (${savings.vmsLargerThanAnyModel} VMs larger than every model)` : ''}.</>
            )}
            {savings.baseline === 'ONE_SERVER_PER_VM' && ' Upload your current servers to compare against them instead.'}
          </p>
          {savings.maintenanceByModel && Object.keys(savings.maintenanceByModel).length > 0 && (
            <div className="table-wrap"><table data-testid="maintenance-in-effect">
              <caption className="hint">Maintenance in effect per server and year</caption>
              <thead><tr><th scope="col">Model</th><th scope="col" className="n">$/year</th><th scope="col">From</th></tr></thead>
              <tbody>{Object.entries(savings.maintenanceByModel).map(([m, e]) => (
                <tr key={m}><td>{m}</td><td className="n">{usd(e.usdPerServerYear)}</td><td>{e.source === 'catalog' ? 'the model’s catalog figure' : e.source === 'override' ? 'your override' : 'the fallback (model has no figure)'}</td></tr>
              ))}</tbody>
            </table></div>
          )}
          <WriteAction>
          <div className="field">
            <label htmlFor="current-servers">Current servers CSV</label>
            <input id="current-servers" type="file" accept=".csv,text/csv" disabled={baselineBusy}
              onChange={(e) => { const f = e.target.files?.[0]; if (f) changeBaseline(() => engineApi.uploadCurrentServers(planId, f)); e.target.value = ''; }} />
            <p className="hint">Columns: name,count,averageWatts,peakWatts,rackUnits[,yearlyMaintenanceUsd].</p>
          </div>
          {savings.baseline === 'CURRENT_INVENTORY' && (
            <button type="button" className="secondary" disabled={baselineBusy} onClick={() => changeBaseline(() => engineApi.removeCurrentServers(planId))}>Back to one server per VM</button>
          )}
          </WriteAction>
          {baselineError != null && <ErrorBox error={baselineError} title="Current servers not accepted" />}
        </form>
        <div className="chart-box">
          <h3>Before and after</h3>
          {rows.length ? <EChart option={option} label="Before and after: power, energy, cooling, rack units, maintenance, cost" className="tall" testId="chart-before-after" /> : <Empty>No savings figures yet.</Empty>}
        </div>
      </div>
      {investment && payback && (
        <div className="chart-box" data-testid="investment" style={{ marginTop: '1rem' }}>
          <h3>Investment and payback</h3>
          <p className="figure" data-testid="payback">
            Buying {investment.hostsBought.toLocaleString('en-US')} host{investment.hostsBought === 1 ? '' : 's'} costs <strong>{usd(investment.purchaseUsd)}</strong>;
            {' '}saving {usd(investment.annualSavingsUsd)} a year pays it back in <strong>{paybackText(investment)}</strong>.
          </p>
          <EChart option={payback} label={`Net cash after buying the plan's hosts, by year: payback ${paybackText(investment)}`} testId="chart-payback" height={240} />
          <p className="hint">Catalog purchase prices; yearly savings as above, taken as constant. Set "Plan hosts bought new" to 0 when the plan reuses servers you own.</p>
        </div>
      )}
    </>
  );
}
