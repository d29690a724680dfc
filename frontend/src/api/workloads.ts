// Ingestion API: /api/v1/workloads
import { getJson, request, uploadForm } from './client';

/** Trace formats the server parses; 'auto' sends no format and lets the server detect it. */
export type TraceFormat = 'auto' | 'planetlab' | 'bitbrains' | 'csv' | 'vcenter' | 'aria' | 'prometheus' | 'azure' | 'alibaba' | 'google' | 'rvtools';
export type MetricName = 'CPU' | 'MEMORY' | 'DISK' | 'NETWORK';

export const METRICS: MetricName[] = ['CPU', 'MEMORY', 'DISK', 'NETWORK'];

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
  /** metrics with a stored series: CPU and MEMORY always, DISK and NETWORK when measured */
  metrics?: MetricName[];
  sampleCount?: number;
  /** one sentence per kind of absorbed input problem or assumption */
  warnings?: string[];
  warningDetails?: IngestWarning[];
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
  /** the VM's name, its id in URLs */
  id: string;
  index: number;
  name: string;
  cores: number;
  vcpus: number;
  cpuMhz: number;
  memoryMib: number;
  guestOs?: string | null;
  paravirtCapable?: boolean;
  workloadClass?: string | null;
  antiAffinityGroup?: string | null;
  /** per measured metric, in its canonical unit (MHz, MiB, KB/s, KB/s) */
  stats: Partial<Record<MetricName, MetricStats>>;
}

export interface VmSeries {
  workloadId: string;
  vmId: string;
  vm: WorkloadVmRow;
  stepSeconds: number;
  start: string;
  timestamps: string[];
  series: Partial<Record<MetricName, number[]>>;
}

/** Per measured metric: Σ demand per step, Σ of each VM's own peak, and the highest per-step total. */
export interface WorkloadAggregate {
  workloadId: string;
  stepSeconds: number;
  start: string;
  steps: number;
  timestamps: string[];
  units: Partial<Record<MetricName, string>>;
  demand: Partial<Record<MetricName, number[]>>;
  sumOfPeaks: Partial<Record<MetricName, number>>;
  peakOfSum: Partial<Record<MetricName, number>>;
}

/** One of today's servers from the RVTools export (vHost); sizes null when the export lacks them. */
export interface EstateHost {
  name: string;
  cluster?: string | null;
  vendor?: string | null;
  model?: string | null;
  sockets?: number | null;
  cores?: number | null;
  /** MHz per core (vHost Speed) */
  coreMhz?: number | null;
  memoryMib?: number | null;
}

/** Where the workload's VMs run today (GET /workloads/{id}/estate); both lists empty without an RVTools inventory. */
export interface Estate {
  hosts: EstateHost[];
  vms: { index: number; vm: string; powerState?: string | null; cluster?: string | null; currentHost?: string | null }[];
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
  estate: (id: string, signal?: AbortSignal) => getJson<Estate>(`/api/v1/workloads/${encodeURIComponent(id)}/estate`, signal),
  aggregate: (id: string, signal?: AbortSignal) =>
    getJson<WorkloadAggregate>(`/api/v1/workloads/${encodeURIComponent(id)}/aggregate`, signal),
  upload: (
    input: {
      file: Blob; fileName: string; inventory?: Blob; inventoryName?: string; name?: string; format: TraceFormat; vmProfile?: string;
      /** ISO-8601 instant of the first step, for formats without timestamps */
      start?: string;
      /** read and check everything, store nothing (200 with what would be stored, no id) */
      validateOnly?: boolean;
    },
    onProgress: (sent: number, total: number) => void,
    onUploaded?: () => void,
  ) => {
    const form = new FormData();
    form.append('file', input.file, input.fileName);
    if (input.inventory) form.append('inventory', input.inventory, input.inventoryName ?? 'inventory.csv');
    if (input.name) form.append('name', input.name);
    if (input.format !== 'auto') form.append('format', input.format);
    if (input.vmProfile) form.append('vmProfile', input.vmProfile);
    if (input.start) form.append('start', input.start);
    if (input.validateOnly) form.append('validateOnly', 'true');
    return uploadForm<Workload>('/api/v1/workloads', form, onProgress, onUploaded);
  },
};
