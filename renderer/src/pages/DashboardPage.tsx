import type { WorkspaceSummary } from '../../../shared/workspace';
import { useDashboardRequest, useKpiDashboard } from '../dashboard/queries';
import { useFormatters } from '../data/formatters';
import { useT } from '../i18n';
import { useMemberOverview } from '../members/queries';
import { useWorkspaceInfo } from '../workspace/queries';
import { DashboardCharts } from '../components/dashboard/DashboardCharts';
import { DashboardEmpty } from '../components/dashboard/DashboardEmpty';
import { MetricGroups } from '../components/dashboard/MetricGroups';
import { OverallHealth } from '../components/dashboard/OverallHealth';
import { PeriodPicker } from '../components/dashboard/PeriodPicker';
import { Scorecard } from '../components/dashboard/Scorecard';
import '../components/dashboard/dashboard.css';

/** KPIs of the chosen period: overall health, the scorecard, metric tiles by group, and charts. */
export function DashboardPage({ workspace }: { workspace: WorkspaceSummary }) {
  const t = useT();
  const f = useFormatters();
  const info = useWorkspaceInfo(workspace.path).data;
  const empty = info !== undefined && info.counts.member === 0;
  const { request, presetDays } = useDashboardRequest();
  const kpi = useKpiDashboard(workspace.path, empty ? null : request);
  // Tier names for the tier chart; the ladder lives with the member scores.
  const ladder = useMemberOverview(workspace.path).data?.tiers ?? [];
  const data = kpi.data;

  return (
    <section
      className="page page-wide dashboard-page"
      data-testid="page-dashboard"
      data-loading={kpi.loading}
      data-period={data ? `${data.period.from}/${data.period.to}` : ''}
      aria-busy={kpi.loading}
    >
      <header className="page-header dashboard-header">
        <h1>{t('dashboard.title')}</h1>
        {data && !empty ? (
          <span className="muted computed-in">
            {t('dashboard.computedIn', { ms: f.number(Math.round(data.computedMs)) })}
          </span>
        ) : null}
      </header>
      {empty ? (
        <DashboardEmpty />
      ) : (
        <>
          <PeriodPicker presetDays={presetDays} shown={data} />
          {data ? (
            <>
              <div className="dashboard-summary">
                <OverallHealth overall={data.overall} metrics={data.metrics} />
                <Scorecard scorecard={data.scorecard} />
              </div>
              <MetricGroups metrics={data.metrics} counts={info?.counts} />
              <DashboardCharts workspacePath={workspace.path} series={data.series} ladder={ladder} />
            </>
          ) : (
            <p className="muted">{kpi.loading ? t('dashboard.loading') : null}</p>
          )}
        </>
      )}
    </section>
  );
}
