/** Where exports go and how they are written: safe names, and never a half-written file. */
import fs from 'node:fs';
import path from 'node:path';

/**
 * A file name for an export: the workspace's name made safe for every file system (no path
 * separators, reserved characters or leading dots, so a workspace name cannot point elsewhere),
 * what it holds, and the time.
 *
 * @example
 * exportFileName('咖啡/社群', 'members', 'csv', new Date(Date.UTC(2026, 10, 24, 9, 5))) // '咖啡_社群-members-20261124-0905.csv'
 */
export function exportFileName(workspaceName: string, kind: string, ext: string, now: Date): string {
  const safe =
    workspaceName
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
      .replace(/^\.+/, '')
      .slice(0, 80) || 'workspace';
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `${safe}-${kind}-${stamp}.${ext}`;
}

/**
 * Writes `content` to `file` through a temporary file renamed when complete and synced, so a
 * failed or interrupted export never leaves a half file under the final name.
 *
 * @example
 * writeFileAtomic('/exports/calendar.ics', text);
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  try {
    const fd = fs.openSync(partial, 'w');
    try {
      if (typeof content === 'string') fs.writeSync(fd, content);
      else fs.writeSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
