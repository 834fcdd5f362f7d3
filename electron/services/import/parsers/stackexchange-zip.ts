/**
 * Reading entries of an untrusted zip (a Stack Exchange dump someone zipped): entry names are
 * checked before anything is read (no absolute paths, no `..`), and entry count, sizes and
 * compression ratio are capped so a zip bomb fails fast with a clear error instead of filling
 * memory or disk. Nothing is ever written to disk; entries are streamed.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { importError } from '../errors';

export interface ZipLimits {
  maxEntries: number;
  /** Largest uncompressed entry we will read. */
  maxEntryBytes: number;
  /** Largest uncompressed total of the entries we read. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio for an entry over 1 MiB (XML deflates ~5–20×). */
  maxRatio: number;
}

export const defaultZipLimits: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 4 * 1024 ** 3,
  maxTotalBytes: 8 * 1024 ** 3,
  maxRatio: 200,
};

export interface SafeEntry {
  /** The entry's path inside the zip, with forward slashes. */
  name: string;
  entry: yauzl.Entry;
}

/**
 * Why an entry name is unsafe to use, or null when it is fine.
 *
 * @example
 * unsafeEntryName('../x') // 'a ".." segment'
 */
export function unsafeEntryName(name: string): string | null {
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'an absolute path';
  if (name.split('/').includes('..')) return 'a ".." segment';
  if (name.includes('\u0000')) return 'a NUL character';
  return null;
}

/** An opened zip whose entry list has been read and checked. */
export class SafeZip {
  private readonly zip: yauzl.ZipFile;
  private readonly fileName: string;
  private readonly limits: ZipLimits;
  private readBytes = 0;
  readonly entries: SafeEntry[];

  private constructor(zip: yauzl.ZipFile, fileName: string, limits: ZipLimits, entries: SafeEntry[]) {
    this.zip = zip;
    this.fileName = fileName;
    this.limits = limits;
    this.entries = entries;
  }

  /** Opens `path` and reads its central directory; every entry name is validated. */
  static async open(path: string, fileName: string, limits: ZipLimits = defaultZipLimits): Promise<SafeZip> {
    const stat = await fs.promises.stat(path);
    if (stat.size === 0) throw importError(fileName, 'zip', 'the file is empty (0 bytes), not a zip archive');
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      // decodeStrings off: we decode and check names ourselves, to name the bad entry in the error.
      yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (error, z) => {
        if (error !== null) reject(importError(fileName, 'zip', `not a readable zip archive (${error.message})`));
        else resolve(z);
      });
    });
    try {
      if (zip.entryCount > limits.maxEntries) {
        throw importError(fileName, 'zip', `${zip.entryCount} entries; more than the ${limits.maxEntries} allowed`);
      }
      const entries = await readEntries(zip, fileName);
      return new SafeZip(zip, fileName, limits, entries);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  /** Streams one entry after checking its declared sizes against the limits. */
  async openEntry(e: SafeEntry): Promise<Readable> {
    const { entry, name } = e;
    const field = `entry ${name}`;
    if (entry.uncompressedSize > this.limits.maxEntryBytes) {
      throw importError(this.fileName, field, `uncompressed size ${entry.uncompressedSize} bytes is over the limit (${this.limits.maxEntryBytes})`);
    }
    if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize / Math.max(1, entry.compressedSize) > this.limits.maxRatio) {
      throw importError(this.fileName, field, `compression ratio over ${this.limits.maxRatio}:1; refusing a likely zip bomb`);
    }
    this.readBytes += entry.uncompressedSize;
    if (this.readBytes > this.limits.maxTotalBytes) {
      throw importError(this.fileName, field, `the entries add up to more than ${this.limits.maxTotalBytes} bytes uncompressed`);
    }
    if (entry.isEncrypted()) throw importError(this.fileName, field, 'encrypted entries are not supported');
    try {
      return await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw importError(this.fileName, field, `cannot read the entry (${message})`);
    }
  }

  close(): void {
    this.zip.close();
  }
}

function readEntries(zip: yauzl.ZipFile, fileName: string): Promise<SafeEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: SafeEntry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      const unsafe = unsafeEntryName(name);
      if (unsafe !== null) {
        reject(importError(fileName, `entry ${name}`, `unsafe path in the zip (${unsafe}); refusing the archive`));
        return;
      }
      if (!name.endsWith('/')) entries.push({ name, entry });
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(importError(fileName, 'zip', `not a readable zip archive (${error.message})`)));
    zip.readEntry();
  });
}
