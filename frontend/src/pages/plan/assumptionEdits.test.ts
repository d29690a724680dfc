import { describe, expect, it } from 'vitest';
import type { Savings } from '../../api/engine';
import { assumptionEdits, shownValue, sourceWords } from './assumptionEdits';

const savings = {
  assumptions: { electricityUsdPerKWh: 0.127, pue: 1.58, carbonKgPerKWh: 0.366, rackUnitUsdPerYear: 357, maintenanceFallbackUsdPerServerYear: 700, maintenanceOverrideUsdPerServerYear: null, floorAreaM2PerRack: 2.5, rackUnitsPerRack: 42, hostsBoughtPercent: 100 },
  assumptionSources: { pue: 'default', electricityUsdPerKWh: 'query', maintenanceFallbackUsdPerServerYear: 'default', maintenanceOverrideUsdPerServerYear: 'default' },
} as unknown as Savings;
const keys = ['electricityUsdPerKWh', 'pue', 'maintenanceFallbackUsdPerServerYear', 'maintenanceOverrideUsdPerServerYear'] as const;

describe('assumptionEdits', () => {
  it('sends nothing for values left as shown, except those the query set', () => {
    const draft = Object.fromEntries(keys.map((k) => [k, shownValue(savings, k)]));
    expect(assumptionEdits([...keys], draft, savings)).toEqual({ electricityUsdPerKWh: 0.127 });
  });
  it('sends an edited value and a new override; the unset override shows blank', () => {
    expect(shownValue(savings, 'maintenanceOverrideUsdPerServerYear')).toBe('');
    const draft = { electricityUsdPerKWh: '0.127', pue: '1.3', maintenanceFallbackUsdPerServerYear: '700', maintenanceOverrideUsdPerServerYear: '900' };
    expect(assumptionEdits([...keys], draft, savings)).toEqual({ electricityUsdPerKWh: 0.127, pue: 1.3, maintenanceOverrideUsdPerServerYear: 900 });
  });
  it('clears an override that was in effect when its field is emptied', () => {
    const withOverride = { ...savings, assumptions: { ...savings.assumptions, maintenanceOverrideUsdPerServerYear: 900 }, assumptionSources: { maintenanceOverrideUsdPerServerYear: 'scenario' } } as Savings;
    expect(assumptionEdits(['maintenanceOverrideUsdPerServerYear'], { maintenanceOverrideUsdPerServerYear: '' }, withOverride)).toEqual({ maintenanceOverrideUsdPerServerYear: '' });
  });
  it('keeps the saved scenario values when saving', () => {
    const scenario = { ...savings, assumptionSources: { pue: 'scenario' } } as unknown as Savings;
    const draft = Object.fromEntries(keys.map((k) => [k, shownValue(scenario, k)]));
    expect(assumptionEdits([...keys], draft, scenario, ['query', 'scenario'])).toEqual({ pue: 1.58 });
    expect(assumptionEdits([...keys], draft, scenario)).toEqual({});
  });
  it('names sources in words', () => {
    expect(sourceWords('query')).toBe('set here');
    expect(sourceWords('scenario')).toBe('from the saved scenario');
    expect(sourceWords(undefined)).toBe('default');
  });
});
