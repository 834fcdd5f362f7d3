/**
 * Runs one import: detect, then stream the parser's records into the workspace inside one
 * transaction on a dedicated connection. All or nothing: a fatal error, a cancel or a crash
 * leaves the workspace exactly as before; the UI's own connection keeps reading meanwhile (WAL).
 */
import path from 'node:path';
import { openWorkspaceFile } from '../../../db/open';
import { beginBatch, finishBatch } from '../../../db/queries/batches';
import { ImportWriter } from '../../../db/queries/import-writer';
import { HearthError, isDiskFull } from '../../../shared/errors';
import type { ImportFormat, ImportProblem, ImportResult } from '../../../shared/import';
import { dayResolver } from '../../../shared/time';
import { detectFormat, parserFor } from './registry';
import { readSample, sha256Of, sizeOf } from './sample';
import type { ImportOptions } from './types';

/** Problems listed back to the user; beyond this only the count grows. */
const MAX_LISTED_PROBLEMS = 1000;

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  records: number;
  elapsedMs: number;
}

export interface RunImportOptions extends ImportOptions {
  format?: ImportFormat;
  /** What to do with rows that cannot be imported: leave them out, or abort the whole file. */
  onProblem: 'skip' | 'abort';
  signal: AbortSignal;
  now: () => number;
  onProgress?: (progress: ImportProgress) => void;
}

export interface RunImportResult extends ImportResult {
  skipped: { bots: number; problems: number };
  sha256: string;
}

/**
 * Imports `source` into the workspace file `workspaceFile`.
 *
 * @example
 * await runImport('/data/acme.hearth', '/exports/general.json', { timeZone: 'Asia/Shanghai', onProblem: 'skip', signal, now: Date.now });
 */
export async function runImport(workspaceFile: string, source: string, options: RunImportOptions): Promise<RunImportResult> {
  const fileName = path.basename(source);
  const format = options.format ?? detectFormat(await readSample(source));
  const parser = parserFor(format);
  const [sha256, totalBytes] = await Promise.all([sha256Of(source), sizeOf(source)]);
  const started = options.now();
  const { onProblem, signal, onProgress, format: _format, now, ...parseOptions } = options;

  const ws = openWorkspaceFile(workspaceFile);
  const sqlite = ws.sqlite;
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  let records = 0;
  let lastReport = 0;
  let bytesRead = 0;
  const report = (force: boolean): void => {
    const t = now();
    if (!onProgress || (!force && t - lastReport < 200)) return;
    lastReport = t;
    onProgress({ bytesRead, totalBytes, records, elapsedMs: t - started });
  };

  try {
    const timeZone = parseOptions.timeZone;
    sqlite.exec('BEGIN IMMEDIATE');
    const batchId = beginBatch(sqlite, { file: fileName, format, startedAt: started, options: parseOptions });
    const writer = new ImportWriter(sqlite, batchId, dayResolver(timeZone), started);
    const ctx = {
      path: source,
      fileName,
      options: parseOptions,
      signal,
      progress(bytes: number) {
        bytesRead = bytes;
        report(false);
      },
    };
    for await (const chunk of parser.parse(ctx)) {
      if (signal.aborted) throw new HearthError('import_cancelled', `Import of ${fileName} cancelled; nothing was changed`);
      for (const record of chunk) {
        if (record.type !== 'problem') continue;
        problemCount += 1;
        if (onProblem === 'abort') {
          throw new HearthError(
            'import_invalid',
            `${fileName}:${record.line}: ${record.field}: ${record.message}${record.value ? ` ("${record.value}")` : ''}`,
            { file: fileName, line: record.line, field: record.field },
          );
        }
        if (problems.length < MAX_LISTED_PROBLEMS) {
          problems.push({ line: record.line, field: record.field, value: record.value, message: record.message });
        }
      }
      writer.write(chunk);
      records += chunk.length;
      report(false);
    }
    if (signal.aborted) throw new HearthError('import_cancelled', `Import of ${fileName} cancelled; nothing was changed`);
    const counts = writer.finish();
    const keep = writer.addedAnything;
    if (keep) {
      finishBatch(sqlite, batchId, { sha256, finishedAt: now(), counts: { ...counts, problems: problemCount } });
      sqlite.exec('COMMIT');
    } else {
      // Nothing new: the file (or its overlap) is already in the workspace. Leave no trace.
      sqlite.exec('ROLLBACK');
    }
    bytesRead = totalBytes;
    report(true);
    return {
      batchId: keep ? batchId : null,
      format,
      members: { added: counts.membersAdded, matched: counts.membersMatched },
      activities: { added: counts.activitiesAdded, duplicates: counts.activitiesDuplicates },
      orders: { added: counts.ordersAdded, duplicates: counts.ordersDuplicates },
      surveys: { added: counts.surveysAdded, duplicates: counts.surveysDuplicates },
      errors: problems,
      skipped: { bots: counts.botsSkipped, problems: problemCount },
      sha256,
    };
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    if (error instanceof HearthError) throw error;
    if (isDiskFull(error)) {
      throw new HearthError(
        'disk_full',
        `The disk holding ${workspaceFile} is full: ${fileName} was not imported and nothing was changed. Free some space and import again.`,
        { file: fileName, path: workspaceFile },
      );
    }
    // A parser library's own error (a JSON or XML syntax error, an I/O error): still name the file.
    const message = error instanceof Error ? error.message : String(error);
    throw new HearthError('import_invalid', `${fileName}: ${message}`, { file: fileName });
  } finally {
    await ws.close();
  }
}
