import { describe, expect, it } from 'vitest';
import { peakUtilizationParts } from './peakUtilization';

describe('peakUtilizationParts', () => {
  it('lists the resources in a fixed order as percent with one decimal', () => {
    expect(peakUtilizationParts({ MEMORY: 0.999267578125, NETWORK: 0.02556, CPU: 0.6005639 })).toEqual([
      { metric: 'CPU', percent: 60.1 },
      { metric: 'MEMORY', percent: 99.9 },
      { metric: 'NETWORK', percent: 2.6 },
    ]);
  });

  it('is empty without figures and skips missing or non-numeric ones', () => {
    expect(peakUtilizationParts(null)).toEqual([]);
    expect(peakUtilizationParts({ CPU: Number.NaN, DISK: 0.5 })).toEqual([{ metric: 'DISK', percent: 50 }]);
  });
});
