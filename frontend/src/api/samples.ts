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
  { file: 'planetlab-small.zip', label: 'PlanetLab (CPU % per VM, 5-min steps)', format: 'planetlab', vmProfile: 'cloudsim' },
  { file: 'bitbrains-small.zip', label: 'Bitbrains GWA-T-12 (CPU, memory, disk, network)', format: 'bitbrains' },
  { file: 'generic-small.csv', label: 'Generic CSV with an inventory', format: 'csv', inventory: 'inventory-small.csv' },
];

export const MALFORMED_SAMPLE = 'malformed-example.csv';

export async function fetchSample(file: string): Promise<Blob> {
  const res = await fetch(`/sample-workloads/${encodeURIComponent(file)}`);
  if (!res.ok) throw new ApiError({ status: res.status, title: 'Sample not available', detail: `The sample ${file} could not be loaded (HTTP ${res.status})` });
  return res.blob();
}
