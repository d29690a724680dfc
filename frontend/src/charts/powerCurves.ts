// Host catalog: each model's SPECpower curve (watts at 0, 10, ..., 100 % CPU load), in watts or per GHz of capacity.
import { hostCpuMhz, type HostModel } from '../api/plans';
import { PALETTE, round } from './common';
import type { Option } from './echarts';

/** WATTS: the curve as measured; WATTS_PER_GHZ: divided by the model's CPU capacity, to compare efficiency across sizes. */
export type PowerMeasure = 'WATTS' | 'WATTS_PER_GHZ';

export const LOAD_PERCENTS = Array.from({ length: 11 }, (_, i) => i * 10);

export interface PowerCurve {
  id: string;
  name: string;
  /** one value per LOAD_PERCENTS entry */
  points: number[];
}

export function shapePowerCurves(models: HostModel[], measure: PowerMeasure): PowerCurve[] {
  return models
    .filter((m) => m.powerWatts?.length === LOAD_PERCENTS.length && hostCpuMhz(m) > 0)
    .map((m) => {
      const ghz = hostCpuMhz(m) / 1000;
      return { id: m.id, name: m.name, points: m.powerWatts.map((w) => round(measure === 'WATTS' ? w : w / ghz, 2)) };
    });
}

export function powerCurvesOption(curves: PowerCurve[], measure: PowerMeasure): Option {
  const unit = measure === 'WATTS' ? 'W' : 'W per GHz';
  return {
    animation: false,
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toLocaleString('en-US')} ${unit}` },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 60, right: 30, top: 60, bottom: 40 },
    xAxis: { type: 'category', name: 'CPU load', nameLocation: 'middle', nameGap: 26, data: LOAD_PERCENTS.map((p) => `${p} %`), boundaryGap: false },
    yAxis: { type: 'value', name: unit, nameGap: 12, min: 0 },
    series: curves.map((c) => ({ name: c.name, type: 'line', symbolSize: 5, data: c.points })),
  };
}
