import { describe, expect, it } from 'vitest';
import { dateTime } from '../format';
import { userState } from './userState';

describe('userState', () => {
  it('says disabled before locked, and when a lockout ends', () => {
    expect(userState({ disabled: false, lockedUntil: null })).toBe('active');
    expect(userState({ disabled: true, lockedUntil: '2026-12-07T05:30:00Z' })).toBe('disabled');
    expect(userState({ disabled: false, lockedUntil: '2026-12-07T05:30:00Z' }))
      .toBe(`locked until ${dateTime('2026-12-07T05:30:00Z')}`);
  });
});
