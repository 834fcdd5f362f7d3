/**
 * The agency portfolio: one row per client workspace, read without changing, locking or adding
 * files beside them (a read-only SQLite connection to a WAL database would create -wal and -shm
 * files in the client's folder). Each file up to 512 MB is read into memory and queried there:
 * its header's WAL marks are switched to rollback in the copy so SQLite can open it without a
 * shared-memory file. Larger files fall back to a read-only connection. What another Hearth has
 * not yet checkpointed from its -wal is not seen (the row can be minutes behind). A file that
 * cannot be read shows why instead of stopping the list.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { latestSchemaVersion } from '../../../db/migrations';
import { HEARTH_APPLICATION_ID } from '../../../db/open';
import type { PortfolioRow } from '../../../shared/share';
import { dayResolver, startOfDayUtc } from '../../../shared/time';
import { localClock } from '../calendar/clock';

/** Files up to this size are read into memory; larger ones are opened read-only in place. */
const IN_MEMORY_BYTES = 512 * 1024 * 1024;

function setting(db: BetterSqlite3.Database, key: string): string | null {
  const value = db.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?').get(key)?.value;
  if (value === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' ? parsed : value;
  } catch {
    return value;
  }
}

/** Opens a workspace for reading without touching its folder (see the module comment). */
function openQuietly(file: string): BetterSqlite3.Database {
  if (fs.statSync(file).size > IN_MEMORY_BYTES) return new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const bytes = fs.readFileSync(file);
  // Bytes 18 and 19 are the file format's write and read versions: 2 means WAL, 1 rollback.
  if (bytes.length >= 100 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return new BetterSqlite3(bytes, { readonly: true });
}

function empty(file: string, name: string, problem: string): PortfolioRow {
  return {
    path: file,
    name,
    problem,
    members: null,
    activeRatio: null,
    nps: null,
    health: 'none',
    openIncidents: null,
    nextItems: [],
    lastPublishAt: null,
    lastActivityAt: null,
  };
}

/** Health from what the portfolio can see cheaply: the active-ratio band and NPS below zero. */
function health(activeRatio: number | null, nps: number | null): PortfolioRow['health'] {
  if (activeRatio === null && nps === null) return 'none';
  if (nps !== null && nps < 0) return 'red';
  if (activeRatio !== null && (activeRatio < 0.4 || activeRatio > 0.8)) return 'orange';
  if (activeRatio !== null && (activeRatio < 0.5 || activeRatio > 0.7)) return 'yellow';
  return 'green';
}

/**
 * One workspace's portfolio row.
 *
 * @example
 * portfolioRow('/clients/咖啡.hearth', Date.now(), null).members // 5230
 */
export function portfolioRow(file: string, now: number, lastPublishAt: number | null): PortfolioRow {
  const fallbackName = path.basename(file, '.hearth');
  if (!fs.existsSync(file)) return empty(file, fallbackName, 'missing');
  let db: BetterSqlite3.Database;
  try {
    db = openQuietly(file);
  } catch {
    return empty(file, fallbackName, 'unreadable');
  }
  try {
    if (db.pragma('application_id', { simple: true }) !== HEARTH_APPLICATION_ID)
      return empty(file, fallbackName, 'not_a_workspace');
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > latestSchemaVersion) return empty(file, fallbackName, 'too_new');
    if (version < 11) return empty(file, setting(db, 'name') ?? fallbackName, 'outdated');
    const name = setting(db, 'name') ?? fallbackName;
    const timeZone = setting(db, 'timeZone') ?? 'UTC';
    const today = dayResolver(timeZone)(now);
    const members =
      db
        .prepare<[], { n: number }>(
          'SELECT count(*) AS n FROM member WHERE merged_into IS NULL AND first_seen IS NOT NULL',
        )
        .get()?.n ?? 0;
    const active =
      db
        .prepare<[number, number], { n: number }>(
          'SELECT count(DISTINCT member_id) AS n FROM member_daily WHERE day BETWEEN ? AND ?',
        )
        .get(today - 29, today)?.n ?? 0;
    const since = startOfDayUtc(today - 89, timeZone);
    const answers = db
      .prepare<[number], { promoters: number; detractors: number; n: number }>(
        'SELECT sum(score >= 9) AS promoters, sum(score <= 6) AS detractors, count(*) AS n FROM survey_response WHERE ts >= ?',
      )
      .get(since);
    const nps = answers && answers.n > 0 ? (100 * (answers.promoters - answers.detractors)) / answers.n : null;
    const activeRatio = members > 0 ? active / members : null;
    const clock = localClock(timeZone);
    const nextItems = db
      .prepare<[number], { title: string; scheduled_at: number; channel: string | null }>(
        "SELECT title, scheduled_at, channel FROM content_item WHERE scheduled_at >= ? AND status NOT IN ('cancelled', 'published') ORDER BY scheduled_at LIMIT 3",
      )
      .all(now)
      .map((i) => ({ title: i.title, start: clock.toLocal(i.scheduled_at), channel: i.channel }));
    return {
      path: file,
      name,
      problem: null,
      members,
      activeRatio,
      nps,
      health: health(activeRatio, nps),
      openIncidents:
        db.prepare<[], { n: number }>("SELECT count(*) AS n FROM incident WHERE status = 'open' AND is_drill = 0").get()
          ?.n ?? 0,
      nextItems,
      lastPublishAt,
      lastActivityAt: db.prepare<[], { ts: number | null }>('SELECT max(ts) AS ts FROM activity').get()?.ts ?? null,
    };
  } catch {
    return empty(file, fallbackName, 'unreadable');
  } finally {
    db.close();
  }
}

/**
 * The `.hearth` files directly inside a folder.
 *
 * @example
 * workspaceFilesIn('/clients') // ['/clients/咖啡.hearth', '/clients/茶.hearth']
 */
export function workspaceFilesIn(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.hearth'))
    .map((d) => path.join(folder, d.name))
    .sort();
}
