import { useEffect, useRef } from 'react';
import type { ECElementEvent, EChartsType } from 'echarts/core';
import { echarts, echartsLocale } from '../../dashboard/charts/setup';
import type { ChartOption } from '../../dashboard/charts/types';
import { useLanguage } from '../../stores/language';

interface EChartProps {
  option: ChartOption;
  /** What the chart shows, for screen readers (ECharts adds a generated description too). */
  label: string;
  onItemClick?: (event: ECElementEvent) => void;
}

/**
 * One ECharts instance in a div: made on mount (again when the language changes, since the
 * locale is fixed at init), given each new option whole, resized with its container, disposed
 * on unmount.
 */
export function EChart({ option, label, onItemClick }: EChartProps) {
  const language = useLanguage((s) => s.language);
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickRef = useRef(onItemClick);
  useEffect(() => {
    clickRef.current = onItemClick;
  });

  useEffect(() => {
    const div = element.current;
    if (!div) return;
    const instance = echarts.init(div, null, { renderer: 'svg', locale: echartsLocale(language) });
    chart.current = instance;
    instance.on('click', (event) => clickRef.current?.(event));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(div);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [language]);

  useEffect(() => {
    // notMerge: a series that went away (fewer months) must not linger from the last option.
    chart.current?.setOption(option, { notMerge: true });
  }, [option, language]);

  // ECharts writes its generated description (series and values) as the chart div's aria-label;
  // the figure around it carries the chart's title.
  return (
    <div role="figure" aria-label={label} className="echart-figure">
      <div className="echart" ref={element} />
    </div>
  );
}
