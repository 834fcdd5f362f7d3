/**
 * DiscordChatExporter CSV: `AuthorID,Author,Date,Content,Attachments,Reactions`, one channel per
 * file. CSV rows carry no message id, so externalId = `csv:` + hash(author id, instant, content)
 * + an occurrence counter for exact duplicates; the same file, or a later export overlapping it,
 * gives the same ids (ids differ from a JSON export of the same messages, which has real ids).
 * Date is ISO-8601 with an offset (current DCE) or DCE's old default `dd-MMM-yy hh:mm tt`
 * (read in the workspace zone). "Joined the server." rows are joins; replies cannot be told
 * apart in CSV. Channel comes from DCE's file name "Guild - Category - channel [id].csv".
 */
import type { Parser, ParseContext, Sample } from '../types';
import { importError } from '../errors';
import { RecordBatch } from './record-batch';
import { throwIfCancelled } from './cancel';
import { attachmentText, baseName } from './chat-text';
import { csvRows } from './chat-csv-rows';
import { channelFromDceFileName } from './discord-json';
import { CHAT_IDS, OccurrenceCounter, stableId } from './ids';
import { isValidLocalTime, type LocalTimeResolver, localTimeResolver, parseIsoDateTime } from './local-time';
import { readTextFile, sampleText } from './text-input';

const SOURCE = 'discord';
const COLUMNS = ['authorid', 'author', 'date', 'content', 'attachments', 'reactions'] as const;
type Column = (typeof COLUMNS)[number];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const OLD_DATE = /^(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;

/** A DCE CSV date: ISO with offset, or the old `01-Jan-20 01:33 AM`. */
export function parseDceDate(value: string, local: LocalTimeResolver): number | null {
  const v = value.trim();
  const iso = parseIsoDateTime(v, local);
  if (iso !== null) return iso;
  const m = OLD_DATE.exec(v);
  if (!m) return null;
  const [, d, mon, y, h, mi, s, ampm] = m;
  const month = MONTHS.indexOf((mon ?? '').toLowerCase()) + 1;
  let hour = Number(h);
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
  }
  const year = (y ?? '').length === 2 ? 2000 + Number(y) : Number(y);
  const t = { year, month, day: Number(d), hour, minute: Number(mi), second: Number(s ?? 0) };
  return month > 0 && isValidLocalTime(t) ? local(t) : null;
}

/** Sum of DCE's "emoji (count)" list, e.g. "👍 (3),❤️ (1)" → 4. */
function reactionTotal(value: string): number {
  let total = 0;
  for (const m of value.matchAll(/\((\d+)\)/g)) total += Number(m[1]);
  return total;
}

function headerIndex(fields: readonly string[]): Map<Column, number> | null {
  const index = new Map<Column, number>();
  fields.forEach((f, i) => {
    const name = f.replace(/^\uFEFF/, '').trim().toLowerCase();
    const col = COLUMNS.find((c) => c === name);
    if (col && !index.has(col)) index.set(col, i);
  });
  return index.has('authorid') && index.has('date') && index.has('content') ? index : null;
}

export const discordCsvParser: Parser = {
  format: 'discord-csv',

  detect(sample: Sample): number {
    if (sample.isDirectory || sample.zipEntries.length > 0) return 0;
    const first = sampleText(sample.head).split(/\r?\n/, 1)[0] ?? '';
    const header = first.replace(/^\uFEFF/, '').replace(/"/g, '').toLowerCase();
    if (header.startsWith('authorid,author,date')) return 0.95;
    return 0;
  },

  async *parse(ctx: ParseContext) {
    const local = localTimeResolver(ctx.options.timeZone, ctx.fileName);
    const channel = channelFromDceFileName(ctx.fileName);
    const batch = new RecordBatch();
    const occurrences = new OccurrenceCounter(CHAT_IDS);
    let columns: Map<Column, number> | null = null;
    let width: number = COLUMNS.length;

    for await (const rows of csvRows(readTextFile(ctx), ctx.fileName)) {
      for (const row of rows) {
        const { fields, line } = row;
        if (columns === null) {
          columns = headerIndex(fields);
          width = fields.length;
          if (columns === null) {
            throw importError(ctx.fileName, 'header', 'expected the DiscordChatExporter header AuthorID,Author,Date,Content,Attachments,Reactions', line);
          }
          continue;
        }
        if (fields.length === 1 && fields[0] === '') continue; // blank line
        if (row.malformed !== undefined) {
          batch.problem(line, 'quotes', fields.join(',').slice(0, 200), `malformed quotes: ${row.malformed}`);
          continue;
        }
        if (fields.length !== width) {
          batch.problem(line, 'row', fields.join(',').slice(0, 200), `expected ${width} fields, found ${fields.length}`);
          continue;
        }
        const get = (c: Column): string => fields[columns?.get(c) ?? -1] ?? '';
        const authorId = get('authorid').trim();
        if (!/^\d+$/.test(authorId)) {
          batch.problem(line, 'AuthorID', authorId, 'not a Discord user id');
          continue;
        }
        const date = get('date');
        const ts = parseDceDate(date, local);
        if (ts === null) {
          batch.problem(line, 'Date', date, 'not a DiscordChatExporter date (ISO-8601, or like 01-Jan-20 01:33 AM)');
          continue;
        }
        const author = get('author').trim() || null;
        const content = get('content').replace(/\r\n/g, '\n');
        const attachments = get('attachments').trim();
        const text =
          content.trim() !== ''
            ? content
            : attachments !== ''
              ? attachmentText(attachments.split(',').map((u) => baseName(u.trim())).join(', '))
              : null;
        batch.activity({
          line,
          source: SOURCE,
          externalId: occurrences.next(`csv:${stableId([authorId, String(ts), content], CHAT_IDS)}`),
          kind: content.trim() === 'Joined the server.' ? 'join' : 'message',
          ts,
          channel,
          text,
          author: { source: SOURCE, externalId: authorId, handle: author, displayName: author },
          value: reactionTotal(get('reactions')),
          replyTo: null,
        });
      }
      throwIfCancelled(ctx);
      if (batch.full) yield batch.take();
    }
    if (columns === null) throw importError(ctx.fileName, 'header', 'the file is empty; expected a DiscordChatExporter CSV', 1);
    if (batch.length > 0) yield batch.take();
  },
};
