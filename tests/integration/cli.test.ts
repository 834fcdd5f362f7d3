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
});
