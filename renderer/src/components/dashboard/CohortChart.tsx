import { useMemo } from 'react';
import type { ECElementEvent } from 'echarts/core';
import type { KpiSeries } from '../../../../shared/kpi';
import { cohortAt, cohortOption } from '../../dashboard/charts/cohorts';
import { useT } from '../../i18n';
import { showCohortMembers } from '../../members/store';
import { useRoute } from '../../stores/route';
import { ChartCard } from './ChartCard';
import { EChart } from './EChart';
import { useChartNumbers } from './useChartNumbers';

interface CohortChartProps {
  workspacePath: string;
  cohorts: KpiSeries['cohorts'];
}

/** Retention of each join-month cohort at D1 / D7 / D30 / D90; a cell opens that month's joiners. */
export function CohortChart({ workspacePath, cohorts }: CohortChartProps) {
  const t = useT();
  const navigate = useRoute((s) => s.navigate);
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

  const open = (event: ECElementEvent) => {
    const month = cohortAt(cohorts, event.value);
    if (month === null) return;
    showCohortMembers(workspacePath, month);
    navigate({ page: 'members' });
  };

  return (
    <ChartCard
      testId="chart-cohorts"
      wide
      title={t('dashboard.chart.cohorts')}
      hint={t('dashboard.chart.cohortsHint')}
      empty={cohorts.length === 0}
      data={cohorts.map((c) => `${c.cohort}=${c.size}`).join(' ')}
    >
      <div className="echart-tall" style={{ minHeight: `${Math.max(260, 40 + cohorts.length * 28)}px` }}>
        <EChart option={option} label={t('dashboard.chart.cohorts')} onItemClick={open} />
      </div>
    </ChartCard>
  );
}
