import { describe, expect, it } from 'vitest';
import { canWrite, csrfToken } from './session';

describe('session helpers', () => {
  it('reads the XSRF-TOKEN cookie among others, URL-decoded', () => {
    expect(csrfToken('a=1; XSRF-TOKEN=ab%3Dcd; b=2')).toBe('ab=cd');
    expect(csrfToken('a=1')).toBeNull();
    expect(csrfToken('')).toBeNull();
  });

  it('lets planners and admins write, not viewers', () => {
    expect(canWrite({ username: 'v', role: 'VIEWER', workspace: 'default' })).toBe(false);
    expect(canWrite({ username: 'p', role: 'PLANNER', workspace: 'default' })).toBe(true);
    expect(canWrite({ username: 'a', role: 'ADMIN', workspace: 'default' })).toBe(true);
    expect(canWrite(null)).toBe(false);
  });
});
