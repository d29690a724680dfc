import { describe, expect, it } from 'vitest';
import { elapsedText, provenMinimal, waitingText } from './solveStatus';

describe('provenMinimal', () => {
  it('holds when a feasible best reaches the tighter lower bound', () => {
    expect(provenMinimal({ hostsUsed: 4, lowerBoundHosts: 4, antiAffinityHosts: 0, feasible: true })).toBe(true);
    expect(provenMinimal({ hostsUsed: 6, lowerBoundHosts: 4, antiAffinityHosts: 6, feasible: true })).toBe(true);
  });
  it('does not hold above the bound, without a bound, or for an infeasible best', () => {
    expect(provenMinimal({ hostsUsed: 5, lowerBoundHosts: 4, antiAffinityHosts: 0, feasible: true })).toBe(false);
    expect(provenMinimal({ hostsUsed: 4, lowerBoundHosts: undefined, antiAffinityHosts: undefined, feasible: true })).toBe(false);
    expect(provenMinimal({ hostsUsed: 3, lowerBoundHosts: 4, antiAffinityHosts: 0, feasible: false })).toBe(false);
  });
});

describe('elapsedText', () => {
  it('never reads more elapsed than the limit without saying why', () => {
    expect(elapsedText(31.2, 30, false)).toBe('took 31 s (30 s search limit, plus setup and saving)');
    expect(elapsedText(12.4, 30, true)).toBe('elapsed 12 s of a 30 s limit');
    expect(elapsedText(29.6, 30, false)).toBe('took 30 s (limit 30 s)');
    expect(elapsedText(5, undefined, true)).toBe('elapsed 5 s');
  });
});

describe('waitingText', () => {
  it('names the stage a running plan is in before its first solution', () => {
    expect(waitingText({ status: 'QUEUED', stage: null })).toBe('Queued: waiting for the job engine…');
    expect(waitingText({ status: 'SOLVING', stage: 'SIZING', request: { sizing: { overloadRiskPercent: 0.1, headroomPercent: 0 } } })).toBe(
      'Sizing for the 0.1 % overload-risk target (packing probes)…',
    );
    expect(waitingText({ status: 'SOLVING', stage: 'SIZING', request: { sizing: { percentile: 95, headroomPercent: 0 } } })).toBe('Sizing the demand…');
    expect(waitingText({ status: 'SOLVING', stage: 'SOLVING' })).toBe('Waiting for the first solution…');
  });
});
