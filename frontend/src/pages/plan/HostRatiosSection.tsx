import { plansApi, type HostRatio } from '../../api/plans';
import { useAsync } from '../../hooks/useAsync';
import { Empty, ErrorBox, Loading } from '../../components/Status';
import { num } from '../../format';

/** Rows shown at once: a plan of thousands of hosts lists its densest first. */
const MAX_ROWS = 200;

/** "3.5 : 1" with the limit after it when one is set ("3.5 : 1 (limit 4)"). */
export function ratioText(value: number, limit: number | null | undefined): string {
  return `${num(value, 2)} : 1${limit != null ? ` (limit ${num(limit, 2)})` : ''}`;
}

/** The densest hosts first (vCPUs per core, then VMs). */
export function densestFirst(rows: HostRatio[]): HostRatio[] {
  return [...rows].sort((a, b) => b.vcpuPerCore - a.vcpuPerCore || b.vms - a.vms || a.slot - b.slot);
}

/** Per active host: VMs, vCPU:pCPU and configured-memory ratios against the plan's limits. */
export function HostRatiosSection({ planId }: { planId: string }) {
  const ratios = useAsync((s) => plansApi.hostRatios(planId, s), [planId]);
  if (ratios.status === 'loading' && !ratios.data) return <Loading what="host ratios" />;
  if (ratios.status === 'error') return <ErrorBox error={ratios.error} onRetry={ratios.reload} />;
  const rows = densestFirst(ratios.data ?? []);
  if (rows.length === 0) return <Empty>No active hosts.</Empty>;
  return (
    <div className="table-wrap" data-testid="host-ratios">
      <p className="hint">From the VMs' configured sizes (what the hypervisor shows), densest first{rows.length > MAX_ROWS ? `; the first ${MAX_ROWS} of ${rows.length} hosts` : ''}. Memory ratio = configured memory ÷ physical memory.</p>
      <table>
        <thead><tr><th scope="col">Host</th><th scope="col">Model</th><th scope="col" className="n">VMs</th><th scope="col" className="n">vCPU : pCPU</th><th scope="col" className="n">Memory (configured : physical)</th></tr></thead>
        <tbody>{rows.slice(0, MAX_ROWS).map((h) => (
          <tr key={h.slot}>
            <td>#{h.slot}</td><td>{h.hostModel}</td>
            <td className="n">{h.vms}{h.limits?.maxVmsPerHost != null ? ` / ${h.limits.maxVmsPerHost}` : ''}</td>
            <td className="n">{ratioText(h.vcpuPerCore, h.limits?.vcpuPerCore)} <span className="hint">({h.vcpus} vCPUs on {h.cores} cores)</span></td>
            <td className="n">{ratioText(h.memoryRatio, h.limits?.memoryOvercommit)}</td>
          </tr>
        ))}</tbody>
      </table>
    </div>
  );
}
