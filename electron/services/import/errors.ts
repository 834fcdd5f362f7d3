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
