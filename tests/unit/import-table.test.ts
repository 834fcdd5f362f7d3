import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { HearthError } from '../../shared/errors';
import type { ImportRecord } from '../../shared/import';
import type { ImportOptions, Parser, Sample } from '../../electron/services/import/types';
import { TextChunkDecoder, detectEncoding } from '../../electron/services/import/parsers/text-input';
import { csvParser, ordersCsvParser, surveyCsvParser, xlsxParser } from '../../electron/services/import/parsers/table';
import { previewTable } from '../../electron/services/import/parsers/table-parse';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/import/tables');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-table-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function ctxFor(file: string, options: Partial<ImportOptions> = {}, signal = new AbortController().signal) {
  return { path: file, fileName: path.basename(file), options: { timeZone: 'Asia/Shanghai', ...options }, signal, progress: () => undefined };
}

async function collect(parser: Parser, file: string, options: Partial<ImportOptions> = {}): Promise<ImportRecord[]> {
  const out: ImportRecord[] = [];
  for await (const batch of parser.parse(ctxFor(file, options))) out.push(...batch);
  return out;
}

async function failure(parser: Parser, file: string, options: Partial<ImportOptions> = {}): Promise<HearthError> {
  try {
    await collect(parser, file, options);
  } catch (error) {
    if (error instanceof HearthError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

function write(name: string, content: string | Buffer): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

function sampleOf(file: string): Sample {
  return { fileName: path.basename(file), head: fs.readFileSync(file).subarray(0, 65536), isDirectory: false, zipEntries: [] };
}

const shanghai = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi, s);

describe('orders CSV (UTF-8 with BOM)', () => {
  const file = path.join(FIXTURES, 'orders-bom.csv');
  const alice = { source: 'shop', externalId: 'C01', handle: null, displayName: 'Alice Zhang', email: 'alice@example.com', phone: null };
  const bob = { source: 'shop', externalId: 'C02', handle: null, displayName: 'Bob Li', email: 'bob@example.com', phone: null };
  const dana = { source: 'shop', externalId: 'C04', handle: null, displayName: 'Dana', email: 'dana@example.com', phone: null };

  it('adds up contiguous lines of an order, marks cancellations and reports bad rows by line and column', async () => {
    expect(await collect(ordersCsvParser, file)).toEqual([
      { type: 'member', line: 2, identity: alice },
      { type: 'order', line: 2, source: 'shop', externalId: 'A-1001', member: alice, ts: shanghai(2024, 3, 1, 9, 30), amount: 1299, quantity: 1, status: 'paid' },
      { type: 'member', line: 3, identity: bob },
      // Lines 3 and 4 are one order: 59.90 + 40.10, 2 + 1 items.
      { type: 'order', line: 3, source: 'shop', externalId: 'A-1002', member: bob, ts: shanghai(2024, 3, 2, 10), amount: 100, quantity: 3, status: 'paid' },
      // A zone in the cell wins over the import's zone.
      { type: 'order', line: 5, source: 'shop', externalId: 'A-1003', member: alice, ts: Date.UTC(2024, 2, 3, 3), amount: 20, quantity: 1, status: 'cancelled' },
      { type: 'problem', line: 6, field: 'Customer ID', value: '', message: 'no member id in this row' },
      { type: 'problem', line: 7, field: 'Order Date', value: '2024-13-01 08:00', message: 'month 13 out of range in "2024-13-01 08:00"' },
      { type: 'problem', line: 8, field: 'Total', value: 'abc', message: 'amount is not a number' },
      // The same order id again after other orders: a second record, not a duplicate to drop.
      { type: 'order', line: 9, source: 'shop', externalId: 'A-1002/2', member: bob, ts: shanghai(2024, 3, 7, 10), amount: 5, quantity: 1, status: 'paid' },
      { type: 'member', line: 10, identity: dana },
      // A negative amount is a refund: its size, marked cancelled.
      { type: 'order', line: 10, source: 'shop', externalId: 'A-1007', member: dana, ts: shanghai(2024, 3, 8, 8), amount: 15.5, quantity: 1, status: 'cancelled' },
    ]);
  });

  it('uses the source option and gives the same ids on every parse', async () => {
    const first = await collect(ordersCsvParser, file, { source: 'tmall' });
    const second = await collect(ordersCsvParser, file, { source: 'tmall' });
    expect(second).toEqual(first);
    expect(first.filter((r) => r.type === 'order').map((r) => r.source)).toEqual(['tmall', 'tmall', 'tmall', 'tmall', 'tmall']);
  });

  it('is recognised as orders rather than a generic table', () => {
    const sample = sampleOf(file);
    expect(ordersCsvParser.detect(sample)).toBeGreaterThan(csvParser.detect(sample));
    expect(surveyCsvParser.detect(sample)).toBe(0);
    expect(xlsxParser.detect(sample)).toBe(0);
  });
});

describe('encodings', () => {
  it('reads a GBK/GB18030 file from Excel on Chinese Windows', async () => {
    const file = path.join(FIXTURES, 'orders-gbk.csv');
    const bytes = fs.readFileSync(file);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // the fixture really is GBK
    expect(detectEncoding(bytes)).toEqual({ encoding: 'gb18030', bomLength: 0, reason: 'fallback' });
    const wang = { source: 'shop', externalId: 'U1001', handle: null, displayName: '小王', email: null, phone: '13800138000' };
    const li = { source: 'shop', externalId: 'U1002', handle: null, displayName: '李雷', email: null, phone: '13900139000' };
    const records = await collect(csvParser, file);
    expect(records).toEqual([
      { type: 'member', line: 2, identity: wang },
      { type: 'order', line: 2, source: 'shop', externalId: 'E20240305001', member: wang, ts: shanghai(2024, 3, 5, 14, 3), amount: 88, quantity: 2, status: 'paid' },
      { type: 'member', line: 3, identity: li },
      { type: 'order', line: 3, source: 'shop', externalId: 'E20240305002', member: li, ts: shanghai(2024, 3, 5, 15, 20), amount: 1024.5, quantity: 1, status: 'cancelled' },
      { type: 'problem', line: 4, field: '订单状态', value: '等待买家付款', message: 'order not paid; skipped' },
    ]);
    expect(await collect(csvParser, file, { encoding: 'gbk' })).toEqual(records);
  });

  it('switches to GB18030 when Chinese rows start after an ASCII-only first 64 KiB', async () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `u${i},2024-03-05 10:00,1`).join('\n');
    const file = write('late-gbk.csv', Buffer.concat([Buffer.from(`member,date,amount,name\n${filler}\n`), iconv.encode('u9999,2024-03-06 10:00,2,韩梅梅\n', 'gb18030')]));
    const records = await collect(csvParser, file);
    const last = records.filter((r) => r.type === 'member').pop();
    expect(last).toMatchObject({ line: 3002, identity: { externalId: 'u9999', displayName: '韩梅梅' } });
  });

  it('tells UTF-8 from GBK even when a chunk boundary splits the first Chinese character', () => {
    const decode = (bytes: Buffer, split: number): [string, string] => {
      const decoder = new TextChunkDecoder('x.csv', { encoding: 'utf-8', bomLength: 0, reason: 'ascii' });
      const text = decoder.write(bytes.subarray(0, split)) + decoder.write(bytes.subarray(split)) + decoder.end();
      return [text, decoder.current];
    };
    for (let split = 1; split < 6; split++) {
      expect(decode(iconv.encode('ab中文', 'gb18030'), split)).toEqual(['ab中文', 'gb18030']);
      expect(decode(Buffer.from('ab中文'), split)).toEqual(['ab中文', 'utf-8']);
    }
  });

  it('names the line when a file forced to UTF-8 is not UTF-8', async () => {
    const error = await failure(csvParser, path.join(FIXTURES, 'orders-gbk.csv'), { encoding: 'utf-8' });
    expect(error.code).toBe('import_invalid');
    expect(error.details).toMatchObject({ file: 'orders-gbk.csv', field: 'encoding', line: 1 });
  });

  const meiSurvey = (externalId: string, line: number, ts: number, score: number | null, answers: Record<string, string>) => ({
    type: 'survey',
    line,
    source: 'survey',
    externalId,
    member: { source: 'survey', externalId: 'mei@example.com', handle: null, displayName: null, email: 'mei@example.com', phone: null },
    ts,
    score,
    answers,
  });

  it('reads Excel "Unicode text" (UTF-16LE with BOM, tab-separated) survey responses', async () => {
    const file = path.join(FIXTURES, 'survey-utf16.txt');
    const records = await collect(surveyCsvParser, file);
    const ids = records.map((r) => ('externalId' in r ? r.externalId : null));
    expect(records).toEqual([
      { type: 'member', line: 2, identity: { source: 'survey', externalId: 'mei@example.com', handle: null, displayName: null, email: 'mei@example.com', phone: null } },
      meiSurvey(ids[1] ?? '', 2, shanghai(2024, 3, 5, 14, 3, 22), 9, { 'What could we do better?': 'More tasting events,\nplease', '你最喜欢哪款茶？': '乌龙' }),
      // No email: an anonymous respondent, from the same row hash as the response id.
      {
        type: 'survey',
        line: 4,
        source: 'survey',
        externalId: ids[2],
        member: { source: 'survey', externalId: `anon:${(ids[2] ?? '').slice(2)}`, displayName: null },
        ts: shanghai(2024, 3, 6, 9, 15),
        score: 10,
        answers: { '你最喜欢哪款茶？': '红茶' },
      },
      {
        type: 'problem',
        line: 5,
        field: 'How likely are you to recommend our tea club to a friend? (0-10)',
        value: '11',
        message: 'score must be a number from 0 to 10',
      },
      meiSurvey(ids[4] ?? '', 6, shanghai(2024, 3, 8, 8), null, { 'What could we do better?': 'Ship faster' }),
    ]);
    expect(ids[1]).toMatch(/^h:[0-9a-f]{16}$/);
    expect(new Set(ids.filter((i) => i !== null)).size).toBe(3);
  });

  it('reads UTF-16 without a BOM by its NUL bytes, LE and BE alike', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'survey-utf16.txt')).subarray(2);
    const withBom = await collect(surveyCsvParser, path.join(FIXTURES, 'survey-utf16.txt'));
    expect(await collect(surveyCsvParser, write('survey-le.txt', text))).toEqual(withBom);
    const be = Buffer.from(text);
    be.swap16();
    expect(detectEncoding(be)).toMatchObject({ encoding: 'utf-16be', reason: 'nul-pattern' });
    expect(await collect(surveyCsvParser, write('survey-be.txt', be))).toEqual(withBom);
  });
});

describe('structure and positional mappings', () => {
  it('refuses an unterminated quote, naming the line where it opened', async () => {
    const error = await failure(csvParser, path.join(FIXTURES, 'broken-quote.csv'));
    expect(error.code).toBe('import_invalid');
    expect(error.details).toEqual({ file: 'broken-quote.csv', field: 'quote', line: 2 });
  });

  it('refuses an empty file', async () => {
    const error = await failure(csvParser, path.join(FIXTURES, 'empty.csv'));
    expect(error.details).toEqual({ file: 'empty.csv', field: 'header', line: 1 });
  });

  it('refuses a header-less file without a mapping, and a mapping missing a required field', async () => {
    const noHeader = await failure(ordersCsvParser, path.join(FIXTURES, 'cdnow-style.txt'));
    expect(noHeader.details).toEqual({ file: 'cdnow-style.txt', field: 'header', line: 1 });
    const noAmount = await failure(ordersCsvParser, path.join(FIXTURES, 'orders-bom.csv'), { map: { member: 'Customer ID', date: 'Order Date' } });
    expect(noAmount.details).toEqual({ file: 'orders-bom.csv', field: 'map.amount', line: 1 });
  });

  it('reads whitespace-aligned columns without a header when mapped by number (CDNOW)', async () => {
    const records = await collect(ordersCsvParser, path.join(FIXTURES, 'cdnow-style.txt'), {
      map: { member: '1', date: '2', quantity: '3', amount: '4' },
      dateFormat: 'YYYYMMDD',
      timeZone: 'UTC',
    });
    const orders = records.filter((r) => r.type === 'order');
    expect(orders.map((o) => [o.line, o.member.externalId, o.ts, o.amount, o.quantity])).toEqual([
      [1, '00001', Date.UTC(1997, 0, 1), 11.77, 1],
      [2, '00002', Date.UTC(1997, 0, 12), 12, 1],
      [3, '00002', Date.UTC(1997, 0, 12), 12, 1],
      [4, '00003', Date.UTC(1997, 0, 2), 20.76, 2],
    ]);
    // Identical rows without an order id: a stable hash plus an occurrence counter.
    expect(orders[1]?.externalId).toMatch(/^h:[0-9a-f]{16}$/);
    expect(orders[2]?.externalId).toBe(`${orders[1]?.externalId}/2`);
    expect(records.filter((r) => r.type === 'member').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('skips a header row above positional columns (CDNOW_master.txt has one)', async () => {
    const file = write('master.txt', ' customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n 00002 19970112  1   12.00\r\n');
    const orders = (await collect(ordersCsvParser, file, { map: { member: '1', date: '2', quantity: '3', amount: '4' } })).filter((r) => r.type === 'order');
    expect(orders.map((o) => [o.line, o.member.externalId, o.amount])).toEqual([
      [2, '00001', 11.77],
      [3, '00002', 12],
    ]);
  });

  it('multiplies unit price by quantity and aggregates invoice lines (Online Retail layout)', async () => {
    const file = write(
      'retail.csv',
      [
        '"","InvoiceNo","StockCode","Description","Quantity","InvoiceDate","UnitPrice","CustomerID","Country"',
        '"1","536365","85123A","WHITE HANGING HEART T-LIGHT HOLDER",6,"12/1/2010 8:26",2.55,17850,"United Kingdom"',
        '"2","536365","71053","WHITE METAL LANTERN",6,"12/1/2010 8:26",3.39,17850,"United Kingdom"',
        '"3","C536379","D","Discount",-1,"12/1/2010 9:41",27.5,14527,"United Kingdom"',
        '"4","536414","22139","",56,"12/1/2010 11:52",0,NA,"United Kingdom"',
        '"5","536366","22633","HAND WARMER ""UNION JACK""",6,"12/1/2010 8:28",1.85,17850,"United Kingdom"',
      ].join('\n'),
    );
    const records = await collect(ordersCsvParser, file, { timeZone: 'Europe/London' });
    expect(records.filter((r) => r.type !== 'member')).toEqual([
      expect.objectContaining({ type: 'order', line: 2, externalId: '536365', amount: 35.64, quantity: 12, status: 'paid', ts: Date.UTC(2010, 11, 1, 8, 26) }),
      expect.objectContaining({ type: 'order', line: 4, externalId: 'C536379', amount: 27.5, quantity: 1, status: 'cancelled' }),
      { type: 'problem', line: 5, field: 'CustomerID', value: 'NA', message: 'no member id in this row' },
      expect.objectContaining({ type: 'order', line: 6, externalId: '536366', amount: 11.1, quantity: 6 }),
    ]);
  });
});

describe('generic tables', () => {
  it('turns a table with kind and text columns into activities', async () => {
    const wang = { source: 'table', externalId: 'w01', handle: null, displayName: '小王', email: null, phone: null };
    const records = await collect(csvParser, path.join(FIXTURES, 'activities.csv'));
    expect(records).toEqual([
      { type: 'member', line: 2, identity: wang },
      expect.objectContaining({ type: 'activity', line: 2, source: 'table', kind: 'checkin', ts: shanghai(2024, 3, 5, 8), channel: '福利群', text: null, author: wang }),
      expect.objectContaining({ type: 'member', line: 3 }),
      expect.objectContaining({ type: 'activity', line: 3, kind: 'message', text: '今天的茶不错' }),
      { type: 'problem', line: 4, field: '类型', value: 'dance', message: expect.stringMatching(/^unknown activity kind/) as unknown },
    ]);
  });

  it('turns a member list into members with join dates (semicolons, D.M.YYYY)', async () => {
    expect(await collect(csvParser, path.join(FIXTURES, 'members-semicolon.csv'))).toEqual([
      {
        type: 'member',
        line: 2,
        identity: { source: 'table', externalId: '7', handle: null, displayName: 'Ana', email: 'ana@example.com', phone: '+34 600 000 000' },
        joinedAt: shanghai(2024, 3, 5),
      },
      {
        type: 'member',
        line: 3,
        identity: { source: 'table', externalId: '8', handle: null, displayName: 'Ben', email: null, phone: null },
        joinedAt: shanghai(2024, 3, 6, 10),
      },
    ]);
  });

  it('describes columns and mapping for the import dialog, mapping over-long headers by number', async () => {
    const long = `How likely are you to recommend us?${' Please think about it carefully.'.repeat(8)}`;
    const file = write('long.csv', `Timestamp,"${long}"\n3/5/2024 14:03:22,9\n`);
    const described = await surveyCsvParser.describe?.(ctxFor(file));
    expect(described).toEqual({ columns: ['Timestamp', long], mapping: { date: 'Timestamp', score: '2' } });
    const records = await collect(surveyCsvParser, file, { map: described?.mapping });
    expect(records).toEqual([expect.objectContaining({ type: 'survey', score: 9, ts: shanghai(2024, 3, 5, 14, 3, 22) })]);
  });

  it('previews encoding, delimiter, mapping and the first records', async () => {
    const preview = await previewTable(path.join(FIXTURES, 'survey-utf16.txt'), 'survey-csv', { timeZone: 'UTC' }, 2);
    expect(preview).toMatchObject({
      encoding: 'utf-16le',
      delimiter: '\t',
      mode: 'surveys',
      mapping: { date: 'Timestamp', email: 'Email Address' },
      rows: [{ line: 2 }, { line: 4 }],
    });
    expect(preview.records.map((r) => r.type)).toEqual(['member', 'survey', 'survey']);
  });

  it('stops with import_cancelled when the signal aborts', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `m${i},2024-03-05 10:00,${i}`).join('\n');
    const file = write('big.csv', `member,date,amount\n${rows}\n`);
    const controller = new AbortController();
    const iterator = ordersCsvParser.parse(ctxFor(file, {}, controller.signal))[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    controller.abort();
    await expect(iterator.next()).rejects.toMatchObject({ code: 'import_cancelled' });
  });

  it('leaves chat-like .txt files to the chat parsers', () => {
    const file = write('chat.txt', '12/03/2024, 09:15 - Mei: hello there\n12/03/2024, 09:16 - Tom: hi, how are you?\n12/03/2024, 09:20 - Mei: fine\n');
    for (const parser of [csvParser, ordersCsvParser, surveyCsvParser]) expect(parser.detect(sampleOf(file))).toBe(0);
  });
});
