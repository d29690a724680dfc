import { useEffect, useRef } from 'react';
import { echarts, type Option } from './echarts';

interface Props {
  option: Option;
  /** accessible name of the chart (what it shows) */
  label: string;
  className?: string;
  testId?: string;
  /** CSS height in px, when the chart's height depends on its data (e.g. rows of a heatmap) */
  height?: number;
  onClick?: (params: { dataIndex: number; seriesIndex?: number; value?: unknown; name?: string }) => void;
}

/** A canvas ECharts instance bound to an option; resizes with its box and is disposed on unmount. */
export function EChart({ option, label, className, testId, height, onClick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = ref.current!;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => clickRef.current?.(p as never));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.current = null;
      // zrender 6.1 keeps a progressive paint going in animation frames after dispose() and then throws
      // ("reading 'layerStack'"); clear() repaints at once (an empty chart, new redraw id), which ends that paint
      instance.clear();
      instance.dispose();
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} className={`chart ${className ?? ''}`} style={height ? { height } : undefined} role="img" aria-label={label} data-testid={testId ?? 'chart'} />;
}
