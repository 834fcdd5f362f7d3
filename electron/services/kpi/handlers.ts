/** KPI handlers: the dashboard for a period in the workspace's time zone, goals and settings. */
import { deleteGoal, readGoal, saveGoal } from '../../../db/queries/kpi-goals';
import { readKpiSettings, writeKpiSettings } from '../../../db/queries/kpi-settings';
import { HearthError } from '../../../shared/errors';
import type { KpiGoal, MetricId } from '../../../shared/kpi';
import { defaultDueDay } from '../../../shared/kpi/goals';
import { comparePeriod, isoToDay, isValidRange, resolvePeriod, type DayRange } from '../../../shared/kpi/period';
import { dayResolver, dayToIso } from '../../../shared/time';
import type { Locale } from '../../../shared/workspace';
import type { ServiceContext } from '../context';
import type { Handlers } from '../router';
import { computeDashboard } from './dashboard';

function workspaceSummary(ctx: ServiceContext): { timeZone: string } {
  const summary = ctx.session.summary();
  if (!summary) throw new HearthError('workspace_not_open', 'No workspace is open');
  return summary;
}

function today(ctx: ServiceContext): number {
  return dayResolver(workspaceSummary(ctx).timeZone)(ctx.now());
}

function dashboard(ctx: ServiceContext, period: DayRange, compare: 'previous' | 'last_year', language: Locale) {
  return computeDashboard(ctx.session.workspace.sqlite, {
    period,
    previous: comparePeriod(period, compare),
    timeZone: workspaceSummary(ctx).timeZone,
    language,
    now: ctx.now(),
    settings: readKpiSettings(ctx.session.workspace.sqlite),
  });
}

/** A metric's value over the 30 days ending today: a new goal's baseline. */
function valueToday(ctx: ServiceContext, metric: MetricId): number | null {
  const board = dashboard(ctx, resolvePeriod({}, today(ctx)), 'previous', 'en');
  return board.metrics.find((m) => m.id === metric)?.value ?? null;
}

export const kpiHandlers: Handlers = {
  'kpi/dashboard': async (input, ctx) => {
    const started = performance.now();
    // Default: the 30 days ending today, local days.
    const period = resolvePeriod(input, today(ctx));
    if (!isValidRange(period)) {
      throw new HearthError('invalid_argument', `The period must run forward and span at most ten years (${input.from ?? ''} – ${input.to ?? ''})`, {
        from: input.from,
        to: input.to,
      });
    }
    return { ...dashboard(ctx, period, input.compare, input.language), computedMs: performance.now() - started };
  },

  'kpi/goals/save': async (input, ctx) => {
    const sqlite = ctx.session.workspace.sqlite;
    const now = today(ctx);
    const existing = input.id === undefined ? undefined : readGoal(sqlite, input.id);
    if (input.id !== undefined && !existing) throw new HearthError('not_found', `No goal ${input.id}`, { goalId: input.id });
    const dueDay = input.dueDay === undefined ? defaultDueDay(input.horizon, now) : isoToDay(input.dueDay);
    if (dueDay <= now) {
      throw new HearthError('invalid_argument', `A goal's due day must be after today (${dayToIso(dueDay)})`, {
        issues: [{ path: 'dueDay', message: 'not after today' }],
      });
    }
    // An edit keeps the goal's starting point unless it now measures another metric.
    const keep = existing !== undefined && existing.metric === input.metric;
    const row = {
      id: input.id,
      metric: input.metric,
      target: input.target,
      dueDay,
      horizon: input.horizon,
      baseline: keep ? existing.baseline : valueToday(ctx, input.metric),
      baselineDay: keep ? existing.baselineDay : now,
      createdAt: existing?.createdAt ?? ctx.now(),
    };
    const id = saveGoal(sqlite, row);
    ctx.events.emit({ type: 'data/changed', path: ctx.session.workspace.file });
    const goal: KpiGoal = { ...row, id, dueDay: dayToIso(row.dueDay), baselineDay: dayToIso(row.baselineDay) };
    return goal;
  },

  'kpi/goals/delete': async (input, ctx) => {
    if (!deleteGoal(ctx.session.workspace.sqlite, input.id)) throw new HearthError('not_found', `No goal ${input.id}`, { goalId: input.id });
    ctx.events.emit({ type: 'data/changed', path: ctx.session.workspace.file });
    return { ok: true as const };
  },

  'kpi/settings/get': async (_input, ctx) => readKpiSettings(ctx.session.workspace.sqlite),

  'kpi/settings/set': async (input, ctx) => {
    writeKpiSettings(ctx.session.workspace.sqlite, input);
    ctx.events.emit({ type: 'data/changed', path: ctx.session.workspace.file });
    return readKpiSettings(ctx.session.workspace.sqlite);
  },
};
