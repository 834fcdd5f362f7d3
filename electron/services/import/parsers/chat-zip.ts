/**
 * Reading a zip archive defensively (yauzl, entries read lazily). Refused before anything is
 * yielded: an empty or non-zip file, an entry whose path is absolute or climbs out with `..`
 * (zip slip), more than 200k entries, more than 4 GiB uncompressed in all, or an entry that
 * inflates more than 500:1 (deflate tops out near 1030:1, which only a bomb reaches; real JSON
 * stays under ~50:1). yauzl checks every entry's real size against the declared one.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { importError } from '../errors';

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 200_000,
  maxTotalBytes: 4 * 1024 ** 3,
  maxRatio: 500,
};

/** Entries smaller than this are never called bombs, whatever their ratio. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/** yauzl's own path checks; the name follows the colon. */
const UNSAFE_NAME = /^(?:invalid relative path|absolute path|invalid characters in fileName): (.*)$/;

export function isUnsafeEntryName(name: string): boolean {
  return (
    name.includes('\u0000') ||
    name.includes('\\') ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').includes('..')
  );
}

export class SafeZip {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: readonly yauzl.Entry[],
    private readonly fileName: string,
  ) {}

  /** Opens `file` and lists its entries, refusing unsafe archives with an import error. */
  static async open(file: string, fileName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<SafeZip> {
    const stat = await fs.promises.stat(file);
    if (stat.size === 0) throw importError(fileName, 'zip', 'the file is empty (0 bytes); expected a zip archive');
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, opened) => {
        if (error || !opened) reject(importError(fileName, 'zip', `not a zip archive (${error?.message ?? 'unreadable'})`));
        else resolve(opened);
      });
    });
    try {
      const entries = await listEntries(zip, fileName, limits);
      return new SafeZip(zip, entries, fileName);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  /** The bytes of one entry. */
  async *read(entry: yauzl.Entry): AsyncGenerator<Buffer> {
    const stream = await new Promise<Readable>((resolve, reject) => {
      this.zip.openReadStream(entry, (error, s) => {
        if (error || !s) reject(importError(this.fileName, entry.fileName, `cannot read this entry (${error?.message ?? 'unknown error'})`));
        else resolve(s);
      });
    });
    try {
      for await (const chunk of stream) {
        if (Buffer.isBuffer(chunk)) yield chunk;
      }
    } catch (error) {
      throw importError(this.fileName, entry.fileName, `cannot read this entry (${error instanceof Error ? error.message : String(error)})`);
    } finally {
      stream.destroy();
    }
  }

  close(): void {
    this.zip.close();
  }
}

function listEntries(zip: yauzl.ZipFile, fileName: string, limits: ZipLimits): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    let total = 0;
    const fail = (field: string, message: string): void => {
      zip.removeAllListeners('entry');
      reject(importError(fileName, field, message));
    };
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName;
      if (isUnsafeEntryName(name)) return fail(name, 'refused: the entry path is absolute or leaves the archive (zip slip)');
      if (entries.length + 1 > limits.maxEntries) return fail('zip', `refused: more than ${limits.maxEntries} entries`);
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) {
        return fail('zip', `refused: more than ${Math.round(limits.maxTotalBytes / 1024 ** 3)} GiB uncompressed (zip bomb?)`);
      }
      if (entry.uncompressedSize > RATIO_FLOOR_BYTES && entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)) {
        const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
        return fail(name, `refused: compression ratio ${ratio}:1 looks like a zip bomb`);
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (error: Error) => {
      const unsafe = UNSAFE_NAME.exec(error.message);
      if (unsafe) reject(importError(fileName, unsafe[1] ?? 'zip', 'refused: the entry path is absolute or leaves the archive (zip slip)'));
      else reject(importError(fileName, 'zip', `not a readable zip archive (${error.message})`));
    });
    zip.readEntry();
  });
}
