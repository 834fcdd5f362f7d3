/**
 * Lifecycle stages: where a member is in the journey from joining to staying, drifting or coming
 * back. One stage per member, chosen by a fixed order of precedence (see `lifecycleOf`).
 */
import type { MemberActivityStats } from './circles';
import type { Explanation } from './explain';
import type { MemberRules } from './rules';

export const lifecycleStages = ['new', 'activated', 'engaged', 'at_risk', 'dormant', 'returned'] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];

/**
 * A member's lifecycle stage on `asOfDay`. "Days since" counts whole days: active on the as-of day
 * is 0 days since. The first rule that fits wins:
 *
 * 1. No activity at all: `new` if joined within `newDays` (asOf − joinedDay < newDays), else
 *    `dormant` (a lurker who never took part, or a member with no join date).
 * 2. `dormant`: days since the last activity ≥ `dormantAfterDays`.
 * 3. `at_risk`: days since the last activity ≥ `atRiskAfterDays`.
 * 4. `returned`: active in the recent (engaged) window after a break: the first active day in the
 *    window minus the last active day before it ≥ `returnedGapDays`. Lasts until the comeback day
 *    leaves the window, then the member is judged by rules 5–7.
 * 5. `new`: started (the earlier of joining and first activity) within `newDays`, and fewer than 2
 *    active days.
 * 6. `engaged`: ≥ `engagedMinActiveDays` active days within `engagedWithinDays`.
 * 7. `activated`: everyone else: active recently, but not (yet) engaged.
 *
 * Drifting (2, 3) comes first because it is what an operator must act on; a comeback (4) outranks
 * engagement so that it is noticed for a whole window.
 *
 * @example
 * lifecycleOf({ joinedDay: 10, firstActiveDay: 10, lastActiveDay: 200, activeDays: 40,
 *   activeDaysInEngagedWindow: 6, firstActiveDayInEngagedWindow: 180, lastActiveDayBeforeEngagedWindow: 170 },
 *   defaultMemberRules.lifecycle, 205)
 * // { stage: 'engaged', explanation: { key: 'lifecycle.engaged', params: { activeDays: 6, window: 30, min: 4 } } }
 */
export function lifecycleOf(
  stats: Pick<
    MemberActivityStats,
    | 'joinedDay'
    | 'firstActiveDay'
    | 'lastActiveDay'
    | 'activeDays'
    | 'activeDaysInEngagedWindow'
    | 'firstActiveDayInEngagedWindow'
    | 'lastActiveDayBeforeEngagedWindow'
  >,
  rules: MemberRules['lifecycle'],
  asOfDay: number,
): { stage: LifecycleStage; explanation: Explanation } {
  const { joinedDay, firstActiveDay, lastActiveDay } = stats;
  if (lastActiveDay === null || firstActiveDay === null) {
    if (joinedDay !== null && asOfDay - joinedDay < rules.newDays) {
      return { stage: 'new', explanation: { key: 'lifecycle.newNoActivity', params: { joinedDay } } };
    }
    return {
      stage: 'dormant',
      explanation: { key: 'lifecycle.dormantNoActivity', params: joinedDay === null ? {} : { joinedDay } },
    };
  }

  const since = asOfDay - lastActiveDay;
  if (since >= rules.dormantAfterDays) {
    return {
      stage: 'dormant',
      explanation: {
        key: 'lifecycle.dormant',
        params: { days: since, lastActiveDay, threshold: rules.dormantAfterDays },
      },
    };
  }
  if (since >= rules.atRiskAfterDays) {
    return {
      stage: 'at_risk',
      explanation: {
        key: 'lifecycle.atRisk',
        params: { days: since, lastActiveDay, threshold: rules.atRiskAfterDays },
      },
    };
  }

  const back = stats.firstActiveDayInEngagedWindow;
  const before = stats.lastActiveDayBeforeEngagedWindow;
  if (back !== null && before !== null && back - before >= rules.returnedGapDays) {
    return {
      stage: 'returned',
      explanation: {
        key: 'lifecycle.returned',
        params: { returnedDay: back, previousDay: before, gap: back - before, threshold: rules.returnedGapDays },
      },
    };
  }

  const startDay = joinedDay === null ? firstActiveDay : Math.min(joinedDay, firstActiveDay);
  if (asOfDay - startDay < rules.newDays && stats.activeDays < 2) {
    return { stage: 'new', explanation: { key: 'lifecycle.new', params: { startDay, activeDays: stats.activeDays } } };
  }

  const params = {
    activeDays: stats.activeDaysInEngagedWindow,
    window: rules.engagedWithinDays,
    min: rules.engagedMinActiveDays,
  };
  return stats.activeDaysInEngagedWindow >= rules.engagedMinActiveDays
    ? { stage: 'engaged', explanation: { key: 'lifecycle.engaged', params } }
    : { stage: 'activated', explanation: { key: 'lifecycle.activated', params: { ...params, lastActiveDay } } };
}
