/**
 * The shipped playbooks and alert rules, added to a workspace the first time its crisis tools are
 * used (in the workspace's language), once: a user who deletes one does not get it back. A
 * workspace without sensitive words gets the starter list at the same time.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { insertPlaybook, saveAlertRule } from '../../../db/queries/crisis';
import { readSensitiveWords, replaceSensitiveWords } from '../../../db/queries/calendar';
import { defaultAlertRules, defaultPlaybooks, starterSensitiveWords } from '../../../shared/crisis/defaults';
import type { Locale } from '../../../shared/workspace';

const SEEDED = 'crisisDefaultsSeeded';

/**
 * Adds the shipped playbooks and rules unless this workspace already got them.
 *
 * @example
 * ensureCrisisDefaults(sqlite, 'zh-CN', now);
 */
export function ensureCrisisDefaults(sqlite: BetterSqlite3.Database, locale: Locale, now: number): void {
  if (sqlite.prepare('SELECT 1 FROM setting WHERE key = ?').get(SEEDED)) return;
  sqlite.transaction(() => {
    for (const playbook of defaultPlaybooks) insertPlaybook(sqlite, playbook.byLocale[locale], playbook.key, now);
    for (const rule of defaultAlertRules) saveAlertRule(sqlite, undefined, rule);
    if (readSensitiveWords(sqlite).length === 0) replaceSensitiveWords(sqlite, starterSensitiveWords);
    sqlite.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run(SEEDED, String(now));
  })();
}
