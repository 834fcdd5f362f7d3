import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtCliIsCurrent } from '../../electron/bootstrap/hearth.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-cli-bootstrap-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `npm run hearth -- <args>` as the script runs it; `fromSource` forces the sources. */
function hearth(
  args: readonly string[],
  fromSource: boolean,
): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [path.join(root, 'electron', 'bootstrap', 'hearth.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, HEARTH_HOME: dir, HEARTH_CLI_FROM_SOURCE: fromSource ? '1' : '0' },
    timeout: 60_000,
  });
}

describe('npm run hearth', () => {
  it('gives the same answers from the sources and as it runs by default', () => {
    const file = path.join(dir, '社群.hearth');
    const created = hearth(['create', file, '--tz', 'Asia/Shanghai'], false);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const imported = hearth(
      ['import', file, path.join(root, 'tests/fixtures/import/discord/guild-general.json'), '--json'],
      false,
    );
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).activities.added).toBeGreaterThan(0);
    const info = (fromSource: boolean): unknown => {
      const run = hearth(['batches', file, '--json'], fromSource);
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout);
    };
    expect(info(false)).toEqual(info(true));
    const bad = [hearth(['nonsense'], false), hearth(['nonsense'], true)];
    expect(bad.map((r) => [r.status, r.stderr])).toEqual([
      [2, 'hearth: Unknown command "nonsense". Try: npm run hearth -- help\n'],
      [2, 'hearth: Unknown command "nonsense". Try: npm run hearth -- help\n'],
    ]);
  });

  it('counts the built CLI current only while it is newer than every source file', () => {
    const built = path.join(root, 'out', 'main', 'cli.js');
    if (!fs.existsSync(built)) {
      expect(builtCliIsCurrent()).toBe(false);
      return;
    }
    const { atime, mtime } = fs.statSync(built);
    try {
      fs.utimesSync(built, atime, new Date(0));
      expect(builtCliIsCurrent()).toBe(false);
    } finally {
      fs.utimesSync(built, atime, mtime);
    }
  });
});
