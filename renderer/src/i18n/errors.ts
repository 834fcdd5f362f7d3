/** Turns a HearthError into words for the user, from its code (never from its English message). */
import type { HearthError } from '../../../shared/errors';
import type { MessageKey, Translate } from './index';

const fieldKeys: Record<string, MessageKey> = {
  name: 'field.name',
  timeZone: 'field.timeZone',
  currency: 'field.currency',
  locale: 'field.locale',
  path: 'field.path',
  format: 'field.format',
  map: 'field.map',
  dateFormat: 'field.dateFormat',
  encoding: 'field.encoding',
};

/** The names of the fields an invalid_argument error points at, from its `details.issues`. */
function invalidFields(error: HearthError, t: Translate): string[] {
  const issues = error.details?.['issues'];
  if (!Array.isArray(issues)) return [];
  const names = issues.flatMap((issue: unknown) => {
    if (typeof issue !== 'object' || issue === null || !('path' in issue)) return [];
    const field = String(issue.path).split('.')[0] ?? '';
    const key = fieldKeys[field];
    return key ? [t(key)] : [];
  });
  return [...new Set(names)];
}

/** Where in a file an import_invalid error points: "line 12, field date", from its details. */
function importPlace(error: HearthError, t: Translate): string | null {
  const file = error.details?.['file'];
  const line = error.details?.['line'];
  const field = error.details?.['field'];
  const name = typeof file === 'string' ? file : '';
  if (typeof line === 'number' && typeof field === 'string')
    return t('error.importAtLineField', { file: name, line, field });
  if (typeof line === 'number') return t('error.importAtLine', { file: name, line });
  if (field === 'format') return t('error.importFormat');
  if (typeof field === 'string') return t('error.importAtField', { file: name, field });
  return null;
}

export interface ErrorText {
  message: string;
  /** A localized hint (which fields to check), when the error says. */
  hint: string | null;
  /** The services' own message, shown as the detail. */
  detail: string;
}

/** The bundle file a bundle_invalid error names, from its `details.file`. */
function bundleFile(error: HearthError, t: Translate): string | null {
  const file = error.details?.['file'];
  return typeof file === 'string' ? t('error.bundleFile', { file }) : null;
}

export function describeError(error: HearthError, t: Translate): ErrorText {
  const fields = error.code === 'invalid_argument' ? invalidFields(error, t) : [];
  const place =
    error.code === 'import_invalid'
      ? importPlace(error, t)
      : error.code === 'bundle_invalid'
        ? bundleFile(error, t)
        : null;
  return {
    message: t(`error.${error.code}`),
    hint: fields.length > 0 ? t('error.fields', { fields: fields.join(t('list.separator')) }) : place,
    detail: error.message,
  };
}
