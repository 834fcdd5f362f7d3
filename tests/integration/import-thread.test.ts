import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaceFile, openWorkspaceFile } from '../../db/open';
import { runImport } from '../../electron/services/import/run';
import { runImportOffThread } from '../../electron/services/import/run-thread';
import { HearthError } from '../../shared/errors';
import { fixture } from '../support/import-harness';

// Worker threads open the workspace by path: folders stay until the test ends.
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function workspace(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-import-thread-'));
  dirs.push(dir);
  const file = path.join(dir, 'w.hearth');
  await createWorkspaceFile(file).close();
  return file;
}

const options = (signal = new AbortController().signal) => ({
  timeZone: 'Asia/Shanghai',
  onProblem: 'skip' as const,
  signal,
  now: () => 1_790_000_000_000,
});

describe('imports on a worker thread', () => {
  it('gives the same result as on the calling thread, from another thread', async () => {
    const json = fixture('discord/guild-general.json');
    const threads: number[] = [];
    const progress: number[] = [];
    const off = await runImportOffThread(
      await workspace(),
      json,
      { ...options(), onProgress: (p) => progress.push(p.records) },
      (id) => threads.push(id),
    );
    const here = await runImport(await workspace(), json, options());
    expect(threads).toHaveLength(1);
    expect(threads[0]).toBeGreaterThan(0);
    expect(off).toEqual(here);
    expect(off.activities.added).toBeGreaterThan(5);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('brings errors back as the same HearthError, naming file and line', async () => {
    const broken = fixture('tables/broken-quote.csv');
    const file = await workspace();
    const failures = await Promise.all(
      [
        runImportOffThread(file, broken, { ...options(), format: 'csv', onProblem: 'abort' }),
        runImport(file, broken, { ...options(), format: 'csv', onProblem: 'abort' }),
      ].map((p) =>
        p.then(
          () => null,
          (error: unknown) => error,
        ),
      ),
    );
    expect(failures[0]).toBeInstanceOf(HearthError);
    expect((failures[0] as HearthError).toData()).toEqual((failures[1] as HearthError).toData());
    expect((failures[0] as HearthError).message).toMatch(/broken-quote\.csv:\d+/);
  });

  it('a cancel leaves nothing behind', async () => {
    const controller = new AbortController();
    const file = await workspace();
    const running = runImportOffThread(file, fixture('discord/guild-general.json'), options(controller.signal));
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'import_cancelled' });
    const check = openWorkspaceFile(file);
    try {
      expect(check.sqlite.prepare('SELECT count(*) AS n FROM activity').get()).toEqual({ n: 0 });
      expect(check.sqlite.prepare('SELECT count(*) AS n FROM import_batch').get()).toEqual({ n: 0 });
    } finally {
      await check.close();
    }
  });

  it('runs on the calling thread when the worker cannot start', async () => {
    const json = fixture('discord/guild-general.json');
    const broken = { script: 'throw new Error("no worker here")', eval: true };
    const result = await runImportOffThread(await workspace(), json, options(), undefined, broken);
    expect(result).toEqual(await runImport(await workspace(), json, options()));
    expect(result.activities.added).toBeGreaterThan(5);
  });
});
