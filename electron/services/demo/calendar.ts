/**
 * The demo's sense of time: 18 months of local days ending at `now`, with growth, shopping
 * festivals (双十一, 618), Spring Festival, a weekly rhythm and a daily one, and the window of
 * the one past incident. Everything is precomputed per day so drawing a time costs a few random
 * numbers and an array look-up.
 */
import { searchCumulative, type SeededRandom } from '../../../shared/random';
import { dayNumber, dayResolver, startOfDayUtc } from '../../../shared/time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 18 months of history. */
export const DEMO_SPAN_DAYS = 548;
/** The incident happened this many days before now and lasted this long (local days). */
const INCIDENT_DAYS_AGO = 130;
const INCIDENT_LENGTH_DAYS = 3;
/** Days at the end of the history with an emerging complaint wave. */
const EMERGING_DAYS = 2;

/** 春节 (first day of the lunar year); the years a demo can plausibly cover. */
const springFestival: Record<number, readonly [number, number]> = {
  2019: [2, 5],
  2020: [1, 25],
  2021: [2, 12],
  2022: [2, 1],
  2023: [1, 22],
  2024: [2, 10],
  2025: [1, 29],
  2026: [2, 17],
  2027: [2, 6],
  2028: [1, 26],
  2029: [2, 13],
  2030: [2, 3],
  2031: [1, 23],
  2032: [2, 11],
  2033: [1, 31],
  2034: [2, 19],
  2035: [2, 8],
  2036: [1, 28],
};

/** Daily volume by day of week, Sunday first: weekends busiest, Monday quietest. */
const weekly = [1.2, 0.82, 0.86, 0.9, 0.92, 1.0, 1.25] as const;

/** Activity by local hour: morning coffee, lunch, a 3 pm break, and the 8–10 pm peak. */
const weekdayHours = [
  0.6, 0.3, 0.15, 0.1, 0.1, 0.2, 0.6, 1.6, 2.4, 2.0, 1.6, 1.7, 2.6, 2.2, 1.6, 2.0, 1.7, 1.6, 2.2, 3.0, 3.8, 4.2, 3.4,
  1.8,
];
/** Weekends start later and stay busy through the afternoon. */
const weekendHours = [
  1.0, 0.6, 0.3, 0.15, 0.1, 0.1, 0.2, 0.5, 1.2, 2.2, 3.0, 3.2, 3.0, 2.8, 3.0, 3.2, 3.0, 2.6, 2.4, 2.8, 3.2, 3.2, 2.6,
  1.6,
];
/** Shopping by local hour: evenings, and the midnight rush that opens a festival sale. */
const orderHours = [
  1.2, 0.5, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.4, 1.6, 1.8, 2.2, 2.0, 1.6, 1.6, 1.6, 1.8, 2.2, 2.8, 3.4, 3.8, 3.4,
  2.2,
];

function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    out[i] = total;
  });
  return out;
}

const bump = (distance: number, width: number): number => Math.exp(-0.5 * (distance / width) ** 2);

/** Festival distances for one local day: days to 11.11, 6.18 and 春节 (nearest occurrence). */
function festivalDistances(day: number): { singles: number; midYear: number; spring: number } {
  const year = new Date(day * DAY).getUTCFullYear();
  let singles = Infinity;
  let midYear = Infinity;
  let spring = Infinity;
  for (const y of [year - 1, year, year + 1]) {
    const s = day - dayNumber(y, 11, 11);
    if (Math.abs(s) < Math.abs(singles)) singles = s;
    const m = day - dayNumber(y, 6, 18);
    if (Math.abs(m) < Math.abs(midYear)) midYear = m;
    const [month, date] = springFestival[y] ?? [2, 1];
    const f = day - dayNumber(y, month, date);
    if (Math.abs(f) < Math.abs(spring)) spring = f;
  }
  return { singles, midYear, spring };
}

/** The precomputed calendar of one demo run. Day index `k` means local day `firstDay + k`. */
export class DemoCalendar {
  readonly dayOf: (ts: number) => number;
  readonly firstDay: number;
  readonly lastDay: number;
  readonly days: number;
  /** UTC start of each local day; one extra entry for the day after the last. */
  readonly dayStart: Float64Array;
  readonly weekend: Uint8Array;
  /** Acceptance weight (0–1] of an activity on each day: weekly rhythm × seasons × incident. */
  readonly activityWeight: Float64Array;
  /** Acceptance weight (0–1] of an order on each day: shopping festivals. */
  readonly orderWeight: Float64Array;
  /** Share of messages that are complaints on each day, and the share of those about delivery. */
  readonly complaintRate: Float64Array;
  readonly deliveryShare: Float64Array;
  /** 11.11 itself, for the midnight rush. */
  readonly singlesDay: Uint8Array;
  readonly incidentStart: number;
  readonly incidentEnd: number;
  private readonly joinCumulative: Float64Array;
  private readonly weekdayHourCumulative = cumulative(weekdayHours);
  private readonly weekendHourCumulative = cumulative(weekendHours);
  private readonly orderHourCumulative = cumulative(orderHours);

  constructor(
    readonly now: number,
    readonly timeZone: string,
    spanDays: number = DEMO_SPAN_DAYS,
  ) {
    this.dayOf = dayResolver(timeZone);
    this.lastDay = this.dayOf(now);
    this.firstDay = this.lastDay - spanDays + 1;
    this.days = spanDays;
    this.dayStart = new Float64Array(spanDays + 1);
    this.weekend = new Uint8Array(spanDays);
    this.activityWeight = new Float64Array(spanDays);
    this.orderWeight = new Float64Array(spanDays);
    this.complaintRate = new Float64Array(spanDays);
    this.deliveryShare = new Float64Array(spanDays);
    this.singlesDay = new Uint8Array(spanDays);
    this.joinCumulative = new Float64Array(spanDays);

    const incidentFirst = spanDays - 1 - INCIDENT_DAYS_AGO;
    let joinTotal = 0;
    for (let k = 0; k <= spanDays; k += 1) this.dayStart[k] = startOfDayUtc(this.firstDay + k, timeZone);
    for (let k = 0; k < spanDays; k += 1) {
      const day = this.firstDay + k;
      const dow = (((day + 4) % 7) + 7) % 7;
      const weekFactor = weekly[dow] ?? 1;
      this.weekend[k] = dow === 0 || dow === 6 ? 1 : 0;
      const { singles, midYear, spring } = festivalDistances(day);
      // Sales campaigns run up to the day and stop sharply after it.
      const singlesPush = singles <= 0 ? bump(singles, 10) : bump(singles, 2);
      const midYearPush = midYear <= 0 ? bump(midYear, 6) : bump(midYear, 2);
      // Gift boxes sell in the three weeks before 春节; the holiday week itself is quiet online.
      const springGifts = bump(spring + 12, 8);
      const springHoliday = bump(spring - 2, 3);
      const growth = Math.exp((Math.log(3) * k) / spanDays);
      const inIncident = k >= incidentFirst && k < incidentFirst + INCIDENT_LENGTH_DAYS;
      const afterIncident = k >= incidentFirst && k < incidentFirst + INCIDENT_LENGTH_DAYS + 4;

      joinTotal +=
        growth * weekFactor * (1 + 2.2 * singlesPush + 1.6 * springGifts + 0.6 * midYearPush + 0.8 * springHoliday);
      this.joinCumulative[k] = joinTotal;
      this.activityWeight[k] =
        weekFactor * (1 + 0.35 * singlesPush + 0.25 * springGifts - 0.2 * springHoliday) * (inIncident ? 1.6 : 1);
      this.orderWeight[k] = 1 + 5 * singlesPush + 2.5 * midYearPush + 2 * springGifts - 0.5 * springHoliday;
      this.complaintRate[k] = inIncident
        ? 0.38
        : afterIncident
          ? 0.14
          : 0.05 + 0.06 * (singles > 0 ? bump(singles, 8) : 0);
      this.deliveryShare[k] = afterIncident ? 0.85 : 0.35 + 0.4 * (singles > 0 ? bump(singles, 8) : 0);
      // A product-quality complaint wave building over the last two days: something current for
      // the crisis monitor to find.
      if (k >= spanDays - EMERGING_DAYS) {
        this.complaintRate[k] = 0.26;
        this.deliveryShare[k] = 0.1;
      }
      this.singlesDay[k] = singles === 0 ? 1 : 0;
    }
    normaliseToMax(this.activityWeight);
    normaliseToMax(this.orderWeight);
    this.incidentStart = (this.dayStart[incidentFirst] ?? 0) + 10 * HOUR + 20 * MINUTE;
    this.incidentEnd = (this.dayStart[incidentFirst + INCIDENT_LENGTH_DAYS] ?? 0) + 15 * HOUR;
  }

  /** The UTC instant at which the window starts (local midnight of the first day). */
  get start(): number {
    return this.dayStart[0] ?? this.now;
  }

  /**
   * Day index (0-based, clamped to the window) of an instant. Used many times per row while
   * drawing times, so it reads the precomputed day starts instead of asking Intl: a guess from
   * the average day length, corrected by at most a step or two on daylight-saving days.
   */
  indexOf(ts: number): number {
    const starts = this.dayStart;
    const first = starts[0] ?? 0;
    let k = Math.floor((ts - first) / DAY);
    if (k < 0) return 0;
    if (k >= this.days) k = this.days - 1;
    while (k > 0 && ts < (starts[k] ?? 0)) k -= 1;
    while (k < this.days - 1 && ts >= (starts[k + 1] ?? Infinity)) k += 1;
    return k;
  }

  /**
   * A join time for quantile `u` in [0, 1): days follow growth, festivals and the week, so
   * increasing `u` gives increasing days; the time of day follows the daily rhythm.
   */
  joinTime(random: SeededRandom, u: number): number {
    const total = this.joinCumulative[this.days - 1] ?? 1;
    const k = searchCumulative(this.joinCumulative, u * total);
    return this.clampToNow(this.at(k, this.clockTime(random, k, false)), k, random);
  }

  /**
   * An activity time in [from, to], front-loaded by `fade` (> 1: a member's activity thins out
   * as interest fades), shaped by the weekly and daily rhythm and the seasons.
   */
  activityTime(random: SeededRandom, from: number, to: number, fade: number): number {
    const span = to - from;
    let t = from;
    for (let attempt = 0; attempt < 4; attempt += 1) {
      t = from + Math.floor(span * Math.pow(random.next(), fade));
      const k = this.indexOf(t);
      if (attempt < 3 && random.next() > (this.activityWeight[k] ?? 1)) continue;
      const ts = this.at(k, this.clockTime(random, k, false));
      return ts >= from && ts <= to ? ts : t;
    }
    return t;
  }

  /** An order time in [from, to], drawn towards shopping festivals and evening hours. */
  orderTime(random: SeededRandom, from: number, to: number): number {
    const span = to - from;
    let t = from;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      t = from + Math.floor(span * random.next());
      const k = this.indexOf(t);
      if (attempt < 5 && random.next() > (this.orderWeight[k] ?? 1)) continue;
      const ts = this.at(k, this.clockTime(random, k, true));
      return ts >= from && ts <= to ? ts : t;
    }
    return t;
  }

  private at(k: number, msOfDay: number): number {
    const start = this.dayStart[k] ?? this.now;
    const next = this.dayStart[k + 1] ?? start + DAY;
    // Days that lose an hour to daylight saving are shorter: stay inside the day.
    return start + Math.min(msOfDay, next - start - 1);
  }

  /** Milliseconds after local midnight, following the daily rhythm of day `k`. */
  private clockTime(random: SeededRandom, k: number, shopping: boolean): number {
    if (shopping && this.singlesDay[k] === 1 && random.chance(0.3)) return Math.floor(random.next() * 40 * MINUTE);
    const table = shopping
      ? this.orderHourCumulative
      : this.weekend[k] === 1
        ? this.weekendHourCumulative
        : this.weekdayHourCumulative;
    const hour = searchCumulative(table, random.next() * (table[table.length - 1] ?? 1));
    return hour * HOUR + Math.floor(random.next() * HOUR);
  }

  private clampToNow(ts: number, k: number, random: SeededRandom): number {
    if (ts <= this.now) return ts;
    const start = this.dayStart[k] ?? this.now;
    return start + Math.floor(random.next() * Math.max(0, this.now - start));
  }
}

function normaliseToMax(values: Float64Array): void {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  if (max > 0) for (let i = 0; i < values.length; i += 1) values[i] = (values[i] ?? 0) / max;
}
