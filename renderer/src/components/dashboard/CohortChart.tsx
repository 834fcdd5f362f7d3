import { useMemo } from 'react';
import type { KpiSeries } from '../../../../shared/kpi';
import { cohortOption } from '../../dashboard/charts/cohorts';
import { useT } from '../../i18n';
import { ChartCard } from './ChartCard';
import { EChart } from './EChart';
import { useChartNumbers } from './useChartNumbers';

/** Retention of each join-month cohort at D1 / D7 / D30 / D90. */
export function CohortChart({ cohorts }: { cohorts: KpiSeries['cohorts'] }) {
  const t = useT();
  const numbers = useChartNumbers();
  const option = useMemo(
    () =>
      cohortOption(
        cohorts,
        {
          milestones: { d1: 'D1', d7: 'D7', d30: 'D30', d90: 'D90' },
          cohort: (cohort, n) => t('dashboard.series.cohortSize', { cohort, n }),
          retention: t('dashboard.series.retention'),
        },
        numbers,
      ),
    [cohorts, t, numbers],
  );
  return (
    <ChartCard testId="chart-cohorts" title={t('dashboard.chart.cohorts')} empty={cohorts.length === 0}>
      <div className="echart-tall" style={{ minHeight: `${Math.max(260, 40 + cohorts.length * 28)}px` }}>
        <EChart option={option} label={t('dashboard.chart.cohorts')} />
      </div>
    </ChartCard>
  );
}
