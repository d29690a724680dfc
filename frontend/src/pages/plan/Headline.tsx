import type { Plan } from '../../api/plans';
import type { Savings } from '../../api/engine';
import { num } from '../../format';
import { paybackText } from '../../charts/payback';
import { usd } from '../../charts/common';
import { boundSummary } from './lowerBound';

function Card({ label, value, sub, testId }: { label: string; value: string; sub?: string; testId?: string }) {
  return (
    <div className="card">
      <div className="label">{label}</div>
      <div className="value" data-testid={testId}>{value}</div>
      {sub && <div className="sub">{sub}</div>}
    </div>
  );
}

const pct = (s: Savings | undefined, key: string) => (s?.savingsPercent?.[key] != null ? `${num(s.savingsPercent[key], 0)} % less` : undefined);

/** Headline cards: servers before → hosts after, ratio, gap to the lower bound, yearly energy/cost/CO2 saved, rack units freed, payback of the new hosts. */
export function Headline({ plan, savings, vmCount }: { plan: Plan; savings?: Savings; vmCount?: number }) {
  const before = savings?.before.serverCount ?? vmCount;
  const after = plan.hostsUsed ?? undefined;
  const { gap, explanation } = boundSummary(plan);
  const s = savings?.savings;
  const baseline = savings?.baseline === 'CURRENT_INVENTORY' ? 'current servers (uploaded)' : savings?.baseline === 'TODAYS_ESTATE' ? "today's hosts" : 'one server per VM before';
  return (
    <div className="cards" data-testid="headline">
      <Card label="Servers → hosts" value={`${num(before, 0)} → ${num(after, 0)}`} sub={baseline} testId="hosts-before-after" />
      <Card label="Consolidation ratio" value={before && after ? `${num(before / after)} : 1` : '–'} sub="servers per host" />
      <Card label="Gap to lower bound" value={gap != null ? `${gap} host${gap === 1 ? '' : 's'}` : '–'} sub={explanation} testId="gap-lower-bound" />
      <Card label="Energy saved / year" value={s ? `${num(s.facilityEnergyKWhPerYear / 1000)} MWh` : '–'} sub={pct(savings, 'facilityEnergyKWhPerYear') ?? 'facility energy incl. PUE'} testId="energy-saved" />
      <Card label="Cost saved / year" value={s ? `$${num(s.totalUsdPerYear, 0)}` : '–'} sub={pct(savings, 'totalUsdPerYear') ?? 'electricity, space, maintenance'} testId="cost-saved" />
      <Card label="CO₂ saved / year" value={s ? `${num(s.co2TonnesPerYear)} t` : '–'} />
      <Card label="Rack units freed" value={s ? `${num(s.rackUnits, 0)} U` : '–'} sub={s ? `${num(s.floorSpaceM2)} m² floor` : undefined} />
      <Card label="Payback" value={savings?.investment ? paybackText(savings.investment) : '–'}
        sub={savings?.investment ? `${usd(savings.investment.purchaseUsd)} for ${num(savings.investment.hostsBought, 0)} new hosts` : undefined} testId="payback-card" />
    </div>
  );
}
