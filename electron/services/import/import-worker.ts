/**
 * Worker-thread entry for one import (run-thread.ts): runs `runImport` with the options it was
 * given and reports progress, the result or the error as messages; a 'cancel' message aborts it.
 * Only node: modules are imported up front, so a failure to load the importer still comes back as
 * an error message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportWorkerInput, ImportWorkerMessage } from './run-thread';

const input = workerData as ImportWorkerInput;
const port = parentPort;
const post = (message: ImportWorkerMessage): void => port?.postMessage(message);
const controller = new AbortController();
port?.on('message', (message: unknown) => {
  if (message === 'cancel') controller.abort();
});

try {
  const [{ runImport }, { toErrorData }] = await Promise.all([import('./run'), import('../../../shared/errors')]);
  post({ type: 'ready' });
  try {
    // The caller's clock, moved on by the time spent here (a test's fixed clock stays fixed at start).
    const offset = input.startedAt - Date.now();
    const result = await runImport(input.workspaceFile, input.source, {
      ...input.options,
      signal: controller.signal,
      now: () => Date.now() + offset,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({ type: 'done', result });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    post({ type: 'error', error: toErrorData(error), ...(typeof code === 'string' ? { errno: code } : {}) });
  }
} catch (error) {
  post({ type: 'error', error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } });
} finally {
  // Nothing keeps the thread alive once the answer is posted (the caller also ends it).
  port?.unref();
}
