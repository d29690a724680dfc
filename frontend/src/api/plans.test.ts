import { describe, expect, it } from 'vitest';
import { sizingSummary } from './plans';

describe('sizingSummary', () => {
  it('says whether the approach overhead was added or is already in the trace', () => {
    expect(sizingSummary({ percentile: 95, headroomPercent: 10, foldDays: false, windowSteps: 1, overheadInTrace: false }))
      .toBe('p95 + 10 % headroom, approach overhead added');
    expect(sizingSummary({ percentile: 100, headroomPercent: 0, foldDays: false, windowSteps: 1, overheadInTrace: true }))
      .toBe('p100, overhead already in the trace (none added)');
  });

  it('names folding or the window, and treats a missing flag (older plans) as overhead added', () => {
    expect(sizingSummary({ percentile: 95, headroomPercent: 0, foldDays: true })).toBe('p95, folded to a day, approach overhead added');
    expect(sizingSummary({ percentile: 90, headroomPercent: 0, foldDays: false, windowSteps: 12 })).toBe('p90, 12-step window, approach overhead added');
    expect(sizingSummary(undefined)).toBe('');
  });
});
