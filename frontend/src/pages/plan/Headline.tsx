import type { Plan } from '../../api/plans';
import type { Savings, SideFigures } from '../../api/engine';
import { num } from '../../format';

function saved(s: Savings | undefined, pick: (f: SideFigures) => number | undefined): number | undefined {
  if (!s) return undefined;
  const direct = s.savings ? pick(s.savings) : undefined;
  if (direct != null) return direct;
  const b = pick(s.before);
  const a = pick(s.after);
  return b != null && a != null ? b - a : undefined;
}

function Card({ label, value, sub, testId }: { label: string; value: string; sub?: string; testId?: string }) {
  return (
    <div className="card">
      <div className="label">{label}</div>
      <div className="value" data-testid={testId}>{value}</div>
      {sub && <div className="sub">{sub}</div>}
    </div>
  );
}

/** Headline cards: servers before → hosts after, ratio, gap to the lower bound, yearly energy/cost/CO2 saved, rack units freed. */
export function Headline({ plan, savings, vmCount }: { plan: Plan; savings?: Savings; vmCount?: number }) {
  const before = savings?.before.servers ?? vmCount;
  const after = plan.hostsUsed ?? undefined;
  const lb = plan.lowerBoundHosts ?? undefined;
  const gap = after != null && lb != null ? after - lb : undefined;
  const energy = saved(savings, (f) => f.facilityEnergyKwhPerYear ?? f.itEnergyKwhPerYear);
  const cost = saved(savings, (f) => f.totalCostPerYear ?? (f.electricityCostPerYear != null || f.maintenancePerYear != null ? (f.electricityCostPerYear ?? 0) + (f.maintenancePerYear ?? 0) : undefined));
  const co2 = saved(savings, (f) => f.co2KgPerYear);
  const ru = saved(savings, (f) => f.rackUnits);
  return (
    <div className="cards" data-testid="headline">
      <Card label="Servers → hosts" value={`${num(before, 0)} → ${num(after, 0)}`} sub="one server per VM before" testId="hosts-before-after" />
      <Card label="Consolidation ratio" value={before && after ? `${num(before / after)} : 1` : '–'} sub="VM servers per host" />
      <Card label="Gap to lower bound" value={gap != null ? `${gap} host${gap === 1 ? '' : 's'}` : '–'} sub={lb != null ? `lower bound ${lb} hosts` : 'no bound yet'} testId="gap-lower-bound" />
      <Card label="Energy saved / year" value={energy != null ? `${num(energy / 1000)} MWh` : '–'} sub="facility energy incl. PUE" />
      <Card label="Cost saved / year" value={cost != null ? `$${num(cost, 0)}` : '–'} sub="electricity + maintenance" />
      <Card label="CO₂ saved / year" value={co2 != null ? `${num(co2 / 1000)} t` : '–'} />
      <Card label="Rack units freed" value={ru != null ? `${num(ru, 0)} U` : '–'} />
    </div>
  );
}
