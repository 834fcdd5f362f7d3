import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const mounted: string[] = [];

/**
 * A size-limited folder: a fresh tmpfs of `bytes`, unmounted after the current test. Returns the
 * reason instead when this machine cannot mount one (not root, or in a container without
 * CAP_SYS_ADMIN), so the test can skip saying why. A real full disk, not an injected error.
 */
export function smallDisk(bytes: number): { dir: string } | { skip: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-full-'));
  const kib = Math.ceil(bytes / 1024);
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k,mode=0777`, 'tmpfs', dir], {
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    fs.rmdirSync(dir);
    const why = result.error ? result.error.message : result.stderr.trim();
    return { skip: `cannot mount a ${kib} KiB tmpfs here (${why || `exit ${String(result.status)}`}); needs root` };
  }
  mounted.push(dir);
  return { dir };
}

afterEach(() => {
  for (const dir of mounted.splice(0)) {
    const result = spawnSync('umount', [dir], { encoding: 'utf8' });
    if (result.status !== 0) {
      // Busy: this process still holds a file there (a connection left open). Detach it so the
      // mount does not outlive the run, and fail the test: that is a leak worth knowing about.
      spawnSync('umount', ['-l', dir]);
      throw new Error(`umount ${dir} failed (a file there is still open?): ${result.stderr.trim()}`);
    }
    fs.rmdirSync(dir);
  }
});
