import { describe, expect, it } from 'vitest';
import { overheadWording } from './overheadWording';

describe('overheadWording', () => {
  it('speaks of the added overhead for a plan that added it', () => {
    const w = overheadWording('HARDWARE_ASSISTED', false);
    expect(w.hostSide).toContain('with virtualization overhead');
    expect(w.slowdownLead).toContain('Constant HARDWARE_ASSISTED slowdown');
    expect(w.comparisonNote).toBeNull();
  });

  it('never claims added overhead for a plan whose trace already holds it, and flags the comparison', () => {
    const w = overheadWording('FULL', true);
    expect(w.hostSide).not.toContain('with virtualization overhead');
    expect(w.hostSide).toContain('already in the trace');
    expect(w.slowdownLead).toContain('No FULL slowdown added');
    expect(w.comparisonNote).toContain('adds each approach’s own overhead');
  });
});
