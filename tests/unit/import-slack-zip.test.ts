import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { slackTsToMs } from '../../electron/services/import/parsers/slack-messages';
import { slackZipParser } from '../../electron/services/import/parsers/slack-zip';
import { SafeZip } from '../../electron/services/import/parsers/zip';
import { activities, collect, contextFor, failure, members, membersPrecedeActivities } from '../support/import-harness';
import { tempDir } from '../support/tmp';

type Entries = Record<string, unknown>;

/** Writes a zip of JSON documents (Buffers are stored as they are). */
async function makeZip(entries: Entries, name = 'export.zip'): Promise<string> {
  const file = path.join(tempDir(), name);
  const zip = new yazl.ZipFile();
  for (const [entry, value] of Object.entries(entries)) {
    zip.addBuffer(Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value, null, 4)), entry);
  }
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(file);
    out.on('close', () => resolve());
    out.on('error', reject);
    zip.outputStream.pipe(out);
  });
  return file;
}

const users = [
  { id: 'U1', name: 'ann', real_name: 'Ann Lee', deleted: false, is_bot: false, profile: { display_name: 'Ann', real_name: 'Ann Lee', email: 'ann@example.org' } },
  { id: 'U2', name: 'bo', real_name: 'Bo Li', deleted: false, is_bot: false, profile: { display_name: '', real_name: 'Bo Li' } },
  { id: 'U3', name: 'gone', real_name: 'Gone Person', deleted: true, profile: { display_name: 'gone' } },
  { id: 'U4', name: 'hearthbot', deleted: false, is_bot: true, profile: { real_name: 'Hearth Bot' } },
];
const channels = [
  { id: 'C1', name: 'general', created: 1710000000, creator: 'U1', members: ['U1', 'U2'] },
  { id: 'C2', name: 'random', created: 1710000000, creator: 'U1', members: ['U1'] },
];
/** 2016-style day file: joins, reactions, a bot, a topic notice, a file comment. */
const general13 = [
  { type: 'message', subtype: 'channel_join', user: 'U1', text: '<@U1> has joined the channel', ts: '1710334800.000100' },
  {
    type: 'message',
    user: 'U1',
    text: 'Hello <!channel>',
    ts: '1710334860.000200',
    reactions: [
      { name: 'wave', users: ['U2', 'U3'], count: 2 },
      { name: 'tada', users: ['U2'] },
    ],
  },
  { type: 'message', subtype: 'bot_message', bot_id: 'B1', username: 'deploybot', text: '', attachments: [{ fallback: 'Deployed v1' }], ts: '1710334900.000300' },
  { type: 'message', subtype: 'channel_topic', user: 'U1', text: 'set the channel topic: hi', topic: 'hi', ts: '1710334950.000400' },
  { type: 'message', subtype: 'file_comment', text: '<@U2> commented on a file: nice', comment: { user: 'U2', comment: 'nice' }, ts: '1710334999.000500' },
];
/** 2025-style day file: threads, user_profile, files, broadcast, tombstone, leave. */
const general14 = [
  { client_msg_id: 'a', type: 'message', user: 'U2', text: 'Plan for Q2?', ts: '1710421200.123456', thread_ts: '1710421200.123456', reply_count: 2, team: 'T1' },
  {
    client_msg_id: 'b',
    type: 'message',
    user: 'U9',
    text: 'I can help',
    ts: '1710421260.000001',
    thread_ts: '1710421200.123456',
    parent_user_id: 'U2',
    user_profile: { name: 'zed', display_name: 'Zed', real_name: 'Zed Quinn' },
  },
  { type: 'message', subtype: 'thread_broadcast', user: 'U1', text: 'Me too', ts: '1710421300.000002', thread_ts: '1710421200.123456' },
  { type: 'message', subtype: 'tombstone', user: 'USLACKBOT', hidden: true, text: 'This message was deleted.', ts: '1710421400.000003', thread_ts: '1710421400.000003' },
  { type: 'message', user: 'U1', ts: '1710421500.000004', files: [{ id: 'F1', name: 'plan.pdf', title: 'Plan' }] },
  { type: 'message', user: 'U4', bot_id: 'B2', text: 'Reminder: standup', ts: '1710421600.000005' },
  { type: 'message', subtype: 'channel_leave', user: 'U2', text: '<@U2> has left the channel', ts: '1710421700.000006' },
];
const workspace: Entries = {
  'channels.json': channels,
  'general/2024-03-13.json': general13,
  'general/2024-03-14.json': general14,
  'integration_logs.json': { logs: [] },
  'random/2024-03-13.json': [{ type: 'message', user: 'U2', text: 'lunch?', ts: '1710334870.000000' }],
  // users.json last on purpose: old exports list it after the channel folders.
  'users.json': users,
};

const ann = { source: 'slack', externalId: 'U1', handle: 'ann', displayName: 'Ann', email: 'ann@example.org', isBot: false };
const bo = { source: 'slack', externalId: 'U2', handle: 'bo', displayName: 'Bo Li', email: null, isBot: false };
const gone = { source: 'slack', externalId: 'U3', handle: 'gone', displayName: 'gone', email: null, isBot: false };
const hearthbot = { source: 'slack', externalId: 'U4', handle: 'hearthbot', displayName: 'Hearth Bot', email: null, isBot: true };

describe('slack-zip parser', () => {
  it('maps users, channels, threads, reactions, bots and joins from old and new layouts', async () => {
    const records = await collect(slackZipParser, contextFor(await makeZip(workspace)));
    expect(members(records)).toEqual([
      { type: 'member', identity: ann, line: 2 },
      { type: 'member', identity: bo, line: 14 },
      { type: 'member', identity: gone, line: 25, tags: ['deleted'] },
      { type: 'member', identity: hearthbot, line: 34 },
      { type: 'member', identity: { source: 'slack', externalId: 'B1', handle: 'deploybot', displayName: 'deploybot', isBot: true }, line: 31 },
      { type: 'member', identity: { source: 'slack', externalId: 'U9', handle: 'zed', displayName: 'Zed' }, line: 12 },
    ]);
    const general = { type: 'activity', source: 'slack', channel: '#general' } as const;
    expect(activities(records)).toEqual([
      { ...general, line: 2, externalId: 'C1:1710334800.000100', kind: 'join', ts: 1710334800000, text: '<@U1> has joined the channel', author: ann, value: 0, replyTo: null },
      { ...general, line: 9, externalId: 'C1:1710334860.000200', kind: 'message', ts: 1710334860000, text: 'Hello <!channel>', author: ann, value: 3, replyTo: null },
      { ...general, line: 31, externalId: 'C1:1710334900.000300', kind: 'message', ts: 1710334900000, text: null, author: { source: 'slack', externalId: 'B1', handle: 'deploybot', displayName: 'deploybot', isBot: true }, value: 0, replyTo: null },
      { ...general, line: 52, externalId: 'C1:1710334999.000500', kind: 'message', ts: 1710334999000, text: '<@U2> commented on a file: nice', author: bo, value: 0, replyTo: null },
      { ...general, line: 2, externalId: 'C1:1710421200.123456', kind: 'message', ts: 1710421200123, text: 'Plan for Q2?', author: bo, value: 0, replyTo: null },
      {
        ...general,
        line: 12,
        externalId: 'C1:1710421260.000001',
        kind: 'reply',
        ts: 1710421260000,
        text: 'I can help',
        author: { source: 'slack', externalId: 'U9', handle: 'zed', displayName: 'Zed' },
        value: 0,
        replyTo: 'C1:1710421200.123456',
      },
      { ...general, line: 26, externalId: 'C1:1710421300.000002', kind: 'reply', ts: 1710421300000, text: 'Me too', author: ann, value: 0, replyTo: 'C1:1710421200.123456' },
      { ...general, line: 43, externalId: 'C1:1710421500.000004', kind: 'message', ts: 1710421500000, text: '[attachment] plan.pdf', author: ann, value: 0, replyTo: null },
      { ...general, line: 55, externalId: 'C1:1710421600.000005', kind: 'message', ts: 1710421600000, text: 'Reminder: standup', author: hearthbot, value: 0, replyTo: null },
      { ...general, line: 62, externalId: 'C1:1710421700.000006', kind: 'leave', ts: 1710421700000, text: '<@U2> has left the channel', author: bo, value: 0, replyTo: null },
      { type: 'activity', source: 'slack', channel: '#random', line: 2, externalId: 'C2:1710334870.000000', kind: 'message', ts: 1710334870000, text: 'lunch?', author: bo, value: 0, replyTo: null },
    ]);
    expect(membersPrecedeActivities(records)).toBe(true);
  });

  it('takes mentions from what members wrote, not from the texts Slack writes around joins and files', async () => {
    const day = [
      { type: 'message', subtype: 'channel_join', user: 'U2', text: '<@U2> has joined the channel', ts: '1710500000.000001' },
      { type: 'message', user: 'U1', text: '<@U2>: see <@U2|bo>, <@U9>, <@U4>, <!here> and <#C2|random>', ts: '1710500060.000002' },
      { type: 'message', user: 'U2', text: 'on it <@U1|ann>', ts: '1710500120.000003', thread_ts: '1710500060.000002' },
      { type: 'message', subtype: 'file_share', user: 'U1', text: '<@U1> uploaded a file: <https://x/f|plan>', ts: '1710500180.000004' },
      { type: 'message', subtype: 'file_comment', text: '<@U2> commented on <@U1>’s file', comment: { user: 'U2' }, ts: '1710500240.000005' },
      { type: 'message', user: 'U1', text: 'mail <mailto:a@b.c|a@b.c> — no one here', ts: '1710500300.000006' },
    ];
    const acts = activities(await collect(slackZipParser, contextFor(await makeZip({ 'channels.json': channels, 'users.json': users, 'general/2024-03-15.json': day }))));
    expect(acts.map((a) => [a.kind, a.mentions ?? null])).toEqual([
      ['join', null],
      // U2 twice is once; U4 is a bot; U9 is not in users.json but may be a member elsewhere.
      ['message', [{ externalId: 'U2' }, { externalId: 'U9' }]],
      ['reply', [{ externalId: 'U1' }]],
      ['message', null],
      ['message', null],
      ['message', null],
    ]);
  });

  it('reads an export wrapped in one top folder, and DMs by id', async () => {
    const wrapped: Entries = {};
    for (const [name, value] of Object.entries(workspace)) wrapped[`Hearth Slack export Mar 14 2024/${name}`] = value;
    wrapped['Hearth Slack export Mar 14 2024/dms.json'] = [{ id: 'D1', members: ['U1', 'U2'] }];
    wrapped['Hearth Slack export Mar 14 2024/D1/2024-03-14.json'] = [{ type: 'message', user: 'U1', text: 'hi Bo', ts: '1710421800.000007' }];
    wrapped['Hearth Slack export Mar 14 2024/groups.json'] = [];
    const acts = activities(await collect(slackZipParser, contextFor(await makeZip(wrapped))));
    expect(acts).toHaveLength(12);
    expect(acts[0]).toMatchObject({ externalId: 'D1:1710421800.000007', channel: 'dm:D1' });
  });

  it('gives the same ids when parsed again', async () => {
    const file = await makeZip(workspace);
    const ids = async () => activities(await collect(slackZipParser, contextFor(file))).map((a) => a.externalId);
    expect(await ids()).toEqual(await ids());
  });

  it('converts Slack timestamps without float rounding', () => {
    expect(slackTsToMs('1736478514.897649')).toBe(1736478514897);
    expect(slackTsToMs('1736478514')).toBe(1736478514000);
    expect(slackTsToMs('1736478514.9')).toBe(1736478514900);
    expect(slackTsToMs('soon')).toBeNull();
  });

  it('refuses a 0-byte file and a file that is not a zip', async () => {
    const empty = path.join(tempDir(), 'empty.zip');
    fs.writeFileSync(empty, '');
    expect((await failure(collect(slackZipParser, contextFor(empty)))).message).toBe('empty.zip: zip: the file is empty (0 bytes); expected a zip archive');
    const text = path.join(tempDir(), 'text.zip');
    fs.writeFileSync(text, 'just some text, not a zip');
    expect((await failure(collect(slackZipParser, contextFor(text)))).message).toMatch(/^text\.zip: zip: not a zip archive/);
  });

  it('refuses an entry that climbs out of the archive, before yielding anything', async () => {
    const file = await makeZip({ 'users.json': users, 'zz/evil.json': [] }, 'slip.zip');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, Buffer.from(bytes.toString('latin1').replaceAll('zz/evil.json', '../evil.json'), 'latin1'));
    let batches = 0;
    const error = await failure(
      (async () => {
        for await (const _batch of slackZipParser.parse(contextFor(file))) batches += 1;
      })(),
    );
    expect(batches).toBe(0);
    expect(error.code).toBe('import_invalid');
    expect(error.message).toBe('slip.zip: ../evil.json: refused: the entry path is absolute or leaves the archive (zip slip)');
  });

  it('refuses zip bombs: extreme compression ratio, too many entries, too many bytes', async () => {
    const bomb = await makeZip({ 'users.json': users, 'general/2024-03-13.json': Buffer.alloc(8 * 1024 * 1024, 0x20) }, 'bomb.zip');
    expect((await failure(collect(slackZipParser, contextFor(bomb)))).message).toMatch(/^bomb\.zip: general\/2024-03-13\.json: refused: compression ratio \d+:1/);
    const small = await makeZip(workspace);
    expect((await failure(SafeZip.open(small, 'x.zip', { maxEntries: 3, maxTotalBytes: 1e9, maxRatio: 500 }))).message).toMatch(/6 entries; more than the 3 allowed/);
    expect((await failure(SafeZip.open(small, 'x.zip', { maxEntries: 100, maxTotalBytes: 1000, maxRatio: 500 }))).message).toMatch(/uncompressed \(zip bomb\?\)/);
  });

  it('refuses a zip that is not a Slack export', async () => {
    const file = await makeZip({ 'photos/a.json': [] }, 'other.zip');
    expect((await failure(collect(slackZipParser, contextFor(file)))).message).toMatch(/^other\.zip: users\.json: not a Slack export/);
  });

  it('names the entry and line of broken JSON', async () => {
    const file = await makeZip({ ...workspace, 'general/2024-03-14.json': Buffer.from('[\n  {"type": "message",\n   "ts": "1"\n') }, 'cut.zip');
    const error = await failure(collect(slackZipParser, contextFor(file)));
    expect(error.message).toMatch(/^cut\.zip:4: general\/2024-03-14\.json:\[0\]/);
    expect(error.message).toMatch(/unexpected end of file/);
  });

  it('stops with import_cancelled when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const file = await makeZip(workspace);
    expect((await failure(collect(slackZipParser, contextFor(file, {}, controller.signal)))).code).toBe('import_cancelled');
  });

  it('detects a Slack export from its entry names', () => {
    const sample = (zipEntries: string[]) => ({ fileName: 'x.zip', head: Buffer.from('PK'), isDirectory: false, zipEntries });
    expect(slackZipParser.detect(sample(['channels.json', 'users.json', 'general/2024-03-13.json']))).toBeGreaterThan(0.9);
    expect(slackZipParser.detect(sample(['export/channels.json', 'export/general/2024-03-13.json']))).toBeGreaterThan(0.9);
    expect(slackZipParser.detect(sample(['word/document.xml']))).toBe(0);
    expect(slackZipParser.detect(sample([]))).toBe(0);
  });
});
