import { useMemo } from 'react';
import type { ECElementEvent } from 'echarts/core';
import type { KpiSeries } from '../../../../shared/kpi';
import { tierAt, tiersOption } from '../../dashboard/charts/tiers';
import { useT } from '../../i18n';
import { tierName, tierRank, type TierLadder } from '../../members/labels';
import { showTierMembers } from '../../members/store';
import { useLanguage } from '../../stores/language';
import { useRoute } from '../../stores/route';
import { ChartCard } from './ChartCard';
import { EChart } from './EChart';
import { useChartNumbers } from './useChartNumbers';

interface TierChartProps {
  workspacePath: string;
  tiers: KpiSeries['tiers'];
  /** The workspace's tier ladder, for the tiers' names (empty until it is loaded). */
  ladder: TierLadder;
}

/** Members per tier; clicking a bar opens the Members page filtered to that tier. */
export function TierChart({ workspacePath, tiers, ladder }: TierChartProps) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const navigate = useRoute((s) => s.navigate);
  const numbers = useChartNumbers();
  const option = useMemo(
    () =>
      tiersOption(
        tiers,
        {
          members: t('dashboard.series.members'),
          tier: (id) => tierName(ladder, id, language),
          rank: (id) => tierRank(ladder, id),
        },
        numbers,
      ),
    [tiers, ladder, language, t, numbers],
  );

  const open = (event: ECElementEvent) => {
    const tier = tierAt(tiers, event.dataIndex);
    if (tier === null) return;
    showTierMembers(workspacePath, tier);
    navigate({ page: 'members' });
  };

  return (
    <ChartCard
      testId="chart-tiers"
      title={t('dashboard.chart.tiers')}
      hint={t('dashboard.chart.tiersHint')}
      empty={tiers.every((p) => p.count === 0)}
      data={tiers.map((p) => `${p.tier}=${p.count}`).join(' ')}
    >
      <EChart option={option} label={t('dashboard.chart.tiers')} onItemClick={open} />
    </ChartCard>
  );
}
