// Savings panel: which assumptions a Recompute sends. A value left as shown changes nothing: only edited values
// and those already in effect from the query are sent; a blank override clears it.
import type { AssumptionEdits, Assumptions, Savings } from '../../api/engine';

export type AssumptionKey = keyof Assumptions;

/** The text an input shows for the value in effect ('' for an override that is not set). */
export function shownValue(savings: Savings, key: AssumptionKey): string {
  const v = savings.assumptions?.[key];
  return v == null ? '' : String(v);
}

/**
 * The edits to send: every field whose text differs from the value in effect, plus those whose value came from one
 * of keepSources (for a Recompute the query's, so they stay in effect; for Save scenario also the scenario's, which
 * the save replaces). Unparseable text is left out (the input's own validation shows it).
 */
export function assumptionEdits(keys: AssumptionKey[], draft: Partial<Record<string, string>>, savings: Savings,
  keepSources: string[] = ['query']): AssumptionEdits {
  const out: AssumptionEdits = {};
  for (const key of keys) {
    const text = (draft[key] ?? '').trim();
    const changed = text !== shownValue(savings, key);
    const kept = keepSources.includes(savings.assumptionSources?.[key] ?? 'default');
    if (!changed && !kept) continue;
    if (text === '') {
      if (key === 'maintenanceOverrideUsdPerServerYear') out[key] = '';
      continue;
    }
    const v = Number(text);
    if (Number.isFinite(v)) out[key] = v;
  }
  return out;
}

/** Where a value in effect came from, in words. */
export function sourceWords(source: string | undefined): string {
  switch (source) {
    case 'query': return 'set here';
    case 'scenario': return 'from the saved scenario';
    default: return 'default';
  }
}
