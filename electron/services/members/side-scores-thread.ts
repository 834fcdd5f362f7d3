/**
 * Side scores (side-scores.ts) on a worker thread, for a recompute that stays synchronous: the
 * worker starts, the caller goes on with its own reads, and `take()` blocks (Atomics.wait) until
 * the worker's typed arrays arrive, then receives them without an event loop
 * (receiveMessageOnPort). Whenever a worker cannot be used or does not deliver, the same
 * function runs on the calling thread: the result is the same, only slower.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { workerEntry } from '../worker-entry';
import type { ChurnOptions } from './churn';
import { sideScores, type SideScores } from './side-scores';

/** How long a worker may take to load before the calling thread computes the scores itself. */
const LOAD_TIMEOUT_MS = 10_000;

export interface PendingSideScores {
  /** The scores, waiting for the worker when it is still busy, and where they were computed. */
  take(): { scores: SideScores; thread: 'worker' | 'caller' };
}

/**
 * Starts computing side scores on a worker thread when `threaded` and the connection allows it
 * (a file, no open transaction whose writes the worker could not see); otherwise `take()`
 * computes them on the calling thread.
 *
 * @example
 * const pending = startSideScores(sqlite, churnOptions, true);
 * const population = memberPopulation(sqlite, params); // meanwhile
 * const { rfm, reach, churn } = pending.take();
 */
export function startSideScores(
  sqlite: BetterSqlite3.Database,
  churn: ChurnOptions,
  threaded: boolean,
): PendingSideScores {
  const here = (): { scores: SideScores; thread: 'caller' } => ({
    scores: sideScores(sqlite, churn),
    thread: 'caller',
  });
  const entry =
    threaded && !sqlite.memory && !sqlite.inTransaction ? workerEntry(import.meta.dirname, 'recompute-worker') : null;
  if (!entry) return { take: here };

  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(entry.script, {
      eval: entry.eval,
      workerData: { file: sqlite.name, churn, port: port2, flag },
      transferList: [port2],
      stdout: false,
      stderr: false,
    });
  } catch {
    port1.close();
    return { take: here };
  }
  // Errors come back as messages; an unhandled 'error' event must not take the process down.
  worker.on('error', () => {});
  return {
    take() {
      try {
        if (Atomics.wait(flag, 0, 0, LOAD_TIMEOUT_MS) === 'timed-out') return here();
        Atomics.wait(flag, 0, 1);
        const received = receiveMessageOnPort(port1)?.message as { scores?: SideScores; error?: string } | undefined;
        return received?.scores ? { scores: received.scores, thread: 'worker' } : here();
      } finally {
        port1.close();
        void worker.terminate();
      }
    },
  };
}
