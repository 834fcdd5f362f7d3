/**
 * Reading a file as text, in chunks, whatever its encoding: a byte-order mark wins, then the
 * user's override, then a NUL-byte sniff for BOM-less UTF-16, then UTF-8. Progress and
 * cancellation are checked once per chunk (1 MiB), so a 1 GB file costs ~1000 checks.
 */
import fs from 'node:fs';
import iconv from 'iconv-lite';
import type { ParseContext } from '../types';
import { importError } from '../errors';
import { throwIfCancelled } from './chat-cancel';

const CHUNK_BYTES = 1 << 20;

/** Detects the encoding of a file from its first bytes. */
export function detectEncoding(head: Uint8Array, override?: string): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (override) return override;
  // BOM-less UTF-16: text in Latin scripts has a NUL in every other byte.
  const n = Math.min(head.length, 512) & ~1;
  if (n >= 4) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) evenZeros += 1;
      if (head[i + 1] === 0) oddZeros += 1;
    }
    const pairs = n / 2;
    if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
    if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  }
  return 'utf-8';
}

/**
 * Decodes the first bytes of a file for format detection (BOM and UTF-16 aware; a character
 * cut at the end of the sample is dropped).
 */
export function sampleText(head: Uint8Array): string {
  const encoding = detectEncoding(head);
  if (!iconv.encodingExists(encoding)) return '';
  const text = iconv.decode(Buffer.from(head.buffer, head.byteOffset, head.byteLength), encoding);
  return text.endsWith('\uFFFD') ? text.slice(0, -1) : text;
}

export interface DecodeOptions {
  fileName: string;
  /** Encoding override from the import options. */
  encoding?: string;
  signal: AbortSignal;
  /** Called with the bytes read so far after each chunk. */
  onBytes?: (bytesRead: number) => void;
}

/** Decodes a byte stream into text chunks (the encoding is detected from the first chunk). */
export async function* decodeText(source: AsyncIterable<Buffer>, options: DecodeOptions): AsyncGenerator<string> {
  let decoder: iconv.DecoderStream | null = null;
  let bytes = 0;
  for await (const chunk of source) {
    throwIfCancelled(options);
    if (decoder === null) {
      const encoding = detectEncoding(chunk, options.encoding);
      if (!iconv.encodingExists(encoding)) {
        throw importError(options.fileName, 'options.encoding', `unknown text encoding "${encoding}"`);
      }
      decoder = iconv.getDecoder(encoding, { stripBOM: true });
    }
    bytes += chunk.length;
    const text = decoder.write(chunk);
    options.onBytes?.(bytes);
    if (text.length > 0) yield text;
  }
  const rest = decoder?.end();
  if (rest) yield rest;
}

/** The file of an import as decoded text chunks, reporting progress and honouring cancellation. */
export function readTextFile(ctx: ParseContext): AsyncGenerator<string> {
  const stream = fs.createReadStream(ctx.path, { highWaterMark: CHUNK_BYTES });
  return decodeText(stream, {
    fileName: ctx.fileName,
    encoding: ctx.options.encoding,
    signal: ctx.signal,
    onBytes: (n) => ctx.progress(n),
  });
}
