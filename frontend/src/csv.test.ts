import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes, neutralizes formula-like text and keeps numbers as numbers', () => {
    expect(toCsv([['name', 'v'], ['=HYPERLINK("x")', -2.5], ['a,b', null], ['@SUM(1)', 3]]))
      .toBe('name,v\r\n"\'=HYPERLINK(""x"")",-2.5\r\n"a,b",\r\n\'@SUM(1),3\r\n');
  });
});
