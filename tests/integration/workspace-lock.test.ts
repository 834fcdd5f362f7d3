import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/services';
import { hearth } from '../support/cli';
import { call } from '../support/services';
import { tempDir } from '../support/tmp';

const open: Services[] = [];
function services(dir: string, name: string): Services {
  const s = createServices({ homeDir: path.join(dir, `home-${name}`), workspacesDir: path.join(dir, 'ws') });
  open.push(s);
  return s;
}
afterEach(async () => {
  for (const s of open.splice(0)) await s.dispose();
});

describe('one Hearth per workspace', () => {
  it('refuses a second Hearth while the first has the workspace open, and lets it in once closed', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'client.hearth');
    const first = services(dir, 'a');
    await call(first, 'workspace/create', { name: 'Client', path: file });
    const second = services(dir, 'b');
    await expect(call(second, 'workspace/open', { path: file })).rejects.toMatchObject({
      code: 'workspace_locked',
      details: { pid: process.pid, host: os.hostname() },
    });
    // Another process (the CLI) is refused the same way, and the file is untouched by it.
    const cli = hearth(['info', file, '--json'], { HEARTH_HOME: path.join(dir, 'home-cli') });
    expect(cli.status).not.toBe(0);
    expect(cli.stderr).toMatch(/open in another Hearth/);
    await call(first, 'workspace/close', {});
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    expect((await call(second, 'workspace/open', { path: file })).name).toBe('Client');
  });

  it('takes over a lock left by a process that died on this machine, but not one from another machine', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'client.hearth');
    const maker = services(dir, 'a');
    await call(maker, 'workspace/create', { name: 'Client', path: file });
    await call(maker, 'workspace/close', {});
    // A pid far above any live one on this machine.
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), since: 0 }));
    const s = services(dir, 'b');
    expect((await call(s, 'workspace/open', { path: file })).name).toBe('Client');
    await call(s, 'workspace/close', {});
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: 1, host: 'nas-laptop-2', since: 0 }));
    await expect(call(s, 'workspace/open', { path: file })).rejects.toMatchObject({
      code: 'workspace_locked',
      details: { host: 'nas-laptop-2' },
    });
  });
});
