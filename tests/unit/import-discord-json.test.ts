import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discordJsonParser } from '../../electron/services/import/parsers/discord-json';
import { activities, collect, contextFor, failure, fixture, members, membersPrecedeActivities } from '../support/import-harness';
import { tempDir } from '../support/tmp';

const general = fixture('discord', 'guild-general.json');
const ann = { source: 'discord', externalId: '300000000000000001', handle: 'ann.lee', displayName: 'Ann', isBot: false };
const bo = { source: 'discord', externalId: '300000000000000002', handle: 'bo.dev', displayName: 'Bo 🌸', isBot: false };
const bot = { source: 'discord', externalId: '300000000000000003', handle: 'HearthBot', displayName: 'HearthBot', isBot: true };
const chen = { source: 'discord', externalId: '300000000000000004', handle: 'chen.wei', displayName: '陈伟', isBot: false };
const dee = { source: 'discord', externalId: '300000000000000005', handle: 'dee', displayName: 'dee', isBot: false };

const sample = (file: string) => ({ fileName: path.basename(file), head: fs.readFileSync(file).subarray(0, 65536), isDirectory: false, zipEntries: [] });

describe('discord-json parser', () => {
  it('maps a DiscordChatExporter channel export to activities and members', async () => {
    const records = await collect(discordJsonParser, contextFor(general));
    const base = { type: 'activity', source: 'discord', channel: '#general' } as const;
    expect(activities(records)).toEqual([
      { ...base, line: 21, externalId: '400000000000000001', kind: 'join', ts: Date.UTC(2024, 2, 1, 9, 0, 0), text: 'Joined the server.', author: ann, value: 0, replyTo: null },
      { ...base, line: 52, externalId: '400000000000000002', kind: 'message', ts: Date.UTC(2024, 2, 1, 9, 1, 30, 250), text: 'Hello everyone! Welcome to **Hearth**.', author: ann, value: 5, replyTo: null },
      // Discord lists the author a reply answers among its mentions.
      { ...base, line: 110, externalId: '400000000000000003', kind: 'reply', ts: Date.UTC(2024, 2, 1, 9, 5), text: 'Thanks Ann, glad to be here', author: bo, value: 0, replyTo: '400000000000000002', mentions: [{ externalId: ann.externalId }] },
      { ...base, line: 146, externalId: '400000000000000004', kind: 'message', ts: Date.UTC(2024, 2, 1, 9, 6), text: 'Welcome! Type /help to start.', author: bot, value: 0, replyTo: null },
      { ...base, line: 177, externalId: '400000000000000005', kind: 'message', ts: Date.UTC(2024, 2, 2, 1), text: '大家好，我是新来的 🎉', author: chen, value: 0, replyTo: null },
      { ...base, line: 209, externalId: '400000000000000006', kind: 'message', ts: Date.UTC(2024, 2, 2, 2), text: '[attachment] photo.png', author: bo, value: 1, replyTo: null },
      // 400000000000000007 is a pin notice: not member activity.
      { ...base, line: 285, externalId: '400000000000000008', kind: 'message', ts: Date.UTC(2024, 2, 2, 4), text: 'Roadmap', author: ann, value: 0, replyTo: null },
      { ...base, line: 321, externalId: '400000000000000009', kind: 'message', ts: Date.UTC(2024, 2, 2, 5), text: null, author: bo, value: 0, replyTo: null },
      { ...base, line: 348, externalId: '400000000000000010', kind: 'reply', ts: Date.UTC(2024, 2, 2, 11), text: '+1 to the roadmap', author: chen, value: 0, replyTo: '400000000000000008' },
      { ...base, line: 376, externalId: '400000000000000011', kind: 'join', ts: Date.UTC(2024, 2, 3, 10), text: 'Joined the server.', author: dee, value: 0, replyTo: null },
    ]);
    expect(members(records)).toEqual([
      { type: 'member', identity: ann, line: 21 },
      { type: 'member', identity: bo, line: 110 },
      { type: 'member', identity: bot, line: 146 },
      { type: 'member', identity: chen, line: 177 },
      { type: 'member', identity: dee, line: 376 },
    ]);
    expect(membersPrecedeActivities(records)).toBe(true);
  });

  it('gives the same ids when the file is parsed again', async () => {
    const ids = async () => activities(await collect(discordJsonParser, contextFor(general))).map((a) => a.externalId);
    expect(await ids()).toEqual(await ids());
  });

  it('names file, line and field when the JSON is truncated', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'cut.json');
    const text = fs.readFileSync(general, 'utf8');
    fs.writeFileSync(file, text.slice(0, text.indexOf('"Thanks Ann')));
    const error = await failure(collect(discordJsonParser, contextFor(file)));
    expect(error.code).toBe('import_invalid');
    expect(error.message).toMatch(/^cut\.json:117: messages\[2\]\.content: unexpected end of file/);
    expect(error.details).toMatchObject({ file: 'cut.json', line: 117, field: 'messages[2].content' });
  });

  it('names file, line and field for a syntax error', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, '{\n  "guild": {"id": "1", "name": "G"},\n  "channel": {"id": "2", "name": "x"},\n  "messages": [\n    {"id": "3",, "type": "Default"}\n  ]\n}\n');
    const error = await failure(collect(discordJsonParser, contextFor(file)));
    expect(error.message).toMatch(/^bad\.json:5: messages\[0\]/);
    expect(error.message).toMatch(/invalid JSON/);
  });

  it('refuses an empty file clearly', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'empty.json');
    fs.writeFileSync(file, '');
    expect((await failure(collect(discordJsonParser, contextFor(file)))).message).toMatch(/empty\.json:1: \(root\): the file is empty/);
  });

  it('finds the channel when it comes after the messages', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'late.json');
    const doc = JSON.parse(fs.readFileSync(general, 'utf8')) as { channel: unknown; messages: unknown[] };
    fs.writeFileSync(file, JSON.stringify({ messages: doc.messages.slice(0, 2), channel: doc.channel }, null, 2));
    const acts = activities(await collect(discordJsonParser, contextFor(file)));
    expect(acts.map((a) => a.channel)).toEqual(['#general', '#general']);
  });

  it('stops with import_cancelled when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(collect(discordJsonParser, contextFor(general, {}, controller.signal)));
    expect(error.code).toBe('import_cancelled');
  });

  it('reports progress in bytes', async () => {
    const ctx = contextFor(general);
    await collect(discordJsonParser, ctx);
    expect(ctx.reported[ctx.reported.length - 1]).toBe(fs.statSync(general).size);
  });

  it('takes the people a message or reply mentions, each once, leaving out bots and joins', async () => {
    const acts = activities(await collect(discordJsonParser, contextFor(fixture('discord', 'mentions.json'))));
    const id = (n: number) => `70000000000000000${n}`;
    expect(acts.map((a) => [a.externalId.slice(-1), a.kind, a.mentions?.map((m) => ('externalId' in m ? m.externalId : m.handle)) ?? null])).toEqual([
      ['0', 'join', null],
      ['1', 'message', null],
      ['2', 'message', [id(1), id(3)]],
      // A reply lists the author it answers: a mention here, left out of the scores.
      ['3', 'reply', [id(1)]],
      // A self-mention is kept here too; the scores leave it out.
      ['4', 'message', [id(1), id(2)]],
      // Ann twice, and HearthBot (a bot): Ann once.
      ['5', 'message', [id(1)]],
      ['6', 'message', [id(5)]],
      ['7', 'message', [id(1)]],
    ]);
    expect(acts.some((a) => 'mentions' in a && a.mentions === undefined)).toBe(false);
  });

  it('gives a group DM the person added as the join, with no mention', async () => {
    const file = path.join(tempDir(), 'dm.json');
    const person = { id: '9001', name: 'zoe', nickname: 'Zoe', isBot: false };
    const added = { id: '9100', type: 'RecipientAdd', timestamp: '2024-03-01T09:00:00+00:00', content: '', author: { id: '9000', name: 'host' }, mentions: [person] };
    fs.writeFileSync(file, JSON.stringify({ guild: { id: '0', name: 'Direct Messages' }, channel: { id: '1', name: 'group' }, messages: [added] }));
    const [join] = activities(await collect(discordJsonParser, contextFor(file)));
    expect(join).toMatchObject({ kind: 'join', author: { externalId: '9001' } });
    expect(join?.mentions).toBeUndefined();
  });

  it('detects DCE JSON and nothing else', () => {
    expect(discordJsonParser.detect(sample(general))).toBeGreaterThan(0.9);
    expect(discordJsonParser.detect(sample(fixture('telegram', 'result-single.json')))).toBe(0);
    expect(discordJsonParser.detect({ ...sample(general), head: Buffer.from('AuthorID,Author,Date\n') })).toBe(0);
  });
});
