/**
 * What the cases that measure on a generated community share: the run's demo workspace (left in
 * the shared folder by the demo case, or generated here when that case did not run) and a median
 * timer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createWorkspaceFile } from '../../db/open';
import { generateDemo, writeDemoSettings } from '../../electron/services/demo';

/** The demo's "today" in every case, so figures compare across runs. */
export const DEMO_NOW = Date.UTC(2026, 10, 1, 4);
export const DEMO_TZ = 'Asia/Shanghai';

/**
 * The path of the run's demo workspace, generating it first when no earlier case did.
 *
 * @example
 * const file = await demoWorkspaceFile(sharedDir, 100_000, log, 'members');
 */
export async function demoWorkspaceFile(sharedDir: string, members: number, log: (message: string) => void, caseName: string): Promise<string> {
  const file = path.join(sharedDir, 'demo.hearth');
  if (!fs.existsSync(file)) {
    log(`${caseName}: generating a ${members.toLocaleString('en-US')}-member demo…`);
    const ws = createWorkspaceFile(file);
    await writeDemoSettings(ws);
    generateDemo(ws, { members, seed: 42, now: DEMO_NOW });
    await ws.close();
  }
  return file;
}

/**
 * Median of `runs` timings of `work`, in milliseconds (after one warm-up run).
 *
 * @example
 * medianMs(9, () => memberPage(sqlite, request, 0.7)) // 0.9
 */
export function medianMs(runs: number, work: () => unknown): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}
