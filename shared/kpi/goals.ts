/**
 * KPI goals: a target for one metric by a due day, its progress from where the metric stood when
 * the goal was set, and a simple forecast — a least-squares straight line through the metric's
 * recent history, read on the due day. Pure; the service supplies the numbers.
 *
 * Days are local day numbers (shared/time.ts), so a trend's slope is "per day".
 */
import type { GoalHorizon, GoalStatus, MetricDirection } from '../kpi';
import { dayNumber, dayToIso } from '../time';

/** Months ahead of the day a goal is set, per horizon (the issue: 6 months, 1 year, 3 years). */
export const horizonMonths: Record<GoalHorizon, number> = { short: 6, mid: 12, long: 36 };

/** How many of the latest points the trend line is fitted to. */
export const TREND_POINTS = 6;

/**
 * The default due day of a goal set on `today`: the same day of the month `horizon` months on,
 * or that month's last day when it is shorter (31 August + 6 months → 28 or 29 February).
 *
 * @example
 * dayToIso(defaultDueDay('short', dayNumber(2026, 8, 31))) // '2027-02-28'
 * dayToIso(defaultDueDay('long', dayNumber(2026, 3, 15))) // '2029-03-15'
 */
export function defaultDueDay(horizon: GoalHorizon, today: number): number {
  const [y = 1970, m = 1, d = 1] = dayToIso(today).split('-').map(Number);
  const months = m - 1 + horizonMonths[horizon];
  const year = y + Math.floor(months / 12);
  const month = (months % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return dayNumber(year, month, Math.min(d, lastDay));
}

/** One observation of a metric: its value as of a local day. */
export interface TrendPoint {
  day: number;
  value: number;
}

export interface Line {
  /** Change per day. */
  slope: number;
  /** Value at day 0 (1970-01-01): `value(day) = intercept + slope · day`. */
  intercept: number;
}

/**
 * The least-squares straight line through points; a single point (or points all on one day)
 * gives a flat line through their mean; no points, null.
 *
 * @example
 * fitLine([{ day: 0, value: 10 }, { day: 30, value: 12 }, { day: 60, value: 14 }]) // { slope: 1 / 15, intercept: 10 }
 * fitLine([{ day: 5, value: 3 }]) // { slope: 0, intercept: 3 }
 */
export function fitLine(points: readonly TrendPoint[]): Line | null {
  const n = points.length;
  if (n === 0) return null;
  // Centred on the mean day: day numbers are ~20,000, and squaring them costs precision.
  const meanDay = points.reduce((s, p) => s + p.day, 0) / n;
  const meanValue = points.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.day - meanDay) * (p.value - meanValue);
    sxx += (p.day - meanDay) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: meanValue - slope * meanDay };
}

export interface GoalForecastInput {
  target: number;
  dueDay: number;
  better: MetricDirection;
  /** Where the metric stood when the goal was set; null when it had no value then. */
  baseline: TrendPoint | null;
  /** The metric now (as of the dashboard period's last day); null when it has no value. */
  current: TrendPoint | null;
  /** The metric's monthly history, oldest first (empty for metrics without a monthly series). */
  history: readonly TrendPoint[];
}

export interface GoalForecast {
  /** Share of the way from baseline to target, 0–1 (1 once achieved); null without a baseline. */
  progress: number | null;
  /** The trend's value on the due day. */
  forecast: number | null;
  status: GoalStatus;
}

const EPSILON = 1e-9;

/**
 * Progress and forecast of one goal.
 *
 * - achieved: the current value has reached the target (≥, or ≤ for metrics where lower is better);
 * - otherwise a straight line is fitted (least squares) to the last up-to-6 points of the monthly
 *   history — or, with fewer than 2 monthly points, to the baseline and the current value — and
 *   read on the due day: on_track when it reaches the target, behind when it does not or the due
 *   day has passed;
 * - no_data when the metric has no current value.
 *
 * @example
 * goalForecast({
 *   target: 20, dueDay: 150, better: 'up', baseline: { day: 0, value: 10 }, current: { day: 60, value: 14 },
 *   history: [{ day: 0, value: 10 }, { day: 30, value: 12 }, { day: 60, value: 14 }],
 * }) // { progress: 0.4, forecast: 20, status: 'on_track' }
 */
export function goalForecast(input: GoalForecastInput): GoalForecast {
  const { target, dueDay, better, baseline, current, history } = input;
  if (current === null) return { progress: null, forecast: null, status: 'no_data' };
  const reaches = (value: number): boolean => (better === 'up' ? value >= target - EPSILON : value <= target + EPSILON);
  const achieved = reaches(current.value);

  let progress: number | null = null;
  if (achieved) progress = 1;
  else if (baseline !== null) {
    const span = target - baseline.value;
    progress = span === 0 ? 0 : Math.min(1, Math.max(0, (current.value - baseline.value) / span));
  }

  const points =
    history.length >= 2
      ? history.slice(-TREND_POINTS)
      : baseline !== null && baseline.day < current.day
        ? [baseline, current]
        : [current];
  const line = fitLine(points);
  const forecast = line === null ? null : line.intercept + line.slope * dueDay;

  if (achieved) return { progress, forecast, status: 'achieved' };
  if (current.day > dueDay || forecast === null) return { progress, forecast, status: 'behind' };
  return { progress, forecast, status: reaches(forecast) ? 'on_track' : 'behind' };
}
