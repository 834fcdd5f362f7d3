/**
 * Points: what a day of activity earns, and which earned points expire. Plain functions over day
 * numbers (shared/time.ts); the database versions are tested against these.
 */
import type { ActivityKind } from '../import';
import type { MemberRules } from './rules';

const MS_PER_DAY = 86_400_000;

/** A dated amount of points: an earned lot, a debit, or an expiry. */
export interface PointsOnDay {
  day: number;
  points: number;
}

/**
 * Points one member earns for one day's activity: per kind min(count × points, the kind's daily
 * cap), summed, then capped by the overall daily cap. Kinds without a rule earn nothing.
 *
 * @example
 * pointsForDay(
 *   { message: 30, reply: 3 },
 *   { rules: [{ kind: 'message', points: 1, dailyCap: 20 }, { kind: 'reply', points: 2, dailyCap: null }],
 *     dailyCap: 100, expiry: { mode: 'none' } },
 * ) // 26: messages capped at 20, plus 3 replies × 2
 */
export function pointsForDay(counts: Partial<Record<ActivityKind, number>>, rules: MemberRules['points']): number {
  let total = 0;
  for (const rule of rules.rules) {
    const count = counts[rule.kind] ?? 0;
    if (count <= 0) continue;
    const earned = count * rule.points;
    total += rule.dailyCap === null ? earned : Math.min(earned, rule.dailyCap);
  }
  return rules.dailyCap === null ? total : Math.min(total, rules.dailyCap);
}

/**
 * The day `months` calendar months after `day`, clamped to the end of a shorter month.
 *
 * @example
 * addMonths(dayNumber(2024, 1, 31), 1) === dayNumber(2024, 2, 29) // true
 */
export function addMonths(day: number, months: number): number {
  // A recompute asks this for a million members over a few hundred distinct days.
  const key = day * 4096 + months;
  const known = addMonthsMemo.get(key);
  if (known !== undefined) return known;
  if (addMonthsMemo.size >= 65_536) addMonthsMemo.clear();
  const result = addMonthsUncached(day, months);
  addMonthsMemo.set(key, result);
  return result;
}

const addMonthsMemo = new Map<number, number>();

function addMonthsUncached(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  const target = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(target / 12);
  const month = ((target % 12) + 12) % 12;
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Math.floor(Date.UTC(year, month, Math.min(date.getUTCDate(), lastOfMonth)) / MS_PER_DAY);
}

interface Lot {
  left: number;
  /** Age mode only: the day what is left of the lot expires. */
  expiresDay: number;
}

/**
 * The points that have expired by `asOfDay`, as positive amounts on the day they expire (one entry
 * per day, oldest first).
 *
 * Points are kept as lots (each earned entry, grants included, is a lot) and used oldest first:
 * a debit (redemption, deduction) takes from the oldest lots still open on its day. Expiry:
 * - `age`: what is left of a lot expires `months` calendar months after the day it was earned;
 * - `inactivity`: everything left expires `months` after `lastActiveDay` (nothing, if the member
 *   has no activity). Only the current spell of inactivity counts; earlier ones were handled when
 *   they happened (their expiry entries come back as debits, see below).
 *
 * A day's order: its earnings, then its debits, then its expiries. So points can still be spent on
 * the day they expire, and a debit larger than the open lots leaves a deficit that later earnings
 * pay off first; an expiry never takes more than the balance.
 *
 * Expiry entries already in the ledger may be passed among `debits`: they take the same oldest lots,
 * so the result then holds only what is newly due. Entries with points ≤ 0 are ignored, as are
 * entries after `asOfDay`.
 *
 * @example
 * expireEntries(
 *   { earned: [{ day: 100, points: 50 }, { day: 200, points: 30 }], debits: [{ day: 150, points: 20 }],
 *     lastActiveDay: 200, asOfDay: 600 },
 *   { mode: 'age', months: 12 },
 * ) // [{ day: 465, points: 30 }, { day: 565, points: 30 }]: the debit took 20 of the first lot
 */
export function expireEntries(
  input: { earned: PointsOnDay[]; debits: PointsOnDay[]; lastActiveDay: number | null; asOfDay: number },
  expiry: MemberRules['points']['expiry'],
): PointsOnDay[] {
  if (expiry.mode === 'none') return [];
  const { asOfDay } = input;
  const byDay = (a: PointsOnDay, b: PointsOnDay): number => a.day - b.day;
  const earned = input.earned.filter((e) => e.points > 0 && e.day <= asOfDay).sort(byDay);
  const debits = input.debits.filter((d) => d.points > 0 && d.day <= asOfDay).sort(byDay);
  const inactivityDay =
    expiry.mode === 'inactivity' && input.lastActiveDay !== null ? addMonths(input.lastActiveDay, expiry.months) : null;

  const lots: Lot[] = []; // open lots, oldest first; lots[head] is the oldest
  let head = 0;
  let deficit = 0;
  const expired: PointsOnDay[] = [];
  const expire = (day: number, points: number): void => {
    const last = expired.at(-1);
    if (last?.day === day) last.points += points;
    else expired.push({ day, points });
  };

  let e = 0;
  let d = 0;
  let previousDay = -Infinity;
  for (;;) {
    // The next day anything happens: an earning, a debit, or an expiry of open lots.
    let day = Infinity;
    if (e < earned.length) day = earned[e]!.day;
    if (d < debits.length) day = Math.min(day, debits[d]!.day);
    if (head < lots.length) {
      if (expiry.mode === 'age') day = Math.min(day, lots[head]!.expiresDay);
      else if (inactivityDay !== null && inactivityDay > previousDay) day = Math.min(day, inactivityDay);
    }
    if (day > asOfDay) break;
    previousDay = day;

    for (; e < earned.length && earned[e]!.day === day; e++) {
      const paid = Math.min(deficit, earned[e]!.points);
      deficit -= paid;
      const left = earned[e]!.points - paid;
      if (left > 0) lots.push({ left, expiresDay: expiry.mode === 'age' ? addMonths(day, expiry.months) : Infinity });
    }
    for (; d < debits.length && debits[d]!.day === day; d++) {
      let owed = debits[d]!.points;
      while (owed > 0 && head < lots.length) {
        const lot = lots[head]!;
        const taken = Math.min(lot.left, owed);
        lot.left -= taken;
        owed -= taken;
        if (lot.left === 0) head++;
      }
      deficit += owed;
    }
    // Lots expire in the order they were earned, so the expiring ones are always the oldest.
    const expiresAll = day === inactivityDay;
    for (; head < lots.length && (expiresAll || lots[head]!.expiresDay <= day); head++) expire(day, lots[head]!.left);
  }
  return expired;
}
