/** Import handlers: preview, run (with progress and cancel), batch history and undo. */
import path from 'node:path';
import { listBatches, undoBatch } from '../../../db/queries/batches';
import { HearthError } from '../../../shared/errors';
import type { ImportRequest } from '../../../shared/import';
import type { Handlers } from '../router';
import { asImportError } from './errors';
import { previewImport } from './preview';
import { runImportOffThread } from './run-thread';
import { recomputeNow } from '../members/handlers';
import { detectFormat } from './registry';
import { rememberMapping, withRememberedMapping } from './remembered';
import { readSample } from './sample';
import type { ImportOptions } from './types';

function parseOptions(request: ImportRequest, timeZone: string): ImportOptions {
  return {
    timeZone,
    ...(request.map ? { map: request.map } : {}),
    ...(request.dateFormat ? { dateFormat: request.dateFormat } : {}),
    ...(request.encoding ? { encoding: request.encoding } : {}),
    ...(request.source ? { source: request.source } : {}),
  };
}

export const importHandlers: Handlers = {
  'import/preview': async (input, ctx) => {
    const summary = ctx.session.summary();
    if (!summary) throw new HearthError('workspace_not_open', 'No workspace is open');
    try {
      const format = input.format ?? detectFormat(await readSample(input.path));
      const options = await withRememberedMapping(ctx.session.workspace.sqlite, input.path, format, parseOptions(input, summary.timeZone));
      return await previewImport(input.path, { ...options, format });
    } catch (error) {
      // A missing path, a folder, a parser library's error: a clean error naming the file (fuzzing).
      throw asImportError(path.basename(input.path), error);
    }
  },

  'import/run': async (input, ctx) => {
    const summary = ctx.session.summary();
    if (!summary) throw new HearthError('workspace_not_open', 'No workspace is open');
    const importId = input.importId ?? `import-${ctx.now()}`;
    const controller = new AbortController();
    ctx.runningImports.set(importId, controller);
    try {
      const sqlite = ctx.session.workspace.sqlite;
      // Detection and the remembered mapping read the file before runImport, which converts its
      // own errors: a missing path or a folder escaped from here as `internal` (found by fuzzing).
      const { format, options } = await (async () => {
        const chosen = input.format ?? detectFormat(await readSample(input.path));
        return { format: chosen, options: await withRememberedMapping(sqlite, input.path, chosen, parseOptions(input, summary.timeZone)) };
      })().catch((error: unknown) => {
        throw asImportError(path.basename(input.path), error);
      });
      const result = await runImportOffThread(summary.path, input.path, {
        ...options,
        format,
        onProblem: input.onProblem,
        signal: controller.signal,
        now: ctx.now,
        onProgress: (p) => ctx.events.emit({ type: 'import/progress', importId, ...p }),
      }).catch((error: unknown) => {
        // runImport hashes and sizes the source before its own error conversion (ENOENT escaped).
        throw asImportError(path.basename(input.path), error);
      });
      await rememberMapping(sqlite, input.path, format, options, ctx.now());
      if (result.batchId !== null) {
        if (input.score) recomputeNow(ctx);
        else ctx.events.emit({ type: 'data/changed', path: summary.path });
      }
      return result;
    } finally {
      ctx.runningImports.delete(importId);
    }
  },

  'import/cancel': async (input, ctx) => {
    const controller = ctx.runningImports.get(input.importId);
    controller?.abort();
    return { cancelled: controller !== undefined };
  },

  'import/batches': async (_input, ctx) =>
    listBatches(ctx.session.workspace.sqlite).map((b) => ({
      id: b.id,
      file: b.file,
      format: b.format,
      sha256: b.sha256,
      startedAt: b.started_at,
      finishedAt: b.finished_at,
      status: b.status,
      counts: Object.fromEntries(
        Object.entries(JSON.parse(b.counts) as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number'),
      ),
    })),

  'import/undo': async (input, ctx) => {
    const ws = ctx.session.workspace;
    const batch = listBatches(ws.sqlite).find((b) => b.id === input.batchId);
    if (!batch) throw new HearthError('not_found', `No import batch ${input.batchId}`, { batchId: input.batchId });
    if (batch.status !== 'done') {
      throw new HearthError('invalid_argument', `Batch ${input.batchId} is ${batch.status}; only a finished batch can be undone`, {
        batchId: input.batchId,
      });
    }
    const result = undoBatch(ws.sqlite, input.batchId);
    recomputeNow(ctx);
    return result;
  },
};
