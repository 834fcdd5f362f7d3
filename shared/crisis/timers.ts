/**
 * Incident action timers: whether a checklist action is done, overdue, due within the hour or
 * pending, and how its deadline and remaining time read in the workspace's zone and language.
 */
import { zoneOffsets } from '../time';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export type ActionTimerState = 'done' | 'overdue' | 'due_soon' | 'pending';

export interface ActionTimer {
  state: ActionTimerState;
  /** dueAt − now in ms; negative once overdue (kept for done actions too). */
  remainingMs: number;
}

/**
 * An action's timer at `now`. A done action is 'done' whatever its deadline. Otherwise the
 * deadline instant itself still counts as due: `now === dueAt` is 'due_soon' and only
 * `now > dueAt` is 'overdue' (a deadline of 14:30 is met by 14:30); 'due_soon' covers the last
 * `soonMs` (default one hour), both ends included.
 *
 * @example
 * actionTimer({ dueAt: 10_000, doneAt: null }, 10_001) // { state: 'overdue', remainingMs: -1 }
 * actionTimer({ dueAt: 7_200_000, doneAt: null }, 0) // { state: 'pending', remainingMs: 7_200_000 }
 * actionTimer({ dueAt: 0, doneAt: 5 }, 99) // { state: 'done', remainingMs: -99 }
 */
export function actionTimer(action: { dueAt: number; doneAt: number | null }, now: number, soonMs = HOUR): ActionTimer {
  const remainingMs = action.dueAt - now;
  const state: ActionTimerState =
    action.doneAt !== null ? 'done' : remainingMs < 0 ? 'overdue' : remainingMs <= soonMs ? 'due_soon' : 'pending';
  return { state, remainingMs };
}

export type TimerLocale = 'zh-CN' | 'en';

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

const dayWords: Record<TimerLocale, { tomorrow: string; yesterday: string }> = {
  'zh-CN': { tomorrow: '明天', yesterday: '昨天' },
  en: { tomorrow: 'tomorrow', yesterday: 'yesterday' },
};

/**
 * A reusable formatter for deadlines in one zone and language (formatDue builds one per call;
 * a list of actions should share one, since the zone's offset function owns an Intl formatter).
 *
 * @example
 * const due = dueFormatter('Asia/Shanghai', 'en');
 * due(Date.UTC(2026, 10, 24, 16, 30), Date.UTC(2026, 10, 24, 6)) // 'tomorrow 00:30'
 */
export function dueFormatter(timeZone: string, locale: TimerLocale): (dueAt: number, now: number) => string {
  const offsetAt = zoneOffsets(timeZone);
  const words = dayWords[locale];
  return (dueAt, now) => {
    const local = dueAt + offsetAt(dueAt);
    const day = Math.floor(local / DAY);
    const nowDay = Math.floor((now + offsetAt(now)) / DAY);
    const msOfDay = local - day * DAY;
    const time = `${pad(Math.floor(msOfDay / HOUR))}:${pad(Math.floor((msOfDay % HOUR) / MINUTE))}`;
    const delta = day - nowDay;
    if (delta === 0) return time;
    if (delta === 1) return `${words.tomorrow} ${time}`;
    if (delta === -1) return `${words.yesterday} ${time}`;
    // The local date read off as UTC: `local` is the wall clock written as a UTC instant.
    const date = new Date(local);
    const monthDay = `${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    const sameYear = date.getUTCFullYear() === new Date(nowDay * DAY).getUTCFullYear();
    return `${sameYear ? monthDay : `${date.getUTCFullYear()}-${monthDay}`} ${time}`;
  };
}

/**
 * A deadline as local wall time in the workspace's zone, marked relative to `now`'s local day:
 * '14:30' on the same day, '明天 01:00' / 'tomorrow 01:00', '昨天 23:30' / 'yesterday 23:30',
 * otherwise '11-26 09:00' (with the year, '2027-01-02 09:00', when it differs from now's).
 *
 * @example
 * formatDue(Date.UTC(2026, 10, 24, 16, 30), Date.UTC(2026, 10, 24, 6), 'Asia/Shanghai', 'zh-CN') // '明天 00:30'
 */
export function formatDue(dueAt: number, now: number, timeZone: string, locale: TimerLocale): string {
  return dueFormatter(timeZone, locale)(dueAt, now);
}

/**
 * A duration to minute precision, sign ignored (the caller says "overdue by" or "in"): minutes
 * under an hour, hours and minutes under a day, days and hours beyond; zero parts are dropped.
 *
 * @example
 * formatDuration(3_900_000, 'zh-CN') // '1小时5分'
 * formatDuration(3_900_000, 'en') // '1 h 5 min'
 * formatDuration(266_400_000, 'en') // '3 d 2 h'
 * formatDuration(30_000, 'zh-CN') // '<1 分钟'
 */
export function formatDuration(ms: number, locale: TimerLocale): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  const zh = locale === 'zh-CN';
  if (minutes < 1) return zh ? '<1 分钟' : '<1 min';
  if (minutes < 60) return zh ? `${minutes}分钟` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const m = minutes % 60;
    if (zh) return m === 0 ? `${hours}小时` : `${hours}小时${m}分`;
    return m === 0 ? `${hours} h` : `${hours} h ${m} min`;
  }
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  if (zh) return h === 0 ? `${days}天` : `${days}天${h}小时`;
  return h === 0 ? `${days} d` : `${days} d ${h} h`;
}
