import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../shared/import';
import { readSample } from '../../electron/services/import/sample';
import { csvParser, ordersCsvParser, xlsxParser } from '../../electron/services/import/parsers/table';
import type { Parser } from '../../electron/services/import/types';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-xlsx-'));
const workbookFile = path.join(tmp, '会员订单.xlsx');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Wall-clock times as exceljs writes them: the Date's UTC fields are the local time.
const wall = (y: number, mo: number, d: number, h = 0, mi = 0): Date => new Date(Date.UTC(y, mo - 1, d, h, mi));
const shanghai = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi);

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('订单');
  sheet.addRow(['订单号', '会员ID', '姓名', '下单时间', '实付金额', '数量', '备注']);
  sheet.addRow(['E1', 1001, '小王', wall(2024, 3, 5, 14, 3), 88, 2, { richText: [{ text: '加' }, { font: { bold: true }, text: '急' }] }]);
  sheet.addRow([]);
  sheet.addRow(['E2', 1002, '李雷', 45356.5, { formula: 'E2*2', result: 176 }, 1, null]);
  sheet.addRow(['E3', 1003, '韩梅梅', 'soon', 10, 1, null]);
  sheet.getColumn(4).numFmt = 'yyyy-mm-dd hh:mm';
  sheet.getCell('D4').numFmt = 'General'; // a bare serial number, as pasted from another sheet
  workbook.addWorksheet('说明').addRow(['This sheet is ignored']);
  await workbook.xlsx.writeFile(workbookFile);
});

async function collect(parser: Parser, file: string): Promise<ImportRecord[]> {
  const out: ImportRecord[] = [];
  const ctx = { path: file, fileName: path.basename(file), options: { timeZone: 'Asia/Shanghai' }, signal: new AbortController().signal, progress: () => undefined };
  for await (const batch of parser.parse(ctx)) out.push(...batch);
  return out;
}

describe('xlsx', () => {
  it('is detected from the zip entries', async () => {
    const sample = await readSample(workbookFile);
    expect(xlsxParser.detect(sample)).toBe(0.95);
    expect(csvParser.detect(sample)).toBe(0);
  });

  it('reads the first sheet with the same mapping as CSV; lines are sheet rows', async () => {
    const records = await collect(xlsxParser, workbookFile);
    const wang = { source: 'shop', externalId: '1001', handle: null, displayName: '小王', email: null, phone: null };
    expect(records).toEqual([
      { type: 'member', line: 2, identity: wang },
      { type: 'order', line: 2, source: 'shop', externalId: 'E1', member: wang, ts: shanghai(2024, 3, 5, 14, 3), amount: 88, quantity: 2, status: 'paid' },
      expect.objectContaining({ type: 'member', line: 4 }),
      // Serial 45356.5 is 2024-03-05 12:00 on the workbook's clock; the formula's cached result is the amount.
      expect.objectContaining({ type: 'order', line: 4, externalId: 'E2', ts: shanghai(2024, 3, 5, 12), amount: 176 }),
      { type: 'problem', line: 5, field: '下单时间', value: 'soon', message: 'not a date: "soon"' },
    ]);
  });

  it('describes the sheet for the import dialog', async () => {
    const ctx = { path: workbookFile, fileName: '会员订单.xlsx', options: { timeZone: 'UTC' }, signal: new AbortController().signal, progress: () => undefined };
    expect(await xlsxParser.describe?.(ctx)).toEqual({
      columns: ['订单号', '会员ID', '姓名', '下单时间', '实付金额', '数量', '备注'],
      mapping: { order: '订单号', member: '会员ID', name: '姓名', date: '下单时间', amount: '实付金额', quantity: '数量' },
    });
  });

  it('lets a table preset read an xlsx file too', async () => {
    const orders = (await collect(ordersCsvParser, workbookFile)).filter((r) => r.type === 'order');
    expect(orders.map((o) => o.externalId)).toEqual(['E1', 'E2']);
  });

  it('refuses a file that only looks like a workbook', async () => {
    const fake = path.join(tmp, 'fake.xlsx');
    fs.writeFileSync(fake, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]));
    await expect(collect(xlsxParser, fake)).rejects.toMatchObject({ code: 'import_invalid', details: { file: 'fake.xlsx', field: 'xlsx' } });
  });
});
