import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { telegramJsonParser, telegramMentions, telegramText } from '../../electron/services/import/parsers/telegram-json';
import { activities, collect, contextFor, failure, fixture, members, membersPrecedeActivities } from '../support/import-harness';
import { tempDir } from '../support/tmp';

const single = fixture('telegram', 'result-single.json');
const account = fixture('telegram', 'result-account.json');
const sample = (file: string) => ({ fileName: path.basename(file), head: fs.readFileSync(file).subarray(0, 65536), isDirectory: false, zipEntries: [] });

const ann = { source: 'telegram', externalId: 'user111', displayName: 'Ann Lee' };
const bo = { source: 'telegram', externalId: 'user222', displayName: 'Bo' };
const chen = { source: 'telegram', externalId: 'user333', displayName: 'Chen Wei' };
const dee = { source: 'telegram', externalId: 'user444', displayName: 'Dee' };
const news = { source: 'telegram', externalId: 'channel999', displayName: 'Hearth News' };
const quiet = { source: 'telegram', externalId: 'name:Quiet Person', displayName: 'Quiet Person' };

describe('telegram-json parser', () => {
  it('maps a single-chat export: messages, replies, reactions, joins and leaves', async () => {
    const records = await collect(telegramJsonParser, contextFor(single, { timeZone: 'Asia/Shanghai' }));
    const base = { type: 'activity', source: 'telegram', channel: 'Hearth 社群' } as const;
    const at = (h: number, m: number, s = 0) => Date.UTC(2024, 2, 13, h - 8, m, s);
    expect(activities(records)).toEqual([
      { ...base, line: 6, externalId: '1234567890:1', kind: 'join', ts: at(20, 59), text: null, author: ann },
      { ...base, line: 22, externalId: '1234567890:2', kind: 'join', ts: at(21, 0), text: null, author: chen },
      {
        ...base,
        line: 49,
        externalId: '1234567890:4',
        kind: 'message',
        ts: at(21, 5, 9),
        text: 'Welcome to Hearth! See https://example.org',
        author: ann,
        value: 4,
        replyTo: null,
      },
      { ...base, line: 106, externalId: '1234567890:5', kind: 'reply', ts: at(21, 6), text: '谢谢！很高兴加入', author: bo, value: 0, replyTo: '1234567890:4' },
      // No date_unixtime: `date` is read as local time in the workspace zone.
      { ...base, line: 122, externalId: '1234567890:6', kind: 'message', ts: at(21, 7), text: 'hi all (an older export: no date_unixtime)', author: dee, value: 0, replyTo: null },
      { ...base, line: 136, externalId: '1234567890:7', kind: 'message', ts: at(21, 8), text: '[attachment] sticker 😀', author: bo, value: 0, replyTo: null },
      { ...base, line: 165, externalId: '1234567890:9', kind: 'message', ts: at(21, 10), text: 'Release notes', author: news, value: 0, replyTo: null },
      // Listed members are resolved by name once the chat has been read.
      { ...base, line: 6, externalId: '1234567890:1:1', kind: 'join', ts: at(20, 59), text: null, author: bo },
      { ...base, line: 34, externalId: '1234567890:3', kind: 'join', ts: at(21, 1), text: null, author: dee },
      { ...base, line: 34, externalId: '1234567890:3:1', kind: 'join', ts: at(21, 1), text: null, author: quiet },
      { ...base, line: 181, externalId: '1234567890:10', kind: 'leave', ts: at(21, 11), text: null, author: bo },
    ]);
    expect(members(records).map((m) => m.identity.externalId)).toEqual(['user111', 'user333', 'user222', 'user444', 'channel999', 'name:Quiet Person']);
    expect(membersPrecedeActivities(records)).toBe(true);
  });

  it('streams every chat of a whole-account export, including left chats', async () => {
    const records = await collect(telegramJsonParser, contextFor(account));
    expect(activities(records).map((a) => [a.externalId, a.kind, a.channel, a.author.externalId, a.replyTo ?? null, a.line])).toEqual([
      ['222:50', 'message', 'Bo', 'user222', null, 31],
      ['222:51', 'reply', 'Bo', 'user111', '222:50', 46],
      ['1234567890:4', 'message', 'Hearth 社群', 'user111', null, 69],
      ['555:7', 'message', 'Old Club', 'user555', null, 96],
    ]);
  });

  it('gives the same ids when parsed again', async () => {
    const ids = async () => activities(await collect(telegramJsonParser, contextFor(single))).map((a) => a.externalId);
    expect(await ids()).toEqual(await ids());
  });

  it('takes mentions from text entities: by user id for mention_name, by handle for @username', async () => {
    const acts = activities(await collect(telegramJsonParser, contextFor(fixture('telegram', 'mentions.json'))));
    expect(acts.map((a) => [a.externalId, a.author.externalId, a.mentions ?? null])).toEqual([
      ['5550001:1', 'user1001', null],
      ['5550001:2', 'user1002', [{ handle: 'ann_tg' }]],
      ['5550001:3', 'user1002', [{ externalId: 'user1001' }, { handle: 'ann_tg' }]],
      // Bold text that looks like a mention is not one.
      ['5550001:4', 'user1003', [{ handle: 'bo_li' }, { externalId: 'user1002' }]],
    ]);
  });

  it('reads entities from `text` when an export has no text_entities', () => {
    const text = ['hi ', { type: 'mention', text: '@Dee' }, { type: 'mention_name', text: 'Ann', user_id: '111' }, { type: 'mention_name', text: 'x' }];
    expect(telegramMentions({ text })).toEqual([{ handle: 'dee' }, { externalId: 'user111' }]);
    expect(telegramMentions({ text: 'plain @text' })).toBeUndefined();
    expect(telegramMentions({ text_entities: [{ type: 'mention', text: '@' }] })).toBeUndefined();
  });

  it('flattens text given as an array of strings and entities', () => {
    expect(telegramText(['a ', { type: 'bold', text: 'b' }, ' ', { type: 'mention', text: '@c' }])).toBe('a b @c');
    expect(telegramText('plain')).toBe('plain');
    expect(telegramText(undefined)).toBe('');
  });

  it('names file, line and field when the JSON is truncated', async () => {
    const file = path.join(tempDir(), 'result.json');
    const text = fs.readFileSync(single, 'utf8');
    fs.writeFileSync(file, text.slice(0, text.indexOf('"谢谢')));
    const error = await failure(collect(telegramJsonParser, contextFor(file)));
    expect(error.code).toBe('import_invalid');
    expect(error.message).toMatch(/^result\.json:\d+: messages\[4\]\.text: unexpected end of file/);
    expect(error.details).toMatchObject({ file: 'result.json', field: 'messages[4].text' });
  });

  it('stops with import_cancelled when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await failure(collect(telegramJsonParser, contextFor(single, {}, controller.signal)))).code).toBe('import_cancelled');
  });

  it('detects single-chat and account exports, not Discord', () => {
    expect(telegramJsonParser.detect(sample(single))).toBeGreaterThan(0.9);
    expect(telegramJsonParser.detect(sample(account))).toBeGreaterThan(0.8);
    expect(telegramJsonParser.detect(sample(fixture('discord', 'guild-general.json')))).toBe(0);
  });
});
