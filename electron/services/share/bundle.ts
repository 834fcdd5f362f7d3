/**
 * Share bundles on disk: safe folder names, a dated bundle name that never overwrites an older
 * one, building in a hidden temporary folder inside the share and renaming it into place (a
 * rename within one folder is atomic on every file system a share lives on, so a reader never
 * sees half a bundle), and the manifest with each file's size and SHA-256.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HearthError } from '../../../shared/errors';
import { manifestSchema, type Manifest } from '../../../shared/share';

export const MANIFEST = 'manifest.json';
const TEMP_PREFIX = '.hearth-publishing-';
/** A temporary folder older than this was left by a publish that died; it is cleaned up. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * A folder name from a workspace name: no separators, reserved characters, leading dots or
 * trailing dots and spaces, so a name like `../../etc` stays one harmless folder in the share.
 *
 * @example
 * safeFolderName('../咖啡/社群:') // '_咖啡_社群_'
 */
export function safeFolderName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .slice(0, 80);
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned) || cleaned === '' ? `_${cleaned}` : cleaned;
}

/**
 * The bundle folder's name for an instant, in the workspace's local time: YYYY-MM-DD_HHmm.
 *
 * @example
 * bundleStamp('2026-11-24T16:05') // '2026-11-24_1605'
 */
export function bundleStamp(localTime: string): string {
  return `${localTime.slice(0, 10)}_${localTime.slice(11, 13)}${localTime.slice(14, 16)}`;
}

/**
 * SHA-256 of a file, read in chunks.
 *
 * @example
 * sha256File('/share/x/report.pdf') // '9f86d0…'
 */
export function sha256File(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let n = fs.readSync(fd, buffer); n > 0; n = fs.readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Makes a temporary folder inside `parent` for a bundle under construction, after removing any
 * left by publishes that died long ago.
 *
 * @example
 * const temp = startBundle('/share/咖啡社群', Date.now());
 */
export function startBundle(parent: string, now: number): string {
  fs.mkdirSync(parent, { recursive: true });
  for (const entry of fs.readdirSync(parent)) {
    if (!entry.startsWith(TEMP_PREFIX)) continue;
    const full = path.join(parent, entry);
    if (now - fs.statSync(full).mtimeMs > STALE_TEMP_MS) fs.rmSync(full, { recursive: true, force: true });
  }
  return fs.mkdtempSync(path.join(parent, TEMP_PREFIX));
}

/**
 * Writes the manifest (last, after every file is complete) and renames the temporary folder to
 * its final name; `name_2`, `name_3`… if a bundle of that minute exists. Returns the final path.
 *
 * @example
 * finishBundle(temp, '/share/咖啡社群', '2026-11-24_1605', manifest)
 */
export function finishBundle(
  temp: string,
  parent: string,
  name: string,
  manifest: Omit<Manifest, 'files'>,
): { bundle: string; manifest: Manifest } {
  const files = fs
    .readdirSync(temp)
    .filter((f) => f !== MANIFEST)
    .sort()
    .map((f) => ({ name: f, size: fs.statSync(path.join(temp, f)).size, sha256: sha256File(path.join(temp, f)) }));
  const complete: Manifest = { ...manifest, files };
  const manifestPath = path.join(temp, MANIFEST);
  fs.writeFileSync(manifestPath, `${JSON.stringify(complete, null, 2)}\n`);
  const fd = fs.openSync(manifestPath, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  for (let i = 1; ; i += 1) {
    const bundle = path.join(parent, i === 1 ? name : `${name}_${i}`);
    if (fs.existsSync(bundle)) continue;
    try {
      fs.renameSync(temp, bundle);
      return { bundle, manifest: complete };
    } catch (error) {
      // Another publisher took the name between the check and the rename: try the next one.
      if (fs.existsSync(bundle) && i < 100) continue;
      throw error;
    }
  }
}

/**
 * Reads and checks a bundle: the manifest parses, every file it lists exists inside the bundle
 * with its size and SHA-256, and nothing unlisted pretends to be part of it. Throws
 * `bundle_invalid` naming the first file that fails.
 *
 * @example
 * verifyBundle('/share/咖啡社群/2026-11-24_1605').files.length // 8
 */
export function verifyBundle(bundle: string): Manifest {
  const manifestPath = path.join(bundle, MANIFEST);
  if (!fs.existsSync(manifestPath)) {
    throw new HearthError(
      'bundle_invalid',
      `${bundle} has no ${MANIFEST}: not a Hearth bundle, or not fully synced yet`,
      { file: MANIFEST },
    );
  }
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(manifestPath, 'utf8')));
  } catch {
    throw new HearthError('bundle_invalid', `${MANIFEST} in ${bundle} is not a valid Hearth manifest`, {
      file: MANIFEST,
    });
  }
  for (const entry of manifest.files) {
    // A manifest can only name files directly inside the bundle.
    if (entry.name !== path.basename(entry.name) || entry.name === MANIFEST || entry.name.startsWith('.')) {
      throw new HearthError('bundle_invalid', `${MANIFEST} names a file outside the bundle: ${entry.name}`, {
        file: entry.name,
      });
    }
    const file = path.join(bundle, entry.name);
    if (!fs.existsSync(file))
      throw new HearthError('bundle_invalid', `${entry.name} is missing from the bundle`, { file: entry.name });
    if (fs.statSync(file).size !== entry.size || sha256File(file) !== entry.sha256) {
      throw new HearthError('bundle_invalid', `${entry.name} does not match the manifest (changed or incomplete)`, {
        file: entry.name,
      });
    }
  }
  return manifest;
}
