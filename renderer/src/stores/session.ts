/** The open workspace (its settings summary), or none. */
import { create } from 'zustand';
import { hearth } from '../api';
import type { WorkspaceSummary } from '../../../shared/workspace';

interface SessionState {
  /** False until the first answer from workspace/current. */
  ready: boolean;
  workspace: WorkspaceSummary | null;
  setWorkspace(workspace: WorkspaceSummary | null): void;
  /** Asks the services which workspace is open. */
  refresh(): Promise<void>;
}

export const useSession = create<SessionState>()((set) => ({
  ready: false,
  workspace: null,
  setWorkspace: (workspace) => set({ workspace, ready: true }),
  async refresh() {
    const workspace = await hearth.call('workspace/current', {});
    set({ workspace, ready: true });
  },
}));
