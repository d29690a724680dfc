import { describe, expect, it } from 'vitest';
import { parseRules, rulesText } from './rulesDraft';

describe('parseRules', () => {
  it('is empty for blank text and round-trips a rule set', () => {
    expect(parseRules('  ')).toEqual({});
    const rules = { hostGroups: [{ name: 'a', slots: [0, 1] }], hostRules: [{ name: 'r', vmGroup: 'db', hostGroup: 'a', kind: 'MUST_RUN_ON' as const }] };
    expect(parseRules(rulesText(rules))).toEqual({ rules });
  });

  it('says what is wrong', () => {
    expect(parseRules('{').error).toMatch(/not valid JSON/);
    expect(parseRules('[]').error).toMatch(/JSON object/);
    expect(parseRules('{"hostRule": []}').error).toBe('Unknown rules field: hostRule.');
    expect(parseRules('{"vmGroups": {}}').error).toBe('vmGroups must be a list.');
  });
});
