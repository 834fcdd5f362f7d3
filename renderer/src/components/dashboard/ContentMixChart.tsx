import { useMemo } from 'react';
import type { KpiSeries } from '../../../../shared/kpi';
import { contentMixOption } from '../../dashboard/charts/contentMix';
import { kindLabel } from '../../dashboard/kinds';
import { useT } from '../../i18n';
import { ChartCard } from './ChartCard';
import { EChart } from './EChart';
import { useChartNumbers } from './useChartNumbers';

/** The period's activity by kind, as a ring. */
export function ContentMixChart({ mix }: { mix: KpiSeries['contentMix'] }) {
  const t = useT();
  const numbers = useChartNumbers();
  const option = useMemo(
    () => contentMixOption(mix, { events: t('dashboard.series.events'), kind: (kind) => kindLabel(kind, t) }, numbers),
    [mix, t, numbers],
  );
  return (
    <ChartCard
      testId="chart-content-mix"
      title={t('dashboard.chart.contentMix')}
      empty={mix.every((p) => p.events === 0)}
    >
      <EChart option={option} label={t('dashboard.chart.contentMix')} />
    </ChartCard>
  );
}
