/**
 * Column mappings remembered per workspace: a table with the same header row as one imported
 * before gets the mapping (and date format) the user chose then, unless they choose again.
 */
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { findMapping, mappingSignature, saveMapping } from '../../../db/queries/mappings';
import type { ImportFormat } from '../../../shared/import';
import { parserFor } from './registry';
import type { ImportOptions } from './types';

async function describe(source: string, format: ImportFormat, options: ImportOptions) {
  const parser = parserFor(format);
  if (!parser.describe) return null;
  return parser.describe({
    path: source,
    fileName: path.basename(source),
    options,
    signal: new AbortController().signal,
    progress: () => undefined,
  });
}

/** Options with the remembered mapping filled in when the caller gave none. */
export async function withRememberedMapping(
  sqlite: BetterSqlite3.Database,
  source: string,
  format: ImportFormat,
  options: ImportOptions,
): Promise<ImportOptions> {
  if (options.map) return options;
  const described = await describe(source, format, options);
  if (!described) return options;
  const stored = findMapping(sqlite, format, mappingSignature(described.columns));
  if (!stored) return options;
  return { ...options, map: stored.mapping, ...(stored.dateFormat && !options.dateFormat ? { dateFormat: stored.dateFormat } : {}) };
}

/** Remembers the mapping an import of a table used. */
export async function rememberMapping(
  sqlite: BetterSqlite3.Database,
  source: string,
  format: ImportFormat,
  options: ImportOptions,
  now: number,
): Promise<void> {
  const described = await describe(source, format, options);
  if (!described) return;
  saveMapping(sqlite, format, mappingSignature(described.columns), { mapping: described.mapping, dateFormat: options.dateFormat ?? null }, now);
}
