/**
 * The Crisis page's UI state: which incident, playbook or dialog is open. Server data is not kept
 * here; the board and the open incident are fetched and refetched on invalidation.
 */
import { create } from 'zustand';
import type { PlaybookInput } from '../../../shared/crisis';
import { rememberActor, rememberedActor } from './actor';

/** The start dialog's prefill: a playbook (or none for a blank incident), from an alert or the library. */
export interface StartRequest {
  playbookId: number | null;
  title: string;
  alertId: number | null;
}

/** The playbook editor: an existing playbook (id) or a new one, with the fields to start from. */
export interface EditRequest {
  id: number | null;
  playbook: PlaybookInput;
}

export interface CrisisState {
  workspacePath: string | null;
  openIncidentId: number | null;
  viewingPlaybookId: number | null;
  starting: StartRequest | null;
  editing: EditRequest | null;
  settingsOpen: boolean;
  /** Who is acting, for the timeline; remembered on this computer. */
  actor: string;
}

export const useCrisis = create<CrisisState>()(() => ({
  workspacePath: null,
  openIncidentId: null,
  viewingPlaybookId: null,
  starting: null,
  editing: null,
  settingsOpen: false,
  actor: rememberedActor(),
}));

/** Starts clean when the page shows another workspace than last time. */
export function adoptCrisisWorkspace(path: string): void {
  if (useCrisis.getState().workspacePath === path) return;
  useCrisis.setState({
    workspacePath: path,
    openIncidentId: null,
    viewingPlaybookId: null,
    starting: null,
    editing: null,
    settingsOpen: false,
  });
}

export const openIncident = (id: number | null) => useCrisis.setState({ openIncidentId: id });
export const viewPlaybook = (id: number | null) => useCrisis.setState({ viewingPlaybookId: id });
export const startDialog = (request: StartRequest | null) => useCrisis.setState({ starting: request });
export const editPlaybook = (request: EditRequest | null) => useCrisis.setState({ editing: request });
export const openCrisisSettings = (open: boolean) => useCrisis.setState({ settingsOpen: open });

export function setActor(name: string): void {
  rememberActor(name);
  useCrisis.setState({ actor: name });
}
