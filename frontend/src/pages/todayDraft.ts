// The new-plan form's "Start from today's placement": a catalog model per host of the RVTools estate and the move budget.
import type { FromCurrentPlacement, HostModel } from '../api/plans';
import type { Estate, EstateHost } from '../api/workloads';

export interface TodayDraft {
  /** plan from where the VMs run today instead of an empty pool */
  enabled: boolean;
  /** catalog model id per today's host name (a variant's request may key by vHost model until the estate is read) */
  hostModels: Record<string, string>;
  /** move budget as typed (blank: the API's default) */
  maxMigrations: string;
  minHostsSaved: string;
  minKwSaved: string;
}

export type TodayField = 'hostModels' | 'maxMigrations' | 'minHostsSaved' | 'minKwSaved';

export const NO_TODAY: TodayDraft = { enabled: false, hostModels: {}, maxMigrations: '', minHostsSaved: '', minKwSaved: '' };

/** The API's ranges (docs/planning.md): migrations 0..1,000,000, hosts saved 0..100,000, kW saved 0..1,000,000. */
export const TODAY_RANGES = { maxMigrations: 1_000_000, minHostsSaved: 100_000, minKwSaved: 1_000_000 };

/** One of today's hosts as the form lists it. */
export interface TodaysHost extends EstateHost {
  /** VMs of the workload running on it today */
  vms: number;
}

/** Today's hosts in the estate's order (the pool's slot order) with their VM counts. */
export function todaysHosts(estate: Estate | null | undefined): TodaysHost[] {
  if (!estate) return [];
  const vms = new Map<string, number>();
  for (const v of estate.vms) if (v.currentHost) vms.set(v.currentHost, (vms.get(v.currentHost) ?? 0) + 1);
  return estate.hosts.map((h) => ({ ...h, vms: vms.get(h.name) ?? 0 }));
}

/** "2 × 20 cores × 2,600 MHz, 384 GiB"-like specs in words; '' when the export gave none. */
export function hostSpecs(h: EstateHost): string {
  const parts: string[] = [];
  if (h.cores) parts.push(`${h.cores} cores${h.coreMhz ? ` × ${Math.round(h.coreMhz).toLocaleString('en-US')} MHz` : ''}`);
  if (h.memoryMib) parts.push(`${Math.round(h.memoryMib / 1024).toLocaleString('en-US')} GiB`);
  return parts.join(', ');
}

const letters = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The catalog model a host most likely is: one whose name contains the host's vHost model ("PowerEdge R740" →
 * "Dell PowerEdge R740 (…)"), else the one nearest in CPU capacity and memory when the export gave sizes, else the
 * catalog's first model.
 */
export function closestModel(h: EstateHost, models: HostModel[]): string | undefined {
  if (models.length === 0) return undefined;
  const wanted = h.model ? letters(h.model) : '';
  if (wanted.length >= 3) {
    const named = models.find((m) => letters(m.name).includes(wanted) || letters(m.id).includes(wanted));
    if (named) return named.id;
  }
  const cpuMhz = h.cores && h.coreMhz ? h.cores * h.coreMhz : null;
  const memoryMib = h.memoryMib || null;
  if (cpuMhz == null && memoryMib == null) return models[0].id;
  const distance = (m: HostModel) =>
    (cpuMhz ? Math.abs(Math.log((m.cores * m.coreMhz) / cpuMhz)) : 0) + (memoryMib ? Math.abs(Math.log(m.memoryMib / memoryMib)) : 0);
  return [...models].sort((a, b) => distance(a) - distance(b))[0].id;
}

/**
 * The mapping keyed by each of today's hosts: what the draft gives it (by host name, else by its vHost model, as the
 * API reads it) when that model is in the catalog, else the closest model.
 */
export function resolveHostModels(mapping: Record<string, string>, hosts: EstateHost[], models: HostModel[]): Record<string, string> {
  const known = new Set(models.map((m) => m.id));
  const out: Record<string, string> = {};
  for (const h of hosts) {
    const given = mapping[h.name] ?? (h.model ? mapping[h.model] : undefined);
    const model = given && known.has(given) ? given : closestModel(h, models);
    if (model) out[h.name] = model;
  }
  return out;
}

/** The request's fromCurrentPlacement (undefined when not enabled) and one message per field out of range. */
export function parseToday(d: TodayDraft, hosts: EstateHost[]): { fromCurrentPlacement?: FromCurrentPlacement; errors: Partial<Record<TodayField, string>> } {
  if (!d.enabled) return { errors: {} };
  const errors: Partial<Record<TodayField, string>> = {};
  const whole = (field: 'maxMigrations' | 'minHostsSaved', text: string, what: string): number | null => {
    if (text.trim() === '') return null;
    const n = Number(text);
    if (/^\s*\d+\s*$/.test(text) && n <= TODAY_RANGES[field]) return n;
    errors[field] = `${what} must be a whole number from 0 to ${TODAY_RANGES[field].toLocaleString('en-US')}`;
    return null;
  };
  const maxMigrations = whole('maxMigrations', d.maxMigrations, 'Migrations');
  const minHostsSaved = whole('minHostsSaved', d.minHostsSaved, 'Hosts saved');
  let minKwSaved: number | null = null;
  if (d.minKwSaved.trim() !== '') {
    const kw = Number(d.minKwSaved);
    if (Number.isFinite(kw) && kw >= 0 && kw <= TODAY_RANGES.minKwSaved) minKwSaved = kw;
    else errors.minKwSaved = `kW saved must be from 0 to ${TODAY_RANGES.minKwSaved.toLocaleString('en-US')}`;
  }
  const unmapped = hosts.filter((h) => !d.hostModels[h.name] && !(h.model && d.hostModels[h.model]));
  if (unmapped.length > 0) errors.hostModels = `Choose a catalog model for ${unmapped.slice(0, 3).map((h) => h.name).join(', ')}${unmapped.length > 3 ? ` and ${unmapped.length - 3} more` : ''}`;
  else if (Object.keys(d.hostModels).length === 0) errors.hostModels = 'The workload has no hosts today to start from';
  if (Object.keys(errors).length) return { errors };
  return { fromCurrentPlacement: { hostModels: { ...d.hostModels }, maxMigrations, minHostsSaved, minKwSaved }, errors };
}

/** A request's fromCurrentPlacement as the form shows it ("Plan a variant"). */
export function todayText(f: FromCurrentPlacement | null | undefined): TodayDraft {
  if (!f) return NO_TODAY;
  const text = (n: number | null | undefined) => (n != null ? String(n) : '');
  return { enabled: true, hostModels: { ...f.hostModels }, maxMigrations: text(f.maxMigrations), minHostsSaved: text(f.minHostsSaved), minKwSaved: text(f.minKwSaved) };
}
