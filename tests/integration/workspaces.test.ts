import { latestSchemaVersion } from '../../db/migrations';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services';
import { createServices } from '../../electron/services';
import { call, testServices } from '../support/services';

let open: Services[] = [];
afterEach(async () => {
  await Promise.all(open.map((s) => s.dispose()));
  open = [];
});
function services(): ReturnType<typeof testServices> {
  const s = testServices();
  open.push(s);
  return s;
}

describe('workspace services', () => {
  it('creates a workspace file in the workspaces folder with its settings', async () => {
    const s = services();
    const created = await call(s, 'workspace/create', { name: '山岚咖啡 社群', timeZone: 'Asia/Shanghai', currency: 'CNY', locale: 'zh-CN' });
    expect(created.path).toBe(path.join(s.dir, 'workspaces', '山岚咖啡 社群.hearth'));
    expect(fs.existsSync(created.path)).toBe(true);
    expect(created).toMatchObject({ name: '山岚咖啡 社群', timeZone: 'Asia/Shanghai', currency: 'CNY', locale: 'zh-CN', schemaVersion: latestSchemaVersion });
    expect(await call(s, 'workspace/current', {})).toEqual(created);

    const second = await call(s, 'workspace/create', { name: '山岚咖啡 社群' });
    expect(path.basename(second.path)).toBe('山岚咖啡 社群 (2).hearth');
  });

  it('never writes outside the workspaces folder from a hostile name', async () => {
    const s = services();
    const created = await call(s, 'workspace/create', { name: '../../etc/passwd' });
    expect(path.dirname(created.path)).toBe(path.join(s.dir, 'workspaces'));
  });

  it('switches between workspaces and keeps a recent list', async () => {
    const s = services();
    const a = await call(s, 'workspace/create', { name: 'Client A' });
    const b = await call(s, 'workspace/create', { name: 'Client B', locale: 'en', currency: 'USD', timeZone: 'America/New_York' });
    expect((await call(s, 'workspace/current', {}))?.path).toBe(b.path);

    await call(s, 'workspace/open', { path: a.path });
    expect((await call(s, 'workspace/current', {}))?.name).toBe('Client A');

    const recent = await call(s, 'workspace/recent', {});
    expect(recent.map((r) => r.name)).toEqual(['Client A', 'Client B']);
    expect(recent.every((r) => r.exists)).toBe(true);

    fs.rmSync(b.path);
    expect((await call(s, 'workspace/recent', {})).find((r) => r.path === b.path)?.exists).toBe(false);
    await call(s, 'workspace/forget', { path: b.path });
    expect((await call(s, 'workspace/recent', {})).map((r) => r.name)).toEqual(['Client A']);
  });

  it('renames and updates settings, persisted in the file', async () => {
    const s = services();
    const ws = await call(s, 'workspace/create', { name: 'Old name' });
    await call(s, 'workspace/rename', { name: '新名字' });
    await call(s, 'workspace/settings/update', { timeZone: 'Europe/Berlin', currency: 'EUR', locale: 'en' });
    await call(s, 'workspace/close', {});
    expect(await call(s, 'workspace/current', {})).toBeNull();

    const reopened = await call(s, 'workspace/open', { path: ws.path });
    expect(reopened).toMatchObject({ name: '新名字', timeZone: 'Europe/Berlin', currency: 'EUR', locale: 'en' });
    expect((await call(s, 'workspace/recent', {}))[0]?.name).toBe('新名字');
  });

  it('rejects invalid settings with invalid_argument and changes nothing', async () => {
    const s = services();
    await call(s, 'workspace/create', { name: 'Acme' });
    const bad = await s.router.call('workspace/settings/update', { timeZone: 'Mars/Olympus' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(JSON.stringify(bad)).toContain('timeZone');
    const extra = await s.router.call('workspace/rename', { name: 'x', path: '/etc' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect((await call(s, 'workspace/current', {}))?.timeZone).toBe('Asia/Shanghai');
  });

  it('answers workspace_not_open and unknown_method as data', async () => {
    const s = services();
    expect(await s.router.call('workspace/info', {})).toMatchObject({ ok: false, error: { code: 'workspace_not_open' } });
    expect(await s.router.call('members/drop-all', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('reports schema version, name and counts', async () => {
    const s = services();
    await call(s, 'workspace/create', { name: 'Counts' });
    expect(await call(s, 'workspace/info', {})).toEqual({
      schemaVersion: latestSchemaVersion,
      name: 'Counts',
      counts: { member: 0, identity: 0, activity: 0, order: 0, survey_response: 0, content_item: 0, incident: 0 },
    });
  });

  it('remembers the UI language across restarts', async () => {
    const s = services();
    expect(await call(s, 'app/preferences/get', {})).toEqual({ language: null });
    await call(s, 'app/preferences/set', { language: 'en' });
    const again = createServices({ homeDir: path.join(s.dir, 'home'), workspacesDir: path.join(s.dir, 'workspaces') });
    open.push(again);
    expect(await call(again, 'app/preferences/get', {})).toEqual({ language: 'en' });
    expect(await again.router.call('app/preferences/set', { language: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });
});
