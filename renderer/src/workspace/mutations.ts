/** Workspace writes: each updates the session and marks server data stale. */
import { hearth } from '../api';
import type { Input } from '../../../shared/api';
import type { WorkspaceSettings, WorkspaceSummary } from '../../../shared/workspace';
import { invalidate } from '../data/revision';
import { useSession } from '../stores/session';

function adopt(summary: WorkspaceSummary | null): WorkspaceSummary | null {
  useSession.getState().setWorkspace(summary);
  invalidate();
  return summary;
}

export async function createWorkspace(input: Input<'workspace/create'>): Promise<WorkspaceSummary> {
  const summary = await hearth.call('workspace/create', input);
  adopt(summary);
  return summary;
}

export async function openWorkspace(path: string): Promise<WorkspaceSummary> {
  const summary = await hearth.call('workspace/open', { path });
  adopt(summary);
  return summary;
}

export async function closeWorkspace(): Promise<void> {
  await hearth.call('workspace/close', {});
  adopt(null);
}

export async function forgetWorkspace(path: string): Promise<void> {
  await hearth.call('workspace/forget', { path });
  invalidate();
}

/**
 * Saves what changed between `saved` and `draft`: a new name through workspace/rename, the rest
 * through workspace/settings/update. Returns the summary after the last write.
 */
export async function saveWorkspaceSettings(
  saved: WorkspaceSummary,
  draft: WorkspaceSettings,
): Promise<WorkspaceSummary> {
  let summary = saved;
  if (draft.name.trim() !== saved.name) {
    summary = await hearth.call('workspace/rename', { name: draft.name });
  }
  const changes: Partial<Omit<WorkspaceSettings, 'name'>> = {};
  if (draft.timeZone !== saved.timeZone) changes.timeZone = draft.timeZone;
  if (draft.currency !== saved.currency) changes.currency = draft.currency;
  if (draft.locale !== saved.locale) changes.locale = draft.locale;
  if (Object.keys(changes).length > 0) {
    summary = await hearth.call('workspace/settings/update', changes);
  }
  adopt(summary);
  return summary;
}
