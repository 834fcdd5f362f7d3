import { useMemo } from 'react';
import type { KpiSeries } from '../../../../shared/kpi';
import { channelsOption } from '../../dashboard/charts/channels';
import { sourcesOption } from '../../dashboard/charts/sources';
import { useT } from '../../i18n';
import { sourceLabel } from '../../members/words';
import { ChartCard } from './ChartCard';
import { EChart } from './EChart';
import { useChartNumbers } from './useChartNumbers';

interface SourceChartsProps {
  bySource: KpiSeries['bySource'];
  byChannel: KpiSeries['byChannel'];
}

/** Scale per source (members and new members) and the period's activity per channel. */
export function SourceCharts({ bySource, byChannel }: SourceChartsProps) {
  const t = useT();
  const numbers = useChartNumbers();
  const options = useMemo(() => {
    const source = (id: string): string => (id === '' ? t('dashboard.series.unknownSource') : sourceLabel(id, t));
    return {
      sources: sourcesOption(bySource, { members: t('dashboard.series.members'), new: t('dashboard.series.newInPeriod'), source }, numbers),
      channels: channelsOption(byChannel, { events: t('dashboard.series.events'), noChannel: t('dashboard.series.noChannel'), source }, numbers),
    };
  }, [bySource, byChannel, t, numbers]);
  return (
    <>
      <ChartCard
        testId="chart-sources"
        title={t('dashboard.chart.sources')}
        hint={t('dashboard.chart.sourcesHint')}
        empty={bySource.length === 0}
        data={bySource.map((p) => `${p.source}=${p.members}/${p.new}`).join(' ')}
      >
        <EChart option={options.sources} label={t('dashboard.chart.sources')} />
      </ChartCard>
      <ChartCard
        testId="chart-channels"
        title={t('dashboard.chart.channels')}
        hint={t('dashboard.chart.channelsHint')}
        empty={byChannel.length === 0}
        data={byChannel.map((p) => `${p.source}/${p.channel}=${p.events}`).join(' ')}
      >
        <EChart option={options.channels} label={t('dashboard.chart.channels')} />
      </ChartCard>
    </>
  );
}
