/**
 * Errors cross every boundary (IPC, HTTP, CLI) as plain data with a stable `code`.
 * The renderer localises from `code`; `message` is English text for logs and the CLI.
 */
export const errorCodes = [
  'invalid_argument',
  'not_found',
  'workspace_not_open',
  'workspace_exists',
  'workspace_too_new',
  'workspace_outdated',
  'not_a_workspace',
  'workspace_corrupt',
  'workspace_locked',
  'unknown_method',
  'import_invalid',
  'import_cancelled',
  'review_not_allowed',
  'sensitive_unacknowledged',
  'incident_closed',
  'bundle_invalid',
  'disk_full',
  'unauthorized',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface HearthErrorData {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * An error meant for the user: a stable code, a message, and details such as the file and field.
 *
 * @example
 * throw new HearthError('not_found', `No workspace at ${file}`, { file });
 */
export class HearthError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'HearthError';
    this.code = code;
    this.details = details;
  }

  toData(): HearthErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/**
 * Turns anything thrown into error data; unknown errors become `internal`.
 *
 * @example
 * toErrorData(new Error('boom')) // { code: 'internal', message: 'boom' }
 */
export function toErrorData(error: unknown): HearthErrorData {
  if (error instanceof HearthError) return error.toData();
  if (isErrorData(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}

/**
 * True when a value has the shape of error data (as received over a transport).
 *
 * @example
 * isErrorData({ code: 'not_found', message: 'x' }) // true
 */
export function isErrorData(value: unknown): value is HearthErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { code?: unknown; message?: unknown };
  return (
    typeof v.code === 'string' &&
    (errorCodes as readonly string[]).includes(v.code) &&
    typeof v.message === 'string'
  );
}

/**
 * True when a write failed because the disk (or the share) is full: SQLite's `SQLITE_FULL` or the
 * file system's `ENOSPC`, as the driver and Node report them.
 *
 * @example
 * isDiskFull(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })) // true
 */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}
