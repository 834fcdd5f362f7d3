import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server';
import { testServices } from '../support/services';

let running: RunningHost | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function host(): Promise<{ base: string; token: string; dir: string }> {
  const services = testServices();
  const staticDir = path.join(services.dir, 'static');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Hearth</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(services.dir, 'secret.txt'), 'outside');
  running = await startHost({ services, staticDir, maxBodyBytes: 1024 });
  return { base: `http://127.0.0.1:${running.port}`, token: running.token, dir: services.dir };
}

describe('browser host', () => {
  it('binds to 127.0.0.1 and prints a URL with the token', async () => {
    const { token } = await host();
    expect(running?.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=${token}$`));
    expect(token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers API calls only with the token', async () => {
    const { base, token } = await host();
    const without = await fetch(`${base}/api/workspace/current`, { method: 'POST', body: '{}' });
    expect(without.status).toBe(401);
    const wrong = await fetch(`${base}/api/workspace/current`, { method: 'POST', body: '{}', headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${base}/api/workspace/current`, { method: 'POST', body: '{}', headers: { authorization: `Bearer ${token}` } });
    expect(right.status).toBe(200);
    expect(await right.json()).toEqual({ ok: true, data: null });
  });

  it('validates arguments and returns errors as data', async () => {
    const { base, token } = await host();
    const headers = { authorization: `Bearer ${token}` };
    const bad = await fetch(`${base}/api/workspace/create`, { method: 'POST', body: '{"name":""}', headers });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const notJson = await fetch(`${base}/api/workspace/create`, { method: 'POST', body: '{nope', headers });
    expect(notJson.status).toBe(400);
    const big = await fetch(`${base}/api/workspace/create`, { method: 'POST', body: JSON.stringify({ name: 'x'.repeat(5000) }), headers });
    expect(big.status).toBe(413);
  });

  it('offers only files in the exports folder for download, and only with the token', async () => {
    const { base, token, dir } = await host();
    const exportsDir = path.join(dir, 'workspaces', 'Exports');
    fs.mkdirSync(exportsDir, { recursive: true });
    fs.writeFileSync(path.join(exportsDir, 'members.csv'), 'a,b\n');
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(exportsDir, 'link.csv'));
    const url = (file: string, withToken = true) =>
      `${base}/api/download?path=${encodeURIComponent(file)}${withToken ? `&token=${token}` : ''}`;
    const ok = await fetch(url(path.join(exportsDir, 'members.csv')));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toContain('attachment');
    expect((await fetch(url(path.join(exportsDir, 'members.csv'), false))).status).toBe(401);
    for (const probe of [
      path.join(dir, 'secret.txt'),
      path.join(exportsDir, '..', '..', 'secret.txt'),
      path.join(exportsDir, 'link.csv'),
      exportsDir,
      '',
    ]) {
      expect((await fetch(url(probe))).status, probe).toBe(404);
    }
  });

  it('serves the built UI without listings or escapes', async () => {
    const { base } = await host();
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${base}/assets/`)).status).toBe(404);
    for (const probe of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const res = await fetch(`${base}${probe}`);
      expect(res.status, probe).toBe(404);
      expect(await res.text()).not.toContain('outside');
    }
  });
});
