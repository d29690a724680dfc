import { describe, expect, it } from 'vitest';
import type { HostRatio } from '../../api/plans';
import { densestFirst, ratioText } from './HostRatiosSection';

const host = (slot: number, vcpuPerCore: number, vms: number): HostRatio => ({
  slot, hostModel: 'm', vms, vcpus: 0, cores: 64, vcpuPerCore, configuredMemoryMib: 0, memoryMib: 1, memoryRatio: 0.5, limits: null,
});

describe('host ratios', () => {
  it('writes a ratio with its limit when one is set', () => {
    expect(ratioText(3.5, 4)).toBe('3.5 : 1 (limit 4)');
    expect(ratioText(0.25, null)).toBe('0.25 : 1');
  });
  it('lists the densest hosts first', () => {
    expect(densestFirst([host(0, 1, 2), host(1, 3, 1), host(2, 1, 5)]).map((h) => h.slot)).toEqual([1, 2, 0]);
  });
});
