/** Report handlers: preview (the HTML), save (PDF and/or HTML files), and the workspace's branding. */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { readKpiSettings } from '../../../db/queries/kpi-settings';
import { HearthError } from '../../../shared/errors';
import { brandingSchema, type Branding } from '../../../shared/report';
import type { Locale } from '../../../shared/workspace';
import { addDays, localClock } from '../calendar/clock';
import type { ServiceContext } from '../context';
import { exportFileName, writeFileAtomic } from '../exports';
import type { Handlers } from '../router';
import { reportData } from './data';

const BRANDING_KEY = 'reportBranding';
/** A logo is a small picture; anything bigger would bloat every report. */
const MAX_LOGO_BYTES = 2 * 1024 * 1024;
const LOGO_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

function readBranding(sqlite: BetterSqlite3.Database): Branding {
  const row = sqlite.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?').get(BRANDING_KEY);
  const parsed = row ? brandingSchema.safeParse(JSON.parse(row.value)) : null;
  return parsed?.success ? parsed.data : brandingSchema.parse({});
}

/** The logo as a data URL, or null when there is none or it cannot be read (the report goes on without it). */
function logoDataUrl(logoPath: string | null): string | null {
  if (!logoPath) return null;
  const type = LOGO_TYPES[path.extname(logoPath).toLowerCase()];
  try {
    if (!type || fs.statSync(logoPath).size > MAX_LOGO_BYTES) return null;
    return `data:${type};base64,${fs.readFileSync(logoPath).toString('base64')}`;
  } catch {
    return null;
  }
}

/** The last whole calendar month before today, in the workspace's time zone. */
export function lastMonth(today: string): { from: string; to: string } {
  const firstOfThisMonth = `${today.slice(0, 8)}01`;
  const to = addDays(firstOfThisMonth, -1);
  return { from: `${to.slice(0, 8)}01`, to };
}

/**
 * A report's HTML for the request, with the period resolved (default: last month).
 *
 * @example
 * (await buildReport(ctx, { locale: 'zh-CN', maskNames: false })).from // '2026-10-01'
 */
export async function buildReport(
  ctx: ServiceContext,
  input: { from?: string | undefined; to?: string | undefined; locale: Locale; maskNames: boolean },
) {
  const summary = ctx.session.summary();
  if (!summary) throw new HearthError('workspace_not_open', 'No workspace is open');
  const sqlite = ctx.session.workspace.sqlite;
  const today = localClock(summary.timeZone).toLocal(ctx.now()).slice(0, 10);
  const fallback = lastMonth(today);
  const from = input.from ?? (input.to ? `${input.to.slice(0, 8)}01` : fallback.from);
  const to =
    input.to ?? (input.from ? addDays(`${addDays(`${input.from.slice(0, 8)}28`, 4).slice(0, 8)}01`, -1) : fallback.to);
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (!(days >= 0 && days <= 3660)) {
    throw new HearthError('invalid_argument', `A report period runs forward over at most ten years (${from} – ${to})`, {
      field: 'to',
      from,
      to,
    });
  }
  const branding = readBranding(sqlite);
  const data = reportData(sqlite, summary, branding, {
    from,
    to,
    locale: input.locale,
    maskNames: input.maskNames,
    now: ctx.now(),
  });
  // The HTML and its charts load when a report is first made: ECharts alone is ~50 MB of memory
  // (run from source), which every CLI command and import would otherwise carry.
  const { renderReportHtml } = await import('./html');
  const rendered = renderReportHtml(data, readKpiSettings(sqlite).health.activeBand, logoDataUrl(branding.logoPath));
  return { ...rendered, from, to, name: summary.name };
}

export const reportHandlers: Handlers = {
  'report/preview': async (input, ctx) => {
    const started = performance.now();
    const { html, sections, from, to } = await buildReport(ctx, input);
    return { from, to, locale: input.locale, html, sections, elapsedMs: performance.now() - started };
  },

  'report/save': async (input, ctx) => {
    const started = performance.now();
    const { html, from, to, name } = await buildReport(ctx, input);
    const exportsDir = path.join(ctx.workspacesDir, 'Exports');
    const stamp = new Date(ctx.now());
    const target = (given: string | undefined, ext: string) =>
      given ? path.resolve(given) : path.join(exportsDir, exportFileName(name, `report-${from}-${to}`, ext, stamp));
    let htmlPath: string | null = null;
    let pdfPath: string | null = null;
    let pages: number | null = null;
    if (input.html) {
      htmlPath = target(input.htmlPath, 'html');
      writeFileAtomic(htmlPath, html);
    }
    if (input.pdf) {
      pdfPath = target(input.pdfPath, 'pdf');
      pages = (await ctx.printPdf(html, pdfPath, { locale: input.locale })).pages;
    }
    return { from, to, pdfPath, htmlPath, pages, elapsedMs: performance.now() - started };
  },

  'report/branding/get': async (_input, ctx) => readBranding(ctx.session.workspace.sqlite),

  'report/branding/set': async (input, ctx) => {
    const sqlite = ctx.session.workspace.sqlite;
    sqlite
      .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(BRANDING_KEY, JSON.stringify(input));
    ctx.events.emit({ type: 'data/changed', path: ctx.session.workspace.file });
    return readBranding(sqlite);
  },
};
