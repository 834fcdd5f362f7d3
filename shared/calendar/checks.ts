/**
 * The calendar's warnings: two posts clashing on one channel, a series' promised day left empty,
 * an owner carrying more than a week's load, and the quarter's high-value events against their
 * target. Pure functions over the items the calendar shows; times are wall-clock text, so all
 * arithmetic is on local minutes and days with no time zone involved.
 */
import type {
  CalendarConflict,
  CalendarGap,
  CalendarSettings,
  ContentItem,
  HighValueQuarter,
  OwnerLoad,
} from '../calendar';
import { dayNumber, dayToIso } from '../time';

/** What the checks need of an item. */
export type PlannedItem = Pick<
  ContentItem,
  | 'key'
  | 'title'
  | 'channel'
  | 'owner'
  | 'status'
  | 'start'
  | 'durationMin'
  | 'allDay'
  | 'seriesId'
  | 'highValue'
  | 'performance'
>;

const MINUTES_PER_DAY = 1440;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const LOCAL_TIME = /T(\d{2}):(\d{2})$/;

/** The local day number of 'YYYY-MM-DD…' text; throws on malformed text. */
function dayOf(local: string): number {
  const m = LOCAL_DATE.exec(local);
  if (!m) throw new RangeError(`Not a local date: ${local}`);
  return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Minutes since 1970-01-01T00:00 of a local start, by arithmetic on its digits. */
function minuteOf(start: string): number {
  const t = LOCAL_TIME.exec(start);
  if (!t) throw new RangeError(`Not a local time: ${start}`);
  return dayOf(start) * MINUTES_PER_DAY + Number(t[1]) * 60 + Number(t[2]);
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Span {
  key: string;
  start: string;
  from: number;
  to: number;
}

/** Connected clusters of overlapping half-open spans, each with two or more members. */
function clusters(spans: Span[]): Span[][] {
  spans.sort((a, b) => a.from - b.from || byText(a.start, b.start) || byText(a.key, b.key));
  const out: Span[][] = [];
  let current: Span[] = [];
  let reach = -Infinity;
  for (const span of spans) {
    // Touching spans (one ends as the next starts) do not clash.
    if (span.from < reach) current.push(span);
    else {
      if (current.length > 1) out.push(current);
      current = [span];
    }
    reach = Math.max(reach, span.to);
  }
  if (current.length > 1) out.push(current);
  return out;
}

/**
 * Clashes on a channel among non-cancelled items with a start and a channel. Timed items clash
 * when [start, start + durationMin) overlap; all-day items cover whole days from their start's
 * date (durationMin / 1440, at least one day) and clash only with other all-day items, because a
 * timed post on a theme day is the normal case. One conflict per connected cluster (A overlaps B
 * and B overlaps C is one conflict of three), its keys ordered by start then key, its `start` the
 * earliest; conflicts ordered by start, then channel.
 *
 * @example
 * findConflicts([
 *   { ...item, key: 'i1', channel: 'Weibo', start: '2026-11-24T09:00', durationMin: 60 },
 *   { ...item, key: 'i2', channel: 'Weibo', start: '2026-11-24T09:30', durationMin: 30 },
 * ]) // [{ channel: 'Weibo', keys: ['i1', 'i2'], start: '2026-11-24T09:00' }]
 */
export function findConflicts(items: readonly PlannedItem[]): CalendarConflict[] {
  // Spans per channel and kind; the map key keeps all-day and timed items apart.
  const lanes = new Map<string, { channel: string; spans: Span[] }>();
  for (const item of items) {
    if (item.status === 'cancelled' || item.start === null || item.channel === null) continue;
    let from: number;
    let to: number;
    if (item.allDay) {
      from = dayOf(item.start) * MINUTES_PER_DAY;
      to = from + Math.max(1, Math.ceil(item.durationMin / MINUTES_PER_DAY)) * MINUTES_PER_DAY;
    } else {
      from = minuteOf(item.start);
      to = from + item.durationMin;
    }
    const laneKey = `${item.allDay ? 'd' : 't'}:${item.channel}`;
    let lane = lanes.get(laneKey);
    if (!lane) lanes.set(laneKey, (lane = { channel: item.channel, spans: [] }));
    lane.spans.push({ key: item.key, start: item.start, from, to });
  }
  const conflicts: CalendarConflict[] = [];
  for (const { channel, spans } of lanes.values()) {
    for (const cluster of clusters(spans)) {
      const first = cluster[0];
      if (!first) continue;
      conflicts.push({ channel, keys: cluster.map((s) => s.key), start: first.start });
    }
  }
  return conflicts.sort(
    (a, b) => byText(a.start, b.start) || byText(a.channel, b.channel) || byText(a.keys[0] ?? '', b.keys[0] ?? ''),
  );
}

/**
 * The promises left empty. A promise is a local date on which a series promises an occurrence;
 * it is kept when a non-cancelled item starting on that date belongs to the same series, or, for
 * a promise with a channel, is on that channel (an occurrence moved to another day leaves a gap;
 * another post on the channel fills it). Ordered by date, then series id.
 *
 * @example
 * findGaps([{ seriesId: 3, title: 'Tuesday tips', channel: 'Weibo', date: '2026-11-24' }], [])
 * // [{ seriesId: 3, title: 'Tuesday tips', channel: 'Weibo', date: '2026-11-24' }]
 */
export function findGaps(
  promises: ReadonlyArray<{ seriesId: number; title: string; channel: string | null; date: string }>,
  items: readonly PlannedItem[],
): CalendarGap[] {
  const seriesDays = new Set<string>();
  const channelDays = new Set<string>();
  for (const item of items) {
    if (item.status === 'cancelled' || item.start === null) continue;
    const date = item.start.slice(0, 10);
    if (item.seriesId !== null) seriesDays.add(`${date}|${item.seriesId}`);
    // The date has a fixed width, so no channel name can make two keys collide.
    if (item.channel !== null) channelDays.add(`${date}|${item.channel}`);
  }
  return promises
    .filter(
      (p) =>
        !seriesDays.has(`${p.date}|${p.seriesId}`) &&
        !(p.channel !== null && channelDays.has(`${p.date}|${p.channel}`)),
    )
    .map((p) => ({ seriesId: p.seriesId, title: p.title, channel: p.channel, date: p.date }))
    .sort((a, b) => byText(a.date, b.date) || a.seriesId - b.seriesId);
}

/**
 * The Monday ('YYYY-MM-DD') of the ISO week a local date or time falls in.
 *
 * @example
 * isoWeekStart('2026-12-31') // '2026-12-28'
 * isoWeekStart('2027-01-03T10:00') // '2026-12-28'
 */
export function isoWeekStart(local: string): string {
  const day = dayOf(local);
  // Day 0 (1970-01-01) was a Thursday, three days after a Monday.
  return dayToIso(day - ((((day + 3) % 7) + 7) % 7));
}

/**
 * Owners carrying more than their weekly load: non-cancelled items with an owner and a start,
 * counted per owner per ISO week (keyed by its Monday), reported when the count exceeds the
 * owner's limit (`owners[owner]`, else `default`). Ordered by week, then owner.
 *
 * @example
 * findOverloads(twelveItemsForLiInOneWeek, { default: 10, owners: {} })
 * // [{ owner: 'Li', week: '2026-11-23', count: 12, limit: 10 }]
 */
export function findOverloads(items: readonly PlannedItem[], load: CalendarSettings['ownerWeeklyLoad']): OwnerLoad[] {
  const counts = new Map<string, Map<string, number>>();
  for (const item of items) {
    if (item.status === 'cancelled' || item.start === null || item.owner === null) continue;
    const week = isoWeekStart(item.start);
    let perOwner = counts.get(week);
    if (!perOwner) counts.set(week, (perOwner = new Map()));
    perOwner.set(item.owner, (perOwner.get(item.owner) ?? 0) + 1);
  }
  const out: OwnerLoad[] = [];
  for (const [week, perOwner] of counts) {
    for (const [owner, count] of perOwner) {
      // hasOwn: an owner called "constructor" must not find Object.prototype's.
      const limit = Object.hasOwn(load.owners, owner) ? (load.owners[owner] ?? load.default) : load.default;
      if (count > limit) out.push({ owner, week, count, limit });
    }
  }
  return out.sort((a, b) => byText(a.week, b.week) || byText(a.owner, b.owner));
}

/**
 * The quarter a local date or time falls in.
 *
 * @example
 * quarterOf('2026-11-24') // '2026-Q4'
 */
export function quarterOf(date: string): string {
  const m = LOCAL_DATE.exec(date);
  if (!m) throw new RangeError(`Not a local date: ${date}`);
  return `${m[1]}-Q${Math.floor((Number(m[2]) - 1) / 3) + 1}`;
}

/**
 * The first and last local dates of a quarter ('2026-Q4').
 *
 * @example
 * quarterRange('2026-Q4') // { from: '2026-10-01', to: '2026-12-31' }
 */
export function quarterRange(quarter: string): { from: string; to: string } {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new RangeError(`Not a quarter such as 2026-Q4: ${quarter}`);
  const year = Number(m[1]);
  const firstMonth = (Number(m[2]) - 1) * 3 + 1;
  return {
    from: dayToIso(dayNumber(year, firstMonth, 1)),
    // The day before the next quarter starts (Date.UTC rolls month 13 into January).
    to: dayToIso(dayNumber(year, firstMonth + 3, 1) - 1),
  };
}

/**
 * High-value events per listed quarter: `target` is the per-quarter target, `planned` the
 * non-cancelled high-value items starting in the quarter, `met` those of them whose recorded
 * participants reached `minParticipants` (participants not entered do not count).
 *
 * @example
 * highValueByQuarter(items, { perQuarter: 3, minParticipants: 1000 }, ['2026-Q4'])
 * // [{ quarter: '2026-Q4', target: 3, planned: 2, met: 1, minParticipants: 1000 }]
 */
export function highValueByQuarter(
  items: readonly PlannedItem[],
  settings: CalendarSettings['highValue'],
  quarters: readonly string[],
): HighValueQuarter[] {
  const tally = new Map<string, { planned: number; met: number }>();
  for (const item of items) {
    if (item.status === 'cancelled' || !item.highValue || item.start === null) continue;
    const quarter = quarterOf(item.start);
    const t = tally.get(quarter) ?? { planned: 0, met: 0 };
    t.planned++;
    const participants = item.performance.participants;
    if (participants !== null && participants >= settings.minParticipants) t.met++;
    tally.set(quarter, t);
  }
  return quarters.map((quarter) => ({
    quarter,
    target: settings.perQuarter,
    planned: tally.get(quarter)?.planned ?? 0,
    met: tally.get(quarter)?.met ?? 0,
    minParticipants: settings.minParticipants,
  }));
}
