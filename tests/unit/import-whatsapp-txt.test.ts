import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActivityRecord } from '../../shared/import';
import { CHAT_IDS, stableId } from '../../electron/services/import/parsers/ids';
import { chatFromFileName, whatsappTxtParser } from '../../electron/services/import/parsers/whatsapp-txt';
import { activities, collect, contextFor, failure, fixture, members, membersPrecedeActivities, problems } from '../support/import-harness';
import { tempDir } from '../support/tmp';

const wa = (name: string) => fixture('whatsapp', name);
const android = wa('WhatsApp Chat with Hearth Club.txt');
const person = (name: string, phone: string | null = null) => ({ source: 'whatsapp', externalId: name, displayName: name, phone });
/** The fields a test cares about, in order. */
const brief = (acts: ActivityRecord[]) => acts.map((a) => [a.line, a.kind, a.author.externalId, new Date(a.ts).toISOString(), a.text]);

async function parse(file: string, timeZone: string, dateFormat?: string) {
  return collect(whatsappTxtParser, contextFor(file, { timeZone, ...(dateFormat ? { dateFormat } : {}) }));
}

function write(name: string, text: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('whatsapp-txt parser', () => {
  it('reads an Android 12-hour export: system lines, multi-line messages, media, duplicates, DST', async () => {
    const records = await parse(android, 'America/New_York');
    const acts = activities(records);
    expect(brief(acts)).toEqual([
      [2, 'join', 'Ann Lee', '2024-03-09T14:15:00.000Z', 'Ann Lee created group "Hearth Club"'],
      [3, 'join', 'Bo', '2024-03-09T14:16:00.000Z', 'Ann Lee added Bo and +1 555 010 0199'],
      [3, 'join', '+1 555 010 0199', '2024-03-09T14:16:00.000Z', 'Ann Lee added Bo and +1 555 010 0199'],
      [4, 'message', 'Ann Lee', '2024-03-09T14:20:00.000Z', 'Welcome to the club! Rules:\n1. be kind\n2. share your builds'],
      // 2:30 AM does not exist on 10 March 2024 in New York: read as 3:30 EDT.
      [7, 'message', 'Ann Lee', '2024-03-10T07:30:00.000Z', 'up late (this minute does not exist in New York)'],
      [8, 'message', 'Bo', '2024-03-13T16:05:00.000Z', '[attachment] <Media omitted>'],
      [9, 'message', 'Bo', '2024-03-13T16:06:00.000Z', '[attachment] IMG-20240313-WA0001.jpg (file attached)'],
      [10, 'message', 'Bo', '2024-03-13T16:06:00.000Z', '[attachment] IMG-20240313-WA0001.jpg (file attached)'],
      [11, 'message', '+1 555 010 0199', '2024-03-14T03:59:00.000Z', 'thanks for adding me'],
      [12, 'join', 'Chen', '2024-03-14T04:01:00.000Z', "Chen joined using this group's invite link"],
      [13, 'message', 'Bo', '2024-03-14T12:00:00.000Z', 'ok'],
      [14, 'message', 'Bo', '2024-03-14T12:00:00.000Z', 'ok'],
      [15, 'leave', 'Bo', '2024-03-15T14:00:00.000Z', 'Bo left'],
    ]);
    expect(acts.every((a) => a.source === 'whatsapp' && a.channel === 'Hearth Club' && a.value === null && a.replyTo === null)).toBe(true);
    const ok = stableId(['Hearth Club', '2024-03-14T08:00:00', 'Bo', '', 'ok'], CHAT_IDS);
    expect(acts.slice(10, 12).map((a) => a.externalId)).toEqual([ok, `${ok}.2`]);
    expect(acts[7]?.externalId).toBe(`${acts[6]?.externalId}.2`);
    expect(new Set(acts.map((a) => a.externalId)).size).toBe(acts.length);
    expect(members(records).map((m) => m.identity)).toEqual([person('Ann Lee'), person('Bo'), person('+1 555 010 0199', '+15550100199'), person('Chen')]);
    expect(membersPrecedeActivities(records)).toBe(true);
    expect(problems(records)).toEqual([]);
  });

  it('gives the same ids when the file is parsed again', async () => {
    const ids = async () => activities(await parse(android, 'America/New_York')).map((a) => a.externalId);
    expect(await ids()).toEqual(await ids());
  });

  it('reads an iOS day-first export with CRLF, U+200E marks and bidi-wrapped phone numbers', async () => {
    const acts = activities(await parse(wa('ios-day-first.txt'), 'Asia/Shanghai'));
    expect(brief(acts)).toEqual([
      [2, 'join', 'Bo', '2024-03-13T13:00:05.000Z', "Bo joined using this group's invite link"],
      [3, 'message', 'Ann Lee', '2024-03-13T13:05:09.000Z', 'Hi Bo!'],
      [4, 'message', 'Ann Lee', '2024-03-13T13:05:10.000Z', '[attachment] <attached: 00000012-PHOTO-2024-03-13-21-05-10.jpg>'],
      [5, 'message', 'Bo', '2024-03-13T13:06:00.000Z', '[attachment] image omitted'],
      [6, 'message', 'Bo', '2024-03-13T23:30:00.000Z', 'Morning\nsecond line'],
      [8, 'message', '+44 7700 900123', '2024-03-13T23:31:00.000Z', 'hello from a number'],
    ]);
    expect(acts[5]?.author).toEqual(person('+44 7700 900123', '+447700900123'));
    expect(acts.every((a) => a.channel === null)).toBe(true);
  });

  it('reads German Android exports (dd.MM.yy, German system lines and placeholders)', async () => {
    expect(brief(activities(await parse(wa('german.txt'), 'Europe/Berlin')))).toEqual([
      [2, 'message', 'Ann', '2024-03-13T20:05:00.000Z', 'Hallo zusammen'],
      [3, 'join', 'Bo', '2024-03-13T20:06:00.000Z', 'Ann hat Bo hinzugefügt'],
      [4, 'message', 'Bo', '2024-03-13T20:07:00.000Z', '[attachment] <Medien ausgeschlossen>'],
      [5, 'leave', 'Bo', '2024-03-14T08:00:00.000Z', 'Bo hat die Gruppe verlassen'],
    ]);
  });

  it('reads Arabic-Indic digits, the Arabic comma and ص/م, keeping the text as written', async () => {
    expect(brief(activities(await parse(wa('arabic.txt'), 'Asia/Riyadh')))).toEqual([
      [1, 'message', 'Ann', '2024-03-13T18:05:09.000Z', 'مرحبا ١٢٣'],
      [2, 'message', 'Ann', '2024-03-13T18:06:00.000Z', '[attachment] لم يتم إدراج الصورة'],
      [3, 'message', 'Bo', '2024-03-14T05:00:00.000Z', 'صباح الخير'],
    ]);
  });

  it('converts Buddhist-era years', async () => {
    expect(brief(activities(await parse(wa('buddhist.txt'), 'Asia/Bangkok')))).toEqual([
      [1, 'message', 'Somchai', '2024-03-13T14:05:09.000Z', 'สวัสดีครับ'],
      [2, 'message', 'Ann', '2024-03-14T01:00:00.000Z', 'hi'],
    ]);
  });

  it('reads Chinese 上午/下午/凌晨 clocks', async () => {
    expect(brief(activities(await parse(wa('chinese.txt'), 'Asia/Shanghai')))).toEqual([
      [1, 'message', '陈伟', '2024-03-13T13:05:00.000Z', '大家好'],
      [2, 'message', 'Ann', '2024-03-14T00:00:00.000Z', '早上好'],
      [3, 'message', '陈伟', '2024-03-13T16:10:00.000Z', '还没睡'],
      [4, 'message', '陈伟', '2024-03-14T04:15:00.000Z', '午饭'],
    ]);
  });

  it('decides day/month order for the whole file, with a documented default when nothing proves it', async () => {
    const dayFirstLate = write('late.txt', '01/02/2024, 10:00 - A: x\n'.repeat(3) + '13/02/2024, 10:00 - A: y\n');
    expect(brief(activities(await parse(dayFirstLate, 'UTC')))[0]?.[3]).toBe('2024-02-01T10:00:00.000Z');
    const ambiguous = write('ambiguous.txt', '01/02/2024, 10:00 - A: x\n');
    expect(brief(activities(await parse(ambiguous, 'UTC')))[0]?.[3]).toBe('2024-02-01T10:00:00.000Z');
    expect(brief(activities(await parse(ambiguous, 'UTC', 'MM/DD/YYYY')))[0]?.[3]).toBe('2024-01-02T10:00:00.000Z');
    const us = write('us.txt', '1/2/24, 10:00 AM - A: x\n');
    expect(brief(activities(await parse(us, 'UTC')))[0]?.[3]).toBe('2024-01-02T10:00:00.000Z');
  });

  it('takes the earlier instant for a time that occurs twice (DST ends)', async () => {
    const file = write('fall.txt', '11/3/24, 1:30 AM - A: first 1:30\n11/13/24, 9:00 AM - A: later\n');
    expect(activities(await parse(file, 'America/New_York'))[0]?.ts).toBe(Date.UTC(2024, 10, 3, 5, 30));
  });

  it('refuses non-Gregorian calendars, empty files and other text files clearly', async () => {
    const persian = await failure(parse(write('fa.txt', '[۱۴۰۲/۱۲/۲۳, ۲۱:۰۵:۰۹] Ali: سلام\n'), 'Asia/Tehran'));
    expect(persian.message).toMatch(/^fa\.txt:1: date: year 1402 is not Gregorian/);
    expect((await failure(parse(write('empty.txt', ''), 'UTC'))).message).toMatch(/^empty\.txt:1: timestamp: the file is empty/);
    expect((await failure(parse(write('notes.txt', 'shopping list\n- milk\n'), 'UTC'))).message).toMatch(/^notes\.txt:1: timestamp: not a WhatsApp chat export/);
  });

  it('stops with import_cancelled when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await failure(collect(whatsappTxtParser, contextFor(android, {}, controller.signal)))).code).toBe('import_cancelled');
  });

  it('takes the chat name from the export file name', () => {
    expect(chatFromFileName('WhatsApp Chat with Hearth Club.txt')).toBe('Hearth Club');
    expect(chatFromFileName('WhatsApp-Chat mit Anna (2).txt')).toBe('Anna');
    expect(chatFromFileName('_chat.txt')).toBeNull();
  });

  it('detects WhatsApp text exports', () => {
    const sample = (file: string) => ({ fileName: path.basename(file), head: fs.readFileSync(file), isDirectory: false, zipEntries: [] });
    for (const name of ['WhatsApp Chat with Hearth Club.txt', 'ios-day-first.txt', 'german.txt', 'arabic.txt', 'buddhist.txt', 'chinese.txt']) {
      expect(whatsappTxtParser.detect(sample(wa(name))), name).toBeGreaterThan(0.8);
    }
    expect(whatsappTxtParser.detect(sample(fixture('discord', 'guild-general.json')))).toBe(0);
  });
});
