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
import { workerEntry, type WorkerEntry } from './worker-entry';

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
  /** The checkpoints, one after another: one started while another runs would find the WAL busy and copy nothing. */
  private queue: Promise<void> = Promise.resolve();

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
    let last: Promise<void>;
    do {
      last = this.queue;
      await last;
    } while (last !== this.queue);
  }

  private start(sqlite: BetterSqlite3.Database): void {
    const entry = workerEntry(import.meta.dirname, 'checkpoint-worker');
    if (!entry) {
      // No worker here: checkpoint as SQLite would have at the commit.
      sqlite.pragma('wal_checkpoint(PASSIVE)');
      return;
    }
    const file = sqlite.name;
    this.queue = this.queue.then(() => checkpointOnWorker(entry, file));
  }
}

/** Runs the checkpoint worker on `file`; resolves when it has exited, however it ended. */
function checkpointOnWorker(entry: WorkerEntry, file: string): Promise<void> {
  return new Promise<void>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(entry.script, { eval: entry.eval, workerData: { file }, stdout: false, stderr: false });
    } catch {
      // The WAL stays for the connection's next automatic checkpoint (see above).
      resolve();
      return;
    }
    // A failed checkpoint leaves the WAL to the next one (see above); nothing to report.
    worker.on('error', () => {});
    worker.on('exit', () => resolve());
  });
}
