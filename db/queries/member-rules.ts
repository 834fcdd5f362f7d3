/** The workspace's member rules, kept as one JSON setting; the shipped defaults until edited. */
import type BetterSqlite3 from 'better-sqlite3';
import { defaultMemberRules, memberRulesSchema, type MemberRules } from '../../shared/members/rules';

const KEY = 'memberRules';

/**
 * The rules stored in the workspace, or the defaults. Stored rules that no longer parse (a file
 * edited by hand) fall back to the defaults rather than stopping every recompute.
 *
 * @example
 * readMemberRules(sqlite).tiers.ladder.map((t) => t.id) // ['newcomer', 'active', 'core', 'ambassador']
 */
export function readMemberRules(sqlite: BetterSqlite3.Database): MemberRules {
  const row = sqlite.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?').get(KEY);
  if (!row) return defaultMemberRules;
  const parsed = memberRulesSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : defaultMemberRules;
}

/**
 * Stores the rules (already validated by the contract).
 *
 * @example
 * writeMemberRules(sqlite, { ...rules, churn: { ...rules.churn, unit: 'day' } });
 */
export function writeMemberRules(sqlite: BetterSqlite3.Database, rules: MemberRules): void {
  sqlite
    .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(KEY, JSON.stringify(rules));
}
