/**
 * Streaming CSV rows with the physical line each row starts on, using papaparse's core
 * `Papa.Parser` chunk by chunk (the way its own streamers do, but pulled by an async generator,
 * so back-pressure is simply the consumer's pace). A quote that never closes is fatal: it
 * swallows the rest of the file, so no later row could be trusted.
 */
import Papa from 'papaparse';
import { importError } from '../errors';

export interface CsvRow {
  fields: string[];
  /** 1-based physical line the row starts on. */
  line: number;
  /** Set when papaparse found a stray quote inside this row. */
  malformed?: string;
}

interface ChunkResult {
  data: string[][];
  errors: Papa.ParseError[];
  meta: { cursor: number };
}

/** A row longer than this means an opened quote never closed. */
const MAX_ROW_CHARS = 4 * 1024 * 1024;

function newlines(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) {
    for (let i = f.indexOf('\n'); i !== -1; i = f.indexOf('\n', i + 1)) n += 1;
  }
  return n;
}

/**
 * CSV rows of a text stream (comma-separated, double quotes), one array per input chunk.
 *
 * @example
 * for await (const rows of csvRows(readTextFile(ctx), ctx.fileName)) …
 */
export async function* csvRows(chunks: AsyncIterable<string>, fileName: string): AsyncGenerator<CsvRow[]> {
  let parser: Papa.Parser | null = null;
  let leftover = '';
  let line = 1;

  const take = (result: ChunkResult, final: boolean): CsvRow[] => {
    const rows: CsvRow[] = [];
    const bad = new Map<number, string>();
    for (const e of result.errors) {
      if (e.row === undefined || e.row >= result.data.length) continue; // the unfinished last row
      if (e.code === 'MissingQuotes') {
        let at = line;
        for (let i = 0; i < e.row; i += 1) at += 1 + newlines(result.data[i] ?? []);
        throw importError(fileName, 'quotes', 'a quoted field is never closed; the rest of the file cannot be read', at);
      }
      if (e.code === 'InvalidQuotes') bad.set(e.row, e.message);
    }
    result.data.forEach((fields, i) => {
      const row: CsvRow = { fields, line };
      const problem = bad.get(i);
      if (problem !== undefined) row.malformed = problem;
      rows.push(row);
      line += 1 + newlines(fields);
    });
    if (final) leftover = '';
    return rows;
  };

  for await (const chunk of chunks) {
    if (parser === null) {
      const firstBreak = chunk.indexOf('\n');
      const newline = firstBreak > 0 && chunk[firstBreak - 1] === '\r' ? '\r\n' : '\n';
      parser = new Papa.Parser({ delimiter: ',', newline, quoteChar: '"' });
    }
    const input = leftover + chunk;
    const result: ChunkResult = parser.parse(input, 0, true);
    leftover = input.slice(result.meta.cursor);
    if (leftover.length > MAX_ROW_CHARS) {
      throw importError(fileName, 'quotes', 'a quoted field is never closed; the rest of the file cannot be read', line);
    }
    const rows = take(result, false);
    if (rows.length > 0) yield rows;
  }
  if (parser !== null && leftover.length > 0) {
    const result: ChunkResult = parser.parse(leftover, 0, false);
    const rows = take(result, true);
    if (rows.length > 0) yield rows;
  }
}
