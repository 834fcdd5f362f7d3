/**
 * The table import driver shared by csv, orders-csv, survey-csv and xlsx: read rows (text or
 * xlsx), find the header, resolve the mapping, decide what the rows become, build records.
 */
import type { ImportRecord } from '../../../../shared/import';
import type { ImportOptions, ParseContext } from '../types';
import { importError } from '../errors';
import { throwIfCancelled } from './cancel';
import { RecordBatch } from './record-batch';
import { dateReader } from './table-dates';
import {
  type TableMapping,
  type TableMode,
  chooseTableMode,
  guessMapping,
  isPositionalMapping,
  resolveMapping,
} from './table-mapping';
import { type TableRow, TableRecordBuilder, cellText, requireFields } from './table-rows';
import { type TextTableInfo, textRows } from './table-text';
import { xlsxRows } from './table-xlsx';
import { readHead } from './text-input';

export type TableFormat = 'csv' | 'orders-csv' | 'survey-csv' | 'xlsx';

/** Source names when the user gives none: what the records are, not the file type they came in. */
export const defaultTableSource: Record<TableMode, string> = {
  orders: 'shop',
  surveys: 'survey',
  activities: 'table',
  members: 'table',
};

type FileKind = 'xlsx' | 'xls' | 'text';

async function fileKind(path: string): Promise<FileKind> {
  const head = await readHead(path, 8);
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0) return 'xls';
  return 'text';
}

function rowsOf(kind: FileKind, ctx: ParseContext, onInfo?: (info: TextTableInfo) => void): AsyncGenerator<TableRow> {
  if (kind === 'xls') throw importError(ctx.fileName, 'file', 'old Excel .xls workbooks are not supported; save it as .xlsx or CSV');
  return kind === 'xlsx' ? xlsxRows(ctx) : textRows(ctx, onInfo);
}

const isBlankRow = (row: TableRow): boolean => row.cells.every((c) => cellText(c).trim() === '');

/** A cell that reads as data (a number or a date), not as a header label. */
function looksLikeValue(cell: TableRow['cells'][number]): boolean {
  if (typeof cell === 'number' || cell instanceof Date) return true;
  const t = cellText(cell).trim();
  return /^[-+]?[\d.,]+$/.test(t) || /^\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,4}/.test(t);
}

/**
 * Whether the first row is a header, when the mapping is by column number: yes when none of its
 * cells reads as a value and the next row has some (CDNOW_master.txt has a header, its 1/10
 * sample does not).
 */
function isHeaderRow(first: TableRow, next: TableRow | null): boolean {
  if (first.cells.some(looksLikeValue)) return false;
  return next === null || next.cells.some(looksLikeValue);
}

export interface TableSetup {
  headers: string[] | null;
  headerLine: number;
  mapping: TableMapping;
  mode: TableMode;
  source: string;
  builder: TableRecordBuilder;
}

/** Resolves mapping, mode and source for a table whose header row (or lack of one) is known. */
export function setupTable(
  header: TableRow | null,
  options: ImportOptions,
  format: TableFormat,
  fileName: string,
  isXlsx: boolean,
): TableSetup {
  const headers = header === null ? null : header.cells.map((c) => cellText(c).trim());
  const headerLine = header?.line ?? 0;
  const userMap = options.map !== undefined && Object.keys(options.map).length > 0 ? options.map : null;
  if (userMap === null && header !== null && header.cells.filter(looksLikeValue).length >= 2) {
    throw importError(
      fileName,
      'header',
      'the first line looks like data, not a header row; map the columns by number (e.g. member=1, date=2)',
      header.line,
    );
  }
  const map: Record<string, string> = userMap ?? guessMapping(headers ?? []);
  const resolved = resolveMapping(map, headers, fileName, headerLine);
  const mapping: TableMapping = {};
  for (const [field, ref] of Object.entries(resolved)) mapping[field as keyof TableMapping] = ref.label;
  const mode: TableMode =
    format === 'orders-csv' ? 'orders' : format === 'survey-csv' ? 'surveys' : chooseTableMode(mapping, headers ?? []);
  requireFields(mode, resolved, fileName, headerLine);
  const source = options.source ?? defaultTableSource[mode];
  const builder = new TableRecordBuilder({
    fileName,
    mode,
    source,
    mapping: resolved,
    headers,
    headerLine,
    readDate: dateReader({ format: options.dateFormat, timeZone: options.timeZone, excelSerials: isXlsx }),
  });
  return { headers, headerLine, mapping, mode, source, builder };
}

/**
 * Parses a table file (CSV/TSV/whitespace text or the first sheet of an .xlsx) into batches of
 * records. Shared by the four table formats; `format` fixes the mode for the presets.
 */
export async function* parseTableFile(ctx: ParseContext, format: TableFormat): AsyncGenerator<ImportRecord[]> {
  const kind = await fileKind(ctx.path);
  const positional = ctx.options.map !== undefined && isPositionalMapping(ctx.options.map);
  const batch = new RecordBatch();
  let setup: TableSetup | null = null;
  let first: TableRow | null = null;
  const begin = (header: TableRow | null): TableSetup => setupTable(header, ctx.options, format, ctx.fileName, kind === 'xlsx');

  for await (const row of rowsOf(kind, ctx)) {
    throwIfCancelled(ctx);
    if (setup === null) {
      if (isBlankRow(row)) continue;
      if (!positional) {
        setup = begin(row);
        continue;
      }
      if (first === null) {
        first = row;
        continue;
      }
      if (isHeaderRow(first, row)) {
        setup = begin(first);
      } else {
        setup = begin(null);
        batch.push(setup.builder.accept(first));
      }
    }
    batch.push(setup.builder.accept(row));
    if (batch.full) yield batch.take();
  }
  if (setup === null && first !== null) {
    setup = begin(isHeaderRow(first, null) ? first : null);
    if (setup.headers === null) batch.push(setup.builder.accept(first));
  }
  if (setup === null) throw importError(ctx.fileName, 'header', 'the file is empty: no header row and no data', 1);
  batch.push(setup.builder.finish());
  if (batch.length > 0) yield batch.take();
}

export interface TablePreview {
  /** 'xlsx', or the text encoding used (utf-8, utf-16le, gb18030…). */
  encoding: string;
  /** The delimiter found, or null for xlsx. */
  delimiter: string | null;
  /** The header texts, or null when the mapping is by column number and there is no header. */
  headers: string[] | null;
  /** The first rows after the header, as text. */
  rows: { line: number; cells: string[] }[];
  /** The mapping the import would use: the user's, else the guess. */
  mapping: TableMapping;
  /** What the rows become for `format`. */
  mode: TableMode;
  /** Records built from the preview rows, problems included. */
  records: ImportRecord[];
}

/**
 * Reads the first rows of a table for the import dialog: encoding, delimiter, headers, guessed
 * mapping, the mode, and what the first rows turn into. Mapping errors throw like the import.
 *
 * @example
 * const p = await previewTable('/tmp/orders.csv', 'csv', { timeZone: 'Asia/Shanghai' });
 * p.mapping // { member: '会员ID', date: '下单时间', amount: '实付金额' }
 */
export async function previewTable(
  path: string,
  format: TableFormat,
  options: ImportOptions,
  limit = 20,
  signal: AbortSignal = new AbortController().signal,
): Promise<TablePreview> {
  const fileName = path.split(/[\\/]/).pop() ?? path;
  const ctx: ParseContext = { path, fileName, options, signal, progress: () => undefined };
  const kind = await fileKind(path);
  let info: TextTableInfo | null = null;
  const rows = rowsOf(kind, ctx, (i) => (info = i));
  const taken: TableRow[] = [];
  try {
    for await (const row of rows) {
      if (isBlankRow(row)) continue;
      taken.push(row);
      if (taken.length > limit) break;
    }
  } finally {
    await rows.return(undefined);
  }
  const positional = options.map !== undefined && isPositionalMapping(options.map);
  const first = taken[0] ?? null;
  if (first === null) throw importError(fileName, 'header', 'the file is empty: no header row and no data', 1);
  const hasHeader = !positional || isHeaderRow(first, taken[1] ?? null);
  const setup = setupTable(hasHeader ? first : null, options, format, fileName, kind === 'xlsx');
  const body = (hasHeader ? taken.slice(1) : taken).slice(0, limit);
  const records = body.flatMap((r) => setup.builder.accept(r)).concat(setup.builder.finish());
  const found = info as TextTableInfo | null;
  return {
    encoding: kind === 'xlsx' ? 'xlsx' : (found?.encoding.encoding ?? 'utf-8'),
    delimiter: found?.delimiter ?? null,
    headers: setup.headers,
    rows: body.map((r) => ({ line: r.line, cells: r.cells.map(cellText) })),
    mapping: setup.mapping,
    mode: setup.mode,
    records,
  };
}

/** Longest mapping value the import contract carries; longer headers are mapped by number. */
const MAX_MAPPING_VALUE = 200;

/**
 * The columns of a table and the mapping `parse` would use with these options, for the import
 * dialog (Parser.describe). Headers longer than the contract allows are mapped by column number.
 *
 * @example
 * await describeTable(ctx) // { columns: ['会员ID', '下单时间', '实付金额'], mapping: { member: '会员ID', … } }
 */
export async function describeTable(ctx: ParseContext): Promise<{ columns: string[]; mapping: Record<string, string> }> {
  const kind = await fileKind(ctx.path);
  const rows = rowsOf(kind, ctx);
  const taken: TableRow[] = [];
  try {
    for await (const row of rows) {
      if (isBlankRow(row)) continue;
      taken.push(row);
      if (taken.length >= 2) break;
    }
  } finally {
    await rows.return(undefined);
  }
  const first = taken[0];
  if (first === undefined) throw importError(ctx.fileName, 'header', 'the file is empty: no header row and no data', 1);
  const positional = ctx.options.map !== undefined && isPositionalMapping(ctx.options.map);
  const hasHeader = !positional || isHeaderRow(first, taken[1] ?? null);
  const headers = hasHeader ? first.cells.map((c) => cellText(c).trim()) : null;
  const columns = headers ?? first.cells.map((_c, i) => `column ${i + 1}`);
  const source = ctx.options.map !== undefined && Object.keys(ctx.options.map).length > 0 ? ctx.options.map : guessMapping(headers ?? []);
  const mapping: Record<string, string> = {};
  for (const [field, column] of Object.entries(source)) {
    if (column === undefined || column === '') continue;
    const index = headers?.indexOf(column) ?? -1;
    mapping[field] = column.length > MAX_MAPPING_VALUE && index !== -1 ? String(index + 1) : column;
  }
  return { columns, mapping };
}
