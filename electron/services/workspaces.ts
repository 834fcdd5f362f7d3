/** Workspace handlers: create, open, switch, rename, settings, info, and app preferences. */
import fs from 'node:fs';
import path from 'node:path';
import { countRows } from '../../db/queries/workspace';
import { latestSchemaVersion } from '../../db/migrations';
import { HearthError } from '../../shared/errors';
import { workspaceFileStem } from '../../shared/workspace';
import type { Handlers } from './router';
import type { ServiceContext } from './context';

function uniqueWorkspacePath(dir: string, name: string): string {
  const stem = workspaceFileStem(name);
  for (let n = 1; ; n += 1) {
    const candidate = path.join(dir, n === 1 ? `${stem}.hearth` : `${stem} (${n}).hearth`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

function announce(ctx: ServiceContext): void {
  const summary = ctx.session.summary();
  if (summary) ctx.appState.touchRecent(summary.path, summary.name, ctx.now());
  ctx.events.emit({ type: 'workspace/changed', path: summary?.path ?? null });
}

export const appHandlers: Handlers = {
  'app/info': async (_input, ctx) => ({
    version: ctx.version,
    latestSchemaVersion,
    workspacesDir: ctx.workspacesDir,
  }),
  'app/preferences/get': async (_input, ctx) => ctx.appState.get().preferences,
  'app/preferences/set': async (input, ctx) =>
    ctx.appState.update((s) => ({ ...s, preferences: { ...s.preferences, ...input } })).preferences,
};

export const workspaceHandlers: Handlers = {
  'workspace/recent': async (_input, ctx) =>
    ctx.appState.get().recent.map((r) => ({ ...r, exists: fs.existsSync(r.path) })),

  'workspace/current': async (_input, ctx) => ctx.session.summary(),

  'workspace/create': async (input, ctx) => {
    const file = input.path ? path.resolve(input.path) : uniqueWorkspacePath(ctx.workspacesDir, input.name);
    if (path.extname(file) !== '.hearth') {
      throw new HearthError('invalid_argument', `A workspace file name must end in .hearth: ${file}`, { file });
    }
    const summary = await ctx.session.create(file, input);
    announce(ctx);
    return summary;
  },

  'workspace/open': async (input, ctx) => {
    const summary = await ctx.session.open(input.path);
    announce(ctx);
    return summary;
  },

  'workspace/close': async (_input, ctx) => {
    await ctx.session.close();
    ctx.appState.update((s) => ({ ...s, lastWorkspace: null }));
    ctx.events.emit({ type: 'workspace/changed', path: null });
    return { ok: true as const };
  },

  'workspace/forget': async (input, ctx) => {
    const target = path.resolve(input.path);
    ctx.appState.update((s) => ({
      ...s,
      recent: s.recent.filter((r) => r.path !== target),
      lastWorkspace: s.lastWorkspace === target ? null : s.lastWorkspace,
    }));
    return { ok: true as const };
  },

  'workspace/rename': async (input, ctx) => {
    const summary = await ctx.session.update({ name: input.name });
    ctx.appState.touchRecent(summary.path, summary.name, ctx.now());
    ctx.events.emit({ type: 'workspace/updated', path: summary.path });
    return summary;
  },

  'workspace/settings/update': async (input, ctx) => {
    const summary = await ctx.session.update(input);
    ctx.appState.touchRecent(summary.path, summary.name, ctx.now());
    ctx.events.emit({ type: 'workspace/updated', path: summary.path });
    return summary;
  },

  'workspace/info': async (_input, ctx) => {
    const ws = ctx.session.workspace;
    const summary = ctx.session.summary();
    return {
      schemaVersion: ws.sqlite.pragma('user_version', { simple: true }) as number,
      name: summary?.name ?? '',
      counts: await countRows(ws.db),
    };
  },
};
