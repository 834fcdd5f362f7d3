/**
 * Worker-thread entry for a big recompute's side scores (side-scores.ts): opens the workspace
 * read-only, computes, and hands the typed arrays back over the port it was given. The flag
 * tells the waiting thread how far it got (1 loaded, 2 done), so it can block without an event
 * loop (Atomics.wait) and still notice a worker that never started.
 *
 * Only node: modules are imported up front: the flag is raised before anything that could fail
 * to load, and any failure after it is reported as a message.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { ChurnOptions } from './churn';

interface Input {
  file: string;
  churn: ChurnOptions;
  port: MessagePort;
  flag: Int32Array;
}

const { file, churn, port, flag } = workerData as Input;
Atomics.store(flag, 0, 1);
Atomics.notify(flag, 0);
try {
  const [{ default: Database }, { sideScores, sideScoreBuffers }] = await Promise.all([
    import('better-sqlite3'),
    import('./side-scores'),
  ]);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const scores = db.transaction(() => sideScores(db, churn))();
    port.postMessage({ scores }, sideScoreBuffers(scores));
  } finally {
    db.close();
  }
} catch (error) {
  port.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  // The port stays open: closing it could drop the message before the other side reads it.
  Atomics.store(flag, 0, 2);
  Atomics.notify(flag, 0);
}
