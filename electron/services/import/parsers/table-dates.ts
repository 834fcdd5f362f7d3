/**
 * Dates in table cells: an explicit format (tokens YYYY YY MM M DD D HH H hh h mm ss SSS A) or
 * auto-detection of the common shapes (ISO 8601, YYYYMMDD, YYYY/M/D, M/D/YYYY, D.M.YYYY,
 * 2024年3月5日 14:03, Unix seconds/ms, Excel serials and Date cells in xlsx). A date written
 * without a zone is a wall-clock time in the import's time zone.
 */

import { wallClockToUtc } from '../../../../shared/time';
import { type LocalTime, localTimeAsUtc } from './local-time';

/** A parsed cell: either an instant already in UTC, or a wall time still to be placed in a zone. */
type Parsed = { utc: number } | { wall: LocalTime; offsetMs: number | null } | { error: string };

/** What a date reader returns: the UTC instant in ms, or why the cell is not a date. */
export type DateResult = { ts: number } | { error: string };

export interface DateReaderOptions {
  /** Explicit format; when set, only this format is accepted. */
  format?: string;
  timeZone: string;
  /** Read plain numbers as Excel serial days (xlsx cells). */
  excelSerials?: boolean;
}

/**
 * Makes a function that turns a cell (text, number or Date) into a UTC instant.
 *
 * @example
 * const read = dateReader({ timeZone: 'Asia/Shanghai' });
 * read('2024年3月5日 14:03') // { ts: Date.UTC(2024, 2, 5, 6, 3) }
 * dateReader({ format: 'YYYYMMDD', timeZone: 'UTC' })('19970101') // { ts: Date.UTC(1997, 0, 1) }
 */
export function dateReader(options: DateReaderOptions): (cell: string | number | Date) => DateResult {
  const toUtc = wallClockToUtc(options.timeZone);
  const explicit = options.format !== undefined && options.format.trim() !== '' ? compileDateFormat(options.format) : null;
  return (cell) => {
    const parsed = parseCell(cell, explicit, options);
    if ('error' in parsed) return parsed;
    if ('utc' in parsed) return { ts: parsed.utc };
    const { wall, offsetMs } = parsed;
    const asUtc = localTimeAsUtc(wall);
    return { ts: offsetMs === null ? toUtc(asUtc) : asUtc - offsetMs };
  };
}

function parseCell(cell: string | number | Date, explicit: ((text: string) => Parsed) | null, options: DateReaderOptions): Parsed {
  if (cell instanceof Date) {
    // exceljs builds Dates from serials as if the wall clock were UTC.
    if (Number.isNaN(cell.getTime())) return { error: 'not a date' };
    return { wall: wallFromUtcFields(cell), offsetMs: null };
  }
  if (typeof cell === 'number') {
    if (options.excelSerials === true) return excelSerial(cell);
    return parseText(String(cell), explicit);
  }
  return parseText(cell, explicit);
}

function parseText(raw: string, explicit: ((text: string) => Parsed) | null): Parsed {
  const text = raw.trim();
  if (text === '') return { error: 'empty date' };
  if (explicit !== null) return explicit(text);
  return autoDate(text);
}

/** Excel serial day numbers count from 1899-12-30 (the 1900 leap-year bug folded in). */
function excelSerial(serial: number): Parsed {
  if (!Number.isFinite(serial) || serial <= 0 || serial >= 2_958_466) return { error: 'not an Excel date' };
  const ms = Math.round((serial - 25_569) * 86_400_000);
  return { wall: wallFromUtcFields(new Date(ms)), offsetMs: null };
}

function wallFromUtcFields(d: Date): LocalTime {
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
  };
}

const TIME = String.raw`(?:[T\s]+(?:(上午|下午|中午|晚上|凌晨)\s*)?(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:[.,](\d{1,9}))?)?\s*(am|pm|a\.m\.|p\.m\.)?)?`;
const ZONE = String.raw`\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?`;
const AUTO: { re: RegExp; order: 'ymd' | 'mdy' | 'dmy' }[] = [
  { re: new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}${ZONE}$`, 'i'), order: 'ymd' },
  { re: new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})${TIME}${ZONE}$`, 'i'), order: 'ymd' },
  { re: new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2}),?${TIME}${ZONE}$`, 'i'), order: 'mdy' },
  { re: new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}),?${TIME}${ZONE}$`, 'i'), order: 'dmy' },
  { re: new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日?${TIME}${ZONE}$`, 'i'), order: 'ymd' },
];
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[T\s]?(\d{2})(\d{2})(\d{2})?)?$/;

function autoDate(text: string): Parsed {
  // Chinese times may read 14时03分05秒; turn them into 14:03:05 first.
  const t = text
    .replace(/(\d{1,2})时(\d{1,2})分(?:(\d{1,2})秒)?/, (_m, h: string, m: string, s: string | undefined) => `${h}:${m}${s === undefined ? '' : `:${s}`}`)
    .replace(/日(?=\S)/, '日 ');
  if (/^\d{10}$/.test(t)) return { utc: Number(t) * 1000 };
  if (/^\d{13}$/.test(t)) return { utc: Number(t) };
  const compact = COMPACT.exec(t);
  if (compact !== null) {
    return build(num(compact[1]), num(compact[2]), num(compact[3]), num(compact[4]), num(compact[5]), num(compact[6]), 0, null, null, null);
  }
  for (const { re, order } of AUTO) {
    const m = re.exec(t);
    if (m === null) continue;
    const a = num(m[1]);
    const b = num(m[2]);
    const c = m[3] ?? '';
    let year: number;
    let month: number;
    let day: number;
    if (order === 'ymd') {
      [year, month, day] = [a, b, num(c)];
    } else if (order === 'dmy') {
      [year, month, day] = [num(c), b, a];
    } else {
      year = c.length === 2 ? twoDigitYear(num(c)) : num(c);
      if (a > 12 && b <= 12) {
        return { error: `day and month order is ambiguous in "${text}" (read as month/day); set the date format, e.g. D/M/YYYY` };
      }
      [month, day] = [a, b];
    }
    const ms = m[8] === undefined ? 0 : Math.round(Number(`0.${m[8]}`) * 1000);
    return build(year, month, day, num(m[5]), num(m[6]), num(m[7]), ms, m[4] ?? m[9] ?? null, m[10] ?? null, text);
  }
  return { error: `not a date: "${text}"` };
}

function num(s: string | undefined): number {
  return s === undefined || s === '' ? 0 : Number(s);
}

/** Two-digit years: 69–99 are 19xx, 00–68 are 20xx (the POSIX/moment pivot). */
function twoDigitYear(yy: number): number {
  return yy >= 69 ? 1900 + yy : 2000 + yy;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  meridiem: string | null,
  zone: string | null,
  text: string | null,
): Parsed {
  let h = hour;
  if (meridiem !== null) {
    const chinese = /[\u4e00-\u9fff]/.test(meridiem);
    const pm = /^(pm|p\.m\.|下午|晚上)$/i.test(meridiem) || (meridiem === '中午' && h < 11);
    if (chinese && h > 12) {
      // 下午 14:00: a 24-hour clock with a redundant prefix.
    } else if (!chinese && (h < 1 || h > 12)) {
      return { error: `hour ${h} with ${meridiem}${text === null ? '' : ` in "${text}"`}` };
    } else if (pm && h < 12) {
      h += 12;
    } else if (/^(am|a\.m\.|上午|凌晨)$/i.test(meridiem) && h === 12) {
      h = 0;
    }
  }
  const wall: LocalTime = { year, month, day, hour: h, minute, second, ms };
  const problem = invalidWall(wall);
  if (problem !== null) return { error: text === null ? problem : `${problem} in "${text}"` };
  return { wall, offsetMs: zone === null ? null : zoneOffset(zone) };
}

function zoneOffset(zone: string): number {
  const z = zone.toLowerCase();
  if (z === 'z' || z === 'utc' || z === 'gmt') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (m === null) return 0;
  const minutes = num(m[2]) * 60 + num(m[3]);
  return (m[1] === '-' ? -1 : 1) * minutes * 60_000;
}

function invalidWall(w: LocalTime): string | null {
  if (w.month < 1 || w.month > 12) return `month ${w.month} out of range`;
  const days = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
  if (w.day < 1 || w.day > days) return `day ${w.day} out of range`;
  if (w.hour > 23 || w.minute > 59 || w.second > 59) return 'time out of range';
  return null;
}

const TOKENS: Record<string, { re: string; set: (w: Mutable, v: string) => void }> = {
  YYYY: { re: String.raw`(\d{4})`, set: (w, v) => (w.year = Number(v)) },
  YY: { re: String.raw`(\d{2})`, set: (w, v) => (w.year = twoDigitYear(Number(v))) },
  MM: { re: String.raw`(\d{2})`, set: (w, v) => (w.month = Number(v)) },
  M: { re: String.raw`(\d{1,2})`, set: (w, v) => (w.month = Number(v)) },
  DD: { re: String.raw`(\d{2})`, set: (w, v) => (w.day = Number(v)) },
  D: { re: String.raw`(\d{1,2})`, set: (w, v) => (w.day = Number(v)) },
  HH: { re: String.raw`(\d{2})`, set: (w, v) => (w.hour = Number(v)) },
  H: { re: String.raw`(\d{1,2})`, set: (w, v) => (w.hour = Number(v)) },
  hh: { re: String.raw`(\d{2})`, set: (w, v) => (w.hour = Number(v)) },
  h: { re: String.raw`(\d{1,2})`, set: (w, v) => (w.hour = Number(v)) },
  mm: { re: String.raw`(\d{2})`, set: (w, v) => (w.minute = Number(v)) },
  ss: { re: String.raw`(\d{2})`, set: (w, v) => (w.second = Number(v)) },
  SSS: { re: String.raw`(\d{1,3})`, set: (w, v) => (w.ms = Number(v.padEnd(3, '0'))) },
  A: { re: String.raw`(am|pm|a\.m\.|p\.m\.|上午|下午)`, set: (w, v) => (w.meridiem = v) },
  Z: { re: String.raw`(z|[+-]\d{2}:?\d{2})`, set: (w, v) => (w.zone = v) },
};
const TOKEN_RE = /YYYY|SSS|YY|MM|DD|HH|hh|mm|ss|M|D|H|h|A|Z/g;

type Mutable = Required<LocalTime> & { meridiem: string | null; zone: string | null };

/**
 * Compiles a date format into a strict parser. Any character that is not a token must appear as
 * written; a space matches any run of whitespace.
 *
 * @example
 * compileDateFormat('DD.MM.YYYY HH:mm')('05.03.2024 14:03') // { wall: {2024-03-05 14:03}, offsetMs: null }
 */
export function compileDateFormat(format: string): (text: string) => Parsed {
  const setters: ((w: Mutable, v: string) => void)[] = [];
  let source = '';
  let last = 0;
  let twelveHour = false;
  for (const m of format.matchAll(TOKEN_RE)) {
    source += literal(format.slice(last, m.index));
    const token = TOKENS[m[0]];
    if (token === undefined) continue;
    if (m[0] === 'hh' || m[0] === 'h') twelveHour = true;
    source += token.re;
    setters.push(token.set);
    last = m.index + m[0].length;
  }
  source += literal(format.slice(last));
  const re = new RegExp(`^${source}$`, 'i');
  return (text) => {
    const m = re.exec(text);
    if (m === null) return { error: `"${text}" does not match the date format ${format}` };
    const w: Mutable = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0, meridiem: null, zone: null };
    setters.forEach((set, i) => set(w, m[i + 1] ?? ''));
    const meridiem = twelveHour || w.meridiem !== null ? w.meridiem : null;
    return build(w.year, w.month, w.day, w.hour, w.minute, w.second, w.ms, meridiem, w.zone, text);
  };
}

function literal(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, String.raw`\s+`);
}
