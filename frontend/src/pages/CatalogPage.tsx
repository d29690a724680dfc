import { plansApi, hostCpuMhz } from '../api/plans';
import { useAsync } from '../hooks/useAsync';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { num } from '../format';

export function CatalogPage() {
  const models = useAsync((s) => plansApi.hostModels(s), []);
  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title">Host catalog</h1>
      <p className="lead">Server models plans can consolidate onto, with the SPECpower curve each plan's energy comes from.</p>
      {models.status === 'loading' && !models.data && <Loading what="host models" />}
      {models.status === 'error' && <ErrorBox error={models.error} onRetry={models.reload} />}
      {models.data && models.data.length === 0 && <Empty>The catalog is empty.</Empty>}
      {models.data && models.data.length > 0 && (
        <div className="table-wrap">
          <table data-testid="catalog">
            <thead><tr><th scope="col">Model</th><th scope="col" className="n">Cores</th><th scope="col" className="n">CPU MHz</th><th scope="col" className="n">Memory GiB</th><th scope="col" className="n">Disk MB/s</th><th scope="col" className="n">Net MB/s</th><th scope="col" className="n">W idle → max</th><th scope="col" className="n">U</th><th scope="col" className="n">Price $</th><th scope="col" className="n">Maint. $/yr</th><th scope="col">HW assist</th><th scope="col">Source</th></tr></thead>
            <tbody>{models.data.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td><td className="n">{m.cores}</td><td className="n">{num(hostCpuMhz(m), 0)}</td><td className="n">{num(m.memoryMib / 1024)}</td>
                <td className="n">{num(m.diskKBps / 1000, 0)}</td><td className="n">{num(m.networkKBps / 1000, 0)}</td>
                <td className="n">{num(m.powerWatts[0], 0)} → {num(m.powerWatts[10], 0)}</td><td className="n">{m.rackUnits}</td>
                <td className="n">{num(m.purchaseCost, 0)}</td><td className="n">{num(m.yearlyMaintenanceCost, 0)}</td><td>{m.hardwareAssist ? 'yes' : 'no'}</td>
                <td style={{ whiteSpace: 'normal', minWidth: '12rem' }}>{m.source ?? '–'}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
