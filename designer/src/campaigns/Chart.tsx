import type { FunnelSeriesOption } from 'echarts/charts';
import { FunnelChart as EFunnel } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import { TooltipComponent } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts this area draws: a funnel with tooltips, rendered as SVG (crisp, small).
use([EFunnel, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<FunnelSeriesOption | TooltipComponentOption>;

/** An echarts chart that follows its option and its box's size, and is disposed with the component. */
export function Chart({
  option,
  label,
  height = 280,
}: {
  option: ChartOption;
  label: string;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init>>(undefined);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={box} className="cmp-chart" role="img" aria-label={label} style={{ height }} />;
}
