/**
 * The e2e harness: the real browser host (real services, real workspace files in a temp folder)
 * and Debian's Chromium driven by playwright-core. Saves a screenshot and the page's console log
 * when a test fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServices, type Services } from '../../../electron/services';
import { startHost, type RunningHost } from '../../../electron/host/server';

export const root = path.resolve(import.meta.dirname, '../../..');
export const resultsDir = path.join(root, 'test-results');

export interface App {
  services: Services;
  host: RunningHost;
  browser: Browser;
  page: Page;
  dir: string;
  console: string[];
  /** Saves a screenshot under test-results/screenshots and returns its path. */
  screenshot(name: string): Promise<string>;
  close(failed: boolean, testName: string): Promise<void>;
}

function chromiumPath(): string {
  const candidates = [process.env.HEARTH_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((c): c is string => !!c && fs.existsSync(c));
  if (!found) throw new Error('No Chromium found: run the tests with npm test (it installs one) or set HEARTH_CHROMIUM');
  return found;
}

export async function launchApp(options: { locale?: string } = {}): Promise<App> {
  const staticDir = path.join(root, 'out', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error('out/renderer is not built: run npm test (it builds first) or npm run build');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-e2e-'));
  const services = createServices({ homeDir: path.join(dir, 'home'), workspacesDir: path.join(dir, 'workspaces') });
  const host = await startHost({ services, staticDir });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: options.locale ?? 'zh-CN' });
  const page = await context.newPage();
  const log: string[] = [];
  page.on('console', (m) => log.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => log.push(`[pageerror] ${e.message}`));
  await page.goto(host.url);

  const screenshot = async (name: string): Promise<string> => {
    const file = path.join(resultsDir, 'screenshots', `${name}.png`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };

  return {
    services,
    host,
    browser,
    page,
    dir,
    console: log,
    screenshot,
    async close(failed, testName) {
      if (failed) {
        const safe = testName.replace(/[^\w-]+/g, '_');
        await screenshot(`FAILED-${safe}`).catch(() => undefined);
        fs.mkdirSync(resultsDir, { recursive: true });
        fs.writeFileSync(path.join(resultsDir, `FAILED-${safe}.log`), log.join('\n'));
      }
      await browser.close();
      await host.close();
      await services.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
