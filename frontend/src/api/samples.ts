// The sample traces the jar serves at /sample-workloads/<file> ("load a sample" for newcomers).
import { ApiError } from './client';
import type { TraceFormat } from './workloads';

export interface Sample {
  file: string;
  label: string;
  format: TraceFormat;
  /** inventory CSV sent along with the trace */
  inventory?: string;
  vmProfile?: string;
}

export const SAMPLES: Sample[] = [
  { file: 'generic-small.csv', label: 'Generic CSV: 60 VMs, CPU/memory/disk/network, with inventory', format: 'csv', inventory: 'inventory-small.csv' },
  { file: 'planetlab-small.zip', label: 'PlanetLab: 40 VMs, CPU % only, with inventory', format: 'planetlab', inventory: 'inventory-planetlab-small.csv' },
  { file: 'bitbrains-small.zip', label: 'Bitbrains GWA-T-12: 12 VMs, no inventory needed', format: 'bitbrains' },
  { file: 'vcenter-small.csv.gz', label: 'vCenter statistics: 12 VMs, CPU/memory, with an RVTools inventory', format: 'vcenter', inventory: 'rvtools-small.xlsx' },
];

export const MALFORMED_SAMPLE = 'malformed-example.csv';

export async function fetchSample(file: string): Promise<Blob> {
  const res = await fetch(`/sample-workloads/${encodeURIComponent(file)}`);
  if (!res.ok) throw new ApiError({ status: res.status, title: 'Sample not available', detail: `The sample ${file} could not be loaded (HTTP ${res.status})` });
  return res.blob();
}
