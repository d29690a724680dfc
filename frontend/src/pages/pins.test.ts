import { describe, expect, it } from 'vitest';
import { formatPins, orderedPool, parsePins, renumberPins, slotRangesSummary } from './pins';

describe('pinned VMs in the new-plan form', () => {
  it('sends the pool in catalog order, so host numbers follow the table', () => {
    const pool = orderedPool({ 'dell-r6515': 20, 'dell-r740': 10, 'hp-ml110-g5': 0 }, ['hp-ml110-g5', 'dell-r740', 'dell-r6515']);
    expect(pool).toEqual([{ model: 'dell-r740', count: 10 }, { model: 'dell-r6515', count: 20 }]);
    expect(slotRangesSummary(pool, { 'dell-r740': 'Dell R740' })).toBe('#0–#9 Dell R740, #10–#29 dell-r6515');
    expect(slotRangesSummary([{ model: 'a', count: 1 }])).toBe('#0 a');
  });

  it('reads a VM name (spaces allowed) and a host number per line', () => {
    const { pins, errors } = parsePins('db-0001-1 #3\n\n  web-0002-1, 0 \nplanetlab host a.b 7', 10);
    expect(errors).toEqual([]);
    expect(pins).toEqual({ 'db-0001-1': 3, 'web-0002-1': 0, 'planetlab host a.b': 7 });
  });

  it('names the line of a missing number, a host outside the pool and a VM pinned twice', () => {
    const { pins, errors } = parsePins('db-0001-1\nweb #12\nweb-1 #2\nweb-1 #3', 10);
    expect(errors).toEqual([
      'Line 1: write the VM name, then its host number (e.g. "web-0001-1 #3").',
      'Line 2: host #12 is not in the pool (#0–#9).',
      'Line 4: VM "web-1" is pinned twice.',
    ]);
    expect(pins).toEqual({ 'web-1': 2 });
  });

  it('writes stored pins back in host order', () => {
    expect(formatPins({ b: 3, a: 3, c: 0 })).toBe('c #0\na #3\nb #3');
    expect(formatPins(undefined)).toBe('');
  });

  it('renumbers a variant\'s pins for the same hosts when the pool order changes', () => {
    const from = [{ model: 'r6515', count: 20 }, { model: 'r740', count: 10 }];
    const to = [{ model: 'r740', count: 10 }, { model: 'r6515', count: 20 }];
    // host #21 was the 2nd R740; #5 the 6th R6515; #40 was never in the pool and stays for the form to flag
    expect(renumberPins({ x: 21, y: 5, z: 40 }, from, to)).toEqual({ x: 1, y: 15, z: 40 });
  });
});
