/**
 * ECharts, tree-shaken: only the charts and components the dashboard draws, and the SVG renderer
 * (vector output stays crisp in screenshots and in PDF reports). Nothing here evaluates strings,
 * so the renderer's CSP (no eval) holds. types.ts lists the same set for the option type.
 */
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Locale } from '../../../../shared/workspace';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export { echarts };

/** ECharts' own words (ARIA descriptions, "no data") in the UI language; core ships EN and ZH. */
export const echartsLocale = (language: Locale): 'ZH' | 'EN' => (language === 'zh-CN' ? 'ZH' : 'EN');
