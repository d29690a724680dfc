// Number and time formatting shared by pages and charts.
const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const nf0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function num(v: number | null | undefined, digits = 1): string {
  if (v == null || Number.isNaN(v)) return '–';
  if (digits === 0) return nf0.format(v);
  return digits === 1 ? nf.format(v) : new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(v);
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GiB`;
}

export function duration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

export function dateTime(iso: string | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** "1 host", "3 hosts", "1,200 VMs": a whole count with its noun, singular for exactly one. */
export function count(n: number | null | undefined, singular: string, plural = `${singular}s`): string {
  if (n == null || Number.isNaN(n)) return `– ${plural}`;
  return `${num(n, 0)} ${n === 1 ? singular : plural}`;
}
