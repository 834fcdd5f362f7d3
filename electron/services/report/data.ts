/**
 * Everything a stakeholder report shows, gathered from the same engines the pages use: the KPI
 * dashboard for the period (metrics, health, scorecard, series, goals), advocates and members at
 * churn risk from the member scores, the content calendar's plan against delivery and the mix
 * targets, and the incidents of the period with their post-mortems.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { listIncidents, type IncidentRow } from '../../../db/queries/crisis';
import { readCalendarSettings } from '../../../db/queries/calendar';
import { readKpiSettings } from '../../../db/queries/kpi-settings';
import { readMemberRules } from '../../../db/queries/member-rules';
import { memberPage } from '../../../db/queries/member-scores';
import type { MixGroup } from '../../../shared/calendar';
import { computeMix } from '../../../shared/calendar/mix';
import type { KpiDashboard, Metric } from '../../../shared/kpi';
import { comparePeriod, isoToDay } from '../../../shared/kpi/period';
import type { MemberRow } from '../../../shared/member-grid';
import type { Branding } from '../../../shared/report';
import { startOfDayUtc } from '../../../shared/time';
import type { Locale } from '../../../shared/workspace';
import { localClock } from '../calendar/clock';
import { planBetween } from '../calendar/model';
import { computeDashboard } from '../kpi/dashboard';
import { resolveMemberFilter } from '../members/filter';

export interface ReportContent {
  planned: number;
  published: number;
  cancelled: number;
  highValue: number;
  reach: number | null;
  mix: MixGroup[];
}

export interface ReportData {
  workspace: { name: string; timeZone: string; currency: string };
  branding: Branding;
  from: string;
  to: string;
  locale: Locale;
  maskNames: boolean;
  generatedAt: number;
  dashboard: Omit<KpiDashboard, 'computedMs'>;
  /** The three metrics that moved most against the comparison period (relative change). */
  biggestChanges: Metric[];
  tierNames: Map<string, string>;
  advocates: MemberRow[];
  atRisk: MemberRow[];
  content: ReportContent;
  incidents: IncidentRow[];
}

/** How far a metric moved, relative to where it was; ratios compare in points (×10 so a 5-point move ranks like a 50% one). */
function movement(m: Metric): number {
  if (m.delta === null || m.previous === null) return -1;
  if (m.unit === 'ratio') return Math.abs(m.delta) * 10;
  return m.previous === 0 ? (m.delta === 0 ? 0 : 1) : Math.abs(m.delta / m.previous);
}

/**
 * Gathers a report's data for local dates [from, to].
 *
 * @example
 * reportData(sqlite, { name: '咖啡社群', timeZone: 'Asia/Shanghai', currency: 'CNY' }, branding, { from: '2026-10-01', to: '2026-10-31', locale: 'zh-CN', maskNames: false, now })
 */
export function reportData(
  sqlite: BetterSqlite3.Database,
  workspace: { name: string; timeZone: string; currency: string },
  branding: Branding,
  request: { from: string; to: string; locale: Locale; maskNames: boolean; now: number },
): ReportData {
  const period = { from: isoToDay(request.from), to: isoToDay(request.to) };
  const dashboard = computeDashboard(sqlite, {
    period,
    previous: comparePeriod(period, 'previous'),
    timeZone: workspace.timeZone,
    language: request.locale,
    now: request.now,
    settings: readKpiSettings(sqlite),
  });
  const rules = readMemberRules(sqlite);
  const page = (filter: Parameters<typeof resolveMemberFilter>[0], sort: 'influence' | 'clv') =>
    memberPage(
      sqlite,
      {
        filter: resolveMemberFilter(filter, workspace.timeZone),
        sort: [{ colId: sort, sort: 'desc' }],
        start: 0,
        limit: 10,
      },
      rules.churn.riskThreshold,
    );

  const plan = planBetween(sqlite, localClock(workspace.timeZone), request.from, request.to).items;
  const live = plan.filter((i) => i.status !== 'cancelled');
  const reach = live.reduce<number | null>(
    (sum, i) => (i.performance.reach === null ? sum : (sum ?? 0) + i.performance.reach),
    null,
  );
  const calendarSettings = readCalendarSettings(sqlite);

  const start = startOfDayUtc(period.from, workspace.timeZone);
  const end = startOfDayUtc(period.to + 1, workspace.timeZone);
  return {
    workspace,
    branding,
    from: request.from,
    to: request.to,
    locale: request.locale,
    maskNames: request.maskNames,
    generatedAt: request.now,
    dashboard,
    biggestChanges: [...dashboard.metrics]
      .filter((m) => movement(m) > 0)
      .sort((a, b) => movement(b) - movement(a))
      .slice(0, 3),
    tierNames: new Map(rules.tiers.ladder.map((t) => [t.id, t.name[request.locale]])),
    advocates: page({ koc: true }, 'influence'),
    atRisk: page({ atRisk: true }, 'clv'),
    content: {
      planned: live.length,
      published: live.filter((i) => i.status === 'published').length,
      cancelled: plan.length - live.length,
      highValue: live.filter((i) => i.highValue).length,
      reach,
      mix: computeMix(plan, calendarSettings.mixTargets, calendarSettings.driftPoints),
    },
    // Incidents that overlap the period, drills included (marked as such).
    incidents: listIncidents(sqlite).filter((i) => i.startedAt < end && (i.closedAt ?? Infinity) >= start),
  };
}
