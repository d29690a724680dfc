// The new-plan form's windows of the day: start hours as typed ("8, 20") and the migration cap per transition.
import type { PlanRequest } from '../api/plans';

export interface WindowsText {
  /** UTC start hours, comma or space separated (blank: one placement for the whole day) */
  hours: string;
  /** migrations allowed per transition (blank: no cap) */
  cap: string;
}

export const NO_WINDOWS: WindowsText = { hours: '', cap: '' };

/** The request's timeWindows the text holds (undefined when blank), or what is wrong with it. */
export function parseWindows(t: WindowsText): { timeWindows?: PlanRequest['timeWindows']; error?: string } {
  if (!t.hours.trim()) return t.cap.trim() ? { error: 'Give the windows\' start hours for a migration cap to apply.' } : {};
  const parts = t.hours.split(/[\s,;]+/).filter(Boolean);
  const hours: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,2}$/.test(p) || Number(p) > 23) return { error: `"${p}" is not an hour of the day (0 to 23).` };
    const h = Number(p);
    if (hours.length && h <= hours[hours.length - 1]) return { error: 'Start hours must increase, e.g. "8, 20".' };
    hours.push(h);
  }
  let cap: number | undefined;
  if (t.cap.trim()) {
    if (!/^\d+$/.test(t.cap.trim()) || Number(t.cap) > 1_000_000) return { error: 'Migrations per transition must be a whole number from 0 to 1,000,000.' };
    cap = Number(t.cap);
  }
  return { timeWindows: { startHours: hours, maxMigrationsPerTransition: cap ?? null } };
}

/** A request's windows as the form shows them. */
export function windowsText(w: PlanRequest['timeWindows']): WindowsText {
  if (!w) return NO_WINDOWS;
  return { hours: w.startHours.join(', '), cap: w.maxMigrationsPerTransition != null ? String(w.maxMigrationsPerTransition) : '' };
}
