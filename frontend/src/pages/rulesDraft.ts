// The new-plan form's placement rules, typed as JSON (the request's `rules` object), and their check before sending.
import type { PlanRules } from '../api/plans';

const KEYS = ['affinityGroups', 'vmGroups', 'hostGroups', 'hostRules'] as const;

/** The rules the text holds (undefined when blank), or what is wrong with it; the server checks names and ranges. */
export function parseRules(text: string): { rules?: PlanRules; error?: string } {
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `Rules are not valid JSON: ${(e as Error).message}` };
  }
  if (value == null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: 'Rules must be a JSON object with affinityGroups, vmGroups, hostGroups and/or hostRules.' };
  }
  const unknown = Object.keys(value).filter((k) => !(KEYS as readonly string[]).includes(k));
  if (unknown.length) return { error: `Unknown rules field${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}.` };
  const notLists = KEYS.filter((k) => k in value && !Array.isArray((value as Record<string, unknown>)[k]));
  if (notLists.length) return { error: `${notLists.join(', ')} must be a list.` };
  return { rules: value as PlanRules };
}

/** The request's rules as the form shows them (pretty JSON), or blank. */
export function rulesText(rules: PlanRules | null | undefined): string {
  return rules ? JSON.stringify(rules, null, 2) : '';
}
