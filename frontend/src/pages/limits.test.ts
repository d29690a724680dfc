import { describe, expect, it } from 'vitest';
import { limitsText, NO_LIMITS, parseLimits } from './limits';

describe('parseLimits', () => {
  it('sends nothing when every field is blank', () => {
    expect(parseLimits(NO_LIMITS)).toEqual({ limits: undefined, errors: {} });
  });
  it('sends the values set, memory overcommit above 1 included', () => {
    expect(parseLimits({ vcpuPerCore: '4', memoryOvercommit: '1.5', maxVmsPerHost: '' }).limits).toEqual({ vcpuPerCore: 4, memoryOvercommit: 1.5 });
  });
  it('names each field out of range', () => {
    const r = parseLimits({ vcpuPerCore: '0', memoryOvercommit: '5', maxVmsPerHost: '2.5' });
    expect(r.limits).toBeUndefined();
    expect(Object.keys(r.errors).sort()).toEqual(['maxVmsPerHost', 'memoryOvercommit', 'vcpuPerCore']);
  });
  it('round-trips a request\'s limits', () => {
    expect(limitsText({ maxVmsPerHost: 20 })).toEqual({ vcpuPerCore: '', memoryOvercommit: '', maxVmsPerHost: '20' });
  });
});
