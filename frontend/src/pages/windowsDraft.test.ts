import { describe, expect, it } from 'vitest';
import { NO_WINDOWS, parseWindows, windowsText } from './windowsDraft';

describe('parseWindows', () => {
  it('reads increasing start hours and an optional cap', () => {
    expect(parseWindows({ hours: '8, 20', cap: '' })).toEqual({ timeWindows: { startHours: [8, 20], maxMigrationsPerTransition: null } });
    expect(parseWindows({ hours: '0 6 12 18', cap: '30' })).toEqual({ timeWindows: { startHours: [0, 6, 12, 18], maxMigrationsPerTransition: 30 } });
  });
  it('is empty when blank', () => {
    expect(parseWindows(NO_WINDOWS)).toEqual({});
  });
  it('names what is wrong', () => {
    expect(parseWindows({ hours: '8, 24', cap: '' }).error).toContain('"24"');
    expect(parseWindows({ hours: '20, 8', cap: '' }).error).toContain('increase');
    expect(parseWindows({ hours: '8, 20', cap: '-1' }).error).toContain('whole number');
    expect(parseWindows({ hours: '', cap: '5' }).error).toContain('start hours');
  });
  it('round-trips a request', () => {
    const w = { startHours: [8, 20], maxMigrationsPerTransition: 12 };
    expect(parseWindows(windowsText(w)).timeWindows).toEqual(w);
    expect(windowsText(null)).toEqual(NO_WINDOWS);
  });
});
