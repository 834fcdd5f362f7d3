/**
 * Fault: the import process is killed (SIGKILL, no chance to clean up) at random points. The
 * workspace must open intact, hold the batch entirely or not at all, and a re-run of the same
 * import must then give exact counts: nothing lost, nothing duplicated.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../shared/random';
import { activityCsvMap, writeActivityCsv } from '../support/activity-csv';
import { runHearth, startHearth } from '../support/cli-process';
import { makeWorkspace } from '../support/fault-workspace';
import { workspaceState, type WorkspaceState } from '../support/workspace-state';

const ROWS = 200_000;
const MEMBERS = 5_000;
const SEEDS = [1, 2, 3, 4, 5];

let dir = '';
let csv = '';
let template = '';
let fullRunMs = 0;
/** The template's indexes and triggers: imports drop some while they write (200,000 rows is big). */
let schema: string[] = [];

const env = (): Record<string, string> => ({
  HEARTH_HOME: path.join(dir, 'home'),
  HEARTH_WORKSPACES_DIR: path.join(dir, 'ws'),
});
const importArgs = (file: string): string[] => [
  'import',
  file,
  csv,
  '--format',
  'csv',
  '--map',
  activityCsvMap,
  '--no-score',
  '--json',
];

function copyWorkspace(name: string): string {
  const file = path.join(dir, name);
  fs.copyFileSync(template, file);
  return file;
}

/** The whole file, once: one finished batch owning every row, rollups agreeing, no doubles. */
function expectExactlyImported(state: WorkspaceState): void {
  expect(state.integrity).toBe('ok');
  expect(state.schema).toEqual(schema);
  expect(state.foreignKeys).toEqual([]);
  expect(state.activities).toBe(ROWS);
  expect(state.distinctActivities).toBe(ROWS);
  expect(state.members).toBe(MEMBERS);
  expect(state.identities).toBe(MEMBERS);
  expect(state.memberDailyEvents).toBe(ROWS);
  expect(state.activityDailyEvents).toBe(ROWS);
  expect(state.batches).toEqual([{ id: expect.any(Number) as number, status: 'done', activities: ROWS }]);
}

describe('faults: import killed with SIGKILL', () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-kill-'));
    csv = path.join(dir, 'chat.csv');
    writeActivityCsv(csv, ROWS, MEMBERS);
    template = path.join(dir, 'template.hearth');
    await makeWorkspace(template);
    expect(fs.existsSync(`${template}-wal`)).toBe(false);
    schema = (await workspaceState(template)).schema;
    expect(schema).toContain('activity_member_ts');

    // Calibrate: one uninterrupted run says how long an import takes on this machine.
    const file = copyWorkspace('calibration.hearth');
    const started = performance.now();
    const full = await runHearth(importArgs(file), env());
    fullRunMs = performance.now() - started;
    expect(full.code, full.stderr).toBe(0);
    expectExactlyImported(await workspaceState(file, 'quick_check'));
  }, 120_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(SEEDS)(
    'seed %i: the batch is all there or absent, and a re-run gives exact counts',
    async (seed) => {
      const file = copyWorkspace(`seed-${seed}.hearth`);
      // Stratified: seed i kills at a random point of the i-th fifth of a full run, so the seeds
      // cover start-up, the open transaction and the commit, from a few ms to the full duration.
      const stratum = SEEDS.indexOf(seed);
      const delay = 5 + ((stratum + new SeededRandom(seed).next()) / SEEDS.length) * fullRunMs;
      const run = startHearth(importArgs(file), env());
      const timer = setTimeout(() => run.child.kill('SIGKILL'), delay);
      const exit = await run.exited;
      clearTimeout(timer);
      expect(exit.signal === 'SIGKILL' || exit.code === 0, `exit ${String(exit.code)} ${exit.stderr}`).toBe(true);

      const after = await workspaceState(file);
      expect(after.integrity).toBe('ok');
      expect(after.foreignKeys).toEqual([]);
      expect(after.schema).toEqual(schema);
      if (after.batches.some((b) => b.status === 'done')) expectExactlyImported(after);
      else {
        // Absent: not a row, and no batch left that could be mistaken for one.
        expect(after.batches.filter((b) => b.activities > 0)).toEqual([]);
        expect(after).toMatchObject({
          activities: 0,
          members: 0,
          identities: 0,
          memberDailyEvents: 0,
          activityDailyEvents: 0,
        });
      }

      // The killed process may have left its lock file; a new Hearth on this machine takes it over.
      const rerun = await runHearth(importArgs(file), env());
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stderr).toBe('');
      expect(fs.existsSync(`${file}.lock`)).toBe(false);
      // The full integrity check ran right after the kill; the re-run's own writes get the quick one.
      expectExactlyImported(await workspaceState(file, 'quick_check'));
    },
    120_000,
  );
});
