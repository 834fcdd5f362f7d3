/**
 * The table formats: generic CSV, the orders and survey presets, and xlsx. They share one driver
 * (table-parse.ts) and differ in what the rows become and in how they recognise a file.
 *
 * Decisions, in one place:
 * - Encoding: BOM, else UTF-16 by NUL pattern, else UTF-8 if valid, else GB18030 (options.encoding
 *   overrides). Delimiter: comma, tab, semicolon or pipe, whichever splits the first rows evenly,
 *   else whitespace-aligned columns (CDNOW).
 * - Mapping: options.map (header text, 1-based column number, or 'A*B'), else guessMapping. With a
 *   mapping by numbers only, the first row is a header only if it holds no numbers or dates.
 * - What rows become: orders-csv → orders, survey-csv → survey responses; csv/xlsx decide by
 *   columns (amount → orders; score or a form-shaped header → surveys; kind/text → activities;
 *   else members). Each member id is announced once as a MemberRecord (name/email/phone when
 *   mapped). The person is the member column, else email, else phone.
 * - Sources when options.source is unset: 'shop' for orders, 'survey' for surveys, 'table' for
 *   activities and member lists — what the records are, whatever the file type.
 * - Orders: contiguous lines with the same order id are one order (amounts and quantities summed);
 *   an id seen again later gets `/2`, `/3`… instead of being dropped as a duplicate. Without an
 *   order column the id is a hash of member, date, amount, quantity and status plus an occurrence
 *   counter. Cancelled: a status like cancelled/refund/取消/退款/交易关闭, an Online Retail 'C'
 *   invoice, or a negative amount (stored as its absolute value). Unpaid (待付款) rows are problems.
 *   Amount 'UnitPrice*Quantity' is guessed when there is a unit price and a quantity but no amount.
 * - Surveys: score 0–10 (blank → null), every other column is an answer keyed by its header; the
 *   id column, else a row hash, is the response id; without a person column the respondent is
 *   anonymous `anon:{hash}`.
 * - Row problems (bad date, number or score, missing member, unknown kind) are ProblemRecords with
 *   the physical line and the column header; structural ones (unterminated quote, empty file,
 *   data where the header should be, an unmappable required field) are fatal import errors.
 */
import type { Parser, Sample } from '../types';
import { chooseTableMode, guessMapping, looksLikeSurvey } from './table-mapping';
import { describeTable, parseTableFile } from './table-parse';
import { cellText } from './table-rows';
import { headOfTextTable } from './table-text';

const TEXT_EXTENSIONS = new Set(['csv', 'tsv', 'tab', 'txt']);

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function isWorkbook(sample: Sample): boolean {
  if (sample.zipEntries.includes('xl/workbook.xml')) return true;
  return extensionOf(sample.fileName) === 'xlsx' && sample.head.subarray(0, 2).toString('latin1') === 'PK';
}

interface TextSniff {
  headers: string[];
  columns: number;
  /** True for .csv/.tsv; .txt files must look like a table to count. */
  tableExtension: boolean;
}

/** The header of a text table from the sample, or null when the sample is no text table. */
function sniffText(sample: Sample): TextSniff | null {
  if (sample.isDirectory || sample.zipEntries.length > 0) return null;
  const ext = extensionOf(sample.fileName);
  if (!TEXT_EXTENSIONS.has(ext)) return null;
  if (sample.head.length === 0) return { headers: [], columns: 0, tableExtension: ext !== 'txt' };
  const { rows } = headOfTextTable(sample.head);
  const headers = (rows[0]?.cells ?? []).map((c) => cellText(c).trim());
  const columns = headers.length;
  if (ext === 'txt') {
    // A .txt is a table only when its rows split evenly into columns (WhatsApp chats do not).
    const even = rows.length >= 2 && rows.filter((r) => r.cells.length === columns).length / rows.length >= 0.9;
    if (columns < 2 || !even) return null;
  }
  return { headers, columns, tableExtension: ext !== 'txt' };
}

/** Generic table: members, activities, orders or surveys, decided by its columns. */
export const csvParser: Parser = {
  format: 'csv',
  detect(sample) {
    const sniff = sniffText(sample);
    if (sniff === null) return 0;
    return sniff.tableExtension ? 0.5 : 0.3;
  },
  parse: (ctx) => parseTableFile(ctx, 'csv'),
  describe: (ctx) => describeTable(ctx),
};

/** Orders export from a shop (有赞, 淘宝/天猫, Shopify, WooCommerce…) or a transaction log. */
export const ordersCsvParser: Parser = {
  format: 'orders-csv',
  detect(sample) {
    const sniff = sniffText(sample);
    if (sniff === null) return 0;
    const m = guessMapping(sniff.headers);
    const person = m.member !== undefined || m.email !== undefined || m.phone !== undefined;
    if (m.amount === undefined || !person || m.date === undefined || m.score !== undefined) return 0;
    return sniff.tableExtension ? 0.8 : 0.6;
  },
  parse: (ctx) => parseTableFile(ctx, 'orders-csv'),
  describe: (ctx) => describeTable(ctx),
};

/** Form responses (Google Forms, 问卷星, Typeform, NPS tools). */
export const surveyCsvParser: Parser = {
  format: 'survey-csv',
  detect(sample) {
    const sniff = sniffText(sample);
    if (sniff === null) return 0;
    const m = guessMapping(sniff.headers);
    if (m.amount !== undefined) return 0;
    if (m.score !== undefined && m.date !== undefined) return sniff.tableExtension ? 0.8 : 0.6;
    if (looksLikeSurvey(sniff.headers)) return sniff.tableExtension ? 0.75 : 0.55;
    return 0;
  },
  parse: (ctx) => parseTableFile(ctx, 'survey-csv'),
  describe: (ctx) => describeTable(ctx),
};

/** The first worksheet of an .xlsx workbook; what it becomes is decided like a generic table. */
export const xlsxParser: Parser = {
  format: 'xlsx',
  detect(sample) {
    return isWorkbook(sample) ? 0.95 : 0;
  },
  parse: (ctx) => parseTableFile(ctx, 'xlsx'),
  describe: (ctx) => describeTable(ctx),
};

export { chooseTableMode, guessMapping, looksLikeSurvey };
