// Ingestion API: /api/v1/workloads
import { getJson, request, uploadForm } from './client';

/** Trace formats the server parses; 'auto' sends no format and lets the server detect it. */
export type TraceFormat = 'auto' | 'planetlab' | 'bitbrains' | 'csv';
export type MetricName = 'CPU' | 'MEMORY' | 'DISK' | 'NETWORK';

/** Stored series field of each metric (units in the name, as the server names them). */
export const METRIC_FIELD: Record<MetricName, string> = { CPU: 'cpuMhz', MEMORY: 'memoryMib', DISK: 'diskKBps', NETWORK: 'networkKBps' };

export interface IngestWarning {
  code: string;
  count: number;
  message: string;
}

export interface Workload {
  id: string;
  name: string;
  format: string;
  vmProfile?: string | null;
  vmCount: number;
  stepSeconds: number;
  steps: number;
  start: string;
  end: string;
  /** metric fields with a stored series: cpuMhz, memoryMib, and diskKBps / networkKBps when measured */
  metrics?: string[];
  sampleCount?: number;
  warnings?: IngestWarning[];
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
  index: number;
  name: string;
  cores: number;
  cpuMhz: number;
  memoryMib: number;
  guestOs?: string | null;
  paravirtCapable?: boolean;
  workloadClass?: string | null;
  antiAffinityGroup?: string | null;
  /** per metric field (cpuMhz, memoryMib, ...) */
  stats: Record<string, MetricStats>;
}

export interface VmSeries {
  workloadId: string;
  vm: WorkloadVmRow;
  stepSeconds: number;
  timestamps: string[];
  series: Record<string, number[]>;
}

export interface MetricAggregate {
  unit: string;
  /** Σ over VMs per step */
  sum: number[];
  /** Σ over VMs of each VM's own peak (what per-VM peak sizing reserves) */
  sumOfPeaks: number;
  peakOfSum: number;
  peakOfSumOverSumOfPeaks: number;
}

export interface WorkloadAggregate {
  workloadId: string;
  stepSeconds: number;
  timestamps: string[];
  /** per metric field */
  metrics: Record<string, MetricAggregate>;
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
  series: (id: string, vmIndex: number, signal?: AbortSignal) =>
    getJson<VmSeries>(`/api/v1/workloads/${encodeURIComponent(id)}/vms/${vmIndex}/series`, signal),
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
