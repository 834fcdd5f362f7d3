import { HearthError } from '../../../shared/errors';

/**
 * A fatal import problem: names the file, the 1-based line (or row, or zip entry) and the field.
 *
 * @example
 * throw importError('export.json', 'messages[41].timestamp', 'not a date: "yesterday"', 1203);
 */
export function importError(file: string, field: string, message: string, line?: number): HearthError {
  const where = line === undefined ? file : `${file}:${line}`;
  return new HearthError('import_invalid', `${where}: ${field}: ${message}`, {
    file,
    field,
    ...(line === undefined ? {} : { line }),
  });
}

/**
 * Any error met while previewing or importing `file` as a HearthError: HearthErrors pass through,
 * a missing path becomes `not_found`, anything else (an I/O error, a library's own error) becomes
 * `import_invalid` naming the file. Fuzzing found raw ENOENT/EISDIR errors escaping the handlers as
 * `internal` (before runImport's own conversion, or from preview, which had none).
 *
 * @example
 * asImportError('gone.json', Object.assign(new Error('ENOENT'), { code: 'ENOENT' })).code // 'not_found'
 */
export function asImportError(file: string, error: unknown): HearthError {
  if (error instanceof HearthError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new HearthError('not_found', `${file}: no such file or folder`, { file });
  if (code === 'EISDIR') return importError(file, 'path', 'this is a folder; this format reads a single file');
  const message = error instanceof Error ? error.message : String(error);
  return new HearthError('import_invalid', `${file}: ${message}`, { file });
}
