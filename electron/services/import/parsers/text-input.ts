/**
 * Reading a file (or a zip entry) as text, in chunks, whatever its encoding: detection on the
 * first 64 KiB (BOM, BOM-less UTF-16 by its NUL bytes, UTF-8, else GB18030) or the user's
 * `encoding` option, strict decoding that names the line of bad bytes, progress in bytes read and
 * a cancellation check once per chunk. Shared by every text format: chat exports, tables, forums.
 */
import fs from 'node:fs';
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import type { ParseContext } from '../types';
import { importError } from '../errors';
import { throwIfCancelled } from './cancel';

/** Bytes the encoding is decided on. */
const HEAD_BYTES = 64 * 1024;
/** Bytes read from a file at a time: one progress report and one cancellation check each. */
const CHUNK_BYTES = 256 * 1024;

export interface DetectedEncoding {
  /** An iconv-lite name: utf-8, utf-16le, utf-16be or gb18030 (or the user's override). */
  encoding: string;
  /** Bytes of byte-order mark at the start of the file. */
  bomLength: number;
  /** How it was decided, for the preview ("BOM", "NUL pattern", "valid UTF-8", "fallback", "option"). */
  reason: 'bom' | 'nul-pattern' | 'utf-8' | 'ascii' | 'fallback' | 'option';
}

/**
 * Guesses the text encoding of a file from its first bytes: the user's override wins (a BOM of
 * the same family is still skipped); then a BOM; then UTF-16 without BOM (every other byte NUL in
 * mostly-ASCII text); then UTF-8 if the bytes are valid UTF-8; else GB18030, a superset of
 * GBK/GB2312 — what Excel and WPS write for "CSV" on Chinese Windows.
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
  // Latin text in UTF-16 has a NUL in nearly every pair; CJK text has few, but tables and chat
  // exports always carry ASCII delimiters, digits and newlines, so a third is a safe floor.
  if (oddNul > pairs / 3 && evenNul < pairs / 10) return 'utf-16le';
  if (evenNul > pairs / 3 && oddNul < pairs / 10) return 'utf-16be';
  return null;
}

/** True when `bytes` are valid UTF-8, allowing a multi-byte sequence cut off at the end. */
function isValidUtf8Prefix(bytes: Uint8Array): boolean {
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
 * The first bytes of a file as text, for format detection and previews: the encoding as
 * detectEncoding decides it, the BOM left out, a character cut at the end of the sample dropped.
 *
 * @example
 * decodeHead(Buffer.from('\uFEFFhello')) // { encoding: { encoding: 'utf-8', bomLength: 3, reason: 'bom' }, text: 'hello' }
 */
export function decodeHead(head: Buffer, override?: string): { encoding: DetectedEncoding; text: string } {
  const encoding = detectEncoding(head, override);
  const body = head.subarray(encoding.bomLength);
  const text = iconv.encodingExists(encoding.encoding) ? iconv.decode(body, encoding.encoding, { stripBOM: false }) : body.toString('latin1');
  return { encoding, text: text.endsWith('\uFFFD') ? text.slice(0, -1) : text };
}

/**
 * The text of a sample's head, for a parser's `detect`.
 *
 * @example
 * sampleText(sample.head).split(/\r?\n/, 1)[0] // the first line, whatever the encoding
 */
export function sampleText(head: Buffer): string {
  return decodeHead(head).text;
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

/**
 * Reads up to `bytes` from the start of a file.
 *
 * @example
 * (await readHead('/exports/orders.xlsx', 4)).readUInt32BE(0) === 0x504b0304 // a zip (xlsx)
 */
export async function readHead(path: string, bytes = HEAD_BYTES): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface DecodeOptions {
  /** The name used in messages. */
  fileName: string;
  /** Encoding override from the import options. */
  encoding?: string;
  signal: AbortSignal;
  /** Called with the bytes read so far after each chunk. */
  onBytes?: (bytesRead: number) => void;
  /** Hears the encoding once it is decided, before the first text is yielded. */
  onEncoding?: (encoding: DetectedEncoding) => void;
}

/**
 * Decodes a byte stream into text chunks: the encoding is decided on its first 64 KiB (or taken
 * from `options.encoding`), the BOM is left out, the signal is checked before each chunk.
 *
 * @example
 * for await (const text of decodeText(zip.read(entry), { fileName: ctx.fileName, signal: ctx.signal })) …
 */
export async function* decodeText(source: AsyncIterable<Buffer>, options: DecodeOptions): AsyncGenerator<string> {
  let decoder: TextChunkDecoder | null = null;
  let head: Buffer[] = [];
  let headBytes = 0;
  let bytes = 0;
  for await (const chunk of source) {
    throwIfCancelled(options);
    bytes += chunk.length;
    options.onBytes?.(bytes);
    let text: string;
    if (decoder !== null) {
      text = decoder.write(chunk);
    } else {
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes < HEAD_BYTES) continue;
      ({ decoder, text } = startDecoding(Buffer.concat(head), options));
      head = [];
    }
    if (text !== '') yield text;
  }
  if (decoder === null) {
    const started = startDecoding(Buffer.concat(head), options);
    decoder = started.decoder;
    if (started.text !== '') yield started.text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

function startDecoding(head: Buffer, options: DecodeOptions): { decoder: TextChunkDecoder; text: string } {
  const detected = detectEncoding(head.subarray(0, HEAD_BYTES), options.encoding);
  options.onEncoding?.(detected);
  const decoder = new TextChunkDecoder(options.fileName, detected);
  return { decoder, text: decoder.write(head.subarray(detected.bomLength)) };
}

/**
 * The file of an import as decoded text chunks, reporting progress and honouring cancellation;
 * `onEncoding` hears the encoding before the first chunk.
 *
 * @example
 * for await (const lines of readLines(readTextFile(ctx), ctx.fileName)) …
 */
export function readTextFile(ctx: ParseContext, onEncoding?: (encoding: DetectedEncoding) => void): AsyncGenerator<string> {
  const stream = fs.createReadStream(ctx.path, { highWaterMark: CHUNK_BYTES });
  return decodeText(stream, {
    fileName: ctx.fileName,
    encoding: ctx.options.encoding,
    signal: ctx.signal,
    onBytes: (n) => ctx.progress(n),
    onEncoding,
  });
}
