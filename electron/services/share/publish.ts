/**
 * Publishing a team-share bundle and restoring one. A bundle holds the period's report (PDF and
 * HTML), members.csv, the calendar (.ics and .csv), incidents.csv, a consistent snapshot of the
 * workspace taken with SQLite's online backup while the app keeps working, and manifest.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { listIncidents } from '../../../db/queries/crisis';
import { listBacklog } from '../../../db/queries/calendar';
import { readMemberRules } from '../../../db/queries/member-rules';
import { openWorkspaceFile } from '../../../db/open';
import { latestSchemaVersion } from '../../../db/migrations';
import { HearthError, isDiskFull } from '../../../shared/errors';
import { memberColumns } from '../../../shared/member-grid';
import type { Locale } from '../../../shared/workspace';
import { workspaceFileStem } from '../../../shared/workspace';
import type { PublishResult } from '../../../shared/share';
import { dayResolver } from '../../../shared/time';
import { localClock } from '../calendar/clock';
import { calendarCsv, exportItems } from '../calendar/csv';
import { calendarIcs } from '../calendar/ics';
import { toContentItem } from '../calendar/model';
import type { ServiceContext } from '../context';
import { writeFileAtomic } from '../exports';
import { exportMembersCsv } from '../members/export';
import { resolveMemberFilter } from '../members/filter';
import { buildReport } from '../report/handlers';
import { bundleStamp, finishBundle, safeFolderName, startBundle, verifyBundle } from './bundle';

const SNAPSHOT = 'snapshot.hearth';

function incidentsCsv(ctx: ServiceContext, timeZone: string): string {
  const clock = localClock(timeZone);
  const rows = listIncidents(ctx.session.workspace.sqlite).map((i) => [
    i.id,
    i.title,
    i.isDrill ? 'drill' : '',
    i.colour,
    i.level,
    i.status,
    clock.toLocal(i.startedAt),
    i.closedAt === null ? '' : clock.toLocal(i.closedAt),
    i.playbookName ?? '',
    i.postmortem?.summary ?? '',
  ]);
  const header = ['id', 'title', 'drill', 'colour', 'level', 'status', 'started', 'closed', 'playbook', 'summary'];
  return `\uFEFF${Papa.unparse([header, ...rows], { escapeFormulae: true, newline: '\r\n' })}\r\n`;
}

/**
 * Builds a bundle in a temporary folder inside the share and moves it into place; on any failure
 * the temporary folder is removed, so the share never holds half a bundle.
 *
 * @example
 * await publishBundle(ctx, { folder: '/mnt/nas/hearth', locale: 'zh-CN' })
 */
export async function publishBundle(
  ctx: ServiceContext,
  input: { folder: string; from?: string | undefined; to?: string | undefined; locale?: Locale | undefined },
): Promise<PublishResult> {
  const started = performance.now();
  const summary = ctx.session.summary();
  if (!summary) throw new HearthError('workspace_not_open', 'No workspace is open');
  const ws = ctx.session.workspace;
  const sqlite = ws.sqlite;
  const root = path.resolve(input.folder);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new HearthError('not_found', `The team-share folder ${root} does not exist (is the drive mounted?)`, {
      field: 'folder',
    });
  }
  const parent = path.join(root, safeFolderName(summary.name));
  if (path.relative(root, parent).startsWith('..') || path.dirname(parent) !== root)
    throw new Error(`unsafe bundle folder ${parent}`);

  const locale = input.locale ?? summary.locale;
  const now = ctx.now();
  const clock = localClock(summary.timeZone);
  const report = await buildReport(ctx, { from: input.from, to: input.to, locale, maskNames: false });
  const temp = startBundle(parent, now);
  try {
    const file = (name: string) => path.join(temp, name);
    writeFileAtomic(file('report.html'), report.html);
    await ctx.printPdf(report.html, file('report.pdf'), { locale });
    exportMembersCsv(sqlite, {
      filter: resolveMemberFilter({}, summary.timeZone),
      sort: [],
      columns: memberColumns,
      language: locale,
      file: file('members.csv'),
      rules: readMemberRules(sqlite),
      dayOf: dayResolver(summary.timeZone),
    });
    writeFileAtomic(
      file('calendar.ics'),
      calendarIcs(sqlite, clock, { name: summary.name, from: report.from, to: report.to, now }).text,
    );
    const backlog = listBacklog(sqlite).map((row) => toContentItem(row, clock));
    writeFileAtomic(
      file('calendar.csv'),
      calendarCsv(exportItems(sqlite, clock, report.from, report.to, backlog), locale),
    );
    writeFileAtomic(file('incidents.csv'), incidentsCsv(ctx, summary.timeZone));
    // SQLite's online backup: a consistent copy while other connections keep reading and writing.
    await sqlite.backup(file(SNAPSHOT));
    const { bundle, manifest } = finishBundle(temp, parent, bundleStamp(clock.toLocal(now)), {
      format: 'hearth-share-bundle',
      formatVersion: 1,
      app: { name: 'Hearth', version: ctx.version },
      schemaVersion: latestSchemaVersion,
      workspace: { name: summary.name, timeZone: summary.timeZone },
      period: { from: report.from, to: report.to },
      createdAt: now,
    });
    return { bundle, manifest, elapsedMs: performance.now() - started };
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    if (isDiskFull(error)) {
      throw new HearthError(
        'disk_full',
        `The team-share folder ${root} is full: no bundle was published. Free some space and publish again.`,
        { folder: root },
      );
    }
    throw error;
  }
}

/**
 * Verifies a bundle and restores its snapshot as a new workspace file (never over an existing
 * one), checked with SQLite's integrity check before it is put in place. Returns the new file.
 *
 * @example
 * await restoreBundle('/mnt/nas/hearth/咖啡社群/2026-11-24_1605', '/home/a/Documents/Hearth/咖啡社群 (restored).hearth')
 */
export async function restoreBundle(bundle: string, target: string): Promise<string> {
  const manifest = verifyBundle(bundle);
  if (!manifest.files.some((f) => f.name === SNAPSHOT)) {
    throw new HearthError('bundle_invalid', `The bundle has no ${SNAPSHOT} to restore`, { file: SNAPSHOT });
  }
  if (fs.existsSync(target))
    throw new HearthError('workspace_exists', `${target} already exists; choose another name`, { path: target });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.restoring`;
  fs.copyFileSync(path.join(bundle, SNAPSHOT), partial);
  try {
    const ws = openWorkspaceFile(partial);
    try {
      const check = ws.sqlite.pragma('integrity_check', { simple: true });
      if (check !== 'ok')
        throw new HearthError('workspace_corrupt', `The snapshot fails SQLite's integrity check: ${String(check)}`, {
          file: SNAPSHOT,
        });
    } finally {
      await ws.close();
    }
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${partial}${suffix}`, { force: true });
    fs.renameSync(partial, target);
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${partial}${suffix}`, { force: true });
    throw error;
  }
  return target;
}

/**
 * Where a restored workspace goes by default: the workspaces folder, named after the bundle.
 *
 * @example
 * restoredPath('/home/a/Documents/Hearth', '咖啡社群', '2026-11-24_1605') // '…/咖啡社群 2026-11-24_1605.hearth'
 */
export function restoredPath(workspacesDir: string, workspaceName: string, bundleName: string): string {
  const stem = `${workspaceFileStem(workspaceName)} ${bundleName}`;
  for (let n = 1; ; n += 1) {
    const candidate = path.join(workspacesDir, n === 1 ? `${stem}.hearth` : `${stem} (${n}).hearth`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}
