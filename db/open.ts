/**
 * Opening a workspace file: refuse what is not ours (without touching it), refuse what is newer
 * than this build, then set the pragmas every connection needs and run pending migrations.
 */
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { HearthError } from '../shared/errors';
import { latestSchemaVersion, migrations, type Migration } from './migrations';
import type { Database } from './schema';

/** `PRAGMA application_id` of every Hearth workspace: 'HRTH' in ASCII. */
export const HEARTH_APPLICATION_ID = 0x48525448;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface Workspace {
  readonly file: string;
  readonly sqlite: BetterSqlite3.Database;
  readonly db: Kysely<Database>;
  readonly readonly: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Open without writing anything: no migration, no WAL switch. */
  readonly?: boolean;
  /** Migrate only up to this version (tests make old workspaces this way). */
  targetVersion?: number;
  /** Path of a better-sqlite3 binary built for another ABI (Electron's). */
  nativeBinding?: string;
}

function driverOptions(options: OpenOptions, extra: BetterSqlite3.Options = {}): BetterSqlite3.Options {
  const nativeBinding = options.nativeBinding ?? process.env.HEARTH_SQLITE_BINDING;
  return nativeBinding ? { ...extra, nativeBinding } : extra;
}

function isSqliteError(error: unknown, ...codes: string[]): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && codes.some((c) => code === c || code.startsWith(`${c}_`));
}

/**
 * Reads the header and pragmas of an existing file read-only and says whether it is a Hearth
 * workspace this build can open. Throws a HearthError otherwise; never writes to the file.
 *
 * @example
 * inspectWorkspace('/data/acme.hearth') // { schemaVersion: 2 }
 */
export function inspectWorkspace(file: string, options: OpenOptions = {}): { schemaVersion: number } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new HearthError('not_found', `No workspace file at ${file}`, { file });
  }
  if (!stat.isFile()) throw new HearthError('not_a_workspace', `${file} is not a file`, { file });

  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < header.length || !header.equals(SQLITE_HEADER)) {
    throw new HearthError('not_a_workspace', `${file} is not a Hearth workspace (not an SQLite database)`, {
      file,
    });
  }

  let probe: BetterSqlite3.Database | undefined;
  try {
    probe = new BetterSqlite3(file, driverOptions(options, { readonly: true, fileMustExist: true }));
    const applicationId = probe.pragma('application_id', { simple: true }) as number;
    const schemaVersion = probe.pragma('user_version', { simple: true }) as number;
    // Reading the schema touches page 1 and the catalogue: a damaged file fails here.
    probe.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (applicationId !== HEARTH_APPLICATION_ID) {
      throw new HearthError('not_a_workspace', `${file} is an SQLite database but not a Hearth workspace`, {
        file,
      });
    }
    if (schemaVersion > latestSchemaVersion) {
      throw new HearthError(
        'workspace_too_new',
        `${file} was made by a newer Hearth (schema ${schemaVersion}; this version reads up to ${latestSchemaVersion}). Update Hearth to open it.`,
        { file, schemaVersion, latestSchemaVersion },
      );
    }
    return { schemaVersion };
  } catch (error) {
    if (error instanceof HearthError) throw error;
    if (isSqliteError(error, 'SQLITE_CORRUPT', 'SQLITE_NOTADB')) {
      throw new HearthError('workspace_corrupt', `${file} is damaged and cannot be opened`, {
        file,
        cause: String(error),
      });
    }
    if (isSqliteError(error, 'SQLITE_BUSY', 'SQLITE_LOCKED')) {
      throw new HearthError('workspace_locked', `${file} is in use by another program`, { file });
    }
    throw error;
  } finally {
    probe?.close();
  }
}

function configure(sqlite: BetterSqlite3.Database, readonly: boolean): void {
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  if (!readonly) {
    sqlite.pragma('journal_mode = WAL');
    // NORMAL in WAL mode cannot corrupt the file on a crash; at worst the last commit is lost
    // on power failure, which an import re-run restores exactly.
    sqlite.pragma('synchronous = NORMAL');
  }
}

/**
 * Applies every migration above the file's `user_version`, each in its own transaction that
 * also bumps `user_version`, so a crash leaves the file at a whole version.
 *
 * @example
 * runMigrations(sqlite) // 2
 */
export function runMigrations(
  sqlite: BetterSqlite3.Database,
  list: readonly Migration[] = migrations,
  targetVersion: number = list.length,
): number {
  let version = sqlite.pragma('user_version', { simple: true }) as number;
  for (const migration of list) {
    if (migration.version <= version || migration.version > targetVersion) continue;
    if (migration.version !== version + 1) {
      throw new Error(`Migration ${migration.version} cannot follow schema ${version}`);
    }
    sqlite.transaction(() => {
      migration.up(sqlite);
      sqlite.pragma(`user_version = ${migration.version}`);
    })();
    version = migration.version;
  }
  return version;
}

function wrap(file: string, sqlite: BetterSqlite3.Database, readonly: boolean): Workspace {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  let closed = false;
  return {
    file,
    sqlite,
    db,
    readonly,
    async close() {
      if (closed) return;
      closed = true;
      // Kysely's destroy closes the better-sqlite3 handle only if Kysely ever ran a query; a
      // connection used through the raw driver alone (an import) must be closed here, or its
      // file handles and WAL index stay open for the life of the process.
      await db.destroy();
      if (sqlite.open) sqlite.close();
    },
  };
}

/**
 * Creates a new, empty workspace file at `file` (refusing to overwrite anything) at the latest
 * schema, or at `targetVersion` for migration tests.
 *
 * @example
 * const ws = createWorkspaceFile('/data/acme.hearth');
 */
export function createWorkspaceFile(file: string, options: OpenOptions = {}): Workspace {
  if (fs.existsSync(file)) {
    throw new HearthError('workspace_exists', `A file already exists at ${file}`, { file });
  }
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    sqlite = new BetterSqlite3(file, driverOptions(options));
    sqlite.pragma(`application_id = ${HEARTH_APPLICATION_ID}`);
    configure(sqlite, false);
    runMigrations(sqlite, migrations, options.targetVersion ?? latestSchemaVersion);
    return wrap(file, sqlite, false);
  } catch (error) {
    // A half-made workspace is worse than none.
    sqlite?.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    throw error;
  }
}

/**
 * Opens an existing workspace: refuses non-Hearth, damaged and newer files untouched, then
 * migrates it to the latest schema unless opened read-only.
 *
 * @example
 * const ws = openWorkspaceFile('/data/acme.hearth');
 * const members = await ws.db.selectFrom('member').selectAll().execute();
 */
export function openWorkspaceFile(file: string, options: OpenOptions = {}): Workspace {
  const { schemaVersion } = inspectWorkspace(file, options);
  const readonly = options.readonly === true;
  if (readonly && schemaVersion < latestSchemaVersion) {
    throw new HearthError(
      'workspace_outdated',
      `${file} uses an older schema (${schemaVersion}) and must be opened for writing once to upgrade`,
      { file, schemaVersion, latestSchemaVersion },
    );
  }
  const sqlite = new BetterSqlite3(file, driverOptions(options, { readonly, fileMustExist: true }));
  try {
    configure(sqlite, readonly);
    if (!readonly) runMigrations(sqlite, migrations, options.targetVersion ?? latestSchemaVersion);
    return wrap(file, sqlite, readonly);
  } catch (error) {
    sqlite.close();
    if (isSqliteError(error, 'SQLITE_BUSY', 'SQLITE_LOCKED')) {
      throw new HearthError('workspace_locked', `${file} is in use by another program`, { file });
    }
    throw error;
  }
}
