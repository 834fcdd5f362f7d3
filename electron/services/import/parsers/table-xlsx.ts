/**
 * The first worksheet of an .xlsx workbook as a stream of rows, read with exceljs's streaming
 * WorkbookReader so large sheets never sit in memory whole.
 */
import fs from 'node:fs';
import { HearthError } from '../../../../shared/errors';
import type { ParseContext } from '../types';
import { importError } from '../errors';
import { throwIfCancelled } from './cancel';
import { SafeZip } from './zip';
import type { TableCell, TableRow } from './table-rows';

/**
 * Streams the rows of the first worksheet; `line` is the sheet's row number. Date-formatted cells
 * arrive as Dates holding the wall-clock time in their UTC fields (exceljs's convention).
 */
export async function* xlsxRows(ctx: ParseContext): AsyncGenerator<TableRow> {
  // An .xlsx is a zip: vet its directory (zip slip, entry count, total size, bomb ratio) before
  // exceljs inflates it. Fuzzing found a 1 MB workbook whose sheet inflates to 1 GiB of zeros
  // keeping exceljs busy ~10 s (and a shared-strings bomb would sit in its cache, in memory).
  let vetted: SafeZip;
  try {
    vetted = await SafeZip.open(ctx.path, ctx.fileName);
  } catch (error) {
    // Not a zip at all: the workbook's own wording (field 'xlsx'); a refused entry keeps its name.
    if (error instanceof HearthError && error.details?.field === 'zip' && /not a (readable )?zip/.test(error.message)) {
      throw importError(ctx.fileName, 'xlsx', `not a readable .xlsx workbook (${error.message})`);
    }
    throw error;
  }
  try {
    // Inflate every entry once before exceljs does: a corrupt deflate stream inside its unzipper
    // left a promise unsettled, so the import hung forever instead of failing (found by fuzzing:
    // one flipped bit in xl/workbook.xml). The extra inflate pass is cheap next to XML parsing.
    for (const entry of vetted.entries) {
      for await (const _bytes of vetted.read(entry)) throwIfCancelled(ctx);
    }
  } finally {
    vetted.close();
  }
  // Loaded on first use (before the stream starts flowing): exceljs is tens of megabytes of heap
  // that no other import needs.
  const { default: ExcelJS } = await import('exceljs');
  const input = fs.createReadStream(ctx.path);
  let read = 0;
  input.on('data', (chunk) => {
    read += chunk.length;
    ctx.progress(read);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        throwIfCancelled(ctx);
        yield { cells: cellsOf(row.values), line: row.number };
      }
      return; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof HearthError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw importError(ctx.fileName, 'xlsx', `not a readable .xlsx workbook (${message})`);
  } finally {
    input.destroy();
  }
}

/** exceljs row values are 1-based and sparse; cells may be rich text, formulas or links. */
function cellsOf(values: unknown): TableCell[] {
  if (!Array.isArray(values)) return [];
  const cells: TableCell[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
  return cells;
}

function cellOf(value: unknown): TableCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return String(value);
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((part: unknown) => (typeof part === 'object' && part !== null && 'text' in part ? String(part.text) : '')).join('');
  }
  if ('result' in value) return cellOf(value.result);
  if ('error' in value) return null;
  if ('text' in value) return cellOf(value.text);
  return null;
}
