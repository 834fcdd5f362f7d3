/**
 * A streaming reader for delimited text (CSV, TSV, semicolon tables, whitespace-aligned columns)
 * that knows the physical line each row starts on. Written here rather than taken from
 * papaparse because problems must name file lines, not row indexes — a quoted field may span
 * lines — and an unterminated quote must name the line where it opened.
 */
import { importError } from '../errors';

export type Delimiter = ',' | '\t' | ';' | '|' | 'whitespace';

export interface DelimitedRow {
  cells: string[];
  /** 1-based physical line where the row starts. */
  line: number;
}

/** A quoted field longer than this is taken as a quote that never closes. */
const MAX_QUOTED_LINES = 10_000;
const MAX_QUOTED_CHARS = 8 * 1024 * 1024;

type State = 'start' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'afterQuoted';

/**
 * Push text in, get complete rows out. RFC 4180 quoting ("" inside quotes is a quote), CRLF, LF
 * or CR line ends; newlines inside quoted fields become "\n". Text after a closing quote is kept
 * ("a"b → ab) instead of failing the file. Whitespace mode splits on runs of spaces and tabs and
 * has no quoting (CDNOW-style files).
 *
 * @example
 * const reader = new DelimitedReader('a.csv', ',');
 * reader.push('id,note\n1,"two\nlines"\n2,x\n') // [{cells:['id','note'],line:1},{cells:['1','two\nlines'],line:2},{cells:['2','x'],line:4}]
 */
export class DelimitedReader {
  private readonly fileName: string;
  private readonly delimiter: Delimiter;
  private state: State = 'start';
  private field = '';
  private cells: string[] = [];
  private line = 1;
  private rowLine = 1;
  private quoteLine = 1;
  private pendingCR = false;
  private partialLine = '';

  constructor(fileName: string, delimiter: Delimiter) {
    this.fileName = fileName;
    this.delimiter = delimiter;
  }

  push(text: string): DelimitedRow[] {
    return this.delimiter === 'whitespace' ? this.pushWhitespace(text) : this.pushQuoted(text);
  }

  /** Flushes the last row; throws when a quoted field never closed. */
  end(): DelimitedRow[] {
    if (this.delimiter === 'whitespace') {
      const rest = this.partialLine;
      this.partialLine = '';
      return this.wsRow(rest);
    }
    if (this.state === 'quoted') throw this.unterminated();
    const out: DelimitedRow[] = [];
    if (this.state !== 'start' || this.cells.length > 0 || this.field !== '') this.endRow(out);
    return out;
  }

  private unterminated(): Error {
    return importError(
      this.fileName,
      'quote',
      `unterminated quote: the field opened on line ${this.quoteLine} never closes and swallows the rest of the file`,
      this.quoteLine,
    );
  }

  private pushQuoted(text: string): DelimitedRow[] {
    const out: DelimitedRow[] = [];
    const delim = this.delimiter;
    for (let i = 0; i < text.length; i++) {
      const c = text[i] ?? '';
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === '\n') continue;
      }
      switch (this.state) {
        case 'quoted':
          if (c === '"') {
            this.state = 'quoteInQuoted';
          } else if (c === '\n' || c === '\r') {
            this.field += '\n';
            this.line++;
            this.pendingCR = c === '\r';
            if (this.line - this.quoteLine > MAX_QUOTED_LINES) throw this.unterminated();
          } else {
            // Copy the run up to the next quote or newline in one slice.
            let j = i + 1;
            while (j < text.length) {
              const d = text[j];
              if (d === '"' || d === '\n' || d === '\r') break;
              j++;
            }
            this.field += text.slice(i, j);
            i = j - 1;
            if (this.field.length > MAX_QUOTED_CHARS) throw this.unterminated();
          }
          break;
        case 'quoteInQuoted':
          if (c === '"') {
            this.field += '"';
            this.state = 'quoted';
            break;
          }
          this.state = 'afterQuoted';
          i--; // look at this character again as the one after a closing quote
          break;
        case 'start':
          if (c === '"') {
            this.state = 'quoted';
            this.quoteLine = this.line;
            break;
          }
          this.state = 'unquoted';
          i--;
          break;
        case 'afterQuoted':
        case 'unquoted':
          if (c === delim) {
            this.cells.push(this.field);
            this.field = '';
            this.state = 'start';
          } else if (c === '\n' || c === '\r') {
            this.endRow(out);
            this.line++;
            this.rowLine = this.line;
            this.pendingCR = c === '\r';
          } else {
            let j = i + 1;
            while (j < text.length) {
              const d = text[j];
              if (d === delim || d === '\n' || d === '\r') break;
              j++;
            }
            this.field += text.slice(i, j);
            i = j - 1;
            this.state = 'unquoted';
          }
          break;
      }
    }
    return out;
  }

  private endRow(out: DelimitedRow[]): void {
    this.cells.push(this.field);
    const cells = this.cells;
    this.cells = [];
    this.field = '';
    this.state = 'start';
    // An empty line is no row; a row of empty cells (",,,") is left to the caller.
    if (cells.length === 1 && cells[0] === '') return;
    out.push({ cells, line: this.rowLine });
  }

  private pushWhitespace(text: string): DelimitedRow[] {
    const out: DelimitedRow[] = [];
    let rest = text;
    if (this.pendingCR && rest.startsWith('\n')) rest = rest.slice(1);
    this.pendingCR = false;
    const all = this.partialLine + rest;
    let start = 0;
    for (let i = 0; i < all.length; i++) {
      const c = all[i];
      if (c !== '\n' && c !== '\r') continue;
      out.push(...this.wsRow(all.slice(start, i)));
      this.line++;
      if (c === '\r') {
        if (i + 1 === all.length) this.pendingCR = true;
        else if (all[i + 1] === '\n') i++;
      }
      start = i + 1;
    }
    this.partialLine = all.slice(start);
    return out;
  }

  private wsRow(lineText: string): DelimitedRow[] {
    const trimmed = lineText.trim();
    if (trimmed === '') return [];
    return [{ cells: trimmed.split(/[ \t]+/), line: this.line }];
  }
}

/**
 * Picks the delimiter from the first part of a file: the candidate that splits the first rows
 * into the same number (≥ 2) of cells most consistently, else whitespace-aligned columns, else
 * comma (a one-column table).
 *
 * @example
 * sniffDelimiter('a;b;c\n1;2;3\n') // ';'
 * sniffDelimiter(' 00001 19970101  1   11.77\r\n 00002 19970112  1   12.00\r\n') // 'whitespace'
 */
export function sniffDelimiter(sample: string): Delimiter {
  let best: { delimiter: Delimiter; consistency: number; columns: number } | null = null;
  for (const delimiter of [',', '\t', ';', '|'] as const) {
    const rows = sampleRows(sample, delimiter);
    if (rows.length === 0) continue;
    const columns = rows[0]?.cells.length ?? 0;
    if (columns < 2) continue;
    const consistency = rows.filter((r) => r.cells.length === columns).length / rows.length;
    if (consistency < 0.8) continue;
    if (best === null || consistency > best.consistency || (consistency === best.consistency && columns > best.columns)) {
      best = { delimiter, consistency, columns };
    }
  }
  if (best !== null) return best.delimiter;
  const ws = sampleRows(sample, 'whitespace');
  const wsColumns = ws[0]?.cells.length ?? 0;
  if (wsColumns >= 2 && ws.filter((r) => r.cells.length === wsColumns).length / ws.length >= 0.8) return 'whitespace';
  return ',';
}

/** Complete rows among the first 30 of `sample` (a truncated last row is left out). */
export function sampleRows(sample: string, delimiter: Delimiter, limit = 30): DelimitedRow[] {
  const reader = new DelimitedReader('sample', delimiter);
  try {
    return reader.push(sample).slice(0, limit);
  } catch {
    return [];
  }
}
