/**
 * A full stakeholder report for the demo workspace: gathering the data, rendering the HTML with
 * its SVG charts, and printing the A4 PDF in headless Chromium (target: under 3 s). The baseline is
 * the KPI dashboard computation alone, the report's largest single input.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openWorkspaceFile } from '../../../db/open';
import { readKpiSettings } from '../../../db/queries/kpi-settings';
import { computeDashboard } from '../../../electron/services/kpi/dashboard';
import { reportData } from '../../../electron/services/report/data';
import { renderReportHtml } from '../../../electron/services/report/html';
import { chromiumPdfPrinter } from '../../../electron/services/report/pdf';
import { comparePeriod, isoToDay } from '../../../shared/kpi/period';
import { brandingSchema } from '../../../shared/report';
import { dayResolver, dayToIso } from '../../../shared/time';
import { DEMO_NOW, DEMO_TZ, demoWorkspaceFile, medianMs } from '../demo-workspace';
import { type BenchCase, result } from '../types';

export const report: BenchCase = {
  name: 'report',
  description:
    'full report (data + HTML + SVG charts + A4 PDF in Chromium) for the last 30 days; baseline: the KPI dashboard alone',
  async run({ members, sharedDir, tmpDir, log }) {
    const file = await demoWorkspaceFile(sharedDir, members, log, 'report');
    const ws = openWorkspaceFile(file);
    try {
      const sqlite = ws.sqlite;
      const today = dayResolver(DEMO_TZ)(DEMO_NOW);
      const from = dayToIso(today - 29);
      const to = dayToIso(today);
      const workspace = { name: '山岚咖啡 · 咖啡社群', timeZone: DEMO_TZ, currency: 'CNY' };
      const settings = readKpiSettings(sqlite);
      const period = { from: isoToDay(from), to: isoToDay(to) };
      // Warm the KPI cache first, as any open dashboard has.
      computeDashboard(sqlite, {
        period,
        previous: comparePeriod(period, 'previous'),
        timeZone: DEMO_TZ,
        language: 'zh-CN',
        now: DEMO_NOW,
        settings,
      });
      const dashboardMs = medianMs(3, () =>
        computeDashboard(sqlite, {
          period,
          previous: comparePeriod(period, 'previous'),
          timeZone: DEMO_TZ,
          language: 'zh-CN',
          now: DEMO_NOW,
          settings,
        }),
      );
      const runs: number[] = [];
      let pages = 0;
      for (let i = 0; i < 3; i += 1) {
        const started = performance.now();
        const data = reportData(sqlite, workspace, brandingSchema.parse({}), {
          from,
          to,
          locale: 'zh-CN',
          maskNames: false,
          now: DEMO_NOW,
        });
        const { html } = renderReportHtml(data, settings.health.activeBand, null);
        const pdf = path.join(tmpDir, `report-${i}.pdf`);
        pages = (await chromiumPdfPrinter(html, pdf, { locale: 'zh-CN' })).pages;
        runs.push(performance.now() - started);
        if (!fs.existsSync(pdf)) throw new Error('no PDF written');
      }
      runs.sort((a, b) => a - b);
      const median = runs[1] ?? 0;
      log(
        `report: ${runs.map((t) => t.toFixed(0)).join(' / ')} ms for ${pages} pages; dashboard alone ${dashboardMs.toFixed(0)} ms`,
      );
      return [
        result('report.full_ms', median, 'ms', dashboardMs, { max: 3000 }),
        result('report.pages', pages, 'pages', null),
      ];
    } finally {
      await ws.close();
    }
  },
};
