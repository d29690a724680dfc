// Loads many VMs' aligned series with bounded concurrency (the per-host charts need one per VM).
import { workloadsApi, type VmSeries } from './workloads';

export async function loadSeries(workloadId: string, vms: string[], signal: AbortSignal, concurrency = 6): Promise<Map<string, VmSeries>> {
  const out = new Map<string, VmSeries>();
  let next = 0;
  async function worker() {
    while (next < vms.length && !signal.aborted) {
      const vm = vms[next++];
      out.set(vm, await workloadsApi.series(workloadId, vm, signal));
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, vms.length) }, worker));
  return out;
}
