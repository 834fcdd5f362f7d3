import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../shared/import';
import { parseStackExchange, seDate, stackExchangeParser } from '../../electron/services/import/parsers/stackexchange';
import { unsafeEntryName } from '../../electron/services/import/parsers/zip';
import { readSample } from '../../electron/services/import/sample';

const SITE = path.join(import.meta.dirname, '../fixtures/import/stackexchange/site');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-se-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function ctxFor(target: string, signal = new AbortController().signal) {
  return { path: target, fileName: path.basename(target), options: { timeZone: 'Asia/Shanghai' }, signal, progress: () => undefined };
}

async function collect(target: string): Promise<ImportRecord[]> {
  const out: ImportRecord[] = [];
  for await (const batch of stackExchangeParser.parse(ctxFor(target))) out.push(...batch);
  return out;
}

async function zipOf(name: string, entries: Record<string, Buffer | string>): Promise<string> {
  const file = path.join(tmp, name);
  const zip = new yazl.ZipFile();
  for (const [entry, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), entry);
  zip.end();
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(file)).on('finish', resolve).on('error', reject);
  });
  return file;
}

const siteFiles = (prefix: string): Record<string, Buffer> =>
  Object.fromEntries(fs.readdirSync(SITE).map((f) => [`${prefix}${f}`, fs.readFileSync(path.join(SITE, f))]));

const se = (id: string, extra: Record<string, unknown> = {}) => ({ source: 'stackexchange', externalId: id, isBot: false, ...extra });

const expected: ImportRecord[] = [
  { type: 'member', line: 3, identity: se('-1', { displayName: 'Community', isBot: true }), joinedAt: Date.UTC(2020, 0, 1) },
  { type: 'member', line: 4, identity: se('1', { displayName: 'Mei & Co' }), joinedAt: Date.UTC(2020, 0, 2, 8, 15, 30, 250) },
  { type: 'member', line: 5, identity: se('2', { displayName: 'Tom' }), joinedAt: Date.UTC(2020, 0, 3, 9) },
  {
    type: 'activity',
    line: 3,
    source: 'stackexchange',
    author: se('1'),
    externalId: 'post:10',
    kind: 'post',
    ts: Date.UTC(2020, 0, 5, 10),
    channel: 'brewing',
    text: 'Brewing oolong\n\nHow do I brew oolong?',
    value: 3,
    replyTo: null,
  },
  {
    type: 'activity',
    line: 4,
    source: 'stackexchange',
    author: se('2'),
    externalId: 'post:11',
    kind: 'reply',
    ts: Date.UTC(2020, 0, 5, 11, 30),
    channel: 'brewing',
    text: 'Use 90° water.',
    value: 5,
    replyTo: 'post:10',
  },
  // An answer whose owner deleted their account keeps counting, under a "deleted" identity.
  { type: 'member', line: 5, identity: { source: 'stackexchange', externalId: 'deleted:gone-user', displayName: 'gone-user' } },
  {
    type: 'activity',
    line: 5,
    source: 'stackexchange',
    author: { source: 'stackexchange', externalId: 'deleted:gone-user', displayName: 'gone-user' },
    externalId: 'post:12',
    kind: 'reply',
    ts: Date.UTC(2020, 0, 6, 7),
    channel: 'brewing',
    text: 'Boiling is fine.',
    value: -1,
    replyTo: 'post:10',
  },
  // Post 13 is a tag wiki excerpt: left out. Post 14 has an impossible date.
  { type: 'problem', line: 7, field: 'Posts.xml:CreationDate', value: '2020-02-30T00:00:00.000', message: 'post 14: not a date' },
  {
    type: 'activity',
    line: 3,
    source: 'stackexchange',
    author: se('1'),
    externalId: 'comment:100',
    kind: 'comment',
    ts: Date.UTC(2020, 0, 5, 12),
    channel: 'brewing',
    text: 'Thanks, that worked!',
    value: 2,
    replyTo: 'post:11',
  },
  { type: 'member', line: 4, identity: { source: 'stackexchange', externalId: 'deleted:anon42', displayName: 'anon42' } },
  {
    type: 'activity',
    line: 4,
    source: 'stackexchange',
    author: { source: 'stackexchange', externalId: 'deleted:anon42', displayName: 'anon42' },
    externalId: 'comment:101',
    kind: 'comment',
    ts: Date.UTC(2020, 0, 5, 10, 5),
    channel: 'brewing',
    text: 'Which oolong?',
    value: 0,
    replyTo: 'post:10',
  },
  // Votes 1000 and 1001 are anonymous: only the favourite and the bounty carry a user.
  {
    type: 'activity',
    line: 5,
    source: 'stackexchange',
    author: se('2'),
    externalId: 'vote:1002',
    kind: 'reaction',
    ts: Date.UTC(2020, 0, 6),
    channel: 'brewing',
    text: 'favorite',
    value: null,
    replyTo: 'post:10',
  },
  {
    type: 'activity',
    line: 6,
    source: 'stackexchange',
    author: se('1'),
    externalId: 'vote:1003',
    kind: 'reaction',
    ts: Date.UTC(2020, 0, 7),
    channel: 'brewing',
    text: 'bounty start',
    value: 50,
    replyTo: 'post:10',
  },
  {
    type: 'activity',
    line: 3,
    source: 'stackexchange',
    author: se('1'),
    externalId: 'badge:7',
    kind: 'badge',
    ts: Date.UTC(2020, 0, 5, 10, 5, 0, 123),
    channel: null,
    text: 'Student',
    value: null,
    replyTo: null,
  },
  {
    type: 'activity',
    line: 4,
    source: 'stackexchange',
    author: se('2'),
    externalId: 'badge:8',
    kind: 'badge',
    ts: Date.UTC(2020, 0, 8),
    channel: null,
    text: 'oolong',
    value: null,
    replyTo: null,
  },
];

describe('Stack Exchange dump', () => {
  it('reads a folder: users, posts, comments, user votes and badges, in that order', async () => {
    expect(await collect(SITE)).toEqual(expected);
  });

  it('reads the same dump from a zip, also when it sits in a sub-folder', async () => {
    expect(await collect(await zipOf('site.zip', siteFiles('')))).toEqual(expected);
    expect(await collect(await zipOf('nested.zip', siteFiles('tea.stackexchange.com/')))).toEqual(expected);
  });

  it('reads one dump file on its own', async () => {
    const records = await collect(path.join(SITE, 'Badges.xml'));
    expect(records.map((r) => (r.type === 'activity' ? r.externalId : r.type))).toEqual(['member', 'badge:7', 'member', 'badge:8']);
  });

  it('detects zips and folders by their files, and XML files by their root element', async () => {
    const zip = path.join(tmp, 'site.zip');
    expect(stackExchangeParser.detect(await readSample(zip))).toBe(0.95);
    expect(stackExchangeParser.detect(await readSample(path.join(SITE, 'Posts.xml')))).toBe(0.9);
    expect(stackExchangeParser.detect(await readSample(SITE))).toBe(0.95);
    expect(stackExchangeParser.detect({ fileName: 'photos', head: Buffer.alloc(0), isDirectory: true, zipEntries: ['a.jpg'] })).toBe(0);
    expect(stackExchangeParser.detect({ fileName: 'x.zip', head: Buffer.from('PK'), isDirectory: false, zipEntries: ['users.json', 'general/2024-01-01.json'] })).toBe(0);
  });

  it('reads dump dates as UTC', () => {
    expect(seDate('2011-07-19T18:58:05.047')).toBe(Date.UTC(2011, 6, 19, 18, 58, 5, 47));
    expect(seDate('2011-07-19T18:58:05.5')).toBe(Date.UTC(2011, 6, 19, 18, 58, 5, 500));
    expect(seDate('2011-02-29T00:00:00.000')).toBeNull();
  });
});

describe('untrusted zips', () => {
  it('refuses an entry path that climbs out with ..', async () => {
    const file = await zipOf('evil.zip', { 'Posts.xml': fs.readFileSync(path.join(SITE, 'Posts.xml')), 'aa/x.txt': 'boom' });
    const bytes = fs.readFileSync(file);
    // yazl will not write "../", so rename the entry in place (same length, local and central headers).
    const patched = Buffer.from(bytes.toString('latin1').replaceAll('aa/x.txt', '../x.txt'), 'latin1');
    fs.writeFileSync(file, patched);
    await expect(collect(file)).rejects.toMatchObject({
      code: 'import_invalid',
      details: { file: 'evil.zip', field: '../x.txt' },
    });
    expect(unsafeEntryName('/etc/passwd')).toBe('an absolute path');
    expect(unsafeEntryName('C:/x')).toBe('an absolute path');
    expect(unsafeEntryName('dump/Posts.xml')).toBeNull();
  });

  it('refuses a 0-byte zip with a clear message', async () => {
    const file = path.join(tmp, 'empty.zip');
    fs.writeFileSync(file, '');
    await expect(collect(file)).rejects.toThrow('empty.zip: zip: the file is empty (0 bytes); expected a zip archive');
  });

  it('refuses a zip bomb by its compression ratio before inflating it', async () => {
    const file = await zipOf('bomb.zip', { 'Posts.xml': Buffer.alloc(8 * 1024 * 1024, 0x20) });
    await expect(collect(file)).rejects.toMatchObject({ details: { file: 'bomb.zip', field: 'Posts.xml' } });
  });

  it('caps entry count and sizes', async () => {
    const file = await zipOf('many.zip', { ...siteFiles(''), 'a.txt': 'a', 'b.txt': 'b' });
    const run = async (limits: Parameters<typeof parseStackExchange>[1]): Promise<void> => {
      for await (const _batch of parseStackExchange(ctxFor(file), limits)) void _batch;
    };
    await expect(run({ maxEntries: 3, maxEntryBytes: 1e9, maxTotalBytes: 1e9, maxRatio: 200 })).rejects.toThrow('7 entries; more than the 3 allowed');
    await expect(run({ maxEntries: 100, maxEntryBytes: 500, maxTotalBytes: 1e9, maxRatio: 200 })).rejects.toMatchObject({
      details: { field: 'Users.xml' },
    });
    await expect(run({ maxEntries: 100, maxEntryBytes: 1e9, maxTotalBytes: 2000, maxRatio: 200 })).rejects.toThrow('more than 2000 bytes uncompressed');
  });

  it('says what is missing when a zip holds no dump', async () => {
    const file = await zipOf('other.zip', { 'readme.txt': 'hello' });
    await expect(collect(file)).rejects.toThrow('other.zip: Posts.xml: no Posts.xml or Users.xml in this zip');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = async (): Promise<void> => {
      for await (const _batch of stackExchangeParser.parse(ctxFor(SITE, controller.signal))) void _batch;
    };
    await expect(run()).rejects.toMatchObject({ code: 'import_cancelled' });
  });
});
