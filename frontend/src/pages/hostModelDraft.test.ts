import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, toHostModelBody } from './hostModelDraft';

const draft = {
  ...EMPTY_DRAFT, id: 'my-r650', name: 'My R650', cores: '32', coreMhz: '2800', memoryGib: '512', diskMBps: '6000',
  networkMBps: '3125', rackUnits: '1', purchaseCost: '14000', yearlyMaintenanceCost: '2100',
  powerWatts: '60, 95,110 125;140 155 170 190 210 235 260', source: 'own measurement',
};

describe('toHostModelBody', () => {
  it('converts the form units to the API units (GiB → MiB, MB/s → KB/s) and reads the curve with any separator', () => {
    const r = toHostModelBody(draft);
    expect('body' in r && r.body).toMatchObject({
      id: 'my-r650', name: 'My R650', cores: 32, coreMhz: 2800, memoryMib: 524288, diskKBps: 6000000, networkKBps: 3125000,
      rackUnits: 1, purchaseCost: 14000, yearlyMaintenanceCost: 2100, hardwareAssist: true, source: 'own measurement',
      powerWatts: [60, 95, 110, 125, 140, 155, 170, 190, 210, 235, 260],
    });
  });

  it('leaves a blank number missing so the server names the field, and the name defaults to the id', () => {
    const r = toHostModelBody({ ...draft, cores: ' ', name: '' });
    expect('body' in r && r.body.cores).toBeUndefined();
    expect('body' in r && r.body.name).toBe('my-r650');
  });

  it('stops at a word in the power curve instead of sending it as null', () => {
    expect(toHostModelBody({ ...draft, powerWatts: '60, 95, lots' })).toEqual({ error: 'Power curve: "lots" is not a number of watts', field: 'powerWatts' });
  });

  it('sends a short curve as typed: its length is the server\'s to judge', () => {
    const r = toHostModelBody({ ...draft, powerWatts: '60 95' });
    expect('body' in r && r.body.powerWatts).toEqual([60, 95]);
  });
});
