import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../electron/services/demo-workspace';
import { launchApp, type App } from './support/app';
import { ReportsPage } from './pages/reports';
import { Shell } from './pages/shell';

let app: App;
let failed = false;
beforeEach(async () => {
  failed = true;
  app = await launchApp({ locale: 'zh-CN' });
});
afterEach(async (context) => {
  await app.close(failed || context.task.result?.state === 'fail', context.task.name);
});

/** The last whole calendar month before today in `timeZone`, worked out independently of the app. */
function lastMonthIn(timeZone: string): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(Date.now());
  const [year, month] = today.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 2, 1));
  const last = new Date(Date.UTC(year, month - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

async function openReports(): Promise<ReportsPage> {
  const shell = new Shell(app.page);
  await shell.go('reports');
  return new ReportsPage(app.page);
}

// A 1×1 PNG, for the logo.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('Reports, in Chromium against the browser host', () => {
  it('previews last month of the demo, in English, with names masked, and saves PDF + HTML', async () => {
    const shell = new Shell(app.page);
    await shell.byTestId('page-welcome').waitFor();
    const demoPath = path.join(app.dir, '演示.hearth');
    await createDemoWorkspace(demoPath, { members: 600, seed: 7, now: Date.now() });
    await shell.openByPath(demoPath);
    const summary = (await app.services.router.invoke('workspace/current', {})) as { name: string; timeZone: string };
    const page = await openReports();
    const { from, to } = lastMonthIn(summary.timeZone);

    // Default: last month, the workspace's language, names in full.
    await page.waitForPreview({ locale: 'zh-CN', mask: false, range: `${from}/${to}` });
    expect(await page.id('report-range').getAttribute('data-range')).toBe(`${from}/${to}`);
    const zh = await page.previewText();
    expect(zh).toContain(summary.name);
    expect(zh).toContain(`${from} – ${to}`);
    expect(zh).toContain('摘要');
    const sections = await page.sections();
    expect(Object.keys(sections)).toHaveLength(10);
    expect(sections['summary']).toBe(true);
    expect(sections['advocates']).toBe(true);
    await app.screenshot('reports-demo-zh');

    // A member named in the advocates table, to look for once names are masked.
    const name = (await page.preview().locator('#advocates tbody tr td').first().innerText()).trim();
    expect([...name].length).toBeGreaterThan(1);

    await page.setLocale('en');
    await page.waitForPreview({ locale: 'en', mask: false });
    const english = await page.previewText();
    expect(english).toContain('Executive summary');
    expect(english).toContain('Key metrics');
    expect(english).not.toContain('摘要');
    // The page around the preview stays in the UI's language.
    expect(await page.id('report-save-both').innerText()).toBe('保存 PDF + HTML');

    await page.setMask(true);
    await page.waitForPreview({ locale: 'en', mask: true });
    await page.preview().getByText('Names are masked for readers outside the team.').first().waitFor();
    const masked = await page.previewText();
    expect(masked).not.toContain(name);
    const firstCell = (await page.preview().locator('#advocates tbody tr td').first().innerText()).trim();
    expect(firstCell).toMatch(/^.\*+$/u);
    await app.screenshot('reports-demo-en-masked');

    const saved = await page.save('both');
    expect(saved.pages).toBeGreaterThan(1);
    expect(fs.readFileSync(saved.pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const html = fs.readFileSync(saved.htmlPath, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toContain(name);
    const htmlHref = (await page.id('report-download-html').getAttribute('href')) ?? '';
    const pdfHref = (await page.id('report-download-pdf').getAttribute('href')) ?? '';
    const fetched = await app.page.evaluate(
      async ([h, p]) => {
        const text = await (await fetch(h)).text();
        const bytes = new Uint8Array(await (await fetch(p)).arrayBuffer());
        return { text: text.slice(0, 15), pdf: String.fromCharCode(...bytes.subarray(0, 5)) };
      },
      [htmlHref, pdfHref] as const,
    );
    expect(fetched).toEqual({ text: '<!doctype html>', pdf: '%PDF-' });
    await app.screenshot('reports-saved');
    expect(app.console.filter((line) => /Content Security Policy|pageerror/i.test(line))).toEqual([]);
    failed = false;
  });

  it('shows sections without data as such, and puts saved branding on the cover', async () => {
    const shell = new Shell(app.page);
    await shell.byTestId('page-welcome').waitFor();
    await shell.createWorkspace({ name: '空白社群' });
    const page = await openReports();
    await page.setCustom('2026-01-01', '2026-03-31');
    await page.waitForPreview({ locale: 'zh-CN', range: '2026-01-01/2026-03-31' });
    const sections = await page.sections();
    expect(sections['advocates']).toBe(false);
    const noData = page.id('report-section-nodata');
    expect(await noData.count()).toBe(Object.values(sections).filter((has) => !has).length);
    expect(await noData.first().innerText()).toBe('无数据');
    expect(await page.previewText()).toContain('空白社群');

    const logo = path.join(app.dir, 'logo.png');
    fs.writeFileSync(logo, PNG);
    await page.setBranding({ title: '拾光咖啡', colour: '#2b6cb9', logoFile: logo });
    await page.preview().locator('.cover h1', { hasText: '拾光咖啡' }).waitFor();
    expect(await page.preview().locator('.cover img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await app.services.router.invoke('report/branding/get', {})).toMatchObject({
      title: '拾光咖啡',
      colour: '#2b6cb9',
    });
    await app.screenshot('reports-branding');
    failed = false;
  });
});
