/** KPI handlers: the dashboard for a period in the workspace's time zone. */
import { HearthError } from '../../../shared/errors';
import { comparePeriod, isValidRange, resolvePeriod } from '../../../shared/kpi/period';
import { dayResolver } from '../../../shared/time';
import type { Handlers } from '../router';
import { computeDashboard } from './dashboard';

export const kpiHandlers: Handlers = {
  'kpi/dashboard': async (input, ctx) => {
    const started = performance.now();
    const summary = ctx.session.summary();
    if (!summary) throw new HearthError('workspace_not_open', 'No workspace is open');
    const today = dayResolver(summary.timeZone)(ctx.now());
    // Default: the 30 days ending today, local days.
    const period = resolvePeriod(input, today);
    if (!isValidRange(period)) {
      throw new HearthError('invalid_argument', `The period must run forward and span at most ten years (${input.from ?? ''} – ${input.to ?? ''})`, {
        from: input.from,
        to: input.to,
      });
    }
    const dashboard = computeDashboard(ctx.session.workspace.sqlite, {
      period,
      previous: comparePeriod(period, input.compare),
      timeZone: summary.timeZone,
      language: input.language,
      now: ctx.now(),
    });
    return { ...dashboard, computedMs: performance.now() - started };
  },
};
