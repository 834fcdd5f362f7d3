/**
 * The population a recompute scores: every live member with their activity statistics and stored
 * tier, held in columns (typed arrays by position, in id order) rather than three objects per
 * member. At a million members the objects took ~0.9 s to build and kept the garbage collector
 * busy for the rest of the recompute; the columns fill in a fraction of that.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { TierState } from '../../shared/members/tiers';
import type { ActivityStatsParams, MemberActivityStats } from './member-stats';
import { jsonPageSql, keysetPages, parsePage } from './pages';

/** Rows per page of the million-row reads here (see pages.ts); tests pass small ones to cross pages. */
const PAGE = 5000;

/** null in a whole-number column (days and day counts). */
const NONE = -2147483648;

const numberOrNull = (value: number): number | null => (value === NONE ? null : value);

/** A member as the population query reads them: all-time activity (null for none) and stored tier. */
export type PopulationRow = [
  id: number,
  firstSeen: number | null,
  points: number | null,
  activeDays: number | null,
  firstDay: number | null,
  lastDay: number | null,
  reactions: number | null,
  referrals: number | null,
  tier: string | null,
  sinceDay: number | null,
  reviewedDay: number | null,
  /** The member's stored member_score row (signature, tier rank, points balance), when read. */
  scoreSig?: number | null,
  scoreTierRank?: number | null,
  scorePoints?: number | null,
];

/**
 * Live members by position. Members without activity up to the as-of day have no statistics
 * (`activity(at)` is undefined); members never tiered have no tier state.
 *
 * @example
 * const population = memberPopulation(sqlite, { asOfDay, reviewDay, rules });
 * for (let at = 0; at < population.size; at += 1) population.activity(at)?.earnedWindow;
 */
export class MemberPopulation {
  size = 0;
  private ids = new Float64Array(0);
  private firstSeen = new Float64Array(0);
  private active = new Uint8Array(0);
  private earnedTotal = new Float64Array(0);
  private earnedWindow = new Float64Array(0);
  private earnedAtReview = new Float64Array(0);
  private reactions = new Float64Array(0);
  private referrals = new Float64Array(0);
  private firstDay = new Int32Array(0);
  private lastDay = new Int32Array(0);
  private activeDays = new Int32Array(0);
  private days30 = new Int32Array(0);
  private inCore = new Int32Array(0);
  private inActive = new Int32Array(0);
  private inEngaged = new Int32Array(0);
  private firstInEngaged = new Int32Array(0);
  private lastBeforeEngaged = new Int32Array(0);
  private tierCode = new Int32Array(0);
  private sinceDay = new Int32Array(0);
  private reviewedDay = new Int32Array(0);
  private scoreSig = new Float64Array(0);
  private scoreTierRank = new Float64Array(0);
  private scorePoints = new Float64Array(0);
  /** Tier ids by code (tierCode indexes this; -1 is "never tiered"). */
  private readonly tierIds: string[] = [];
  private readonly tierCodes = new Map<string, number>();

  constructor(capacity = 16) {
    this.resize(Math.max(1, capacity));
  }

  /**
   * A population of the given members (in id order), e.g. the one member a points change rescores.
   *
   * @example
   * MemberPopulation.of([{ memberId: 7, firstSeen: null, stats: undefined, tier: null }]).size // 1
   */
  static of(
    members: readonly {
      memberId: number;
      firstSeen: number | null;
      stats: MemberActivityStats | undefined;
      tier: TierState | null;
    }[],
  ): MemberPopulation {
    const population = new MemberPopulation(members.length);
    for (const { memberId, firstSeen, stats, tier } of members) {
      const at = population.add([
        memberId,
        firstSeen,
        stats?.earnedTotal ?? null,
        stats?.activeDays ?? null,
        stats?.firstActiveDay ?? null,
        stats?.lastActiveDay ?? null,
        stats?.reactionsReceived ?? null,
        stats?.referrals ?? null,
        tier?.tierId ?? null,
        tier?.sinceDay ?? null,
        tier?.reviewedDay ?? null,
      ]);
      if (stats) population.setWindows(at, stats);
    }
    return population;
  }

  /** Appends a member (ids must come in increasing order); returns its position. */
  add(row: PopulationRow): number {
    const [
      memberId,
      firstSeen,
      points,
      activeDays,
      firstDay,
      lastDay,
      reactions,
      referrals,
      tier,
      sinceDay,
      reviewedDay,
      scoreSig,
      scoreTierRank,
      scorePoints,
    ] = row;
    if (this.size === this.ids.length) this.resize(this.size * 2);
    const at = this.size;
    this.size += 1;
    const active = activeDays !== null && activeDays > 0 && firstDay !== null && lastDay !== null;
    this.ids[at] = memberId;
    this.firstSeen[at] = firstSeen ?? Number.NaN;
    this.scoreSig[at] = scoreSig ?? Number.NaN;
    this.scoreTierRank[at] = scoreTierRank ?? Number.NaN;
    this.scorePoints[at] = scorePoints ?? Number.NaN;
    this.active[at] = active ? 1 : 0;
    this.earnedTotal[at] = active ? (points ?? 0) : 0;
    this.firstDay[at] = active ? firstDay : NONE;
    this.lastDay[at] = active ? lastDay : NONE;
    this.activeDays[at] = active ? activeDays : 0;
    this.reactions[at] = active ? (reactions ?? 0) : 0;
    this.referrals[at] = active ? (referrals ?? 0) : 0;
    this.earnedWindow[at] = 0;
    this.earnedAtReview[at] = 0;
    this.days30[at] = 0;
    this.inCore[at] = 0;
    this.inActive[at] = 0;
    this.inEngaged[at] = 0;
    this.firstInEngaged[at] = NONE;
    this.lastBeforeEngaged[at] = NONE;
    if (tier !== null && sinceDay !== null) {
      let code = this.tierCodes.get(tier);
      if (code === undefined) {
        code = this.tierIds.length;
        this.tierIds.push(tier);
        this.tierCodes.set(tier, code);
      }
      this.tierCode[at] = code;
      this.sinceDay[at] = sinceDay;
      this.reviewedDay[at] = reviewedDay ?? NONE;
    } else {
      this.tierCode[at] = -1;
    }
    return at;
  }

  /** The member id at a position. */
  memberId(at: number): number {
    return this.ids[at] ?? 0;
  }

  /** When the member was first seen (UTC ms), or null. */
  firstSeenAt(at: number): number | null {
    const value = this.firstSeen[at] ?? Number.NaN;
    return Number.isNaN(value) ? null : value;
  }

  /** The signature of the member's stored member_score row, or null (none, or never read). */
  storedSignature(at: number): number | null {
    const sig = this.scoreSig[at] ?? Number.NaN;
    return Number.isNaN(sig) ? null : sig;
  }

  /** The stored member_score row's tier rank and points balance, or null (none, or never read). */
  storedStanding(at: number): { tierRank: number; pointsBalance: number } | null {
    const tierRank = this.scoreTierRank[at] ?? Number.NaN;
    return Number.isNaN(tierRank) ? null : { tierRank, pointsBalance: this.scorePoints[at] ?? 0 };
  }

  /** Whether the member has activity up to the as-of day. */
  hasActivity(at: number): boolean {
    return this.active[at] === 1;
  }

  /** The member's first active day, or null. */
  firstActiveDay(at: number): number | null {
    return this.active[at] === 1 ? numberOrNull(this.firstDay[at] ?? NONE) : null;
  }

  /** The member's last active day up to the as-of day, or null. */
  lastActiveDay(at: number): number | null {
    return this.active[at] === 1 ? numberOrNull(this.lastDay[at] ?? NONE) : null;
  }

  /** Position of a member id (binary search: members are in id order). */
  position(memberId: number): number | undefined {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const id = this.ids[mid] ?? 0;
      if (id === memberId) return mid;
      if (id < memberId) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }

  /** A member's activity statistics (a new object each call), undefined when they have none. */
  activity(at: number): MemberActivityStats | undefined {
    if (this.active[at] !== 1) return undefined;
    return {
      memberId: this.ids[at] ?? 0,
      earnedTotal: this.earnedTotal[at] ?? 0,
      earnedWindow: this.earnedWindow[at] ?? 0,
      earnedAtReview: this.earnedAtReview[at] ?? 0,
      firstActiveDay: this.firstDay[at] ?? 0,
      lastActiveDay: this.lastDay[at] ?? 0,
      activeDays: this.activeDays[at] ?? 0,
      activeDays30: this.days30[at] ?? 0,
      activeDaysInCoreWindow: this.inCore[at] ?? 0,
      activeDaysInActiveWindow: this.inActive[at] ?? 0,
      activeDaysInEngagedWindow: this.inEngaged[at] ?? 0,
      firstActiveDayInEngagedWindow: numberOrNull(this.firstInEngaged[at] ?? NONE),
      lastActiveDayBeforeEngagedWindow: numberOrNull(this.lastBeforeEngaged[at] ?? NONE),
      reactionsReceived: this.reactions[at] ?? 0,
      referrals: this.referrals[at] ?? 0,
    };
  }

  /** The member's stored tier state, or null when never tiered. */
  tier(at: number): TierState | null {
    const code = this.tierCode[at] ?? -1;
    const tierId = this.tierIds[code];
    if (tierId === undefined) return null;
    return { tierId, sinceDay: this.sinceDay[at] ?? 0, reviewedDay: numberOrNull(this.reviewedDay[at] ?? NONE) };
  }

  /** Sets the windowed figures of a member with activity. */
  setWindows(
    at: number,
    w: Pick<
      MemberActivityStats,
      | 'earnedWindow'
      | 'earnedAtReview'
      | 'activeDays30'
      | 'activeDaysInCoreWindow'
      | 'activeDaysInActiveWindow'
      | 'activeDaysInEngagedWindow'
      | 'firstActiveDayInEngagedWindow'
      | 'lastActiveDayBeforeEngagedWindow'
    >,
  ): void {
    this.earnedWindow[at] = w.earnedWindow;
    this.earnedAtReview[at] = w.earnedAtReview;
    this.days30[at] = w.activeDays30;
    this.inCore[at] = w.activeDaysInCoreWindow;
    this.inActive[at] = w.activeDaysInActiveWindow;
    this.inEngaged[at] = w.activeDaysInEngagedWindow;
    this.firstInEngaged[at] = w.firstActiveDayInEngagedWindow ?? NONE;
    this.lastBeforeEngaged[at] = w.lastActiveDayBeforeEngagedWindow ?? NONE;
  }

  /** Takes activity after the as-of day back out of a member's all-time figures. */
  subtractLater(
    at: number,
    later: { points: number; days: number; reactions: number; referrals: number; lastDay: number | null },
  ): void {
    if (this.active[at] !== 1) return;
    if ((this.activeDays[at] ?? 0) <= later.days) {
      this.active[at] = 0;
      return;
    }
    this.earnedTotal[at] = (this.earnedTotal[at] ?? 0) - later.points;
    this.activeDays[at] = (this.activeDays[at] ?? 0) - later.days;
    this.reactions[at] = (this.reactions[at] ?? 0) - later.reactions;
    this.referrals[at] = (this.referrals[at] ?? 0) - later.referrals;
    this.lastDay[at] = later.lastDay ?? this.firstDay[at] ?? NONE;
  }

  /** Sets the last active day before the engaged window (null for none). */
  setLastBeforeEngaged(at: number, day: number | null): void {
    this.lastBeforeEngaged[at] = day ?? NONE;
  }

  private resize(capacity: number): void {
    const kept = Math.min(this.size, capacity);
    const f64 = (from: Float64Array): Float64Array<ArrayBuffer> => {
      const to = new Float64Array(capacity);
      to.set(from.subarray(0, kept));
      return to;
    };
    const i32 = (from: Int32Array): Int32Array<ArrayBuffer> => {
      const to = new Int32Array(capacity);
      to.set(from.subarray(0, kept));
      return to;
    };
    const active = new Uint8Array(capacity);
    active.set(this.active.subarray(0, kept));
    this.active = active;
    this.ids = f64(this.ids);
    this.firstSeen = f64(this.firstSeen);
    this.scoreSig = f64(this.scoreSig);
    this.scoreTierRank = f64(this.scoreTierRank);
    this.scorePoints = f64(this.scorePoints);
    this.earnedTotal = f64(this.earnedTotal);
    this.earnedWindow = f64(this.earnedWindow);
    this.earnedAtReview = f64(this.earnedAtReview);
    this.reactions = f64(this.reactions);
    this.referrals = f64(this.referrals);
    this.firstDay = i32(this.firstDay);
    this.lastDay = i32(this.lastDay);
    this.activeDays = i32(this.activeDays);
    this.days30 = i32(this.days30);
    this.inCore = i32(this.inCore);
    this.inActive = i32(this.inActive);
    this.inEngaged = i32(this.inEngaged);
    this.firstInEngaged = i32(this.firstInEngaged);
    this.lastBeforeEngaged = i32(this.lastBeforeEngaged);
    this.tierCode = i32(this.tierCode);
    this.sinceDay = i32(this.sinceDay);
    this.reviewedDay = i32(this.reviewedDay);
  }
}

type WindowRow = [
  memberId: number,
  earnedWindow: number,
  earnedAtReview: number,
  activeDays30: number,
  core: number,
  active: number,
  engaged: number,
  firstInEngaged: number | null,
  lastBeforeEngaged: number | null,
];

/**
 * Every member's activity statistics as `memberActivityStats` computes them, without
 * aggregating all of member_daily: all-time figures come from member_total (one row per member,
 * read with the member and their tier state in one id-ordered pass), the windowed ones from the
 * member_daily rows of the recent days the windows cover (each member's recent rows, read by
 * primary key), and rows after the as-of day, usually none, are taken back out.
 *
 * @example
 * const population = memberPopulation(sqlite, { asOfDay, reviewDay, rules });
 * population.activity(0)?.earnedWindow // 120
 */
export function memberPopulation(
  sqlite: BetterSqlite3.Database,
  params: Omit<ActivityStatsParams, 'memberId'>,
  pageSize = PAGE,
): MemberPopulation {
  const { asOfDay: asOf, reviewDay: review, rules } = params;
  const window = rules.tiers.windowDays;
  const core = Math.trunc(rules.circles.core.withinDays);
  const active = Math.trunc(rules.circles.active.withinDays);
  const engaged = Math.trunc(rules.lifecycle.engagedWithinDays);
  const engagedFrom = asOf - engaged;
  // Every windowed figure reads only days after `low`.
  const low = Math.min(asOf - window, review - window - 1, asOf - 30, asOf - core, asOf - active, engagedFrom);

  // Live members number at most the highest id: no regrowing on the way.
  const highest = sqlite.prepare<[], [number | null]>('SELECT max(id) FROM member').raw().get()?.[0] ?? 0;
  const population = new MemberPopulation(highest);
  const page = sqlite
    .prepare<[number, number], unknown>(
      jsonPageSql(
        [
          'id',
          'first_seen',
          'points',
          'active_days',
          'first_day',
          'last_day',
          'reactions_received',
          'referrals',
          'tier',
          'since_day',
          'reviewed_day',
          'sig',
          'score_tier_rank',
          'score_points',
        ],
        'id',
        // The stored score comes along (~0.1 s at 1M members, against ~0.4 s for a pass of its
        // own): the write skips the rows stored already and spares the standing's indexes.
        `SELECT m.id, m.first_seen, t.points, t.active_days, t.first_day, t.last_day, t.reactions_received, t.referrals,
           mt.tier, mt.since_day, mt.reviewed_day, s.sig, s.tier_rank AS score_tier_rank, s.points_balance AS score_points
         FROM member m LEFT JOIN member_total t ON t.member_id = m.id LEFT JOIN member_tier mt ON mt.member_id = m.id
           LEFT JOIN member_score s ON s.member_id = m.id
         WHERE m.merged_into IS NULL AND m.id > ? ORDER BY m.id LIMIT ?`,
      ),
    )
    .pluck();
  for (const rows of keysetPages(
    (after) => parsePage<PopulationRow>(page.get(after, pageSize)),
    pageSize,
    (row) => row[0],
  )) {
    for (const row of rows) {
      const at = population.add(row);
      const last = population.lastActiveDay(at);
      if (last !== null && last <= engagedFrom) population.setLastBeforeEngaged(at, last);
    }
  }

  const lastDayUpTo = sqlite
    .prepare<[number, number], [number | null]>('SELECT max(day) FROM member_daily WHERE member_id = ? AND day <= ?')
    .raw();
  // Days after the as-of day (a recompute as of an earlier day, or clocks ahead): not counted.
  // Read through the day index: usually there are none, and without it SQLite walks every row.
  const later = sqlite
    .prepare<[number], [number, number, number, number, number]>(
      `SELECT member_id, total(points), count(*), total(reactions_received), total(k_referral)
       FROM member_daily INDEXED BY member_daily_day WHERE day > ? GROUP BY member_id`,
    )
    .raw()
    .iterate(asOf);
  for (const [memberId, points, days, reactions, referrals] of later) {
    const at = population.position(memberId);
    if (at === undefined || !population.hasActivity(at)) continue;
    population.subtractLater(at, {
      points,
      days,
      reactions,
      referrals,
      lastDay: lastDayUpTo.get(memberId, asOf)?.[0] ?? null,
    });
    const last = population.lastActiveDay(at);
    population.setLastBeforeEngaged(at, last !== null && last <= engagedFrom ? last : null);
  }

  const recent = sqlite
    .prepare<Record<string, number>, unknown>(
      jsonPageSql(
        ['member_id', 'w', 'r', 'd30', 'core', 'active', 'engaged', 'first_engaged', 'last_before'],
        'member_id',
        `SELECT t.member_id,
           total(CASE WHEN d.day > @asOf - @window THEN d.points END) AS w,
           total(CASE WHEN d.day >= @review - @window AND d.day < @review THEN d.points END) AS r,
           count(*) FILTER (WHERE d.day > @asOf - 30) AS d30,
           count(*) FILTER (WHERE d.day > @asOf - ${core}) AS core,
           count(*) FILTER (WHERE d.day > @asOf - ${active}) AS active,
           count(*) FILTER (WHERE d.day > @asOf - ${engaged}) AS engaged,
           min(d.day) FILTER (WHERE d.day > @asOf - ${engaged}) AS first_engaged,
           max(d.day) FILTER (WHERE d.day <= @asOf - ${engaged}) AS last_before
         FROM member_total t CROSS JOIN member_daily d ON d.member_id = t.member_id AND d.day > @low AND d.day <= @asOf
         WHERE t.last_day > @low AND t.member_id > @after
         GROUP BY t.member_id ORDER BY t.member_id LIMIT @limit`,
      ),
    )
    .pluck();
  // Both in id order: walk them side by side.
  let at = 0;
  for (const rows of keysetPages(
    (after) => parsePage<WindowRow>(recent.get({ asOf, review, window, low, after, limit: pageSize })),
    pageSize,
    (row) => row[0],
  )) {
    for (const [
      memberId,
      earnedWindow,
      earnedAtReview,
      days30,
      inCore,
      inActive,
      inEngaged,
      firstInEngaged,
      lastBeforeEngaged,
    ] of rows) {
      while (at < population.size && population.memberId(at) < memberId) at += 1;
      if (at >= population.size || population.memberId(at) !== memberId || !population.hasActivity(at)) continue;
      const lastActive = population.lastActiveDay(at) ?? 0;
      population.setWindows(at, {
        earnedWindow,
        earnedAtReview,
        activeDays30: days30,
        activeDaysInCoreWindow: inCore,
        activeDaysInActiveWindow: inActive,
        activeDaysInEngagedWindow: inEngaged,
        firstActiveDayInEngagedWindow: firstInEngaged,
        // Active lately: the last day before the engaged window is in the recent rows, or
        // earlier; otherwise it is the last active day, set above.
        lastActiveDayBeforeEngagedWindow:
          lastActive > engagedFrom
            ? (lastBeforeEngaged ??
              ((population.firstActiveDay(at) ?? Infinity) <= low
                ? (lastDayUpTo.get(memberId, low)?.[0] ?? null)
                : null))
            : lastActive,
      });
    }
  }
  return population;
}
