/**
 * Pinned VMs in the new-plan form. The API pins a VM to a slot: a position in the host pool expanded in order
 * (entry 0's hosts first), which the plan dashboard shows as host "#slot". The form sends the pool in catalog
 * order, so the numbers it shows for each model are the ones the dashboard will use.
 */
export type Pool = { model: string; count: number }[];

export interface SlotRange {
  model: string;
  first: number;
  last: number;
}

/** The pool's entries with hosts, in the order of `modelOrder` (the catalog table's), as the request sends them. */
export function orderedPool(counts: Record<string, number>, modelOrder: string[]): Pool {
  const known = modelOrder.filter((m) => (counts[m] ?? 0) > 0);
  const others = Object.keys(counts).filter((m) => (counts[m] ?? 0) > 0 && !modelOrder.includes(m));
  return [...known, ...others].map((model) => ({ model, count: counts[model] }));
}

/** The pool as the form keeps it: hosts per model id. */
export function poolCounts(pool: Pool): Record<string, number> {
  return Object.fromEntries(pool.map((h) => [h.model, h.count]));
}

/** The host numbers each pool entry gets, e.g. #0–#9 for the first entry of 10 hosts. */
export function slotRanges(pool: Pool): SlotRange[] {
  let next = 0;
  return pool.map(({ model, count }) => {
    const range = { model, first: next, last: next + count - 1 };
    next += count;
    return range;
  });
}

/** "#0–#9 dell-r740, #10–#29 dell-r6515", with each model's display name when given. */
export function slotRangesSummary(pool: Pool, names: Record<string, string> = {}): string {
  return slotRanges(pool)
    .map((r) => `${r.first === r.last ? `#${r.first}` : `#${r.first}–#${r.last}`} ${names[r.model] ?? r.model}`)
    .join(', ');
}

export interface ParsedPins {
  pins: Record<string, number>;
  /** one sentence per bad line, naming the line */
  errors: string[];
}

/**
 * Reads one pin per line: the VM name, then its host number ("db-0001-1 #3", "db-0001-1, 3"). The number is the
 * line's last word, so VM names may contain spaces (PlanetLab file names do). Blank lines are skipped.
 */
export function parsePins(text: string, slotCount: number): ParsedPins {
  const pins: Record<string, number> = {};
  const errors: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = /^(.*?)[\s,;]+#?(\d+)$/.exec(line);
    const name = m?.[1].trim().replace(/[,;]$/, '').trim();
    if (!m || !name) {
      errors.push(`Line ${i + 1}: write the VM name, then its host number (e.g. "web-0001-1 #3").`);
      return;
    }
    const slot = Number(m[2]);
    if (slot >= slotCount) {
      errors.push(`Line ${i + 1}: host #${slot} is not in the pool (${slotCount === 0 ? 'the pool is empty' : `#0–#${slotCount - 1}`}).`);
    } else if (name in pins) {
      errors.push(`Line ${i + 1}: VM "${name}" is pinned twice.`);
    } else {
      pins[name] = slot;
    }
  });
  return { pins, errors };
}

/** The text of the pins field for stored pins, one "name #slot" per line in host order. */
export function formatPins(pins: Record<string, number> | undefined): string {
  return Object.entries(pins ?? {})
    .sort(([a, x], [b, y]) => x - y || a.localeCompare(b))
    .map(([name, slot]) => `${name} #${slot}`)
    .join('\n');
}

/**
 * Renumbers pins made against `from` for the same hosts in `to` (the k-th host of a model stays the k-th host of
 * that model). A pin whose host is not in `to` keeps its number, for the form to point out.
 */
export function renumberPins(pins: Record<string, number> | undefined, from: Pool, to: Pool): Record<string, number> {
  const fromRanges = slotRanges(from);
  const toRanges = new Map(slotRanges(to).map((r) => [r.model, r]));
  const out: Record<string, number> = {};
  for (const [name, slot] of Object.entries(pins ?? {})) {
    const source = fromRanges.find((r) => slot >= r.first && slot <= r.last);
    const target = source && toRanges.get(source.model);
    const k = source ? slot - source.first : -1;
    out[name] = target && k <= target.last - target.first ? target.first + k : slot;
  }
  return out;
}
