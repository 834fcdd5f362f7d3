import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/services';
import { createDemoWorkspace } from '../../electron/services/demo-workspace';
import { safeFolderName } from '../../electron/services/share/bundle';
import type { HearthError } from '../../shared/errors';
import { hearth } from '../support/cli';
import { call } from '../support/services';
import { tempDir } from '../support/tmp';

const NOW = Date.UTC(2026, 10, 24, 8, 5);
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
let services: Services | null = null;

function start(dir: string, options: Partial<Parameters<typeof createServices>[0]> = {}): Services {
  services = createServices({
    homeDir: path.join(dir, 'home'),
    workspacesDir: path.join(dir, 'ws'),
    now: () => NOW,
    ...options,
  });
  return services;
}
afterEach(async () => {
  await services?.dispose();
  services = null;
});

async function expectError(promise: Promise<unknown>, code: string): Promise<HearthError> {
  try {
    await promise;
  } catch (error) {
    expect((error as HearthError).code).toBe(code);
    return error as HearthError;
  }
  throw new Error(`expected ${code}`);
}

describe('team share bundles', () => {
  it('publishes a complete bundle atomically, restores it identically, and refuses a tampered file', async () => {
    const dir = tempDir();
    const demo = path.join(dir, 'demo.hearth');
    await createDemoWorkspace(demo, { members: 150, seed: 4, now: NOW });
    const s = start(dir);
    await call(s, 'workspace/open', { path: demo });
    const share = path.join(dir, 'share');
    fs.mkdirSync(share);
    await call(s, 'share/settings/set', { folder: share });

    const published = await call(s, 'share/publish', { locale: 'zh-CN' });
    // 16:05 in Shanghai.
    expect(path.basename(published.bundle)).toBe('2026-11-24_1605');
    expect(path.dirname(published.bundle)).toBe(path.join(share, safeFolderName('山岚咖啡 · 咖啡社群')));
    expect(published.manifest.files.map((f) => f.name)).toEqual([
      'calendar.csv',
      'calendar.ics',
      'incidents.csv',
      'members.csv',
      'report.html',
      'report.pdf',
      'snapshot.hearth',
    ]);
    for (const f of published.manifest.files) {
      expect(sha(path.join(published.bundle, f.name))).toBe(f.sha256);
      expect(fs.statSync(path.join(published.bundle, f.name)).size).toBe(f.size);
    }
    // No temporary folder is left beside it; a second publish in the same minute never overwrites.
    expect(fs.readdirSync(path.dirname(published.bundle))).toEqual(['2026-11-24_1605']);
    const again = await call(s, 'share/publish', {});
    expect(path.basename(again.bundle)).toBe('2026-11-24_1605_2');
    expect((await call(s, 'share/bundles', {})).map((b) => b.name).sort()).toEqual([
      '2026-11-24_1605',
      '2026-11-24_1605_2',
    ]);

    const info = await call(s, 'workspace/info', {});
    const restored = path.join(dir, 'restored.hearth');
    const summary = await call(s, 'share/restore', { bundle: published.bundle, to: restored });
    expect(summary.path).toBe(restored);
    expect(await call(s, 'workspace/info', {})).toEqual(info);
    expect(s.ctx.session.workspace.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await expectError(call(s, 'share/restore', { bundle: published.bundle, to: restored }), 'workspace_exists');

    fs.appendFileSync(path.join(again.bundle, 'members.csv'), 'x');
    const refused = await expectError(
      call(s, 'share/restore', { bundle: again.bundle, to: path.join(dir, 'nope.hearth') }),
      'bundle_invalid',
    );
    expect(refused.details).toMatchObject({ file: 'members.csv' });
    expect(fs.existsSync(path.join(dir, 'nope.hearth'))).toBe(false);
  });

  it('leaves no bundle when publishing fails half-way, and keeps a hostile workspace name inside the share', async () => {
    const dir = tempDir();
    const s = start(dir, {
      printPdf: async () => {
        throw new Error('disk full');
      },
    });
    await call(s, 'workspace/create', { name: '../../逃逸', timeZone: 'Asia/Shanghai' });
    const share = path.join(dir, 'share');
    fs.mkdirSync(share);
    await expect(call(s, 'share/publish', { to: share })).rejects.toThrow(/disk full/);
    const folders = fs.readdirSync(share);
    expect(folders).toEqual([safeFolderName('../../逃逸')]);
    expect(fs.readdirSync(path.join(share, folders[0] ?? ''))).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(['home', 'share', 'ws']);
  });

  it('lists a portfolio without changing or locking the client files', async () => {
    const dir = tempDir();
    const clients = path.join(dir, 'clients');
    fs.mkdirSync(clients);
    await createDemoWorkspace(path.join(clients, 'a.hearth'), { members: 120, seed: 1, now: NOW });
    fs.writeFileSync(path.join(clients, 'broken.hearth'), 'not sqlite at all');
    const before = fs.readdirSync(clients).map((f) => [f, sha(path.join(clients, f))]);
    const s = start(dir);
    const rows = await call(s, 'portfolio/list', { folder: clients });
    expect(rows.map((r) => [path.basename(r.path), r.problem])).toEqual([
      ['a.hearth', null],
      ['broken.hearth', 'unreadable'],
    ]);
    const a = rows[0];
    expect(a?.members).toBeGreaterThan(0);
    expect(a?.activeRatio).toBeGreaterThan(0);
    expect(['green', 'yellow', 'orange', 'red']).toContain(a?.health);
    expect(a?.openIncidents).toBe(0);
    expect(fs.readdirSync(clients).map((f) => [f, sha(path.join(clients, f))])).toEqual(before);
  });

  it('shares and restores through the CLI with identical info --json', async () => {
    const dir = tempDir();
    const env = { HEARTH_HOME: path.join(dir, 'home'), HEARTH_WORKSPACES_DIR: path.join(dir, 'ws') };
    const file = path.join(dir, 'demo.hearth');
    expect(hearth(['demo', file, '--members', '80', '--seed', '2'], env).status).toBe(0);
    const missing = hearth(['share', file, '--to', path.join(dir, 'share'), '--json'], env);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/does not exist/);
    fs.mkdirSync(path.join(dir, 'share'));
    const ok = hearth(['share', file, '--to', path.join(dir, 'share'), '--json'], env);
    expect(ok.status, ok.stderr).toBe(0);
    const { bundle, manifest } = JSON.parse(ok.stdout) as { bundle: string; manifest: { files: { name: string }[] } };
    expect(manifest.files.some((f) => f.name === 'snapshot.hearth')).toBe(true);
    const target = path.join(dir, 'restored.hearth');
    const restored = hearth(['restore', bundle, '--to', target], env);
    expect(restored.status, restored.stderr).toBe(0);
    const info = (f: string) => JSON.parse(hearth(['info', f, '--json'], env).stdout) as Record<string, unknown>;
    expect(info(target)).toEqual(info(file));
  });
});
