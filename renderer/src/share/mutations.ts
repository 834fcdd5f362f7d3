/** Team-share writes: the share folder setting, publishing a bundle, restoring one as a new workspace. */
import { hearth } from '../api';
import type { Input } from '../../../shared/api';
import type { WorkspaceSummary } from '../../../shared/workspace';
import { invalidate } from '../data/revision';
import { useSession } from '../stores/session';

/** Sets (or, with null, clears) this computer's team-share folder; refused if the folder does not exist. */
export async function setShareFolder(folder: string | null) {
  const saved = await hearth.call('share/settings/set', { folder });
  invalidate();
  return saved;
}

/** Writes a dated bundle of the open workspace into the share folder. */
export async function publishToShare(input: Input<'share/publish'>) {
  const published = await hearth.call('share/publish', input);
  invalidate();
  return published;
}

/** Verifies a bundle, restores its snapshot as a new workspace file and makes it the open workspace. */
export async function restoreFromShare(bundle: string): Promise<WorkspaceSummary> {
  const summary = await hearth.call('share/restore', { bundle });
  useSession.getState().setWorkspace(summary);
  invalidate();
  return summary;
}
