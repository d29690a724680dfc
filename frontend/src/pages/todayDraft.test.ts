import { describe, expect, it } from 'vitest';
import type { HostModel } from '../api/plans';
import type { Estate } from '../api/workloads';
import { closestModel, hostSpecs, NO_TODAY, parseToday, resolveHostModels, todayText, todaysHosts, type TodayDraft } from './todayDraft';

const model = (id: string, name: string, cores: number, coreMhz: number, memoryGib: number): HostModel => ({
  id, name, cores, coreMhz, memoryMib: memoryGib * 1024, diskKBps: 0, networkKBps: 0, powerWatts: [], rackUnits: 1,
  purchaseCost: 0, yearlyMaintenanceCost: 0, hardwareAssist: true,
});

const catalog = [
  model('hp-ml110-g5', 'HP ProLiant ML110 G5 (1x Xeon 3075)', 2, 2660, 4),
  model('dell-r740', 'Dell PowerEdge R740 (2x Xeon Platinum 8280)', 56, 2700, 384),
  model('dell-r6515', 'Dell PowerEdge R6515 (1x EPYC 7702P)', 64, 2000, 256),
];

const estate: Estate = {
  hosts: [
    { name: 'esx-01', model: 'PowerEdge R640', cores: 40, coreMhz: 2400, memoryMib: 384 * 1024 },
    { name: 'esx-02', model: 'PowerEdge R740', cores: null, coreMhz: null, memoryMib: null },
    { name: 'esx-03', model: null },
  ],
  vms: [
    { index: 0, vm: 'a', currentHost: 'esx-01' }, { index: 1, vm: 'b', currentHost: 'esx-01' },
    { index: 2, vm: 'c', currentHost: 'esx-02' }, { index: 3, vm: 'd', currentHost: null },
  ],
};

const enabled: TodayDraft = { ...NO_TODAY, enabled: true, hostModels: { 'esx-01': 'dell-r740', 'esx-02': 'dell-r740', 'esx-03': 'dell-r6515' } };

describe('todaysHosts', () => {
  it('lists the estate hosts in order with the VMs running on each today', () => {
    expect(todaysHosts(estate).map((h) => [h.name, h.vms])).toEqual([['esx-01', 2], ['esx-02', 1], ['esx-03', 0]]);
    expect(todaysHosts(null)).toEqual([]);
  });

  it('says the specs the export gave', () => {
    expect(hostSpecs(estate.hosts[0])).toBe('40 cores × 2,400 MHz, 384 GiB');
    expect(hostSpecs(estate.hosts[2])).toBe('');
  });
});

describe('closestModel', () => {
  it('takes the catalog model named like the vHost model', () => {
    expect(closestModel(estate.hosts[1], catalog)).toBe('dell-r740');
  });

  it('else the model nearest in CPU capacity and memory', () => {
    // 40 × 2400 = 96 GHz, 384 GiB: the R740 (151 GHz, 384 GiB) is nearer than the R6515 (128 GHz, 256 GiB)
    expect(closestModel(estate.hosts[0], catalog)).toBe('dell-r740');
    expect(closestModel({ name: 'small', cores: 2, coreMhz: 2500, memoryMib: 4096 }, catalog)).toBe('hp-ml110-g5');
    expect(closestModel({ name: 'amd', cores: 64, coreMhz: 2000, memoryMib: 256 * 1024 }, catalog)).toBe('dell-r6515');
  });

  it('else the catalog\'s first model, and none without a catalog', () => {
    expect(closestModel(estate.hosts[2], catalog)).toBe('hp-ml110-g5');
    expect(closestModel(estate.hosts[2], [])).toBeUndefined();
  });
});

describe('resolveHostModels', () => {
  it('keys every host by name: by name first, then by vHost model, else the closest model', () => {
    const mapping = { 'esx-03': 'dell-r6515', 'PowerEdge R640': 'hp-ml110-g5' };
    expect(resolveHostModels(mapping, estate.hosts, catalog)).toEqual({ 'esx-01': 'hp-ml110-g5', 'esx-02': 'dell-r740', 'esx-03': 'dell-r6515' });
  });

  it('replaces a model the catalog no longer has', () => {
    expect(resolveHostModels({ 'esx-02': 'gone' }, estate.hosts.slice(1, 2), catalog)).toEqual({ 'esx-02': 'dell-r740' });
  });
});

describe('parseToday', () => {
  it('sends nothing when not enabled', () => {
    expect(parseToday({ ...enabled, enabled: false }, estate.hosts)).toEqual({ errors: {} });
  });

  it('sends the mapping and the budget, blanks as the API\'s defaults', () => {
    expect(parseToday(enabled, estate.hosts).fromCurrentPlacement).toEqual({
      hostModels: enabled.hostModels, maxMigrations: null, minHostsSaved: null, minKwSaved: null,
    });
    expect(parseToday({ ...enabled, maxMigrations: '40', minHostsSaved: '2', minKwSaved: '0.5' }, estate.hosts).fromCurrentPlacement)
      .toMatchObject({ maxMigrations: 40, minHostsSaved: 2, minKwSaved: 0.5 });
    expect(parseToday({ ...enabled, maxMigrations: '0', minHostsSaved: '100000', minKwSaved: '1000000' }, estate.hosts).errors).toEqual({});
  });

  it('names each field out of range and sends nothing then', () => {
    const bad = parseToday({ ...enabled, maxMigrations: '1000001', minHostsSaved: '1.5', minKwSaved: '-1' }, estate.hosts);
    expect(bad.fromCurrentPlacement).toBeUndefined();
    expect(bad.errors.maxMigrations).toContain('0 to 1,000,000');
    expect(bad.errors.minHostsSaved).toContain('whole number');
    expect(bad.errors.minKwSaved).toContain('0 to 1,000,000');
    expect(parseToday({ ...enabled, maxMigrations: 'ten' }, estate.hosts).errors.maxMigrations).toBeDefined();
    expect(parseToday({ ...enabled, minKwSaved: '1e7' }, estate.hosts).errors.minKwSaved).toBeDefined();
  });

  it('names a host without a model', () => {
    const { errors } = parseToday({ ...enabled, hostModels: { 'esx-01': 'dell-r740' } }, estate.hosts);
    expect(errors.hostModels).toBe('Choose a catalog model for esx-02, esx-03');
    expect(parseToday({ ...enabled, hostModels: {} }, []).errors.hostModels).toBeDefined();
  });
});

describe('todayText', () => {
  it('round-trips a request\'s fromCurrentPlacement', () => {
    const f = { hostModels: { 'PowerEdge R640': 'dell-r740' }, maxMigrations: 4, minHostsSaved: 1, minKwSaved: 0.25 };
    expect(parseToday(todayText(f), []).fromCurrentPlacement).toEqual(f);
    expect(todayText(null)).toEqual(NO_TODAY);
  });
});
