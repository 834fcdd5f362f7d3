/**
 * Imports on a worker thread with a capped heap. A parse of a big export allocates far faster
 * than it keeps: V8 lets a busy heap grow to several times its live data before collecting, which
 * took a 1,000,000-message import past 400 MB. In a worker whose old generation is capped the same
 * import collects sooner and stays near its live data, and the services' own thread stays free
 * for the UI's calls. When no worker can be started the import runs on the calling thread.
 */
import { Worker } from 'node:worker_threads';
import { HearthError, type ErrorCode, type HearthErrorData } from '../../../shared/errors';
import { workerEntry, type WorkerEntry } from '../worker-entry';
import { runImport, type ImportProgress, type RunImportOptions, type RunImportResult } from './run';

/** The import worker's old-generation cap: several times what a million-message import keeps. */
export const IMPORT_HEAP_MB = 192;
/** The import worker's young generation: small, so short-lived parse garbage is collected often. */
export const IMPORT_YOUNG_MB = 16;

export interface ImportWorkerInput {
  workspaceFile: string;
  source: string;
  options: Omit<RunImportOptions, 'signal' | 'now' | 'onProgress'>;
  startedAt: number;
}

export type ImportWorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: RunImportResult }
  | { type: 'error'; error: HearthErrorData; errno?: string };

/** The error a worker reported, as the calling thread would have met it. */
function rebuild(message: { error: HearthErrorData; errno?: string }): Error {
  if (message.errno !== undefined && message.error.code === 'internal') {
    return Object.assign(new Error(message.error.message), { code: message.errno });
  }
  return new HearthError(message.error.code as ErrorCode, message.error.message, message.error.details);
}

/**
 * `runImport` on a worker thread (same options, same result and errors).
 *
 * @example
 * await runImportOffThread('/data/acme.hearth', '/exports/general.json', { timeZone: 'Asia/Shanghai', onProblem: 'skip', signal, now: Date.now });
 */
export function runImportOffThread(
  workspaceFile: string,
  source: string,
  options: RunImportOptions,
  /** Told the worker's thread id once it starts (tests check the import left the calling thread). */
  onThread?: (threadId: number) => void,
  /** The worker's entry (tests give one that cannot load). */
  entry: WorkerEntry | null = workerEntry(import.meta.dirname, 'import-worker'),
): Promise<RunImportResult> {
  if (!entry) return runImport(workspaceFile, source, options);
  const { signal, now, onProgress, ...rest } = options;
  const input: ImportWorkerInput = { workspaceFile, source, options: rest, startedAt: now() };
  return new Promise<RunImportResult>((resolve, reject) => {
    const worker = new Worker(entry.script, {
      eval: entry.eval,
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: IMPORT_HEAP_MB, maxYoungGenerationSizeMb: IMPORT_YOUNG_MB },
    });
    onThread?.(worker.threadId);
    let settled = false;
    // Until the worker has loaded the importer, any failure is the worker's own (a packaged app
    // that cannot start it, say): then the import runs here instead.
    let ready = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', cancel);
      outcome();
      void worker.terminate();
    };
    const here = (): void => settle(() => resolve(runImport(workspaceFile, source, options)));
    const cancel = (): void => worker.postMessage('cancel');
    if (signal.aborted) cancel();
    else signal.addEventListener('abort', cancel);
    worker.on('message', (message: ImportWorkerMessage) => {
      if (message.type === 'ready') ready = true;
      else if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'done') settle(() => resolve(message.result));
      else if (!ready) here();
      else settle(() => reject(rebuild(message)));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (!ready) return here();
      // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or a crash: the worker's transaction was never
      // committed, so the workspace is as it was.
      const reason =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `the import needed more than ${IMPORT_HEAP_MB} MB of memory`
          : error.message;
      settle(() =>
        reject(new HearthError('import_invalid', `${source}: ${reason}; nothing was changed`, { file: source })),
      );
    });
    worker.on('exit', (code) => {
      if (!ready) return here();
      settle(() =>
        reject(new HearthError('internal', `The import stopped unexpectedly (exit code ${code}); nothing was changed`)),
      );
    });
  });
}
