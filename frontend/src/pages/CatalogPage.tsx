import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { plansApi, hostCpuMhz, type HostModel } from '../api/plans';
import { useAsync } from '../hooks/useAsync';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { EChart } from '../charts/EChart';
import { powerCurvesOption, shapePowerCurves, type PowerMeasure } from '../charts/powerCurves';
import { AddHostModelForm } from './AddHostModelForm';
import { num } from '../format';
import { WriteAction } from '../session';

export function CatalogPage() {
  const models = useAsync((s) => plansApi.hostModels(s), []);
  const [measure, setMeasure] = useState<PowerMeasure>('WATTS');
  const [added, setAdded] = useState<HostModel | null>(null);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  async function remove(m: HostModel) {
    if (!window.confirm(`Delete the custom model ${m.name} (${m.id})?`)) return;
    setDeleteError(null);
    try {
      await plansApi.removeHostModel(m.id);
      if (added?.id === m.id) setAdded(null);
      models.reload();
    } catch (e) {
      setDeleteError(e);
    }
  }
  const option = useMemo(() => powerCurvesOption(shapePowerCurves(models.data ?? [], measure), measure), [models.data, measure]);
  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title">Host catalog</h1>
      <p className="lead">Server models plans can consolidate onto, with the SPECpower curve each plan's energy comes from and where each figure was taken from.
        Scripts name a model by its id (<code>hostPool: [{'{'}"model": "hp-ml110-g5", "count": 800{'}'}]</code>).</p>
      {models.status === 'loading' && !models.data && <Loading what="host models" />}
      {models.status === 'error' && <ErrorBox error={models.error} onRetry={models.reload} />}
      {models.data && models.data.length === 0 && <Empty>The catalog is empty.</Empty>}
      {deleteError != null && <ErrorBox error={deleteError} title="The model was not deleted" />}
      {models.data && models.data.length > 0 && (
        <>
          <div className="table-wrap">
            <table data-testid="catalog">
              <thead><tr><th scope="col">Model</th><th scope="col">Id</th><th scope="col" className="n">Cores</th><th scope="col" className="n">CPU MHz</th><th scope="col" className="n">Memory GiB</th><th scope="col" className="n">Disk · net MB/s</th><th scope="col" className="n">W idle → max</th><th scope="col" className="n">U</th><th scope="col" className="n">Price $</th><th scope="col" className="n">Maint. $/yr</th><th scope="col">HW assist</th></tr></thead>
              <tbody>{models.data.map((m) => (
                <tr key={m.id} data-testid={`model-${m.id}`}>
                  <td style={{ whiteSpace: 'normal', minWidth: '12rem', maxWidth: '19rem' }}>
                    {m.name}
                    {m.builtIn === false && (<> <span className="badge">custom</span>{' '}
                      <WriteAction><button type="button" className="link" onClick={() => remove(m)} data-testid={`delete-model-${m.id}`} aria-label={`Delete custom model ${m.name}`}>delete</button></WriteAction></>)}
                    {m.source && <p className="hint">{m.source}</p>}
                  </td>
                  <td><code>{m.id}</code></td>
                  <td className="n">{m.cores}</td><td className="n">{num(hostCpuMhz(m), 0)}</td><td className="n">{num(m.memoryMib / 1024)}</td>
                  <td className="n">{num(m.diskKBps / 1000, 0)} · {num(m.networkKBps / 1000, 0)}</td>
                  <td className="n">{num(m.powerWatts[0], 0)} → {num(m.powerWatts[10], 0)}</td><td className="n">{m.rackUnits}</td>
                  <td className="n">{num(m.purchaseCost, 0)}</td><td className="n">{num(m.yearlyMaintenanceCost, 0)}</td><td>{m.hardwareAssist ? 'yes' : 'no'}</td>
                </tr>
              ))}</tbody>
            </table>
          </div>
          <div className="chart-box" style={{ marginTop: '1rem' }}>
            <div className="actions" style={{ margin: '0.25rem 0.5rem' }}>
              <h2 style={{ margin: 0, flex: 1, fontSize: '1.1rem' }}>Power curves (SPECpower, watts at each CPU load)</h2>
              <label htmlFor="power-measure" style={{ margin: 0 }}>Show</label>
              <select id="power-measure" value={measure} onChange={(e) => setMeasure(e.target.value as PowerMeasure)}>
                <option value="WATTS">watts</option>
                <option value="WATTS_PER_GHZ">watts per GHz of capacity</option>
              </select>
            </div>
            <EChart option={option} label={`Power curve of every host model, ${measure === 'WATTS' ? 'in watts' : 'in watts per GHz of CPU capacity'}, from 0 to 100 % CPU load`} testId="chart-power-curves" />
            <p className="hint" style={{ margin: '0 0.5rem 0.5rem' }}>
              A flat curve wastes power on idle hosts; per GHz, a large modern server does the same work for a fraction of an old one's watts.
              The replay interpolates these points linearly (docs/simulation.md).
            </p>
          </div>
        </>
      )}
      <WriteAction><AddHostModelForm onAdded={(m) => { setAdded(m); models.reload(); }} /></WriteAction>
      {added && (
        <p role="status" data-testid="model-added">
          Added <strong>{added.name}</strong> (<code>{added.id}</code>): it is now in the <Link to="/plans/new">new plan</Link> host pool.
        </p>
      )}
    </section>
  );
}
