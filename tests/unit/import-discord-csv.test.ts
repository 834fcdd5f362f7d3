import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discordCsvParser, parseDceDate } from '../../electron/services/import/parsers/discord-csv';
import { CHAT_IDS, stableId } from '../../electron/services/import/parsers/ids';
import { localTimeResolver } from '../../electron/services/import/parsers/local-time';
import { activities, collect, contextFor, failure, fixture, members, membersPrecedeActivities, problems } from '../support/import-harness';
import { tempDir } from '../support/tmp';

const csv = fixture('discord', 'Hearth Test Guild - Text Channels - general [200000000000000001].csv');
const HEADER = 'AuthorID,Author,Date,Content,Attachments,Reactions\n';

function write(name: string, text: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('discord-csv parser', () => {
  it('reads both date styles, multi-line content, reactions and attachments', async () => {
    const records = await collect(discordCsvParser, contextFor(csv, { timeZone: 'Asia/Shanghai' }));
    const ann = { source: 'discord', externalId: '300000000000000001', handle: 'ann.lee', displayName: 'ann.lee' };
    const bo = { source: 'discord', externalId: '300000000000000002', handle: 'bo.dev', displayName: 'bo.dev' };
    const chen = { source: 'discord', externalId: '300000000000000004', handle: '陈伟', displayName: '陈伟' };
    const id = (author: string, ts: number, content: string) => `csv:${stableId([author, String(ts), content], CHAT_IDS)}`;
    const base = { type: 'activity', source: 'discord', channel: '#general', replyTo: null } as const;
    const hello = 'Hello everyone! "Hearth" is live.\nSecond line';
    const photoTs = Date.UTC(2024, 2, 2, 6, 0);
    expect(activities(records)).toEqual([
      { ...base, line: 2, externalId: id(ann.externalId, Date.UTC(2024, 2, 1, 9), 'Joined the server.'), kind: 'join', ts: Date.UTC(2024, 2, 1, 9), text: 'Joined the server.', author: ann, value: 0 },
      { ...base, line: 3, externalId: id(ann.externalId, Date.UTC(2024, 2, 1, 9, 1, 30, 250), hello), kind: 'message', ts: Date.UTC(2024, 2, 1, 9, 1, 30, 250), text: hello, author: ann, value: 5 },
      { ...base, line: 5, externalId: id(bo.externalId, Date.UTC(2024, 2, 1, 1, 5), 'Thanks Ann'), kind: 'message', ts: Date.UTC(2024, 2, 1, 1, 5), text: 'Thanks Ann', author: bo, value: 0 },
      { ...base, line: 6, externalId: id(bo.externalId, photoTs, ''), kind: 'message', ts: photoTs, text: '[attachment] photo.png', author: bo, value: 1 },
      { ...base, line: 7, externalId: `${id(bo.externalId, photoTs, '')}.2`, kind: 'message', ts: photoTs, text: '[attachment] photo.png', author: bo, value: 1 },
      { ...base, line: 8, externalId: id(chen.externalId, Date.UTC(2024, 2, 2, 1), '大家好, 我是新来的 🎉'), kind: 'message', ts: Date.UTC(2024, 2, 2, 1), text: '大家好, 我是新来的 🎉', author: chen, value: 0 },
    ]);
    expect(members(records).map((m) => [m.identity.externalId, m.line])).toEqual([
      ['300000000000000001', 2],
      ['300000000000000002', 5],
      ['300000000000000004', 8],
    ]);
    expect(membersPrecedeActivities(records)).toBe(true);
  });

  it('gives the same ids on a re-import and on an overlapping later export', async () => {
    const first = activities(await collect(discordCsvParser, contextFor(csv))).map((a) => a.externalId);
    expect(activities(await collect(discordCsvParser, contextFor(csv))).map((a) => a.externalId)).toEqual(first);
    const lines = fs.readFileSync(csv, 'utf8').split('\r\n');
    // A later export that starts at the third message and adds one more.
    const later = write('later.csv', [lines[0], ...lines.slice(3, 7), '"9","new","2024-03-05T00:00:00+00:00","new one","",""', ''].join('\r\n'));
    const overlap = activities(await collect(discordCsvParser, contextFor(later))).map((a) => a.externalId);
    expect(overlap.slice(0, 4)).toEqual(first.slice(2, 6));
    expect(activities(await collect(discordCsvParser, contextFor(later)))[0]?.channel).toBeNull();
  });

  it('is fatal on a quote that never closes, naming the line', async () => {
    const file = write('broken.csv', `${HEADER}1,a,2024-01-01T00:00:00Z,fine,,\n1,a,2024-01-01T00:01:00Z,"never closed,,\n2,b,2024-01-01T00:02:00Z,x,,\n`);
    const error = await failure(collect(discordCsvParser, contextFor(file)));
    expect(error.code).toBe('import_invalid');
    expect(error.message).toBe('broken.csv:3: quotes: a quoted field is never closed; the rest of the file cannot be read');
  });

  it('skips a row with a stray quote as a problem and keeps going', async () => {
    const file = write('stray.csv', `${HEADER}1,a,2024-01-01T00:00:00Z,"say "hi" now",,\n2,b,2024-01-01T00:02:00Z,after,,\n`);
    const records = await collect(discordCsvParser, contextFor(file));
    expect(problems(records)).toMatchObject([{ line: 2, field: 'quotes' }]);
    expect(activities(records).map((a) => [a.line, a.text])).toEqual([[3, 'after']]);
  });

  it('reports unreadable dates and short rows as problems', async () => {
    const file = write('rows.csv', `${HEADER}1,a,yesterday,x,,\n1,a,2024-01-01T00:00:00Z\n`);
    expect(problems(await collect(discordCsvParser, contextFor(file)))).toMatchObject([
      { line: 2, field: 'Date', value: 'yesterday' },
      { line: 3, field: 'row' },
    ]);
  });

  it('refuses an empty file and a wrong header', async () => {
    expect((await failure(collect(discordCsvParser, contextFor(write('empty.csv', ''))))).message).toMatch(/^empty\.csv:1: header: the file is empty/);
    expect((await failure(collect(discordCsvParser, contextFor(write('other.csv', 'a,b,c\n1,2,3\n'))))).message).toMatch(/^other\.csv:1: header:/);
  });

  it('reads the old DCE date format in the workspace zone, across DST', () => {
    const local = localTimeResolver('America/New_York', 'x.csv');
    expect(parseDceDate('01-Jan-20 01:33 AM', local)).toBe(Date.UTC(2020, 0, 1, 6, 33));
    expect(parseDceDate('01-Jul-20 12:00 PM', local)).toBe(Date.UTC(2020, 6, 1, 16, 0));
    expect(parseDceDate('2020-07-01T12:00:00.0000000-04:00', local)).toBe(Date.UTC(2020, 6, 1, 16, 0));
    expect(parseDceDate('31-Feb-20 01:33 AM', local)).toBeNull();
  });

  it('stops with import_cancelled when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await failure(collect(discordCsvParser, contextFor(csv, {}, controller.signal)))).code).toBe('import_cancelled');
  });

  it('detects the DCE header', () => {
    const head = fs.readFileSync(csv);
    expect(discordCsvParser.detect({ fileName: 'x.csv', head, isDirectory: false, zipEntries: [] })).toBeGreaterThan(0.9);
    expect(discordCsvParser.detect({ fileName: 'x.csv', head: Buffer.from('\uFEFFAuthorID,Author,Date,Content\n'), isDirectory: false, zipEntries: [] })).toBeGreaterThan(0.9);
    expect(discordCsvParser.detect({ fileName: 'x.csv', head: Buffer.from('id,name,date\n'), isDirectory: false, zipEntries: [] })).toBe(0);
  });
});
