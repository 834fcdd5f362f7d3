/**
 * Reading an untrusted zip archive (a Slack export, a Stack Exchange dump someone zipped) with
 * yauzl, entries listed first and read lazily, nothing ever written to disk. Refused before
 * anything is yielded: an empty or non-zip file, an entry whose path is absolute or climbs out
 * with `..` (zip slip), more entries than allowed, more uncompressed bytes in all than allowed, or
 * an entry over 1 MiB that inflates more than maxRatio:1 (deflate tops out near 1030:1, which only
 * a bomb reaches; real JSON stays under ~50:1, XML ~5–20:1). Reading an entry refuses one that is
 * too big on its own or encrypted. yauzl checks every entry's real size against the declared one.
 * Errors name the archive and the entry.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { importError } from '../errors';

export interface ZipLimits {
  maxEntries: number;
  /** Largest uncompressed entry we will read. */
  maxEntryBytes: number;
  /** Largest uncompressed total of all the entries. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio for an entry over 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 4 * 1024 ** 3,
  maxTotalBytes: 4 * 1024 ** 3,
  maxRatio: 200,
};

/** Entries smaller than this are never called bombs, whatever their ratio. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

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
 * unsafeEntryName('general/2024-03-13.json') // null
 */
export function unsafeEntryName(name: string): string | null {
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'an absolute path';
  if (name.split('/').includes('..')) return 'a ".." segment';
  if (name.includes('\u0000')) return 'a NUL character';
  if (name.includes('\\')) return 'a backslash';
  return null;
}

/** An opened zip whose entry list has been read and checked. */
export class SafeZip {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly fileName: string,
    private readonly limits: ZipLimits,
    /** The file entries (folders left out), in archive order. */
    readonly entries: readonly SafeEntry[],
  ) {}

  /**
   * Opens `path` and reads its central directory, refusing unsafe archives with an import error
   * naming `fileName`. Limits not given keep their DEFAULT_ZIP_LIMITS value.
   *
   * @example
   * const zip = await SafeZip.open(ctx.path, ctx.fileName);
   * try { for (const e of zip.entries) for await (const bytes of zip.read(e)) … } finally { zip.close(); }
   */
  static async open(path: string, fileName: string, limits: Partial<ZipLimits> = {}): Promise<SafeZip> {
    const checked: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
    const stat = await fs.promises.stat(path);
    if (stat.size === 0) throw importError(fileName, 'zip', 'the file is empty (0 bytes); expected a zip archive');
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      // decodeStrings off: we decode and check names ourselves, to name the bad entry in the error.
      yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (error, opened) => {
        if (error !== null) reject(importError(fileName, 'zip', `not a zip archive (${error.message})`));
        else resolve(opened);
      });
    });
    try {
      if (zip.entryCount > checked.maxEntries) {
        throw importError(fileName, 'zip', `refused: ${zip.entryCount} entries; more than the ${checked.maxEntries} allowed`);
      }
      const entries = await listEntries(zip, fileName, checked);
      return new SafeZip(zip, fileName, checked, entries);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  /** The bytes of one entry, after checking its declared size against the limits. */
  async *read(e: SafeEntry): AsyncGenerator<Buffer> {
    const { entry, name } = e;
    if (entry.uncompressedSize > this.limits.maxEntryBytes) {
      throw importError(this.fileName, name, `refused: uncompressed size ${entry.uncompressedSize} bytes is over the limit (${this.limits.maxEntryBytes})`);
    }
    if (entry.isEncrypted()) throw importError(this.fileName, name, 'encrypted entries are not supported');
    const cannotRead = (error: unknown): Error =>
      importError(this.fileName, name, `cannot read this entry (${error instanceof Error ? error.message : String(error)})`);
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      throw cannotRead(error);
    }
    try {
      for await (const chunk of stream) {
        if (Buffer.isBuffer(chunk)) yield chunk;
      }
    } catch (error) {
      throw cannotRead(error);
    } finally {
      stream.destroy();
    }
  }

  /** Closes the archive; call it in a `finally`. */
  close(): void {
    this.zip.close();
  }
}

function listEntries(zip: yauzl.ZipFile, fileName: string, limits: ZipLimits): Promise<SafeEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: SafeEntry[] = [];
    let total = 0;
    const fail = (field: string, message: string): void => {
      zip.removeAllListeners('entry');
      reject(importError(fileName, field, message));
    };
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      const unsafe = unsafeEntryName(name);
      if (unsafe === 'an absolute path' || unsafe === 'a ".." segment') {
        return fail(name, 'refused: the entry path is absolute or leaves the archive (zip slip)');
      }
      if (unsafe !== null) return fail(name, `refused: the entry path has ${unsafe}`);
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) {
        return fail('zip', `refused: the entries add up to more than ${limits.maxTotalBytes} bytes uncompressed (zip bomb?)`);
      }
      if (entry.uncompressedSize > RATIO_FLOOR_BYTES && entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)) {
        const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
        return fail(name, `refused: compression ratio ${ratio}:1 looks like a zip bomb`);
      }
      if (!name.endsWith('/')) entries.push({ name, entry });
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (error: Error) => reject(importError(fileName, 'zip', `not a readable zip archive (${error.message})`)));
    zip.readEntry();
  });
}
