// The "add a server model" form's values (as typed, in the table's units) and their conversion to the API body.
import type { HostModel } from '../api/plans';

export type HostModelBody = Omit<HostModel, 'cpuMhz' | 'idleWatts' | 'maxWatts' | 'builtIn'>;

export interface HostModelDraft {
  id: string;
  name: string;
  cores: string;
  coreMhz: string;
  memoryGib: string;
  diskMBps: string;
  networkMBps: string;
  rackUnits: string;
  purchaseCost: string;
  yearlyMaintenanceCost: string;
  hardwareAssist: boolean;
  /** 11 numbers: watts at 0, 10, ..., 100 % CPU load, separated by commas or spaces */
  powerWatts: string;
  source: string;
}

export const EMPTY_DRAFT: HostModelDraft = {
  id: '', name: '', cores: '', coreMhz: '', memoryGib: '', diskMBps: '', networkMBps: '', rackUnits: '1',
  purchaseCost: '', yearlyMaintenanceCost: '', hardwareAssist: true, powerWatts: '', source: '',
};

/** Which draft field holds each API field, so a server error can point at the input. */
export const DRAFT_FIELD: Record<string, keyof HostModelDraft> = {
  id: 'id', name: 'name', cores: 'cores', coreMhz: 'coreMhz', memoryMib: 'memoryGib', diskKBps: 'diskMBps',
  networkKBps: 'networkMBps', rackUnits: 'rackUnits', purchaseCost: 'purchaseCost',
  yearlyMaintenanceCost: 'yearlyMaintenanceCost', powerWatts: 'powerWatts', source: 'source',
};

/** A blank number stays missing (the server names it); anything else is parsed as typed. */
function number(text: string, scale = 1): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t) * scale;
}

/**
 * The API body, in the API's units (MiB, KB/s). Only the curve's tokens are checked here (a word would
 * otherwise travel as JSON null); counts, signs and order are the server's to judge, so the rules live once.
 */
export function toHostModelBody(d: HostModelDraft): { body: HostModelBody } | { error: string; field: keyof HostModelDraft } {
  const tokens = d.powerWatts.split(/[\s,;]+/).filter((t) => t !== '');
  const bad = tokens.find((t) => !Number.isFinite(Number(t)));
  if (bad !== undefined) return { error: `Power curve: "${bad}" is not a number of watts`, field: 'powerWatts' };
  const body = {
    id: d.id.trim(),
    name: d.name.trim() || d.id.trim(),
    cores: number(d.cores),
    coreMhz: number(d.coreMhz),
    memoryMib: number(d.memoryGib, 1024),
    diskKBps: number(d.diskMBps, 1000),
    networkKBps: number(d.networkMBps, 1000),
    powerWatts: tokens.map(Number),
    rackUnits: number(d.rackUnits),
    purchaseCost: number(d.purchaseCost),
    yearlyMaintenanceCost: number(d.yearlyMaintenanceCost),
    hardwareAssist: d.hardwareAssist,
    source: d.source.trim() || undefined,
  };
  return { body: body as HostModelBody };
}
