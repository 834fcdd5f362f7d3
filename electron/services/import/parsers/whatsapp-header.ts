/**
 * The timestamp that starts each WhatsApp message line, in every locale we know of:
 *   Android `12/31/20, 11:59 PM - Name: text`, `31.12.2020, 23:59 - Name: text`,
 *           `2020/12/31 下午11:59 - …`, `2020. 12. 31. 오후 11:59 - …`
 *   iOS     `[31/12/2020, 23:59:59] Name: text`, `[12/31/20, 11:59:59 PM] …`, `[3/18/2565 BE, 14:56:01] …`
 * before matching, a line's head is normalised: bidi and zero-width marks dropped, no-break
 * spaces made spaces, Arabic-Indic/Persian/Devanagari digits made ASCII, the Arabic comma made a
 * comma. The message part is cut from the original line, so its text keeps its own digits.
 */

export interface WhatsAppStamp {
  /** The three date numbers in written order; which is the day is decided per file. */
  a: number;
  b: number;
  c: number;
  /** True when the first number has four digits (year first: 2020/12/31). */
  yearFirst: boolean;
  /** True when the last number has two digits (20 → 2020). */
  shortYear: boolean;
  /** True when the year is marked as Buddhist era ("BE", "พ.ศ."). */
  buddhist: boolean;
  separator: string;
  hour: number;
  minute: number;
  second: number;
  /** The AM/PM marker as written (normalised), or null for a 24-hour clock. */
  marker: string | null;
  bracketed: boolean;
  /** The line after the timestamp (original characters). */
  rest: string;
}

const AMPM =
  '(?:[AaPp]\\.?\\s?[Mm]\\.?|上午|下午|午前|午後|凌晨|早上|中午|晚上|오전|오후|ص|م|vorm\\.?|nachm\\.?|π\\.?\\s?μ\\.?|μ\\.?\\s?μ\\.?|ق\\.ظ\\.?|ب\\.ظ\\.?|SA|CH|sáng|chiều|fm|em|de\\.|du\\.|ap\\.|ip\\.|ก่อนเที่ยง|หลังเที่ยง|पूर्वाह्न|अपराह्न)';
const DATE = '(\\d{1,4})([./-])\\s?(\\d{1,2})\\2\\s?(\\d{1,4})\\.?(?:\\s?(BE|B\\.E\\.|พ\\.ศ\\.|г\\.?))?';
const TIME = `(?:(${AMPM})\\s?)?(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?(?:\\s?(${AMPM}))?`;
const IOS = new RegExp(`^\\[\\s?${DATE}(?:,\\s*|\\s+)${TIME}\\]\\s?`);
const ANDROID = new RegExp(`^${DATE}(?:,\\s*|\\s+)${TIME}\\s[-–]\\s`);

const AM = new Set(['am', '上午', '午前', '凌晨', '早上', '오전', 'ص', 'vorm', 'πμ', 'قظ', 'sa', 'sáng', 'fm', 'de', 'ap', 'ก่อนเที่ยง', 'पूर्वाह्न']);
const PM = new Set(['pm', '下午', '午後', '晚上', '오후', 'م', 'nachm', 'μμ', 'بظ', 'ch', 'chiều', 'em', 'du', 'ip', 'หลังเที่ยง', 'अपराह्न']);
const NOON = '中午';

/** Bidi controls, zero-width characters and the BOM: invisible, and never part of a name. */
export const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
const SPACES = /[\u00A0\u2007\u2009\u202F]/g;

function normalChar(code: number): string | null {
  if (code === 0x061c || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || code === 0x2060 || (code >= 0x2066 && code <= 0x2069) || code === 0xfeff) {
    return null;
  }
  if (code === 0x00a0 || code === 0x2007 || code === 0x2009 || code === 0x202f) return ' ';
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  if (code >= 0x0966 && code <= 0x096f) return String(code - 0x0966);
  if (code === 0x060c) return ',';
  return String.fromCharCode(code);
}

/** Names and text without invisible marks, with ordinary spaces. */
export function cleanText(value: string): string {
  return value.replace(INVISIBLE, '').replace(SPACES, ' ');
}

/**
 * The hour on a 24-hour clock for a 12-hour time and its marker; null for an unknown marker.
 *
 * @example
 * to24h(12, 'a. m.') // 0
 */
export function to24h(hour: number, marker: string): number | null {
  const key = marker.replace(/[.\s]/g, '').toLowerCase();
  if (key === NOON) return hour < 11 ? hour + 12 : hour;
  if (AM.has(key)) return hour % 12;
  if (PM.has(key)) return (hour % 12) + 12;
  return null;
}

const HEAD_CHARS = 72;

/**
 * Reads the timestamp at the start of a line, or returns null when the line does not start
 * with one (a continuation line).
 */
export function parseStamp(line: string): WhatsAppStamp | null {
  const first = line.charCodeAt(0);
  // Cheap rejection: a stamp starts with '[', a digit, or a mark / non-ASCII digit before them.
  if (first !== 0x5b && (first < 0x30 || first > 0x39) && first < 0x80) return null;
  let norm = line.slice(0, HEAD_CHARS);
  let origin: number[] | null = null;
  if (!/^[\x20-\x7e]*$/.test(norm)) {
    // Only lines with marks, special spaces or other scripts' digits pay for the mapping.
    norm = '';
    origin = [];
    let i = 0;
    for (; i < line.length && norm.length < HEAD_CHARS; i += 1) {
      const ch = normalChar(line.charCodeAt(i));
      if (ch === null) continue;
      if (norm.length === 0 && ch !== '[' && (ch < '0' || ch > '9')) return null;
      norm += ch;
      origin.push(i);
    }
    origin.push(i);
  }
  const ios = IOS.exec(norm);
  const m = ios ?? ANDROID.exec(norm);
  if (!m) return null;
  const [, a, separator, b, c, era, preMarker, hour, minute, second, postMarker] = m;
  if (!a || !b || !c || !hour || !minute || !separator) return null;
  const marker = preMarker ?? postMarker ?? null;
  return {
    a: Number(a),
    b: Number(b),
    c: Number(c),
    yearFirst: a.length === 4,
    shortYear: c.length <= 2,
    buddhist: era !== undefined && era !== 'г' && era !== 'г.',
    separator,
    hour: Number(hour),
    minute: Number(minute),
    second: second === undefined ? 0 : Number(second),
    marker: marker ?? null,
    bracketed: ios !== null,
    rest: line.slice(origin ? (origin[m[0].length] ?? line.length) : m[0].length),
  };
}
