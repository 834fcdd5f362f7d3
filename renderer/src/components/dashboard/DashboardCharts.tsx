import type { KpiSeries } from '../../../../shared/kpi';
import type { TierLadder } from '../../members/labels';
import { CohortChart } from './CohortChart';
import { ContentMixChart } from './ContentMixChart';
import { TierChart } from './TierChart';
import { TrendCharts } from './TrendCharts';

interface DashboardChartsProps {
  workspacePath: string;
  series: KpiSeries;
  ladder: TierLadder;
}

/** The dashboard's charts in a two-column grid. */
export function DashboardCharts({ workspacePath, series, ladder }: DashboardChartsProps) {
  return (
    <div className="chart-grid">
      <TrendCharts series={series} />
      <CohortChart workspacePath={workspacePath} cohorts={series.cohorts} />
      <TierChart workspacePath={workspacePath} tiers={series.tiers} ladder={ladder} />
      <ContentMixChart mix={series.contentMix} />
    </div>
  );
}
