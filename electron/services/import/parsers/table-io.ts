/**
 * Byte-level plumbing for the table and forum parsers: text-encoding detection, streaming decode
 * with line tracking, cancellation, batching and stable hash ids. Kept separate from the chat
 * parsers' helpers on purpose (see the folder's file-name split).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import type { ImportRecord } from '../../../../shared/import';
import { HearthError } from '../../../../shared/errors';
import { importError } from '../errors';

/** Records per yielded batch: big enough to amortise a transaction, small enough to show progress. */
export const BATCH_SIZE = 2000;

export interface DetectedEncoding {
  /** An iconv-lite name: utf-8, utf-16le, utf-16be or gb18030 (or the user's override). */
  encoding: string;
  /** Bytes of byte-order mark at the start of the file. */
  bomLength: number;
  /** How it was decided, for the preview ("BOM", "NUL pattern", "valid UTF-8", "fallback", "option"). */
  reason: 'bom' | 'nul-pattern' | 'utf-8' | 'ascii' | 'fallback' | 'option';
}

/**
 * Guesses the text encoding of a file from its first bytes: a BOM wins; then UTF-16 without BOM
 * (every other byte NUL in mostly-ASCII text); then UTF-8 if the bytes are valid UTF-8; else
 * GB18030, a superset of GBK/GB2312 — what Excel and WPS write for "CSV" on Chinese Windows.
 *
 * @example
 * detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61])) // { encoding: 'utf-8', bomLength: 3, reason: 'bom' }
 */
export function detectEncoding(head: Buffer, override?: string): DetectedEncoding {
  const bom = bomOf(head);
  if (override !== undefined && override.trim() !== '') {
    const encoding = normaliseEncodingName(override);
    // A BOM of the same family is still skipped; any other BOM is the user's business.
    const bomLength = bom !== null && bom.encoding === encoding ? bom.length : 0;
    return { encoding, bomLength, reason: 'option' };
  }
  if (bom !== null) return { encoding: bom.encoding, bomLength: bom.length, reason: 'bom' };
  const utf16 = utf16ByNulPattern(head);
  if (utf16 !== null) return { encoding: utf16, bomLength: 0, reason: 'nul-pattern' };
  if (!head.some((b) => b >= 0x80)) return { encoding: 'utf-8', bomLength: 0, reason: 'ascii' };
  if (isValidUtf8Prefix(head)) return { encoding: 'utf-8', bomLength: 0, reason: 'utf-8' };
  return { encoding: 'gb18030', bomLength: 0, reason: 'fallback' };
}

function bomOf(head: Buffer): { encoding: string; length: number } | null {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function utf16ByNulPattern(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(head.length - (head.length % 2), 4096);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // Latin text in UTF-16 has a NUL in nearly every pair; CJK text has few, but tables always
  // carry ASCII delimiters, digits and newlines, so a third is a safe floor.
  if (oddNul > pairs / 3 && evenNul < pairs / 10) return 'utf-16le';
  if (evenNul > pairs / 3 && oddNul < pairs / 10) return 'utf-16be';
  return null;
}

/** True when `bytes` are valid UTF-8, allowing a multi-byte sequence cut off at the end. */
export function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function normaliseEncodingName(name: string): string {
  const lower = name.trim().toLowerCase().replace(/_/g, '-');
  if (lower === 'utf8') return 'utf-8';
  if (lower === 'utf16le' || lower === 'ucs-2' || lower === 'unicode') return 'utf-16le';
  if (lower === 'utf16be') return 'utf-16be';
  return lower;
}

/**
 * Decodes bytes to text chunk by chunk. UTF-8 is decoded strictly: bad bytes are an error naming
 * the line, except that an auto-detected file whose text so far was pure ASCII switches to
 * GB18030 at the first non-UTF-8 byte (an English header over Chinese rows beyond the sample).
 */
export class TextChunkDecoder {
  private readonly fileName: string;
  private readonly forced: boolean;
  private encoding: string;
  private utf8: TextDecoder | null = null;
  private other: ReturnType<typeof iconv.getDecoder> | null = null;
  private asciiSoFar = true;
  /** Trailing non-ASCII bytes held back while the encoding is still undecided. */
  private carry = Buffer.alloc(0);
  private newlines = 0;

  constructor(fileName: string, detected: DetectedEncoding) {
    this.fileName = fileName;
    this.forced = detected.reason === 'option';
    if (!iconv.encodingExists(detected.encoding)) {
      throw importError(fileName, 'encoding', `unknown text encoding "${detected.encoding}"`);
    }
    this.encoding = detected.encoding;
    this.open();
  }

  /** The encoding in use (it may change once from utf-8 to gb18030, see the class comment). */
  get current(): string {
    return this.encoding;
  }

  private open(): void {
    if (this.encoding === 'utf-8') {
      this.utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      this.other = null;
    } else {
      this.other = iconv.getDecoder(this.encoding, { stripBOM: false });
      this.utf8 = null;
    }
  }

  write(chunk: Buffer): string {
    let bytes = chunk;
    let text: string;
    if (this.utf8 !== null) {
      if (this.asciiSoFar && this.carry.length > 0) {
        bytes = Buffer.concat([this.carry, chunk]);
        this.carry = Buffer.alloc(0);
      }
      const firstHigh = this.asciiSoFar ? bytes.findIndex((b) => b >= 0x80) : 0;
      if (this.asciiSoFar && firstHigh === -1) {
        text = bytes.toString('latin1');
      } else if (this.asciiSoFar && firstHigh >= bytes.length - 3) {
        // The first non-ASCII bytes end the chunk: too few to tell UTF-8 from GBK; keep them.
        this.carry = Buffer.from(bytes.subarray(firstHigh));
        text = bytes.subarray(0, firstHigh).toString('latin1');
      } else {
        try {
          text = this.utf8.decode(bytes, { stream: true });
          this.asciiSoFar = false;
        } catch {
          if (this.asciiSoFar && !this.forced) {
            this.encoding = 'gb18030';
            this.open();
            return this.write(bytes);
          }
          const lossy = new TextDecoder('utf-8').decode(bytes);
          const bad = lossy.indexOf('\uFFFD');
          const line = this.newlines + 1 + countNewlines(lossy.slice(0, Math.max(0, bad)));
          throw importError(
            this.fileName,
            'encoding',
            'bytes that are not UTF-8; choose the file\'s encoding (e.g. gb18030 for GBK files from Excel/WPS)',
            line,
          );
        }
      }
    } else {
      text = this.other?.write(bytes) ?? '';
    }
    this.newlines += countNewlines(text);
    return text;
  }

  end(): string {
    if (this.carry.length > 0) {
      // The file ends with the only non-ASCII bytes: UTF-8 if they are, else GB18030.
      const rest = this.carry;
      this.carry = Buffer.alloc(0);
      if (!this.forced && !isValidUtf8Prefix(rest)) {
        this.encoding = 'gb18030';
        this.open();
      }
      this.asciiSoFar = false;
      return (this.utf8 !== null ? this.write(rest) : (this.other?.write(rest) ?? '')) + this.end();
    }
    if (this.utf8 !== null) {
      try {
        return this.utf8.decode();
      } catch {
        throw importError(this.fileName, 'encoding', 'the file ends inside a UTF-8 character', this.newlines + 1);
      }
    }
    return this.other?.end() ?? '';
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Reads up to `bytes` from the start of a file. */
export async function readHead(path: string, bytes = 64 * 1024): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface TextSource {
  /** The encoding decided for the file (may switch once, see TextChunkDecoder). */
  encoding: DetectedEncoding;
  /** Decoded text chunks, in order, without the byte-order mark. */
  chunks: AsyncIterable<string>;
}

/**
 * Opens a file as decoded text: detects the encoding on the first 64 KiB (or uses `override`),
 * skips the BOM, reports bytes read and stops when the signal aborts.
 */
export async function openText(
  path: string,
  fileName: string,
  override: string | undefined,
  signal: AbortSignal,
  progress: (bytesRead: number) => void,
): Promise<TextSource> {
  const head = await readHead(path);
  const encoding = detectEncoding(head, override);
  const decoder = new TextChunkDecoder(fileName, encoding);
  async function* chunks(): AsyncGenerator<string> {
    const stream = fs.createReadStream(path, { start: encoding.bomLength, highWaterMark: 256 * 1024 });
    let read = encoding.bomLength;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        throwIfCancelled(signal, fileName);
        read += chunk.length;
        progress(read);
        const text = decoder.write(chunk);
        if (text !== '') yield text;
      }
      const rest = decoder.end();
      if (rest !== '') yield rest;
    } finally {
      stream.destroy();
    }
  }
  return { encoding, chunks: chunks() };
}

/**
 * Throws the cancellation error when the import was aborted.
 *
 * @example
 * throwIfCancelled(ctx.signal, ctx.fileName);
 */
export function throwIfCancelled(signal: AbortSignal, fileName: string): void {
  if (signal.aborted) throw new HearthError('import_cancelled', `Import of ${fileName} was cancelled`, { file: fileName });
}

/**
 * A short, stable id from parts of a row: the same parts give the same id on every run.
 *
 * @example
 * stableHash(['4', '19970101', '29.33']) // 16 hex characters
 */
export function stableHash(parts: readonly string[]): string {
  return createHash('sha1').update(parts.join('\u001f')).digest('hex').slice(0, 16);
}

/**
 * Gives repeated keys an occurrence suffix: `key`, `key/2`, `key/3`… Stable across re-parses of
 * the same file because it counts in file order.
 */
export class OccurrenceCounter {
  private readonly seen = new Map<string, number>();

  next(key: string): string {
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    return n === 1 ? key : `${key}/${n}`;
  }

  has(key: string): boolean {
    return this.seen.has(key);
  }
}

/** Collects records and hands them out in batches of BATCH_SIZE. */
export class RecordBatcher {
  private items: ImportRecord[] = [];

  push(...records: ImportRecord[]): void {
    for (const r of records) this.items.push(r);
  }

  /** A full batch when one is ready (or everything, with `all`), else null. */
  take(all = false): ImportRecord[] | null {
    if (this.items.length === 0) return null;
    if (!all && this.items.length < BATCH_SIZE) return null;
    const out = this.items;
    this.items = [];
    return out;
  }
}
