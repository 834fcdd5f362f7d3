import { useMemo } from 'react';
import type { KpiSeries } from '../../../../shared/kpi';
import { tierMovesOption } from '../../dashboard/charts/tierMoves';
import { useT } from '../../i18n';
import { ChartCard } from './ChartCard';
import { EChart } from './EChart';
import { useChartNumbers } from './useChartNumbers';

/** Promotions and demotions per month; the tooltip gives them as rates. */
export function TierMovesChart({ moves }: { moves: KpiSeries['tierMoves'] }) {
  const t = useT();
  const numbers = useChartNumbers();
  const option = useMemo(
    () =>
      tierMovesOption(
        moves,
        { promoted: t('dashboard.series.promoted'), demoted: t('dashboard.series.demoted'), rate: t('dashboard.series.rate') },
        numbers,
      ),
    [moves, t, numbers],
  );
  return (
    <ChartCard
      testId="chart-tier-moves"
      title={t('dashboard.chart.tierMoves')}
      hint={t('dashboard.chart.tierMovesHint')}
      empty={moves.every((p) => p.promoted === 0 && p.demoted === 0)}
      data={moves.map((p) => `${p.month}=${p.promoted}/${p.demoted}`).join(' ')}
    >
      <EChart option={option} label={t('dashboard.chart.tierMoves')} />
    </ChartCard>
  );
}
