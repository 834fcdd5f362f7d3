import { useState } from 'react';
import type { WorkspaceSummary } from '../../../shared/workspace';
import { useDashboardRequest, useKpiDashboard, useKpiSettings } from '../dashboard/queries';
import { useFormatters } from '../data/formatters';
import { useT } from '../i18n';
import { useMemberOverview } from '../members/queries';
import { DashboardCharts } from '../components/dashboard/DashboardCharts';
import { DashboardEmpty } from '../components/dashboard/DashboardEmpty';
import { GoalsPanel } from '../components/dashboard/GoalsPanel';
import { MetricGroups } from '../components/dashboard/MetricGroups';
import { OverallHealth } from '../components/dashboard/OverallHealth';
import { PeriodPicker } from '../components/dashboard/PeriodPicker';
import { RulesPanel } from '../components/dashboard/RulesPanel';
import { Scorecard } from '../components/dashboard/Scorecard';
import '../components/dashboard/dashboard.css';

/** KPIs of the chosen period: overall health, the scorecard, goals, metric tiles by group, and charts. */
export function DashboardPage({ workspace }: { workspace: WorkspaceSummary }) {
  const t = useT();
  const f = useFormatters();
  const { request, presetDays } = useDashboardRequest();
  const kpi = useKpiDashboard(workspace.path, request);
  const [rulesOpen, setRulesOpen] = useState(false);
  const settings = useKpiSettings(workspace.path).data;
  // Tier names for the tier chart; the ladder lives with the member scores.
  const ladder = useMemberOverview(workspace.path).data?.tiers ?? [];
  const data = kpi.data;
  const empty = data?.empty === true;

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
          <>
            <span className="muted computed-in">
              {t('dashboard.computedIn', { ms: f.number(Math.round(data.computedMs)) })}
            </span>
            <button
              type="button"
              className="button-quiet rules-toggle"
              data-testid="rules-open"
              aria-expanded={rulesOpen}
              onClick={() => setRulesOpen((open) => !open)}
            >
              {t('dashboard.rules.open')}
            </button>
          </>
        ) : null}
      </header>
      {empty ? (
        <DashboardEmpty />
      ) : (
        <>
          {rulesOpen ? <RulesPanel settings={settings} onClose={() => setRulesOpen(false)} /> : null}
          <PeriodPicker presetDays={presetDays} shown={data} />
          {data ? (
            <>
              <div className="dashboard-summary">
                <OverallHealth overall={data.overall} metrics={data.metrics} />
                <Scorecard scorecard={data.scorecard} />
              </div>
              <GoalsPanel goals={data.goals} metrics={data.metrics} />
              <MetricGroups metrics={data.metrics} />
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
