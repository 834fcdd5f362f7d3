import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../electron/services/demo-workspace';
import type { Services } from '../../electron/services';
import { escapeHtml, maskName } from '../../electron/services/report/html';
import { call, testServices } from '../support/services';

// 2026-11-24 16:00 in Shanghai: "last month" is October.
const NOW = Date.UTC(2026, 10, 24, 8);
let services: Services & { dir: string };

beforeEach(() => {
  services = testServices(NOW);
});
afterEach(async () => {
  await services.dispose();
});

async function demo(): Promise<string> {
  const file = path.join(services.dir, 'demo.hearth');
  await createDemoWorkspace(file, { members: 300, seed: 11, now: NOW });
  await call(services, 'workspace/open', { path: file });
  return file;
}

describe('stakeholder reports', () => {
  it('reports last month by default, escapes every name from the data and masks names on request', async () => {
    await demo();
    const sqlite = services.ctx.session.workspace.sqlite;
    // The top advocate gets a name that would be markup if printed raw.
    const top = (
      await call(services, 'members/grid', {
        filter: { koc: true },
        sort: [{ colId: 'influence', sort: 'desc' }],
        start: 0,
        limit: 1,
      })
    ).rows[0];
    if (!top) throw new Error('the demo has no KOC');
    const evil = '<script>alert("x")</script>';
    sqlite.prepare('UPDATE member SET display_name = ? WHERE id = ?').run(evil, top.id);
    sqlite.prepare('UPDATE member_label SET name = ? WHERE member_id = ?').run(evil, top.id);

    const preview = await call(services, 'report/preview', { locale: 'zh-CN' });
    expect([preview.from, preview.to]).toEqual(['2026-10-01', '2026-10-31']);
    expect(preview.html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(preview.html).not.toContain('<script');
    expect(preview.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(preview.html).toContain('2026-10-01 – 2026-10-31');
    // Self-contained: nothing to fetch.
    expect(preview.html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(preview.sections.find((s) => s.id === 'summary')?.hasData).toBe(true);
    expect(preview.sections.find((s) => s.id === 'content')?.hasData).toBe(true);

    const masked = await call(services, 'report/preview', { locale: 'en', maskNames: true });
    expect(masked.html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(masked.html).toContain('Executive summary');
    expect(masked.html).not.toContain('alert(');
    expect(masked.html).toContain(escapeHtml(maskName(evil)));
    expect(maskName('王小芳')).toBe('王**');
    expect(maskName('Alice Wang')).toBe('A***');
  });

  it('prints an A4 PDF whose text holds the workspace, the period and the KPI numbers', async () => {
    await demo();
    const pdfPath = path.join(services.dir, 'report.pdf');
    const htmlPath = path.join(services.dir, 'report.html');
    const saved = await call(services, 'report/save', {
      from: '2026-10-01',
      to: '2026-10-31',
      locale: 'zh-CN',
      pdfPath,
      htmlPath,
    });
    expect(saved).toMatchObject({ from: '2026-10-01', to: '2026-10-31', pdfPath, htmlPath });
    expect(saved.pages).toBeGreaterThan(3);
    expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.readFileSync(htmlPath, 'utf8')).toMatch(/^<!doctype html>/);

    // Reading order for headings and the scorecard; the layout for the metric table's rows.
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
    const layout = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).split('\n');
    const name = services.ctx.session.summary()?.name ?? '';
    expect(text).toContain(name);
    expect(text).toContain('2026-10-01 – 2026-10-31');
    // Page numbers in the footer (pdftotext drops the spaces around the slash).
    expect(text.replace(/ /g, '')).toContain(`1/${saved.pages}`);
    const kpi = await call(services, 'kpi/dashboard', { from: '2026-10-01', to: '2026-10-31', language: 'zh-CN' });
    const value = (id: string) => kpi.metrics.find((m) => m.id === id)?.value ?? null;
    // The key-metrics table's row: the name, this period, the previous period and the change.
    const row = (label: string) =>
      layout.map((line) => line.trim().split(/\s{2,}/)).find((cells) => cells[0] === label && cells.length === 4) ?? [];
    for (const [id, label] of [
      ['members_total', '成员总数'],
      ['mau', '月活'],
      ['members_new', '新增成员'],
    ] as const) {
      const v = value(id);
      if (v === null) throw new Error(`no ${id}`);
      // Name, this period, the previous period, the change; grouped digits as Intl writes them.
      expect(row(label)[1]).toBe(v.toLocaleString('zh-CN'));
    }
    const score = kpi.scorecard.score;
    if (score !== null) expect(text.replace(/\s+/g, ' ')).toContain(`综合评分 ${Math.round(score)}`);
  });

  it('says so where a section has no data, and keeps the branding', async () => {
    await call(services, 'workspace/create', { name: 'Empty & <Co>', timeZone: 'Asia/Shanghai', locale: 'en' });
    const branding = await call(services, 'report/branding/set', {
      title: 'Brand "Q"',
      colour: '#123456',
      logoPath: null,
    });
    expect(branding).toEqual({ title: 'Brand "Q"', colour: '#123456', logoPath: null });
    const preview = await call(services, 'report/preview', { locale: 'en', from: '2026-10-01', to: '2026-10-31' });
    expect(preview.sections.filter((s) => s.hasData).map((s) => s.id)).toEqual(['definitions']);
    expect(preview.html.match(/No data for this period\./g)?.length).toBe(9);
    expect(preview.html).toContain('Brand &quot;Q&quot;');
    expect(preview.html).toContain('--brand: #123456');
    await expect(
      call(services, 'report/preview', { locale: 'en', from: '2026-10-31', to: '2026-10-01' }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
