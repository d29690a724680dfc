import { describe, expect, it } from 'vitest';
import { startInstant } from './UploadPanel';

describe('startInstant', () => {
  it('reads a datetime-local value as UTC', () => {
    expect(startInstant('2011-03-03T00:00')).toBe('2011-03-03T00:00:00Z');
    expect(startInstant('2011-03-03T06:30:15')).toBe('2011-03-03T06:30:15Z');
  });
  it('leaves a blank value out', () => {
    expect(startInstant('  ')).toBeUndefined();
  });
});
