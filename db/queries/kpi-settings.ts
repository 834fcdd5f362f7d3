/** The workspace's KPI settings (health thresholds, scorecard weights), kept as one JSON setting. */
import type BetterSqlite3 from 'better-sqlite3';
import { defaultKpiSettings, kpiSettingsSchema, type KpiSettings } from '../../shared/kpi/settings';

const KEY = 'kpiSettings';

/**
 * The settings stored in the workspace, or the seeds' defaults. Stored settings that no longer
 * parse (a file edited by hand) fall back to the defaults rather than stopping the dashboard.
 *
 * @example
 * readKpiSettings(sqlite).health.activeBand // { low: 0.5, high: 0.7 }
 */
export function readKpiSettings(sqlite: BetterSqlite3.Database): KpiSettings {
  const row = sqlite.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?').get(KEY);
  if (!row) return defaultKpiSettings;
  const parsed = kpiSettingsSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : defaultKpiSettings;
}

/**
 * Stores the settings (already validated by the contract).
 *
 * @example
 * writeKpiSettings(sqlite, { ...settings, health: { ...settings.health, npsMin: 10 } });
 */
export function writeKpiSettings(sqlite: BetterSqlite3.Database, settings: KpiSettings): void {
  sqlite
    .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(KEY, JSON.stringify(settings));
}
