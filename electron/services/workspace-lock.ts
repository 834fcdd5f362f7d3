/**
 * One Hearth at a time per workspace. SQLite's own locking keeps a file consistent when two
 * processes write it, but two apps editing one client's workspace would silently interleave
 * imports, merges and recomputes; so the services take a lock file beside the workspace
 * (`<file>.lock`: pid, host, since) and a second Hearth is refused with `workspace_locked`,
 * naming who holds it. A lock left by a process that died on this machine is taken over; one
 * from another machine (a shared folder) is reported, since only its owner can tell it is stale.
 */
import fs from 'node:fs';
import os from 'node:os';
import { z } from 'zod';
import { HearthError } from '../../shared/errors';

const lockSchema = z.object({ pid: z.number().int(), host: z.string(), since: z.number() });
type LockInfo = z.output<typeof lockSchema>;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(lock: string): LockInfo | null {
  try {
    const parsed = lockSchema.safeParse(JSON.parse(fs.readFileSync(lock, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A held workspace lock; `release` removes the file if it is still ours. */
export interface WorkspaceLock {
  release(): void;
}

/**
 * Takes the lock for `file`, or throws `workspace_locked` when another live Hearth holds it.
 *
 * @example
 * const lock = lockWorkspace('/data/咖啡.hearth', Date.now()); … lock.release();
 */
export function lockWorkspace(file: string, now: number): WorkspaceLock {
  const lock = `${file}.lock`;
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), since: now };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      fs.writeFileSync(lock, JSON.stringify(mine), { flag: 'wx' });
      return {
        release: () => {
          const held = readLock(lock);
          if (held && held.pid === mine.pid && held.host === mine.host) fs.rmSync(lock, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(lock);
    const stale = holder === null || (holder.host === mine.host && !alive(holder.pid));
    if (!stale) {
      throw new HearthError(
        'workspace_locked',
        `${file} is open in another Hearth (process ${holder.pid} on ${holder.host} since ${new Date(holder.since).toISOString()}). ` +
          `Close it there; if that Hearth is gone, delete ${lock}.`,
        { file, pid: holder.pid, host: holder.host, since: holder.since },
      );
    }
    fs.rmSync(lock, { force: true });
  }
  throw new HearthError('workspace_locked', `${file} is being opened by another Hearth right now; try again`, { file });
}
