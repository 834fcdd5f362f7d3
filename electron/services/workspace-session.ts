/** The workspace a window is working on: at most one open at a time, switched as a whole. */
import path from 'node:path';
import fs from 'node:fs';
import { createWorkspaceFile, openWorkspaceFile, type Workspace } from '../../db/open';
import { readSettings, writeSettings } from '../../db/queries/workspace';
import { HearthError } from '../../shared/errors';
import { BackgroundCheckpoints } from './background-checkpoints';
import { lockWorkspace, type WorkspaceLock } from './workspace-lock';
import {
  defaultWorkspaceSettings,
  workspaceSettingsSchema,
  type WorkspaceSettings,
  type WorkspaceSummary,
} from '../../shared/workspace';

export interface NewWorkspace extends Partial<Omit<WorkspaceSettings, 'name'>> {
  name: string;
}

/**
 * Reads and completes a workspace's settings (a file from an older build may lack some).
 *
 * @example
 * await loadSettings(ws) // { name: 'Acme', timeZone: 'Asia/Shanghai', currency: 'CNY', locale: 'zh-CN' }
 */
export async function loadSettings(ws: Workspace): Promise<WorkspaceSettings> {
  const stored = await readSettings(ws.db);
  return workspaceSettingsSchema.parse({
    ...defaultWorkspaceSettings,
    name: path.basename(ws.file, path.extname(ws.file)),
    ...stored,
  });
}

export class WorkspaceSession {
  private current: { ws: Workspace; settings: WorkspaceSettings; lock: WorkspaceLock } | null = null;
  /** Checkpoints big writes left to worker threads; a workspace closes once they are done. */
  readonly checkpoints = new BackgroundCheckpoints();

  /** The open workspace, or a `workspace_not_open` error for handlers that need one. */
  get workspace(): Workspace {
    if (!this.current) throw new HearthError('workspace_not_open', 'No workspace is open');
    return this.current.ws;
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  summary(): WorkspaceSummary | null {
    if (!this.current) return null;
    const { ws, settings } = this.current;
    return { ...settings, path: ws.file, schemaVersion: ws.sqlite.pragma('user_version', { simple: true }) as number };
  }

  async create(file: string, init: NewWorkspace): Promise<WorkspaceSummary> {
    const target = path.resolve(file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const ws = createWorkspaceFile(target);
    const lock = lockWorkspace(target, Date.now());
    try {
      const settings = workspaceSettingsSchema.parse({ ...defaultWorkspaceSettings, ...stripUndefined(init) });
      await writeSettings(ws.db, settings);
      return await this.adopt(ws, settings, lock);
    } catch (error) {
      await ws.close();
      lock.release();
      throw error;
    }
  }

  async open(file: string): Promise<WorkspaceSummary> {
    const target = path.resolve(file);
    if (this.current?.ws.file === target) return this.summary() as WorkspaceSummary;
    // The lock first: a second Hearth must not even run migrations on a file in use.
    const lock = lockWorkspace(target, Date.now());
    let ws: Workspace;
    try {
      ws = openWorkspaceFile(target);
    } catch (error) {
      lock.release();
      throw error;
    }
    try {
      return await this.adopt(ws, await loadSettings(ws), lock);
    } catch (error) {
      await ws.close();
      lock.release();
      throw error;
    }
  }

  async update(change: Partial<WorkspaceSettings>): Promise<WorkspaceSummary> {
    const ws = this.workspace;
    const current = this.current as { settings: WorkspaceSettings };
    const next = workspaceSettingsSchema.parse({ ...current.settings, ...stripUndefined(change) });
    await writeSettings(ws.db, next);
    current.settings = next;
    return this.summary() as WorkspaceSummary;
  }

  async close(): Promise<void> {
    const closing = this.current;
    this.current = null;
    await this.checkpoints.settled();
    await closing?.ws.close();
    closing?.lock.release();
  }

  private async adopt(ws: Workspace, settings: WorkspaceSettings, lock: WorkspaceLock): Promise<WorkspaceSummary> {
    await this.close();
    this.current = { ws, settings, lock };
    return this.summary() as WorkspaceSummary;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
