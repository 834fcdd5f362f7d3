/**
 * A minimal hand-written zip writer for fuzz inputs that yazl refuses to make: entry names with
 * `..`, absolute or drive paths, and sizes that lie. Only what a zip reader needs: a local header
 * and data per entry, a central directory and its end record (no zip64, no data descriptors).
 */
import zlib from 'node:zlib';

export interface RawZipEntry {
  /** Written byte for byte (UTF-8), whatever it contains. */
  name: string;
  /** Already compressed when `method` is 8 (deflate); stored as is when 0. */
  data: Buffer;
  method: 0 | 8;
  crc32: number;
  /** The true uncompressed size. */
  size: number;
  /** The size written in the headers, when it should lie (defaults to `size`). */
  declaredSize?: number;
}

/** An entry from plain bytes, deflated. */
export function deflatedEntry(name: string, content: Buffer | string): RawZipEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return { name, data: zlib.deflateRawSync(bytes), method: 8, crc32: zlib.crc32(bytes), size: bytes.length };
}

/**
 * A deflate stream of `mib` MiB of zeros, built without compressing them all: one MiB compressed
 * and ended with a full flush (byte-aligned, no references back), repeated, then an empty final
 * block. About 1 KiB of output per MiB, the ~1000:1 ratio a real bomb has.
 */
export function zeroBombEntry(name: string, mib: number, declaredSize?: number): RawZipEntry {
  const block = Buffer.alloc(1024 * 1024);
  const piece = zlib.deflateRawSync(block, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const pieces: Buffer[] = [];
  let crc = 0;
  for (let i = 0; i < mib; i++) {
    pieces.push(piece);
    crc = zlib.crc32(block, crc);
  }
  pieces.push(zlib.deflateRawSync(Buffer.alloc(0)));
  const entry: RawZipEntry = { name, data: Buffer.concat(pieces), method: 8, crc32: crc, size: mib * 1024 * 1024 };
  return declaredSize === undefined ? entry : { ...entry, declaredSize };
}

/** The bytes of a zip archive holding `entries` in order. */
export function zipBytes(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // flags: names are UTF-8
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x5c65, 12); // date 2026-03-05
    local.writeUInt32LE(e.crc32 >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, e.data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6); // needed
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5c65, 14);
    central.writeUInt32LE(e.crc32 >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk, internal and external attributes: all zero
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
