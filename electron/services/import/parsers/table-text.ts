/**
 * Delimited text files as a stream of rows: encoding detection, delimiter sniffing on the first
 * part of the file, then the streaming reader.
 */
import type { ParseContext } from '../types';
import { type Delimiter, DelimitedReader, sampleRows, sniffDelimiter } from './table-delimited';
import type { TableRow } from './table-rows';
import { type DetectedEncoding, decodeHead, readTextFile } from './text-input';

/** Text read before the delimiter is decided. */
const SNIFF_CHARS = 64 * 1024;

export interface TextTableInfo {
  encoding: DetectedEncoding;
  delimiter: Delimiter;
}

/**
 * Streams the rows of a delimited text file; `onInfo` hears the encoding and delimiter before the
 * first row.
 */
export async function* textRows(ctx: ParseContext, onInfo?: (info: TextTableInfo) => void): AsyncGenerator<TableRow> {
  let encoding: DetectedEncoding | null = null;
  const chunks = readTextFile(ctx, (detected) => {
    encoding = detected;
  });
  let reader: DelimitedReader | null = null;
  let sniffed = '';
  for await (const chunk of chunks) {
    if (reader === null) {
      sniffed += chunk;
      if (sniffed.length < SNIFF_CHARS) continue;
      reader = start(sniffed);
      yield* reader.push(sniffed);
      sniffed = '';
      continue;
    }
    yield* reader.push(chunk);
  }
  if (reader === null) {
    reader = start(sniffed);
    yield* reader.push(sniffed);
  }
  yield* reader.end();

  function start(text: string): DelimitedReader {
    // readTextFile decides the encoding before it yields text, and before it ends.
    if (encoding === null) throw new Error(`${ctx.fileName}: text before its encoding was decided`);
    const delimiter = sniffDelimiter(text);
    onInfo?.({ encoding, delimiter });
    return new DelimitedReader(ctx.fileName, delimiter);
  }
}

/**
 * The first rows of a text table from a file's first bytes, for detection and preview.
 *
 * @example
 * headOfTextTable(Buffer.from('会员ID,金额\n1,9.9\n')).rows[0] // { cells: ['会员ID', '金额'], line: 1 }
 */
export function headOfTextTable(head: Buffer, encodingOverride?: string): { info: TextTableInfo; rows: TableRow[] } {
  const { encoding, text } = decodeHead(head, encodingOverride);
  const delimiter = sniffDelimiter(text);
  return { info: { encoding, delimiter }, rows: sampleRows(text, delimiter) };
}
