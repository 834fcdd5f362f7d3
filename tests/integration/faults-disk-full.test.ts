/**
 * Fault: the disk fills up mid-write. Uses a real size-limited tmpfs, so SQLite and Node meet
 * the same ENOSPC a full laptop disk or team share gives them. Each case asserts one clear
 * `disk_full` line on stderr and that nothing half-written is left behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { activityCsvMap, activityCsvMapping, writeActivityCsv } from '../support/activity-csv';
import { runHearth } from '../support/cli-process';
import { makeWorkspace } from '../support/fault-workspace';
import { call, testServices } from '../support/services';
import { smallDisk } from '../support/tmpfs';
import { tempDir } from '../support/tmp';
import { workspaceState } from '../support/workspace-state';

const MB = 1024 * 1024;

function env(dir: string): Record<string, string> {
  return { HEARTH_HOME: path.join(dir, 'home'), HEARTH_WORKSPACES_DIR: path.join(dir, 'ws') };
}

/** Every path under `root`, relative. */
function listTree(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[]).sort();
}

describe('faults: disk full', () => {
  it('an import that fills the disk fails with disk_full and leaves the workspace as it was', async (ctx) => {
    // 50k rows need about 11 MB for the file plus its WAL; the folder holds 6 MB.
    const disk = smallDisk(6 * MB);
    if ('skip' in disk) return ctx.skip(disk.skip);
    const dir = tempDir();
    const file = path.join(disk.dir, 'acme.hearth');
    const csv = path.join(dir, 'chat.csv');
    await makeWorkspace(file);
    writeActivityCsv(csv, 50_000, 2_000);

    const run = await runHearth(
      ['import', file, csv, '--format', 'csv', '--map', activityCsvMap, '--no-score', '--json'],
      env(dir),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^hearth: The disk holding .*acme\.hearth is full: chat\.csv was not imported and nothing was changed/,
    );

    const state = await workspaceState(file);
    expect(state.integrity).toBe('ok');
    expect(state.foreignKeys).toEqual([]);
    expect(state).toMatchObject({
      activities: 0,
      members: 0,
      identities: 0,
      memberDailyEvents: 0,
      activityDailyEvents: 0,
      batches: [],
    });
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('the import service reports disk_full as data, not as a bad file', async (ctx) => {
    const disk = smallDisk(2 * MB);
    if ('skip' in disk) return ctx.skip(disk.skip);
    const dir = tempDir();
    const file = path.join(disk.dir, 'acme.hearth');
    const csv = path.join(dir, 'chat.csv');
    await makeWorkspace(file);
    writeActivityCsv(csv, 20_000, 2_000);
    const services = testServices();
    try {
      await call(services, 'workspace/open', { path: file });
      const error: unknown = await call(services, 'import/run', {
        path: csv,
        format: 'csv',
        map: activityCsvMapping,
        onProblem: 'skip',
        score: false,
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'disk_full', details: { file: 'chat.csv', path: file } });
    } finally {
      await services.dispose();
    }
    // Every connection was closed: the last one to close removes the WAL and its index.
    expect(fs.readdirSync(disk.dir)).toEqual(['acme.hearth']);
    const state = await workspaceState(file);
    expect(state.integrity).toBe('ok');
    expect(state).toMatchObject({ activities: 0, members: 0, batches: [] });
  });

  it('a publish that fills the team share fails with disk_full and leaves no bundle', async (ctx) => {
    // The report files (~0.6 MB) fit; the 5 MB snapshot does not.
    const disk = smallDisk(2 * MB);
    if ('skip' in disk) return ctx.skip(disk.skip);
    const dir = tempDir();
    const file = path.join(dir, 'acme.hearth');
    const csv = path.join(dir, 'chat.csv');
    writeActivityCsv(csv, 20_000, 2_000);
    await makeWorkspace(file, csv);

    const run = await runHearth(['share', file, '--to', disk.dir, '--json'], env(dir));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^hearth: The team-share folder .* is full: no bundle was published/);

    const left = listTree(disk.dir);
    expect(left.filter((p) => path.basename(p) === 'manifest.json')).toEqual([]);
    expect(left.filter((p) => p.split(path.sep).some((part) => part.startsWith('.hearth-publishing-')))).toEqual([]);
    // At most the empty per-workspace folder remains.
    expect(left.length).toBeLessThanOrEqual(1);
    const state = await workspaceState(file);
    expect(state.integrity).toBe('ok');
    expect(state.activities).toBe(20_000);
  });
});
