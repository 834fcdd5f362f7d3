/** Reads just enough of a file to detect its format, and its SHA-256. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import type { Sample } from './types';

const HEAD_BYTES = 64 * 1024;
const MAX_LISTED_ENTRIES = 10_000;

function zipEntryNames(file: string): Promise<string[]> {
  return new Promise((resolve) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) {
        resolve([]);
        return;
      }
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        if (names.length >= MAX_LISTED_ENTRIES) {
          zip.close();
          resolve(names);
        } else zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', () => resolve(names));
      zip.readEntry();
    });
  });
}

/**
 * The first bytes, folder flag and zip entry names of `target`.
 *
 * @example
 * await readSample('/exports/general.json') // { fileName: 'general.json', head: <Buffer 7b ...>, ... }
 */
export async function readSample(target: string): Promise<Sample> {
  const stat = await fs.promises.stat(target);
  const fileName = path.basename(target);
  if (stat.isDirectory()) {
    const entries = (await fs.promises.readdir(target, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
    return { fileName, head: Buffer.alloc(0), isDirectory: true, zipEntries: entries.slice(0, MAX_LISTED_ENTRIES) };
  }
  const handle = await fs.promises.open(target, 'r');
  try {
    const head = Buffer.alloc(Math.min(HEAD_BYTES, stat.size));
    await handle.read(head, 0, head.length, 0);
    const isZip = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
    return { fileName, head, isDirectory: false, zipEntries: isZip ? await zipEntryNames(target) : [] };
  } finally {
    await handle.close();
  }
}

/**
 * SHA-256 of a file, or of a folder's files (names and contents, in name order).
 *
 * @example
 * await sha256Of('/exports/orders.csv') // 'e3b0c442…'
 */
export async function sha256Of(target: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  const stat = await fs.promises.stat(target);
  const files = stat.isDirectory()
    ? (await fs.promises.readdir(target, { withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort()
    : [null];
  for (const name of files) {
    const file = name === null ? target : path.join(target, name);
    if (name !== null) hash.update(`${name}\0`);
    for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/** Total bytes an import will read: the file, or the files of a folder. */
export async function sizeOf(target: string): Promise<number> {
  const stat = await fs.promises.stat(target);
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of await fs.promises.readdir(target, { withFileTypes: true })) {
    if (entry.isFile()) total += (await fs.promises.stat(path.join(target, entry.name))).size;
  }
  return total;
}
