/** A look at a file before importing it: the detected format and the first records as they will land. */
import path from 'node:path';
import { HearthError } from '../../../shared/errors';
import type { ImportFormat, ImportPreview, ImportProblem, ImportRecord, PreviewRecord } from '../../../shared/import';
import { parserFor, rankFormats, detectFormat } from './registry';
import { readSample, sizeOf } from './sample';
import type { ImportOptions } from './types';

const PREVIEW_RECORDS = 50;
const PREVIEW_SCAN = 2000;

function toPreview(record: Exclude<ImportRecord, { type: 'problem' }>): PreviewRecord {
  const base = { line: record.line, kind: null, channel: null, text: null, amount: null, score: null };
  switch (record.type) {
    case 'member':
      return {
        ...base,
        type: 'member',
        member: record.identity.displayName ?? record.identity.handle ?? record.identity.externalId,
        source: record.identity.source,
        ts: record.joinedAt ?? null,
      };
    case 'activity':
      return {
        ...base,
        type: 'activity',
        member: record.author.displayName ?? record.author.handle ?? record.author.externalId,
        source: record.source,
        ts: record.ts,
        kind: record.kind,
        channel: record.channel,
        text: record.text,
      };
    case 'order':
      return {
        ...base,
        type: 'order',
        member: record.member.displayName ?? record.member.externalId,
        source: record.source,
        ts: record.ts,
        kind: record.status,
        amount: record.amount,
      };
    case 'survey':
      return {
        ...base,
        type: 'survey',
        member: record.member.displayName ?? record.member.externalId,
        source: record.source,
        ts: record.ts,
        score: record.score,
      };
  }
}

/**
 * Parses the start of `source` without writing anything.
 *
 * @example
 * await previewImport('/exports/orders.csv', { timeZone: 'Asia/Shanghai' })
 */
export async function previewImport(
  source: string,
  options: ImportOptions & { format?: ImportFormat },
): Promise<ImportPreview> {
  const sample = await readSample(source);
  const candidates = rankFormats(sample);
  const { format: chosen, ...parseOptions } = options;
  const format = chosen ?? detectFormat(sample);
  const parser = parserFor(format);
  const controller = new AbortController();
  const records: PreviewRecord[] = [];
  const problems: ImportProblem[] = [];
  let scanned = 0;
  const iterator = parser
    .parse({ path: source, fileName: path.basename(source), options: parseOptions, signal: controller.signal, progress: () => undefined })
    [Symbol.asyncIterator]();
  try {
    // A table whose mapping is incomplete still gets its columns shown, so the user can map them.
    while (records.length < PREVIEW_RECORDS && scanned < PREVIEW_SCAN) {
      const next = await iterator.next();
      if (next.done) break;
      for (const record of next.value) {
        scanned += 1;
        if (record.type === 'problem') {
          if (problems.length < PREVIEW_RECORDS) problems.push({ line: record.line, field: record.field, value: record.value, message: record.message });
        } else if (records.length < PREVIEW_RECORDS) records.push(toPreview(record));
      }
    }
  } catch (error) {
    if (!(parser.describe && error instanceof HearthError && error.code === 'import_invalid')) throw error;
    const details = error.details ?? {};
    problems.push({
      line: typeof details.line === 'number' ? details.line : 1,
      field: typeof details.field === 'string' ? details.field : 'mapping',
      message: error.message,
    });
  } finally {
    controller.abort();
    await iterator.return?.();
  }
  const describe = parser.describe
    ? await parser.describe({
        path: source,
        fileName: path.basename(source),
        options: parseOptions,
        signal: new AbortController().signal,
        progress: () => undefined,
      })
    : null;
  return {
    fileName: path.basename(source),
    size: await sizeOf(source),
    format,
    candidates,
    records,
    problems,
    columns: describe?.columns ?? null,
    mapping: describe?.mapping ?? null,
  };
}
