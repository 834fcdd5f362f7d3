/** Team share and portfolio handlers: the share folder, publish, list, verify, restore, and the agency portfolio. */
import fs from 'node:fs';
import path from 'node:path';
import { HearthError } from '../../../shared/errors';
import { manifestSchema, type BundleBrief } from '../../../shared/share';
import type { ServiceContext } from '../context';
import type { Handlers } from '../router';
import { MANIFEST, safeFolderName } from './bundle';
import { portfolioRow, workspaceFilesIn } from './portfolio';
import { publishBundle, restoreBundle, restoredPath } from './publish';
import { verifyBundle } from './bundle';

function shareFolder(ctx: ServiceContext, given?: string): string {
  const folder = given ?? ctx.appState.get().shareFolder;
  if (!folder)
    throw new HearthError('invalid_argument', 'No team-share folder is set; choose one in Settings', {
      field: 'folder',
    });
  return path.resolve(folder);
}

/** Bundles directly under `<share>/<workspace>/`, for one workspace folder or all. */
function listBundles(folder: string, workspaceFolders: readonly string[]): BundleBrief[] {
  const bundles: BundleBrief[] = [];
  for (const workspace of workspaceFolders) {
    const dir = path.join(folder, workspace);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const manifestPath = path.join(dir, entry.name, MANIFEST);
      if (!fs.existsSync(manifestPath)) continue;
      const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(manifestPath, 'utf8')));
      if (!parsed.success) continue;
      bundles.push({
        path: path.join(dir, entry.name),
        name: entry.name,
        workspace: parsed.data.workspace.name,
        createdAt: parsed.data.createdAt,
        period: parsed.data.period,
      });
    }
  }
  return bundles.sort((a, b) => b.createdAt - a.createdAt);
}

export const shareHandlers: Handlers = {
  'share/settings/get': async (_input, ctx) => ({ folder: ctx.appState.get().shareFolder }),

  'share/settings/set': async (input, ctx) => {
    const folder = input.folder ? path.resolve(input.folder) : null;
    if (folder && (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())) {
      throw new HearthError('not_found', `${folder} is not a folder (is the drive mounted?)`, { field: 'folder' });
    }
    return { folder: ctx.appState.update((s) => ({ ...s, shareFolder: folder })).shareFolder };
  },

  'share/publish': async (input, ctx) =>
    publishBundle(ctx, { folder: shareFolder(ctx, input.to), from: input.from, to: input.toDay, locale: input.locale }),

  'share/bundles': async (input, ctx) => {
    const folder = shareFolder(ctx, input.folder);
    if (!fs.existsSync(folder)) return [];
    if (input.all) {
      const folders = fs
        .readdirSync(folder, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith('.'));
      return listBundles(
        folder,
        folders.map((d) => d.name),
      );
    }
    const summary = ctx.session.summary();
    if (!summary) throw new HearthError('workspace_not_open', 'No workspace is open');
    return listBundles(folder, [safeFolderName(summary.name)]);
  },

  'share/verify': async (input) => verifyBundle(path.resolve(input.bundle)),

  'share/restore': async (input, ctx) => {
    const bundle = path.resolve(input.bundle);
    const manifest = verifyBundle(bundle);
    const target = input.to
      ? path.resolve(input.to)
      : restoredPath(ctx.workspacesDir, manifest.workspace.name, path.basename(bundle));
    await restoreBundle(bundle, target);
    const summary = await ctx.session.open(target);
    ctx.appState.touchRecent(summary.path, summary.name, ctx.now());
    ctx.events.emit({ type: 'workspace/changed', path: summary.path });
    return summary;
  },

  'portfolio/list': async (input, ctx) => {
    const files = input.folder
      ? workspaceFilesIn(path.resolve(input.folder))
      : ctx.appState.get().recent.map((r) => r.path);
    const share = ctx.appState.get().shareFolder;
    const published =
      share && fs.existsSync(share)
        ? listBundles(
            share,
            fs.readdirSync(share).filter((d) => !d.startsWith('.')),
          )
        : [];
    return files.map((file) => {
      const row = portfolioRow(file, ctx.now(), null);
      const last = published.find((b) => b.workspace === row.name);
      return { ...row, lastPublishAt: last?.createdAt ?? null };
    });
  },
};
