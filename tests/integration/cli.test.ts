import { latestSchemaVersion } from '../../db/migrations';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hearth } from '../support/cli';
import { tempDir } from '../support/tmp';

function env(dir: string): Record<string, string> {
  return { HEARTH_HOME: path.join(dir, 'home'), HEARTH_WORKSPACES_DIR: path.join(dir, 'ws') };
}

describe('hearth CLI', () => {
  it('creates an empty workspace and reports it with info --json', () => {
    const dir = tempDir();
    const file = path.join(dir, 'acme.hearth');
    const created = hearth(['create', file, '--name', '山岚咖啡', '--tz', 'Asia/Shanghai'], env(dir));
    expect(created.status, created.stderr).toBe(0);
    const info = hearth(['info', file, '--json'], env(dir));
    expect(info.status, info.stderr).toBe(0);
    expect(JSON.parse(info.stdout)).toEqual({
      schemaVersion: latestSchemaVersion,
      name: '山岚咖啡',
      counts: { member: 0, identity: 0, activity: 0, order: 0, survey_response: 0, content_item: 0, incident: 0 },
    });
  });

  it('fails with one clear line on stderr and a non-zero exit', () => {
    const dir = tempDir();
    const missing = hearth(['info', path.join(dir, 'nope.hearth'), '--json'], env(dir));
    expect(missing.status).not.toBe(0);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^hearth: No workspace file at .*nope\.hearth/);

    const notOurs = path.join(dir, 'notes.hearth');
    fs.writeFileSync(notOurs, 'hello');
    const refused = hearth(['info', notOurs, '--json'], env(dir));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/not a Hearth workspace/);
    expect(fs.readFileSync(notOurs, 'utf8')).toBe('hello');

    const badTz = hearth(['create', path.join(dir, 'x.hearth'), '--tz', 'Mars/Base'], env(dir));
    expect(badTz.status).toBe(2);
    expect(badTz.stderr).toMatch(/timeZone/);
    expect(fs.existsSync(path.join(dir, 'x.hearth'))).toBe(false);

    const typo = hearth(['create', path.join(dir, 'y.hearth'), '--nmae', 'x'], env(dir));
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/Unknown option --nmae/);
  });

  it('makes the demo workspace deterministically and reports its row counts', () => {
    const dir = tempDir();
    const runs = ['a', 'b'].map((name) => {
      const file = path.join(dir, `${name}.hearth`);
      const demo = hearth(['demo', file, '--members', '120', '--seed', '5', '--now', '2026-06-01'], env(dir));
      expect(demo.status, demo.stderr).toBe(0);
      const { seconds, ...counts } = JSON.parse(demo.stdout) as Record<string, number>;
      expect(seconds).toBeGreaterThan(0);
      const info = JSON.parse(hearth(['info', file, '--json'], env(dir)).stdout) as { counts: Record<string, number> };
      expect(info.counts).toEqual(counts);
      return counts;
    });
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]).toMatchObject({ member: 120, incident: 1 });
    expect(runs[0]?.activity).toBeGreaterThan(120 * 4);
  });
});
