/** Workspace-level reads and writes: settings and row counts. */
import { sql, type Kysely } from 'kysely';
import type { WorkspaceCounts, WorkspaceSettings } from '../../shared/workspace';
import type { Database } from '../schema';

const settingKeys = ['name', 'timeZone', 'currency', 'locale'] as const;

/**
 * Reads the workspace settings; keys never written come back as undefined.
 *
 * @example
 * await readSettings(db) // { name: '咖啡社群', timeZone: 'Asia/Shanghai', ... }
 */
export async function readSettings(db: Kysely<Database>): Promise<Partial<WorkspaceSettings>> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).where('key', 'in', settingKeys).execute();
  const out: Record<string, unknown> = {};
  for (const row of rows) out[row.key] = JSON.parse(row.value) as unknown;
  return out as Partial<WorkspaceSettings>;
}

/**
 * Writes the given settings in one transaction.
 *
 * @example
 * await writeSettings(db, { name: 'Acme Coffee' });
 */
export async function writeSettings(db: Kysely<Database>, settings: Partial<WorkspaceSettings>): Promise<void> {
  const entries = Object.entries(settings).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of entries) {
      await trx
        .insertInto('setting')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute();
    }
  });
}

/**
 * Row counts of the main tables, as `hearth info` prints them.
 *
 * @example
 * await countRows(db) // { member: 1200, identity: 2100, activity: 48000, ... }
 */
export async function countRows(db: Kysely<Database>): Promise<WorkspaceCounts> {
  const row = await sql<WorkspaceCounts>`
    SELECT
      (SELECT count(*) FROM member) AS member,
      (SELECT count(*) FROM identity) AS identity,
      (SELECT count(*) FROM activity) AS activity,
      (SELECT count(*) FROM "order") AS "order",
      (SELECT count(*) FROM survey_response) AS survey_response,
      (SELECT count(*) FROM content_item) AS content_item,
      (SELECT count(*) FROM incident) AS incident
  `.execute(db);
  const counts = row.rows[0];
  if (!counts) throw new Error('count query returned no row');
  return counts;
}
