import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * Only what the dashboards draw, registered once (tree-shaken echarts). SVG, not canvas: the
 * labels stay real text — crisp at any zoom, selectable, and readable by tests. No aria
 * component: its generated description is English only; each chart is labelled in the
 * reader's language and its numbers are in the tile's table view.
 */
echarts.use([
  BarChart,
  LineChart,
  FunnelChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  SVGRenderer,
]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;
