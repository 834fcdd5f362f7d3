/** Creates the demo workspace file: settings, then the generated community, all or nothing. */
import fs from 'node:fs';
import path from 'node:path';
import { createWorkspaceFile } from '../../db/open';
import { ensureKpiCache } from '../../db/queries/kpi-cache';
import { readSettings } from '../../db/queries/workspace';
import { dayResolver } from '../../shared/time';
import { generateDemo, writeDemoSettings, type DemoSummary } from './demo';
import { recomputeMembers } from './members/recompute';

export interface DemoOptions {
  members: number;
  seed: number;
  now: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Writes a new demo workspace at `file`, scores its members, and returns its row counts. A failure removes the
 * half-made file, so the next attempt starts clean.
 */
export async function createDemoWorkspace(file: string, options: DemoOptions): Promise<DemoSummary> {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const ws = createWorkspaceFile(target);
  try {
    await writeDemoSettings(ws);
    const summary = generateDemo(ws, options);
    // Scored as of the demo's "today", so tiers, circles and churn risk are there on first open.
    const timeZone = (await readSettings(ws.db)).timeZone ?? 'UTC';
    recomputeMembers(ws.sqlite, { asOfDay: dayResolver(timeZone)(options.now), timeZone, now: options.now });
    ensureKpiCache(ws.sqlite, timeZone, options.now);
    await ws.close();
    return summary;
  } catch (error) {
    await ws.close();
    for (const f of [target, `${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
    throw error;
  }
}
