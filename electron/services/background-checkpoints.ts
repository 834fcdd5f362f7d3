/**
 * Big writes whose commit does not wait for the WAL to be copied back into the file.
 *
 * In WAL mode a commit only appends to the -wal file; SQLite then copies the WAL into the main
 * file (a checkpoint) on the committing thread once the WAL passes 1,000 pages. After a write of a
 * million rows that copy is most of a second (a first recompute at 1M members: 290 MB of WAL,
 * 1.3 s), spent after the work is already safe. Here the connection's automatic checkpoint is
 * held back for the write, and a worker thread with a connection of its own does the copy while
 * the caller goes on. A checkpoint that fails or never runs loses nothing: the WAL stays valid,
 * readers see it, and the connection's next automatic checkpoint (or its close) copies it.
 */
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { workerEntry } from './worker-entry';

/**
 * The checkpoints a session started; closing a workspace waits for them, so no thread still has
 * the file open once its lock is released.
 *
 * @example
 * const checkpoints = new BackgroundCheckpoints();
 * const summary = checkpoints.around(sqlite, () => sqlite.transaction(write)());
 * await checkpoints.settled();
 */
export class BackgroundCheckpoints {
  private readonly pending = new Set<Promise<void>>();

  /**
   * Runs `write` (which commits) without the automatic checkpoint, then checkpoints on a worker
   * thread. Not for an in-memory database or inside an open transaction (nothing is committed
   * then): `write` just runs.
   */
  around<T>(sqlite: BetterSqlite3.Database, write: () => T): T {
    if (sqlite.memory || sqlite.inTransaction) return write();
    const pages = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
    sqlite.pragma('wal_autocheckpoint = 0');
    try {
      return write();
    } finally {
      sqlite.pragma(`wal_autocheckpoint = ${pages}`);
      this.start(sqlite);
    }
  }

  /** Resolves once every checkpoint started so far has finished (or failed). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private start(sqlite: BetterSqlite3.Database): void {
    const entry = workerEntry(import.meta.dirname, 'checkpoint-worker');
    let worker: Worker | null = null;
    try {
      worker = entry
        ? new Worker(entry.script, {
            eval: entry.eval,
            workerData: { file: sqlite.name },
            stdout: false,
            stderr: false,
          })
        : null;
    } catch {
      worker = null;
    }
    if (!worker) {
      // No worker here: checkpoint as SQLite would have at the commit.
      sqlite.pragma('wal_checkpoint(PASSIVE)');
      return;
    }
    const running = worker;
    const done = new Promise<void>((resolve) => {
      // A failed checkpoint leaves the WAL to the next one (see above); nothing to report.
      running.on('error', () => {});
      running.on('exit', () => resolve());
    });
    this.pending.add(done);
    void done.then(() => this.pending.delete(done));
  }
}
