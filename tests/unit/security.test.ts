import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isExternalUrlAllowed, secureWebPreferences } from '../../electron/main/security';

describe('Electron window security', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = secureWebPreferences('/app/preload/index.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has a CSP without eval or remote sources, the same one the page declares', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    const html = fs.readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(meta).not.toMatch(/unsafe-eval/);
    expect(meta).toMatch(/script-src 'self'/);
  });

  it('opens only http(s) links externally', () => {
    expect(isExternalUrlAllowed('https://example.com')).toBe(true);
    expect(isExternalUrlAllowed('file:///etc/passwd')).toBe(false);
    expect(isExternalUrlAllowed('javascript:alert(1)')).toBe(false);
    expect(isExternalUrlAllowed('smb://nas/share')).toBe(false);
    expect(isExternalUrlAllowed('not a url')).toBe(false);
  });

  it('keeps the preload CommonJS so the window can stay sandboxed', () => {
    const config = fs.readFileSync('electron.vite.config.ts', 'utf8');
    expect(config).toMatch(/format: 'cjs', entryFileNames: '\[name\]\.cjs'/);
    expect(fs.readFileSync('electron/main/index.ts', 'utf8')).toMatch(/preload\/index\.cjs/);
  });
});
