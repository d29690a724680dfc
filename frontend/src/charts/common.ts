// Small helpers shared by the chart shapers.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for the HTML of an ECharts tooltip formatter. Every name a user chose (workload, plan,
 * VM, host model) passes through it: a formatter's string is inserted as HTML, unlike ECharts' own
 * default tooltips and canvas labels, which never interpret markup.
 */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

export const PALETTE = ['#1f5fbf', '#e07b00', '#2a9d58', '#c0392b', '#7b4fb5', '#00838f', '#8d6e63', '#d81b60', '#607d8b', '#9e9d24', '#5c6bc0', '#26a69a'];

export function max(values: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > m) m = values[i];
  return values.length ? m : 0;
}

export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

/** Epoch millis of each step of a time grid. */
export function stepTimes(startIso: string | undefined, stepSeconds: number, steps: number): number[] {
  const t0 = startIso ? Date.parse(startIso) : 0;
  const base = Number.isNaN(t0) ? 0 : t0;
  return Array.from({ length: steps }, (_, i) => base + i * stepSeconds * 1000);
}

/**
 * Reduces a series to at most `buckets` points by taking each bucket's maximum (peaks must survive
 * downsampling: a capacity chart that hid them would lie). Answers the bucket start indices too.
 */
export function downsampleMax(values: ArrayLike<number>, buckets: number): { index: number[]; values: number[] } {
  const n = values.length;
  if (n <= buckets) return { index: Array.from({ length: n }, (_, i) => i), values: Array.from(values) };
  const index: number[] = [];
  const out: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    let m = -Infinity;
    for (let i = from; i < to; i++) if (values[i] > m) m = values[i];
    index.push(from);
    out.push(m);
  }
  return { index, values: out };
}

export const UNITS: Record<string, string> = { CPU: 'MHz', MEMORY: 'MiB', DISK: 'KB/s', NETWORK: 'KB/s' };

export function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Time axis with clock labels and the date at day boundaries. */
export const TIME_AXIS = { type: 'time', axisLabel: { hideOverlap: true, formatter: { year: '{yyyy}', month: '{MMM}', day: '{MMM} {d}', hour: '{HH}:{mm}', minute: '{HH}:{mm}' } } };

/** Whole US dollars with thousands separators and a true minus sign: "$1,200", "−$36,000". */
export function usd(v: number): string {
  return `${v < 0 ? '−' : ''}$${Math.abs(Math.round(v)).toLocaleString('en-US')}`;
}
