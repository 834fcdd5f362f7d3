import type { KpiSeries } from '../../../../shared/kpi';
import type { TierLadder } from '../../members/labels';
import { CohortChart } from './CohortChart';
import { ContentMixChart } from './ContentMixChart';
import { SourceCharts } from './SourceCharts';
import { TierChart } from './TierChart';
import { TierMovesChart } from './TierMovesChart';
import { TrendCharts } from './TrendCharts';

interface DashboardChartsProps {
  workspacePath: string;
  series: KpiSeries;
  ladder: TierLadder;
}

/**
 * The dashboard's charts in a two-column grid, paired by row: growth with members by source,
 * activity by channel with the activity mix, the trends, retention across the row, then tiers
 * with their monthly moves.
 */
export function DashboardCharts({ workspacePath, series, ladder }: DashboardChartsProps) {
  return (
    <div className="chart-grid">
      <TrendCharts
        series={series}
        afterGrowth={
          <>
            <SourceCharts bySource={series.bySource} byChannel={series.byChannel} />
            <ContentMixChart mix={series.contentMix} />
          </>
        }
      />
      <CohortChart workspacePath={workspacePath} cohorts={series.cohorts} />
      <TierChart workspacePath={workspacePath} tiers={series.tiers} ladder={ladder} />
      <TierMovesChart moves={series.tierMoves} />
    </div>
  );
}
