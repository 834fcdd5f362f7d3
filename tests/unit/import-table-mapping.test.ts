import { describe, expect, it } from 'vitest';
import { HearthError } from '../../shared/errors';
import { compileDateFormat, dateReader } from '../../electron/services/import/parsers/table-dates';
import { wallClockToUtc as zonedToUtc } from '../../shared/time';
import {
  chooseTableMode,
  guessMapping,
  isPositionalMapping,
  looksLikeSurvey,
  resolveMapping,
} from '../../electron/services/import/parsers/table-mapping';
import { parseNumber } from '../../electron/services/import/parsers/table-rows';

describe('guessMapping', () => {
  it('reads UCI Online Retail headers and multiplies unit price by quantity', () => {
    const headers = ['', 'InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
    expect(guessMapping(headers)).toEqual({
      order: 'InvoiceNo',
      member: 'CustomerID',
      date: 'InvoiceDate',
      quantity: 'Quantity',
      amount: 'UnitPrice*Quantity',
    });
  });

  it('reads the CDNOW headers (BTYD elog and the master file)', () => {
    expect(guessMapping(['masterid', 'sampleid', 'date', 'cds', 'sales'])).toEqual({
      member: 'masterid',
      date: 'date',
      amount: 'sales',
      quantity: 'cds',
    });
    expect(guessMapping(['customer_id', 'date', 'number_of_cds', 'dollar_value'])).toEqual({
      member: 'customer_id',
      date: 'date',
      amount: 'dollar_value',
      quantity: 'number_of_cds',
    });
  });

  it('reads Chinese shop export headers', () => {
    expect(guessMapping(['订单编号', '会员ID', '收货人姓名', '联系手机', '订单付款时间', '买家实际支付金额', '宝贝总数量', '订单状态'])).toEqual({
      order: '订单编号',
      member: '会员ID',
      name: '收货人姓名',
      phone: '联系手机',
      date: '订单付款时间',
      amount: '买家实际支付金额',
      quantity: '宝贝总数量',
      status: '订单状态',
    });
    expect(guessMapping(['用户ID', '日期', '金额', '邮箱', '昵称', '微信号'])).toEqual({
      member: '用户ID',
      date: '日期',
      amount: '金额',
      email: '邮箱',
      name: '昵称',
      handle: '微信号',
    });
  });

  it('does not take "Order Date" for the order id, nor a bare unit price without quantity as a product', () => {
    expect(guessMapping(['Order Date', 'Order Number', 'Customer', 'Price'])).toEqual({
      order: 'Order Number',
      member: 'Customer',
      date: 'Order Date',
      amount: 'Price',
    });
  });

  it('finds the recommend question in a survey and leaves long questions alone', () => {
    const google = ['Timestamp', 'Email Address', 'How likely are you to recommend us to a friend or colleague?', 'What amount would you pay for a membership?'];
    expect(guessMapping(google)).toEqual({
      date: 'Timestamp',
      email: 'Email Address',
      score: 'How likely are you to recommend us to a friend or colleague?',
    });
    const wjx = ['序号', '提交答卷时间', '所用时间', '来源', '来自IP', '1、您向朋友推荐我们的可能性有多大？'];
    expect(guessMapping(wjx)).toEqual({
      id: '序号',
      date: '提交答卷时间',
      channel: '来源',
      score: '1、您向朋友推荐我们的可能性有多大？',
    });
  });

  it('treats a bare ID next to name or email as the person, elsewhere as the row id', () => {
    expect(guessMapping(['ID', 'Name', 'Email'])).toEqual({ member: 'ID', name: 'Name', email: 'Email' });
    expect(guessMapping(['id', 'user_id', 'content', 'created_at'])).toEqual({ id: 'id', member: 'user_id', text: 'content', date: 'created_at' });
  });
});

describe('table mode and mapping resolution', () => {
  it('chooses orders, surveys, activities or members from the mapping', () => {
    expect(chooseTableMode({ member: 'a', amount: 'b' }, [])).toBe('orders');
    expect(chooseTableMode({ score: 'x', date: 't' }, [])).toBe('surveys');
    expect(chooseTableMode({ date: 'Timestamp' }, ['Timestamp', 'What should we improve in the next season?', 'Which tea did you like best?'])).toBe(
      'surveys',
    );
    expect(chooseTableMode({ member: 'uid', kind: '类型', date: '时间' }, [])).toBe('activities');
    expect(chooseTableMode({ member: 'uid', name: '姓名' }, [])).toBe('members');
    expect(looksLikeSurvey(['Name', 'Email'])).toBe(false);
  });

  it('resolves headers case-insensitively, 1-based numbers and products', () => {
    const headers = ['Id', 'Qty', 'Unit Price', 'When'];
    expect(resolveMapping({ member: 'id', amount: 'Unit Price*Qty', ts: '4' }, headers, 'a.csv', 1)).toEqual({
      member: { label: 'Id', indexes: [0] },
      amount: { label: 'Unit Price*Qty', indexes: [2, 1] },
      date: { label: 'When', indexes: [3] },
    });
    expect(resolveMapping({ member: '1', date: '2' }, null, 'a.txt', 0)).toEqual({
      member: { label: 'column 1', indexes: [0] },
      date: { label: 'column 2', indexes: [1] },
    });
    expect(isPositionalMapping({ member: '1', amount: '3*4' })).toBe(true);
    expect(isPositionalMapping({ member: '1', amount: 'Total' })).toBe(false);
  });

  it('names the mapping entry when a column or field does not exist', () => {
    const missing = (): unknown => resolveMapping({ member: 'CustomerID' }, ['id', 'date'], 'orders.csv', 1);
    expect(missing).toThrow(HearthError);
    expect(missing).toThrow('orders.csv:1: map.member: no column "CustomerID" in the header');
    expect(() => resolveMapping({ colour: 'id' }, ['id'], 'orders.csv', 1)).toThrow('orders.csv: map.colour: unknown field');
  });

  it('reads money the way shops write it', () => {
    expect(parseNumber('¥1,234.50')).toBe(1234.5);
    expect(parseNumber('12,50')).toBe(12.5);
    expect(parseNumber('(12.00)')).toBe(-12);
    expect(parseNumber('RMB 88')).toBe(88);
    expect(parseNumber('1.2.3')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
  });
});

describe('dates in tables', () => {
  const utc = dateReader({ timeZone: 'UTC' });
  const shanghai = dateReader({ timeZone: 'Asia/Shanghai' });

  it('follows an explicit format', () => {
    const read = (format: string, text: string): unknown => dateReader({ format, timeZone: 'UTC' })(text);
    expect(read('YYYYMMDD', '19970101')).toEqual({ ts: Date.UTC(1997, 0, 1) });
    expect(read('M/D/YYYY H:mm', '3/5/2024 9:07')).toEqual({ ts: Date.UTC(2024, 2, 5, 9, 7) });
    expect(read('DD.MM.YYYY HH:mm', '05.03.2024 14:03')).toEqual({ ts: Date.UTC(2024, 2, 5, 14, 3) });
    expect(read('D/M/YY h:mm A', '13/4/24 2:05 PM')).toEqual({ ts: Date.UTC(2024, 3, 13, 14, 5) });
    expect(read('YYYY年M月D日 HH:mm', '2024年3月5日 14:03')).toEqual({ ts: Date.UTC(2024, 2, 5, 14, 3) });
    expect(read('YYYYMMDD', '1997-01-01')).toEqual({ error: '"1997-01-01" does not match the date format YYYYMMDD' });
    expect(read('YYYY-MM-DD', '2023-02-29')).toEqual({ error: 'day 29 out of range in "2023-02-29"' });
  });

  it('recognises common shapes automatically', () => {
    expect(utc('2024-03-05T14:03:00Z')).toEqual({ ts: Date.UTC(2024, 2, 5, 14, 3) });
    expect(utc('2013-02-04T15:26:26.278-05:00')).toEqual({ ts: Date.UTC(2013, 1, 4, 20, 26, 26, 278) });
    expect(utc('20240305')).toEqual({ ts: Date.UTC(2024, 2, 5) });
    expect(utc('2024/3/5 7:08')).toEqual({ ts: Date.UTC(2024, 2, 5, 7, 8) });
    expect(utc('8/21/2019 13:10:31')).toEqual({ ts: Date.UTC(2019, 7, 21, 13, 10, 31) });
    expect(utc('10/31/2011 10:42')).toEqual({ ts: Date.UTC(2011, 9, 31, 10, 42) });
    expect(utc('3/5/24 2:03 PM')).toEqual({ ts: Date.UTC(2024, 2, 5, 14, 3) });
    expect(utc('12/1/2024 12:30 AM')).toEqual({ ts: Date.UTC(2024, 11, 1, 0, 30) });
    expect(utc('05.03.2024')).toEqual({ ts: Date.UTC(2024, 2, 5) });
    expect(utc('2024年3月5日 下午2:03')).toEqual({ ts: Date.UTC(2024, 2, 5, 14, 3) });
    expect(utc('2024年3月5日14时03分')).toEqual({ ts: Date.UTC(2024, 2, 5, 14, 3) });
    expect(utc('1709647380')).toEqual({ ts: 1_709_647_380_000 });
    expect(utc('1709647380123')).toEqual({ ts: 1_709_647_380_123 });
  });

  it('places dates without a zone in the import time zone', () => {
    expect(shanghai('2024-03-05 14:03')).toEqual({ ts: Date.UTC(2024, 2, 5, 6, 3) });
    expect(shanghai('2024-03-05T14:03:00+00:00')).toEqual({ ts: Date.UTC(2024, 2, 5, 14, 3) });
    expect(shanghai('19970101')).toEqual({ ts: Date.UTC(1996, 11, 31, 16) });
  });

  it('refuses ambiguous day/month order and impossible dates', () => {
    expect(utc('13/4/2024')).toEqual({
      error: 'day and month order is ambiguous in "13/4/2024" (read as month/day); set the date format, e.g. D/M/YYYY',
    });
    expect(utc('2024-02-30')).toEqual({ error: 'day 30 out of range in "2024-02-30"' });
    expect(utc('yesterday')).toEqual({ error: 'not a date: "yesterday"' });
    expect(utc('')).toEqual({ error: 'empty date' });
  });

  it('reads Excel serials and Date cells from xlsx as wall-clock times', () => {
    const xlsx = dateReader({ timeZone: 'Asia/Shanghai', excelSerials: true });
    expect(xlsx(45356.5)).toEqual({ ts: Date.UTC(2024, 2, 5, 4) }); // 2024-03-05 12:00 in Shanghai
    expect(xlsx(new Date(Date.UTC(2024, 2, 5, 14, 3)))).toEqual({ ts: Date.UTC(2024, 2, 5, 6, 3) });
    expect(xlsx(-3)).toEqual({ error: 'not an Excel date' });
  });

  it('resolves DST gaps forward and overlaps to the earlier instant', () => {
    const ny = zonedToUtc('America/New_York');
    expect(ny(Date.UTC(2024, 2, 10, 2, 30))).toBe(Date.UTC(2024, 2, 10, 7, 30)); // 03:30 EDT
    expect(ny(Date.UTC(2024, 10, 3, 1, 30))).toBe(Date.UTC(2024, 10, 3, 5, 30)); // 01:30 EDT
    expect(zonedToUtc('Europe/Berlin')(Date.UTC(2024, 9, 27, 2, 30))).toBe(Date.UTC(2024, 9, 27, 0, 30)); // CEST
    expect(ny(Date.UTC(2024, 6, 1, 12))).toBe(Date.UTC(2024, 6, 1, 16));
  });

  it('compiles literal text and whitespace in formats', () => {
    expect(compileDateFormat('YYYY-MM-DD  HH:mm:ss')('2024-03-05 14:03:09')).toEqual({
      wall: { year: 2024, month: 3, day: 5, hour: 14, minute: 3, second: 9, ms: 0 },
      offsetMs: null,
    });
  });
});
