/**
 * WhatsApp "Export chat" text files, Android and iOS, any locale (see whatsapp-header.ts for the
 * line shapes). Times are local wall-clock times, read in the workspace zone (DST-correct).
 *
 * Day/month order is decided for the whole file before parsing, by a first pass that stops as
 * soon as it sees proof: a first number above 12 means day-first, a second number above 12
 * means month-first; a four-digit first number means year-first. With no proof anywhere (every
 * day ≤ 12), the import option `dateFormat` decides when it starts with D or M; otherwise '.'
 * and '-' separated dates are day-first, '/' dates are month-first only in the US shape (two-digit
 * year with an AM/PM clock, `12/31/20, 11:59 PM`), else day-first.
 *
 * Mapping: author externalId = the name or phone number as written (marks removed, spaces
 * normalised); externalId = hash(chat, local time, author, text) + occurrence counter; channel =
 * the chat name from "WhatsApp Chat with X.txt" (and translations), else null. A line without a
 * timestamp continues the previous message. Media placeholders stay as text prefixed with
 * "[attachment]". System lines: joins and adds → 'join', leaves and removals → 'leave', for
 * each person named; other notices are skipped (on iOS, marked lines "from" the name that wrote
 * the encryption notice, unless they are files). Buddhist-era years (> 2400, or marked BE) are
 * converted; Persian/Hijri calendar years are refused with a clear error.
 */
import type { ActivityKind, IdentityRef } from '../../../../shared/import';
import type { Parser, ParseContext, Sample } from '../types';
import { importError } from '../errors';
import { RecordBatch } from './record-batch';
import { throwIfCancelled } from './cancel';
import { CHAT_IDS, OccurrenceCounter, stableId } from './ids';
import { readLines } from './chat-lines';
import { isValidLocalTime, type LocalTime, type LocalTimeResolver, localTimeResolver } from './local-time';
import { attachmentText } from './chat-text';
import { readTextFile, sampleText } from './text-input';
import { type WhatsAppStamp, cleanText, parseStamp, to24h } from './whatsapp-header';
import { isAttachmentOnly, isNotice, isPersonal, membership } from './whatsapp-system';

const SOURCE = 'whatsapp';
/** A message longer than this is cut (a runaway continuation, not a chat message). */
const MAX_MESSAGE_CHARS = 64 * 1024;

export type DateOrder = 'dmy' | 'mdy';

/** Chat name from the export's file name: "WhatsApp Chat with X.txt" and translations. */
export function chatFromFileName(fileName: string): string | null {
  const m = /^WhatsApp(?:[- ]Chat)?.*?\s(?:with|mit|con|com|avec|met|med|z|с|ile|dengan|với|مع)\s+(.+?)(?: \(\d+\))?\.txt$/iu.exec(fileName);
  return m?.[1] ? m[1].trim() : null;
}

interface OrderEvidence {
  dayFirst: number;
  monthFirst: number;
  /** The first stamp seen, for the default rule. */
  first: WhatsAppStamp | null;
}

function addEvidence(e: OrderEvidence, s: WhatsAppStamp): void {
  if (e.first === null) e.first = s;
  if (s.yearFirst) return;
  if (s.a > 12 && s.b <= 12) e.dayFirst += 1;
  else if (s.b > 12 && s.a <= 12) e.monthFirst += 1;
}

/** The order for a file with no proof either way. */
function defaultOrder(first: WhatsAppStamp | null, hint: string | undefined): DateOrder {
  const h = hint?.trim().toUpperCase();
  if (h?.startsWith('D')) return 'dmy';
  if (h?.startsWith('M')) return 'mdy';
  if (!first || first.separator !== '/') return 'dmy';
  const latinClock = first.marker !== null && /^[ap]\.?\s?m\.?$/i.test(first.marker);
  return first.shortYear && latinClock ? 'mdy' : 'dmy';
}

/** First pass: decide day/month order from the stamps, stopping at the first proof. */
async function detectOrder(ctx: ParseContext): Promise<DateOrder> {
  const evidence: OrderEvidence = { dayFirst: 0, monthFirst: 0, first: null };
  const quiet: ParseContext = { ...ctx, progress: () => undefined };
  for await (const lines of readLines(readTextFile(quiet), ctx.fileName)) {
    for (const { text } of lines) {
      const stamp = parseStamp(text);
      if (stamp) addEvidence(evidence, stamp);
    }
    if (evidence.dayFirst > 0 || evidence.monthFirst > 0) break;
  }
  if (evidence.dayFirst === 0 && evidence.monthFirst === 0) return defaultOrder(evidence.first, ctx.options.dateFormat);
  return evidence.dayFirst >= evidence.monthFirst ? 'dmy' : 'mdy';
}

type StampTime = { local: LocalTime; iso: string } | { error: string; field: string; fatal: boolean };

function stampTime(s: WhatsAppStamp, order: DateOrder): StampTime {
  let year: number;
  let month: number;
  let day: number;
  if (s.yearFirst) [year, month, day] = [s.a, s.b, s.c];
  else if (order === 'dmy') [day, month, year] = [s.a, s.b, s.c];
  else [month, day, year] = [s.a, s.b, s.c];
  if (s.shortYear && !s.yearFirst) year += 2000;
  if (s.buddhist || year > 2400) year -= 543;
  if (year >= 1300 && year < 1600) {
    const error = `year ${year} is not Gregorian (Persian or Hijri calendar?); set the phone to the Gregorian calendar and export again`;
    return { field: 'date', error, fatal: true };
  }
  let hour = s.hour;
  if (s.marker !== null) {
    const h = hour <= 12 ? to24h(hour, s.marker) : null; // 0:08 a. m. occurs (Japanese style)
    if (h === null) return { field: 'time', error: `not a 12-hour time: ${s.hour} ${s.marker}`, fatal: false };
    hour = h;
  }
  const local: LocalTime = { year, month, day, hour, minute: s.minute, second: s.second };
  if (!isValidLocalTime(local) || year < 1970 || year > 2100) return { field: 'date', error: 'not a valid date and time', fatal: false };
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return { local, iso: `${year}-${p2(month)}-${p2(day)}T${p2(hour)}:${p2(s.minute)}:${p2(s.second)}` };
}

function identityOf(name: string): IdentityRef {
  const digits = name.replace(/[\s\-().]/g, '');
  const phone = /^\+?\d{7,15}$/.test(digits) ? digits : null;
  return { source: SOURCE, externalId: name, displayName: name, phone };
}

/** "Name: text" → [name, text]; null for a line WhatsApp wrote itself (no sender). */
function splitSender(rest: string): { author: string; text: string } | null {
  let at = rest.indexOf(': ');
  let skip = 2;
  if (at === -1) {
    // "John Doe:" (empty text) and "John Doe:." both occur.
    at = rest.indexOf(':');
    skip = 1;
  }
  // A colon after a long prefix or inside quotes belongs to a system line
  // (`Ann changed the subject from "A: B" to "C"`).
  if (at <= 0 || at > 100 || /["“”„«»]/.test(rest.slice(0, at))) return null;
  const author = cleanText(rest.slice(0, at)).replace(/\s+/g, ' ').trim();
  if (author === '') return null;
  return { author, text: rest.slice(at + skip) };
}

interface Pending {
  line: number;
  iso: string;
  ts: number;
  author: string | null;
  /** iOS marks WhatsApp's own lines (and attachments) with a leading U+200E. */
  marked: boolean;
  parts: string[];
  size: number;
}

export const whatsappTxtParser: Parser = {
  format: 'whatsapp-txt',

  detect(sample: Sample): number {
    if (sample.isDirectory || sample.zipEntries.length > 0) return 0;
    const lines = sampleText(sample.head)
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
      .slice(0, 10);
    if (lines.length === 0) return 0;
    const hits = lines.filter((l) => parseStamp(l) !== null).length;
    const txt = /\.txt$/i.test(sample.fileName);
    if (parseStamp(lines[0] ?? '') !== null) return txt ? 0.9 : 0.75;
    if (hits >= 3) return txt ? 0.6 : 0.4;
    return 0;
  },

  async *parse(ctx: ParseContext) {
    const local: LocalTimeResolver = localTimeResolver(ctx.options.timeZone, ctx.fileName);
    const order = await detectOrder(ctx);
    const chat = chatFromFileName(ctx.fileName);
    const batch = new RecordBatch();
    const occurrences = new OccurrenceCounter(CHAT_IDS);
    let pending: Pending | null = null;
    let sawStamp = false;
    /** True while skipping the continuation lines of a line whose timestamp was unreadable. */
    let skipping = false;

    const identities = new Map<string, IdentityRef>();
    const add = (p: Pending, body: string, kind: ActivityKind, author: string, text: string | null): void => {
      let identity = identities.get(author);
      if (!identity) {
        identity = identityOf(author);
        identities.set(author, identity);
      }
      batch.activity({
        line: p.line,
        source: SOURCE,
        externalId: occurrences.next(stableId([chat ?? '', p.iso, author, kind === 'message' ? '' : kind, body], CHAT_IDS)),
        kind,
        ts: p.ts,
        channel: chat,
        text,
        author: identity,
        value: null,
        replyTo: null,
      });
    };
    // iOS writes its own lines as "<chat name>: ‎<text>"; the author of the encryption notice is
    // that name (the group, or the other person of a 1:1 chat).
    let systemAuthor: string | null = null;
    const emit = (p: Pending): void => {
      const body = cleanText(p.parts.length === 1 ? (p.parts[0] ?? '') : p.parts.join('\n')).trim();
      if (p.author === null || p.marked) {
        const change = membership(body);
        if (change) {
          for (const subject of change.subjects) {
            const who = cleanText(subject).replace(/\s+/g, ' ').trim();
            if (who !== '') add(p, body, change.kind, who, body);
          }
          return;
        }
        if (p.author === null) return; // another notice
      }
      if (body === '') return;
      if (isNotice(body)) {
        if (p.marked) systemAuthor = p.author;
        return;
      }
      const attachment = isAttachmentOnly(body);
      // A marked line from the chat's own name that is not a file is a notice we have no pattern
      // for ("changed the group description" in any language): not a member's message.
      if (p.marked && p.author === systemAuthor && !attachment && !isPersonal(body)) return;
      add(p, body, 'message', p.author, attachment ? attachmentText(body) : body);
    };

    for await (const lines of readLines(readTextFile(ctx), ctx.fileName)) {
      for (const { text, line } of lines) {
        const stamp = parseStamp(text);
        if (stamp === null) {
          if (pending) {
            if (pending.size < MAX_MESSAGE_CHARS) {
              pending.parts.push(text);
              pending.size += text.length + 1;
            }
          } else if (!skipping && text.trim() !== '') {
            if (!sawStamp && line <= 1) {
              throw importError(ctx.fileName, 'timestamp', `not a WhatsApp chat export: the first line has no timestamp ("${text.slice(0, 60)}")`, line);
            }
            batch.problem(line, 'timestamp', text, 'text before the first message');
          }
          continue;
        }
        sawStamp = true;
        if (pending) emit(pending);
        pending = null;
        const time = stampTime(stamp, order);
        skipping = 'error' in time;
        if ('error' in time) {
          if (time.fatal) throw importError(ctx.fileName, time.field, time.error, line);
          batch.problem(line, time.field, text.slice(0, 60), time.error);
          continue;
        }
        const sender = splitSender(stamp.rest);
        const body = sender ? sender.text : stamp.rest;
        pending = {
          line,
          iso: time.iso,
          ts: local(time.local),
          author: sender ? sender.author : null,
          marked: /^[\u200E\u200F]/.test(body),
          parts: [body],
          size: body.length,
        };
      }
      throwIfCancelled(ctx);
      if (batch.full) yield batch.take();
    }
    if (pending) emit(pending);
    if (!sawStamp) throw importError(ctx.fileName, 'timestamp', 'the file is empty or has no WhatsApp message lines', 1);
    if (batch.length > 0) yield batch.take();
  },
};
