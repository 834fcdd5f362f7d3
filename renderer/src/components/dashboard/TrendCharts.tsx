import { useMemo, type ReactNode } from 'react';
import type { KpiSeries } from '../../../../shared/kpi';
import { activeRatioOption } from '../../dashboard/charts/activeRatio';
import { noValues } from '../../dashboard/charts/common';
import { growthOption } from '../../dashboard/charts/growth';
import { kFactorOption } from '../../dashboard/charts/kFactor';
import { npsOption } from '../../dashboard/charts/nps';
import { stickinessOption } from '../../dashboard/charts/stickiness';
import { useT } from '../../i18n';
import { ChartCard } from './ChartCard';
import { EChart } from './EChart';
import { useChartNumbers } from './useChartNumbers';

interface TrendChartsProps {
  series: KpiSeries;
  /** Cards that belong with growth (scale per source, …), placed right after it. */
  afterGrowth?: ReactNode;
}

/** The line charts over months and days: growth, active ratio, stickiness, NPS and K-factor. */
export function TrendCharts({ series, afterGrowth }: TrendChartsProps) {
  const t = useT();
  const numbers = useChartNumbers();
  const options = useMemo(
    () => ({
      growth: growthOption(
        series.growth,
        {
          members: t('dashboard.series.members'),
          new: t('dashboard.series.new'),
          churned: t('dashboard.series.churned'),
        },
        numbers,
      ),
      activeRatio: activeRatioOption(
        series.activeRatio,
        { ratio: t('dashboard.series.activeRatio'), band: t('dashboard.series.healthyBand') },
        numbers,
      ),
      stickiness: stickinessOption(series.activity, { stickiness: t('dashboard.series.stickiness') }, numbers),
      nps: npsOption(
        series.nps,
        { nps: t('dashboard.series.nps'), responses: t('dashboard.series.responses') },
        numbers,
      ),
      kFactor: kFactorOption(
        series.kFactor,
        { k: t('dashboard.series.kFactor'), target: t('dashboard.series.kTarget') },
        numbers,
      ),
    }),
    [series, t, numbers],
  );

  return (
    <>
      <ChartCard testId="chart-growth" title={t('dashboard.chart.growth')} empty={series.growth.length === 0}>
        <EChart option={options.growth} label={t('dashboard.chart.growth')} />
      </ChartCard>
      {afterGrowth}
      <ChartCard
        testId="chart-active-ratio"
        title={t('dashboard.chart.activeRatio')}
        empty={noValues(series.activeRatio.map((p) => p.ratio))}
      >
        <EChart option={options.activeRatio} label={t('dashboard.chart.activeRatio')} />
      </ChartCard>
      <ChartCard
        testId="chart-stickiness"
        title={t('dashboard.chart.stickiness')}
        empty={noValues(series.activity.map((p) => p.stickiness))}
      >
        <EChart option={options.stickiness} label={t('dashboard.chart.stickiness')} />
      </ChartCard>
      <ChartCard testId="chart-nps" title={t('dashboard.chart.nps')} empty={noValues(series.nps.map((p) => p.nps))}>
        <EChart option={options.nps} label={t('dashboard.chart.nps')} />
      </ChartCard>
      <ChartCard
        testId="chart-kfactor"
        title={t('dashboard.chart.kFactor')}
        empty={noValues(series.kFactor.map((p) => p.k))}
      >
        <EChart option={options.kFactor} label={t('dashboard.chart.kFactor')} />
      </ChartCard>
    </>
  );
}
