import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CHAT_IDS, OccurrenceCounter, stableId } from '../../electron/services/import/parsers/ids';
import { MembersSeen } from '../../electron/services/import/parsers/record-batch';
import type { ImportRecord } from '../../shared/import';
import { detectEncoding } from '../../electron/services/import/parsers/text-input';
import { localTimeResolver, parseIsoDateTime } from '../../electron/services/import/parsers/local-time';
import { chatParsers } from '../../electron/services/import/parsers/chat';
import { whatsappTxtParser } from '../../electron/services/import/parsers/whatsapp-txt';
import { activities, collect, contextFor, failure, fixture } from '../support/import-harness';
import { tempDir } from '../support/tmp';

describe('chat import helpers', () => {
  it('turns local wall-clock time into UTC across DST changes', () => {
    const ny = localTimeResolver('America/New_York', 'x');
    const at = (month: number, day: number, hour: number, minute = 0) => ny({ year: 2024, month, day, hour, minute, second: 0 });
    expect(at(1, 15, 12)).toBe(Date.UTC(2024, 0, 15, 17));
    expect(at(7, 15, 12)).toBe(Date.UTC(2024, 6, 15, 16));
    expect(at(3, 10, 2, 30)).toBe(Date.UTC(2024, 2, 10, 7, 30)); // gap: 03:30 EDT
    expect(at(11, 3, 1, 30)).toBe(Date.UTC(2024, 10, 3, 5, 30)); // overlap: the earlier, EDT
    const kolkata = localTimeResolver('Asia/Kolkata', 'x');
    expect(kolkata({ year: 2024, month: 6, day: 1, hour: 0, minute: 0, second: 0 })).toBe(Date.UTC(2024, 4, 31, 18, 30));
    expect(parseIsoDateTime('2024-03-13T21:05:09', localTimeResolver('Asia/Shanghai', 'x'))).toBe(Date.UTC(2024, 2, 13, 13, 5, 9));
    expect(parseIsoDateTime('2024-03-13T21:05:09.5-03:00', ny)).toBe(Date.UTC(2024, 2, 14, 0, 5, 9, 500));
  });

  it('rejects an unknown time zone as an import error', () => {
    expect(() => localTimeResolver('Mars/Olympus', 'chat.txt')).toThrow(/chat\.txt: options\.timeZone: unknown time zone "Mars\/Olympus"/);
  });

  it('numbers duplicate ids and keeps its memory bounded', () => {
    const counter = new OccurrenceCounter({ ...CHAT_IDS, window: 2 });
    expect(['a', 'a', 'b', 'a'].map((k) => counter.next(k))).toEqual(['a', 'a.2', 'b', 'a.3']);
    expect(stableId(['x', 'y'], CHAT_IDS)).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(stableId(['x', 'y'], CHAT_IDS)).not.toBe(stableId(['xy'], CHAT_IDS));
  });

  it('announces each author once while they are recent, and remembers a bounded number of them', () => {
    const seen = new MembersSeen(2);
    const out: ImportRecord[] = [];
    const who = (externalId: string, source = 'discord') => ({ source, externalId, displayName: externalId });
    // a, b fill the window; c starts a new one (a and b kept as the previous); a, seen lately,
    // comes forward; d starts another, so b (two windows back) is announced again.
    for (const [line, id] of ['a', 'b', 'c', 'a', 'd', 'b', 'a'].entries()) seen.announce(out, who(id), line + 1);
    seen.announce(out, who('a', 'slack'), 8, { tags: ['deleted'] });
    expect(out.map((r) => (r.type === 'member' ? [r.line, r.identity.source, r.identity.externalId, r.tags ?? []] : null))).toEqual([
      [1, 'discord', 'a', []],
      [2, 'discord', 'b', []],
      [3, 'discord', 'c', []],
      [5, 'discord', 'd', []],
      [6, 'discord', 'b', []],
      [8, 'slack', 'a', ['deleted']],
    ]);
  });

  it('detects UTF-8, UTF-16 with and without a BOM', () => {
    expect(detectEncoding(Buffer.from('\uFEFFhello', 'utf8')).encoding).toBe('utf-8');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hello', 'utf16le')])).encoding).toBe('utf-16le');
    expect(detectEncoding(Buffer.from('[13/03/2024, 21:05:09] Ann: hi', 'utf16le')).encoding).toBe('utf-16le');
    expect(detectEncoding(iconv.encode('[13/03/2024] Ann', 'utf-16be')).encoding).toBe('utf-16be');
    expect(detectEncoding(Buffer.from('plain'), 'gb18030').encoding).toBe('gb18030');
  });

  it('reads a UTF-16 WhatsApp export (Windows tools save them so)', async () => {
    const text = fs.readFileSync(fixture('whatsapp', 'german.txt'), 'utf8');
    const file = path.join(tempDir(), 'german-utf16.txt');
    fs.writeFileSync(file, iconv.encode(text, 'utf-16le', { addBOM: true }));
    const acts = activities(await collect(whatsappTxtParser, contextFor(file, { timeZone: 'Europe/Berlin' })));
    expect(acts.map((a) => a.text)).toEqual(['Hallo zusammen', 'Ann hat Bo hinzugefügt', '[attachment] <Medien ausgeschlossen>', 'Bo hat die Gruppe verlassen']);
  });

  it('reads a GB18030 WhatsApp export, like the tables do', async () => {
    const text = fs.readFileSync(fixture('whatsapp', 'chinese.txt'), 'utf8');
    const file = path.join(tempDir(), 'chinese-gbk.txt');
    fs.writeFileSync(file, iconv.encode(text, 'gb18030'));
    const utf8 = await collect(whatsappTxtParser, contextFor(fixture('whatsapp', 'chinese.txt')));
    expect(await collect(whatsappTxtParser, contextFor(file))).toEqual(utf8);
  });

  it('stops a long parse when the signal is aborted midway', async () => {
    const file = path.join(tempDir(), 'long.txt');
    fs.writeFileSync(file, Array.from({ length: 60_000 }, (_, i) => `13/03/2024, 10:${String(i % 60).padStart(2, '0')} - Ann: message ${i}`).join('\n'));
    const controller = new AbortController();
    let batches = 0;
    const error = await failure(
      (async () => {
        for await (const _batch of whatsappTxtParser.parse(contextFor(file, {}, controller.signal))) {
          batches += 1;
          controller.abort();
        }
      })(),
    );
    expect(error.code).toBe('import_cancelled');
    expect(batches).toBe(1);
  });

  it('indexes every chat format once', () => {
    expect(chatParsers.map((p) => p.format)).toEqual(['discord-json', 'discord-csv', 'slack-zip', 'telegram-json', 'whatsapp-txt']);
  });
});
