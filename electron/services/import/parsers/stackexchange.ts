/**
 * Stack Exchange data dump: a folder or a zip holding Users.xml, Posts.xml, Comments.xml,
 * Votes.xml and Badges.xml (any subset with Posts or Users), or one of those files alone.
 * Each file is a list of `<row …/>` elements, streamed with saxes.
 *
 * Mapping (source 'stackexchange' unless options.source; give each site its own source, ids
 * repeat across sites):
 * - Users → members: externalId Id, displayName DisplayName, joinedAt CreationDate. Id -1 is the
 *   Community bot.
 * - Posts: questions (PostTypeId 1) are 'post', answers (2) 'reply' with replyTo `post:{ParentId}`;
 *   tag wikis and other types are left out. externalId `post:{Id}`, value Score, text Title and
 *   Body as text, channel the question's first tag (answers and comments inherit it), else the
 *   site name (the folder or zip name).
 * - A post or comment without OwnerUserId/UserId belongs to a deleted account: it is kept, by the
 *   identity `deleted:{OwnerDisplayName}` (or `deleted`), so answers and replies still count.
 * - Comments → 'comment', `comment:{Id}`, replyTo `post:{PostId}`, value Score.
 * - Votes are anonymous in dumps (no UserId) except favourites and bounties: only votes with a
 *   UserId become 'reaction' activities (`vote:{Id}`, replyTo the post, value BountyAmount).
 *   The anonymous up/down votes are already summed in each post's Score.
 * - Badges → 'badge' activities, `badge:{Id}`, text the badge name.
 * All dates are UTC without a zone marker (2011-07-19T18:58:05.047). Lines are per XML file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import type { ActivityKind, ActivityRecord, IdentityRef, ImportRecord, ProblemRecord } from '../../../../shared/import';
import type { ParseContext, Parser, Sample } from '../types';
import { importError } from '../errors';
import { throwIfCancelled } from './cancel';
import { htmlToText } from './forum-text';
import { MembersSeen, RecordBatch } from './record-batch';
import { type SafeEntry, SafeZip, type ZipLimits } from './zip';

/** The dump files we read, in the order that lets later ones refer to earlier ones. */
const FILES = ['Users.xml', 'Posts.xml', 'Comments.xml', 'Votes.xml', 'Badges.xml'] as const;
type DumpFile = (typeof FILES)[number];

const VOTE_NAMES: Record<string, string> = { '5': 'favorite', '8': 'bounty start', '9': 'bounty close' };

interface Row {
  attrs: Record<string, string>;
  line: number;
}

/** Where the dump's files are: paths in a folder, or entries of a zip. */
interface DumpInput {
  files: Map<DumpFile, { open(): Promise<AsyncIterable<Buffer>>; size: number }>;
  close(): void;
}

const SE_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;

/**
 * A Stack Exchange dump date (UTC, no zone marker) as UTC ms, or null.
 *
 * @example
 * seDate('2011-07-19T18:58:05.047') // Date.UTC(2011, 6, 19, 18, 58, 5, 47)
 */
export function seDate(text: string | undefined): number | null {
  if (text === undefined) return null;
  const m = SE_DATE.exec(text.trim());
  if (m === null) {
    const t = Date.parse(text);
    return Number.isNaN(t) ? null : t;
  }
  const n = (i: number): number => Number(m[i] ?? 0);
  const ts = Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6), Number((m[7] ?? '0').padEnd(3, '0')));
  // Date.UTC rolls 2020-02-30 over into March; a dump never does, so that is a broken value.
  const d = new Date(ts);
  if (d.getUTCMonth() !== n(2) - 1 || d.getUTCDate() !== n(3) || n(4) > 23 || n(5) > 59 || n(6) > 59) return null;
  return ts;
}

/** Tags as `<a><b>` (classic dumps) or `|a|b|` (2024 dumps). */
function tagsOf(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  const angle = [...text.matchAll(/<([^<>]+)>/g)].map((m) => m[1] ?? '');
  if (angle.length > 0) return angle;
  return text.split('|').filter((t) => t !== '');
}

function dumpFileOf(name: string): DumpFile | null {
  const base = name.split('/').pop()?.toLowerCase() ?? '';
  return FILES.find((f) => f.toLowerCase() === base) ?? null;
}

async function folderInput(dir: string): Promise<DumpInput> {
  const files: DumpInput['files'] = new Map();
  const add = async (folder: string): Promise<void> => {
    for (const entry of await fs.promises.readdir(folder, { withFileTypes: true })) {
      const kind = entry.isFile() ? dumpFileOf(entry.name) : null;
      if (kind === null || files.has(kind)) continue;
      const full = path.join(folder, entry.name);
      const { size } = await fs.promises.stat(full);
      files.set(kind, { open: async () => fs.createReadStream(full, { highWaterMark: 256 * 1024 }), size });
    }
  };
  await add(dir);
  if (files.size === 0) {
    // A dump unpacked into one sub-folder ("site.stackexchange.com/Posts.xml").
    for (const entry of await fs.promises.readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) await add(path.join(dir, entry.name));
      if (files.size > 0) break;
    }
  }
  return { files, close: () => undefined };
}

async function zipInput(file: string, fileName: string, limits: Partial<ZipLimits>): Promise<DumpInput> {
  const zip = await SafeZip.open(file, fileName, limits);
  const files: DumpInput['files'] = new Map();
  // The shallowest match wins when a zip holds several copies.
  const byDepth = [...zip.entries].sort((a, b) => a.name.split('/').length - b.name.split('/').length);
  for (const e of byDepth) {
    const kind = dumpFileOf(e.name);
    if (kind === null || files.has(kind)) continue;
    const chosen: SafeEntry = e;
    files.set(kind, { open: async () => zip.read(chosen), size: e.entry.compressedSize });
  }
  return { files, close: () => zip.close() };
}

async function singleFileInput(file: string): Promise<DumpInput> {
  const files: DumpInput['files'] = new Map();
  const kind = dumpFileOf(path.basename(file)) ?? (await rootElementFile(file));
  if (kind !== null) {
    const { size } = await fs.promises.stat(file);
    files.set(kind, { open: async () => fs.createReadStream(file, { highWaterMark: 256 * 1024 }), size });
  }
  return { files, close: () => undefined };
}

/** Which dump file an XML file is, by its root element (<posts>, <users>…). */
async function rootElementFile(file: string): Promise<DumpFile | null> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const m = /<(users|posts|comments|votes|badges)>/i.exec(buf.subarray(0, bytesRead).toString('utf8'));
    if (m === null) return null;
    const name = (m[1] ?? '').toLowerCase();
    return FILES.find((f) => f.toLowerCase() === `${name}.xml`) ?? null;
  } finally {
    await handle.close();
  }
}

/** Streams the `<row>` elements of one XML file, a few thousand at a time. */
async function* xmlRows(bytes: AsyncIterable<Buffer>, fileName: string, entry: string, signal: AbortSignal, onBytes: (n: number) => void): AsyncGenerator<Row[]> {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const decoder = new StringDecoder('utf8');
  let rows: Row[] = [];
  parser.on('opentag', (tag) => {
    if (tag.name === 'row') rows.push({ attrs: tag.attributes, line: parser.line });
  });
  const write = (text: string | null): void => {
    try {
      if (text === null) parser.close();
      else parser.write(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw importError(fileName, entry, `not well-formed XML (${message})`, parser.line);
    }
  };
  for await (const chunk of bytes) {
    throwIfCancelled({ signal, fileName });
    onBytes(chunk.length);
    write(decoder.write(chunk));
    if (rows.length >= 2000) {
      yield rows;
      rows = [];
    }
  }
  write(decoder.end());
  write(null);
  if (rows.length > 0) yield rows;
}

class StackExchangeReader {
  private readonly source: string;
  private readonly site: string;
  private readonly members = new MembersSeen();
  /** Post id → channel (first tag of its question), for answers, comments and votes. */
  private readonly channels = new Map<number, string>();
  skippedPosts = 0;

  constructor(source: string, site: string) {
    this.source = source;
    this.site = site;
  }

  private problem(file: DumpFile, row: Row, attr: string, message: string): ProblemRecord {
    return { type: 'problem', line: row.line, field: `${file}:${attr}`, value: row.attrs[attr] ?? '', message };
  }

  private person(userId: string | undefined, deletedName: string | undefined): IdentityRef {
    if (userId !== undefined && userId !== '') {
      return { source: this.source, externalId: userId, isBot: userId === '-1' };
    }
    const name = deletedName?.trim() ?? '';
    return name === ''
      ? { source: this.source, externalId: 'deleted', displayName: 'deleted user' }
      : { source: this.source, externalId: `deleted:${name}`, displayName: name };
  }

  private activity(
    row: Row,
    author: IdentityRef,
    fields: { externalId: string; kind: ActivityKind; ts: number; channel: string | null; text: string | null; value: number | null; replyTo: string | null },
    out: ImportRecord[],
  ): void {
    this.members.announce(out, author, row.line);
    const record: ActivityRecord = { type: 'activity', line: row.line, source: this.source, author, ...fields };
    out.push(record);
  }

  rows(file: DumpFile, rows: Row[], out: ImportRecord[]): void {
    for (const row of rows) {
      const id = row.attrs.Id;
      if (id === undefined || id === '') {
        out.push(this.problem(file, row, 'Id', 'row without an Id'));
        continue;
      }
      switch (file) {
        case 'Users.xml':
          this.user(row, id, out);
          break;
        case 'Posts.xml':
          this.post(row, id, out);
          break;
        case 'Comments.xml':
          this.comment(row, id, out);
          break;
        case 'Votes.xml':
          this.vote(row, id, out);
          break;
        case 'Badges.xml':
          this.badge(row, id, out);
          break;
      }
    }
  }

  private user(row: Row, id: string, out: ImportRecord[]): void {
    const created = row.attrs.CreationDate;
    const joinedAt = seDate(created);
    if (created !== undefined && joinedAt === null) {
      out.push(this.problem('Users.xml', row, 'CreationDate', `user ${id}: not a date`));
      return;
    }
    const identity: IdentityRef = { source: this.source, externalId: id, displayName: row.attrs.DisplayName ?? null, isBot: id === '-1' };
    this.members.announce(out, identity, row.line, { joinedAt });
  }

  private post(row: Row, id: string, out: ImportRecord[]): void {
    const a = row.attrs;
    const type = a.PostTypeId;
    if (type !== '1' && type !== '2') {
      this.skippedPosts++;
      return;
    }
    const ts = seDate(a.CreationDate);
    if (ts === null) {
      out.push(this.problem('Posts.xml', row, 'CreationDate', `post ${id}: not a date`));
      return;
    }
    const postId = Number(id);
    let channel: string;
    let replyTo: string | null = null;
    if (type === '1') {
      channel = tagsOf(a.Tags)[0] ?? this.site;
    } else {
      const parent = a.ParentId;
      if (parent === undefined || parent === '') {
        out.push(this.problem('Posts.xml', row, 'ParentId', `answer ${id} without a question`));
        return;
      }
      replyTo = `post:${parent}`;
      channel = this.channels.get(Number(parent)) ?? this.site;
    }
    this.channels.set(postId, channel);
    const body = a.Body === undefined ? '' : htmlToText(a.Body);
    const title = a.Title?.trim() ?? '';
    const text = [title, body].filter((s) => s !== '').join('\n\n');
    const score = Number(a.Score);
    this.activity(
      row,
      this.person(a.OwnerUserId, a.OwnerDisplayName),
      {
        externalId: `post:${id}`,
        kind: type === '1' ? 'post' : 'reply',
        ts,
        channel,
        text: text === '' ? null : text,
        value: Number.isFinite(score) && a.Score !== undefined ? score : null,
        replyTo,
      },
      out,
    );
  }

  private comment(row: Row, id: string, out: ImportRecord[]): void {
    const a = row.attrs;
    const ts = seDate(a.CreationDate);
    if (ts === null) {
      out.push(this.problem('Comments.xml', row, 'CreationDate', `comment ${id}: not a date`));
      return;
    }
    const score = Number(a.Score);
    const postId = a.PostId ?? '';
    this.activity(
      row,
      this.person(a.UserId, a.UserDisplayName),
      {
        externalId: `comment:${id}`,
        kind: 'comment',
        ts,
        channel: this.channels.get(Number(postId)) ?? this.site,
        text: a.Text ?? null,
        value: Number.isFinite(score) && a.Score !== undefined ? score : null,
        replyTo: postId === '' ? null : `post:${postId}`,
      },
      out,
    );
  }

  private vote(row: Row, id: string, out: ImportRecord[]): void {
    const a = row.attrs;
    if (a.UserId === undefined || a.UserId === '') return; // anonymous: already in the post's Score
    const ts = seDate(a.CreationDate);
    if (ts === null) {
      out.push(this.problem('Votes.xml', row, 'CreationDate', `vote ${id}: not a date`));
      return;
    }
    const bounty = Number(a.BountyAmount);
    const postId = a.PostId ?? '';
    this.activity(
      row,
      this.person(a.UserId, undefined),
      {
        externalId: `vote:${id}`,
        kind: 'reaction',
        ts,
        channel: this.channels.get(Number(postId)) ?? this.site,
        text: VOTE_NAMES[a.VoteTypeId ?? ''] ?? `vote type ${a.VoteTypeId ?? '?'}`,
        value: a.BountyAmount !== undefined && Number.isFinite(bounty) ? bounty : null,
        replyTo: postId === '' ? null : `post:${postId}`,
      },
      out,
    );
  }

  private badge(row: Row, id: string, out: ImportRecord[]): void {
    const a = row.attrs;
    const ts = seDate(a.Date);
    if (ts === null) {
      out.push(this.problem('Badges.xml', row, 'Date', `badge ${id}: not a date`));
      return;
    }
    if (a.UserId === undefined || a.UserId === '') {
      out.push(this.problem('Badges.xml', row, 'UserId', `badge ${id} without a user`));
      return;
    }
    this.activity(
      row,
      this.person(a.UserId, undefined),
      { externalId: `badge:${id}`, kind: 'badge', ts, channel: null, text: a.Name ?? null, value: null, replyTo: null },
      out,
    );
  }
}

/** The site name for channels: the dump's folder or zip name without extension. */
function siteName(fileName: string): string {
  return fileName.replace(/\.(zip|7z|xml)$/i, '') || 'stackexchange';
}

/** Parses a dump with custom zip limits (tests use small ones; limits not given keep their defaults). */
export async function* parseStackExchange(ctx: ParseContext, limits: Partial<ZipLimits> = {}): AsyncGenerator<ImportRecord[]> {
  const stat = await fs.promises.stat(ctx.path);
  const isZip = !stat.isDirectory() && (await isZipFile(ctx.path, stat.size));
  const input = stat.isDirectory()
    ? await folderInput(ctx.path)
    : isZip
      ? await zipInput(ctx.path, ctx.fileName, limits)
      : await singleFileInput(ctx.path);
  try {
    const single = !stat.isDirectory() && !isZip;
    if (single && input.files.size === 0) {
      throw importError(ctx.fileName, 'file', 'not a Stack Exchange dump file (Users, Posts, Comments, Votes or Badges .xml)');
    }
    if (!single && !input.files.has('Posts.xml') && !input.files.has('Users.xml')) {
      throw importError(ctx.fileName, 'Posts.xml', `no Posts.xml or Users.xml in this ${stat.isDirectory() ? 'folder' : 'zip'}`);
    }
    const reader = new StackExchangeReader(ctx.options.source ?? 'stackexchange', siteName(ctx.fileName));
    const batch = new RecordBatch();
    let bytes = 0;
    for (const file of FILES) {
      const found = input.files.get(file);
      if (found === undefined) continue;
      const stream = await found.open();
      for await (const rows of xmlRows(stream, ctx.fileName, file, ctx.signal, (n) => {
        bytes += n;
        ctx.progress(bytes);
      })) {
        const out: ImportRecord[] = [];
        reader.rows(file, rows, out);
        batch.push(out);
        if (batch.full) yield batch.take();
      }
    }
    if (batch.length > 0) yield batch.take();
  } finally {
    input.close();
  }
}

async function isZipFile(file: string, size: number): Promise<boolean> {
  if (size === 0) return /\.zip$/i.test(file);
  const handle = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(4);
    await handle.read(buf, 0, 4, 0);
    return buf.readUInt32LE(0) === 0x04034b50 || buf.readUInt32LE(0) === 0x06054b50;
  } finally {
    await handle.close();
  }
}

export const stackExchangeParser: Parser = {
  format: 'stackexchange-xml',

  detect(sample: Sample): number {
    if (sample.zipEntries.length > 0) {
      const kinds = new Set(sample.zipEntries.map(dumpFileOf).filter((k) => k !== null));
      return kinds.has('Posts.xml') || kinds.has('Users.xml') ? 0.95 : 0;
    }
    const head = sample.head.subarray(0, 4096).toString('utf8');
    return /<(users|posts|comments|votes|badges)>\s*<row\s/i.test(head) ? 0.9 : 0;
  },

  parse: (ctx) => parseStackExchange(ctx),
};
