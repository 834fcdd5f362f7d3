/**
 * Delimited text files as a stream of rows: encoding detection, delimiter sniffing on the first
 * part of the file, then the streaming reader.
 */
import iconv from 'iconv-lite';
import type { ParseContext } from '../types';
import { type DetectedEncoding, detectEncoding, openText } from './table-io';
import { type Delimiter, DelimitedReader, sampleRows, sniffDelimiter } from './table-delimited';
import type { TableRow } from './table-rows';

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
  const source = await openText(ctx.path, ctx.fileName, ctx.options.encoding, ctx.signal, ctx.progress);
  let reader: DelimitedReader | null = null;
  let sniffed = '';
  for await (const chunk of source.chunks) {
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
    const delimiter = sniffDelimiter(text);
    onInfo?.({ encoding: source.encoding, delimiter });
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
  const encoding = detectEncoding(head, encodingOverride);
  const body = head.subarray(encoding.bomLength);
  const text = iconv.encodingExists(encoding.encoding) ? iconv.decode(body, encoding.encoding, { stripBOM: false }) : body.toString('latin1');
  const delimiter = sniffDelimiter(text);
  return { info: { encoding, delimiter }, rows: sampleRows(text, delimiter) };
}
