import { describe, expect, it } from 'vitest';
import { riskTargetError, sizingModeOf, sizingRequest, type SizingDraft } from './sizingMode';

const draft: SizingDraft = { mode: 'PERCENTILE', percentile: 95, headroomPercent: 10, foldDays: false, overloadRiskPercent: 0.1, overheadInTrace: true };

describe('sizingRequest', () => {
  it('sends percentile, headroom and fold in percentile mode, and no window (the server default of one hour applies)', () => {
    expect(sizingRequest(draft)).toEqual({ percentile: 95, headroomPercent: 10, foldDays: false, overheadInTrace: true });
  });
  it('sends only the risk target, headroom and overhead flag in risk mode', () => {
    const s = sizingRequest({ ...draft, mode: 'RISK', headroomPercent: 0 });
    expect(s).toEqual({ overloadRiskPercent: 0.1, headroomPercent: 0, overheadInTrace: true });
    expect(s.percentile).toBeUndefined();
    expect(s.foldDays).toBeUndefined();
  });
});

describe('sizingModeOf', () => {
  it('reads a stored request back into the form mode', () => {
    expect(sizingModeOf({ overloadRiskPercent: 0.5, headroomPercent: 0 })).toBe('RISK');
    expect(sizingModeOf({ percentile: 95, headroomPercent: 0, foldDays: false })).toBe('PERCENTILE');
    expect(sizingModeOf(undefined)).toBe('PERCENTILE');
  });
});

describe('riskTargetError', () => {
  it('accepts the documented range and rejects what the server would refuse', () => {
    expect(riskTargetError(0.1)).toBeNull();
    expect(riskTargetError(0.001)).toBeNull();
    expect(riskTargetError(50)).toBeNull();
    expect(riskTargetError(0)).toMatch(/between 0.001 and 50/);
    expect(riskTargetError(51)).toMatch(/between/);
    expect(riskTargetError(Number.NaN)).toMatch(/between/);
  });
});
