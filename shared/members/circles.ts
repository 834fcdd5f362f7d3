/**
 * Circles: how close a member is to the community's centre right now (core, active, potential,
 * outside), judged from active days in recent windows. Also the activity stats that circles and
 * lifecycle stages read.
 */
import type { Explanation } from './explain';
import type { MemberRules } from './rules';

export const circles = ['core', 'active', 'potential', 'outside'] as const;
export type Circle = (typeof circles)[number];

/**
 * What the circle and lifecycle engines read about one member, as of a day. Every field comes out
 * of one GROUP BY member over the daily activity rollup (one row per member and active day, days up
 * to asOf), W being the window named:
 *
 * ```sql
 * MIN(day), MAX(day), COUNT(*),
 * SUM(day > :asOf - :coreWithin), SUM(day > :asOf - :activeWithin), SUM(day > :asOf - :engagedWithin),
 * MIN(CASE WHEN day > :asOf - :engagedWithin THEN day END),
 * MAX(CASE WHEN day <= :asOf - :engagedWithin THEN day END)
 * ```
 *
 * `activityStatsFromDays` is the reference the SQL is tested against.
 */
export interface MemberActivityStats {
  /** When the member joined (a platform's join date, else first seen); null if unknown. */
  joinedDay: number | null;
  firstActiveDay: number | null;
  lastActiveDay: number | null;
  /** Distinct active days, all time up to asOf. */
  activeDays: number;
  /** Distinct active days within `circles.core.withinDays`. */
  activeDaysInCoreWindow: number;
  /** Distinct active days within `circles.active.withinDays`. */
  activeDaysInActiveWindow: number;
  /** Distinct active days within `lifecycle.engagedWithinDays` (the lifecycle's recent window). */
  activeDaysInEngagedWindow: number;
  /** The first active day within the engaged window. */
  firstActiveDayInEngagedWindow: number | null;
  /** The last active day before the engaged window. */
  lastActiveDayBeforeEngagedWindow: number | null;
}

/**
 * The stats circles and lifecycle stages read, from a member's rollup statistics (undefined for a
 * member without activity) and join day.
 *
 * @example
 * activityOf(undefined, 20700) // { joinedDay: 20700, firstActiveDay: null, …, activeDays: 0, … }
 */
export function activityOf(stats: Omit<MemberActivityStats, 'joinedDay'> | undefined, joinedDay: number | null): MemberActivityStats {
  return {
    joinedDay,
    firstActiveDay: stats?.firstActiveDay ?? null,
    lastActiveDay: stats?.lastActiveDay ?? null,
    activeDays: stats?.activeDays ?? 0,
    activeDaysInCoreWindow: stats?.activeDaysInCoreWindow ?? 0,
    activeDaysInActiveWindow: stats?.activeDaysInActiveWindow ?? 0,
    activeDaysInEngagedWindow: stats?.activeDaysInEngagedWindow ?? 0,
    firstActiveDayInEngagedWindow: stats?.firstActiveDayInEngagedWindow ?? null,
    lastActiveDayBeforeEngagedWindow: stats?.lastActiveDayBeforeEngagedWindow ?? null,
  };
}

/**
 * Activity stats from a member's active days (any order, duplicates allowed; days after `asOfDay`
 * are left out). The plain-code statement of what the SQL computes.
 *
 * @example
 * activityStatsFromDays([100, 130, 131], null, 140, defaultMemberRules)
 * // { firstActiveDay: 100, lastActiveDay: 131, activeDays: 3, activeDaysInCoreWindow: 2, …,
 * //   firstActiveDayInEngagedWindow: 130, lastActiveDayBeforeEngagedWindow: 100 }
 */
export function activityStatsFromDays(
  days: readonly number[],
  joinedDay: number | null,
  asOfDay: number,
  rules: Pick<MemberRules, 'circles' | 'lifecycle'>,
): MemberActivityStats {
  const unique = [...new Set(days.filter((d) => d <= asOfDay))].sort((a, b) => a - b);
  const within = (window: number): number[] => unique.filter((d) => d > asOfDay - window);
  const engaged = within(rules.lifecycle.engagedWithinDays);
  const before = unique.filter((d) => d <= asOfDay - rules.lifecycle.engagedWithinDays);
  return {
    joinedDay,
    firstActiveDay: unique[0] ?? null,
    lastActiveDay: unique.at(-1) ?? null,
    activeDays: unique.length,
    activeDaysInCoreWindow: within(rules.circles.core.withinDays).length,
    activeDaysInActiveWindow: within(rules.circles.active.withinDays).length,
    activeDaysInEngagedWindow: engaged.length,
    firstActiveDayInEngagedWindow: engaged[0] ?? null,
    lastActiveDayBeforeEngagedWindow: before.at(-1) ?? null,
  };
}

/**
 * A member's circle on `asOfDay`, the first that fits:
 * core (≥ core.minActiveDays active days within core.withinDays), active (≥ active.minActiveDays
 * within active.withinDays), potential (any activity within potential.withinDays), else outside.
 *
 * @example
 * circleOf({ lastActiveDay: 500, activeDaysInCoreWindow: 9, activeDaysInActiveWindow: 9 }, defaultMemberRules.circles, 505)
 * // { circle: 'core', explanation: { key: 'circle.core', params: { activeDays: 9, window: 30, min: 8 } } }
 */
export function circleOf(
  stats: Pick<MemberActivityStats, 'lastActiveDay' | 'activeDaysInCoreWindow' | 'activeDaysInActiveWindow'>,
  rules: MemberRules['circles'],
  asOfDay: number,
): { circle: Circle; explanation: Explanation } {
  const { core, active, potential } = rules;
  if (stats.activeDaysInCoreWindow >= core.minActiveDays) {
    return {
      circle: 'core',
      explanation: {
        key: 'circle.core',
        params: { activeDays: stats.activeDaysInCoreWindow, window: core.withinDays, min: core.minActiveDays },
      },
    };
  }
  if (stats.activeDaysInActiveWindow >= active.minActiveDays) {
    return {
      circle: 'active',
      explanation: {
        key: 'circle.active',
        params: {
          activeDays: stats.activeDaysInActiveWindow,
          window: active.withinDays,
          min: active.minActiveDays,
          coreMin: core.minActiveDays,
          coreWindow: core.withinDays,
        },
      },
    };
  }
  if (stats.lastActiveDay === null) return { circle: 'outside', explanation: { key: 'circle.noActivity', params: {} } };
  const params = { lastActiveDay: stats.lastActiveDay, window: potential.withinDays };
  return asOfDay - stats.lastActiveDay < potential.withinDays
    ? { circle: 'potential', explanation: { key: 'circle.potential', params } }
    : { circle: 'outside', explanation: { key: 'circle.outside', params } };
}
