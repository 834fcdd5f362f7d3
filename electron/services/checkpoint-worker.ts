/**
 * Worker-thread entry for a background checkpoint (background-checkpoints.ts): opens the
 * workspace file on a connection of its own, copies what the WAL holds back into the file
 * (PASSIVE: it waits for no reader or writer and leaves what it cannot copy for later), and
 * closes. Nothing is lost if it fails or is stopped half way: the WAL stays valid and the next
 * checkpoint copies it.
 */
import { workerData } from 'node:worker_threads';

const { file } = workerData as { file: string };
const { default: Database } = await import('better-sqlite3');
const db = new Database(file, { fileMustExist: true });
try {
  db.pragma('busy_timeout = 1000');
  db.pragma('wal_checkpoint(PASSIVE)');
} finally {
  db.close();
}
