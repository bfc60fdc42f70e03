import { useEffect, useRef } from 'react';
import { type ChartOption, echarts } from './echarts.ts';

/**
 * One echarts chart: created on mount, given new options as they change, resized with its
 * container, disposed on unmount. `label` names it for screen readers (its numbers are in the
 * tile's table view).
 */
export function Chart({
  option,
  label,
  height = 300,
}: {
  option: ChartOption;
  label: string;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="db-chart" role="img" aria-label={label} style={{ height }} />;
}
