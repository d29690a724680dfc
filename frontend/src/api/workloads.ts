// Ingestion API: /api/v1/workloads
import { getJson, request, uploadForm } from './client';

/** Trace formats the server parses; 'auto' sends no format and lets the server detect it. */
export type TraceFormat = 'auto' | 'planetlab' | 'bitbrains' | 'csv';
export type MetricName = 'CPU' | 'MEMORY' | 'DISK' | 'NETWORK';

export interface Workload {
  id: string;
  name: string;
  format: string;
  vmCount: number;
  stepSeconds: number;
  steps: number;
  start: string;
  end: string;
  warnings?: string[];
  createdAt?: string;
}

export interface Page<T> {
  content: T[];
  totalElements: number;
  totalPages: number;
  number: number;
  size: number;
}

export interface MetricStats {
  mean: number;
  p95: number;
  peak: number;
}

export interface WorkloadVmRow {
  id: string;
  name?: string;
  workloadClass?: string;
  vcpus?: number;
  cpuMhz?: number;
  memoryMib?: number;
  stats: Partial<Record<MetricName, MetricStats>>;
}

export interface VmSeries {
  vmId: string;
  stepSeconds: number;
  start: string;
  series: Partial<Record<MetricName, number[]>>;
}

export interface WorkloadAggregate {
  stepSeconds: number;
  start: string;
  /** per metric: per step Σ demand of all VMs */
  demand: Partial<Record<MetricName, number[]>>;
  /** per metric: Σ over VMs of each VM's own peak (a constant the static sizing would reserve) */
  sumOfPeaks: Partial<Record<MetricName, number>>;
}

export const workloadsApi = {
  list: (signal?: AbortSignal) => getJson<Workload[]>('/api/v1/workloads', signal),
  get: (id: string, signal?: AbortSignal) => getJson<Workload>(`/api/v1/workloads/${encodeURIComponent(id)}`, signal),
  remove: (id: string) => request(`/api/v1/workloads/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  vms: (id: string, page: number, size: number, sort: string, signal?: AbortSignal) =>
    getJson<Page<WorkloadVmRow>>(
      `/api/v1/workloads/${encodeURIComponent(id)}/vms?page=${page}&size=${size}&sort=${encodeURIComponent(sort)}`,
      signal,
    ),
  series: (id: string, vm: string, signal?: AbortSignal) =>
    getJson<VmSeries>(`/api/v1/workloads/${encodeURIComponent(id)}/vms/${encodeURIComponent(vm)}/series`, signal),
  aggregate: (id: string, signal?: AbortSignal) =>
    getJson<WorkloadAggregate>(`/api/v1/workloads/${encodeURIComponent(id)}/aggregate`, signal),
  upload: (
    input: { file: Blob; fileName: string; inventory?: Blob; inventoryName?: string; name?: string; format: TraceFormat; vmProfile?: string },
    onProgress: (sent: number, total: number) => void,
    onUploaded?: () => void,
  ) => {
    const form = new FormData();
    form.append('file', input.file, input.fileName);
    if (input.inventory) form.append('inventory', input.inventory, input.inventoryName ?? 'inventory.csv');
    if (input.name) form.append('name', input.name);
    if (input.format !== 'auto') form.append('format', input.format);
    if (input.vmProfile) form.append('vmProfile', input.vmProfile);
    return uploadForm<Workload>('/api/v1/workloads', form, onProgress, onUploaded);
  },
};
