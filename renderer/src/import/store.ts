/**
 * The Import page's UI state: the tab, the file being looked at, its preview and the choices
 * made about it, and the run in progress or its outcome. Kept outside the components so an import
 * keeps its progress and result while the user visits another page.
 */
import { create } from 'zustand';
import type { HearthError } from '../../../shared/errors';
import type { ImportFormat, ImportPreview, ImportRunResult } from '../../../shared/import';
import type { EncodingChoice } from './fields';

export type ImportTab = 'file' | 'history' | 'merge';
export type OnProblem = 'skip' | 'abort';

/** How to read a table: column mapping (Hearth field → column), date format, encoding. */
export interface ReadOptions {
  map: Record<string, string>;
  dateFormat: string;
  encoding: EncodingChoice;
}

export interface Progress {
  bytesRead: number;
  totalBytes: number;
  records: number;
  elapsedMs: number;
}

export type Outcome = { kind: 'done'; result: ImportRunResult } | { kind: 'cancelled' } | { kind: 'failed'; error: HearthError };

export interface ImportState {
  tab: ImportTab;
  /** The workspace the file state belongs to; another workspace starts clean. */
  workspacePath: string | null;
  /** The path the services read: the file on disk, or the browser host's uploaded copy. */
  path: string | null;
  /** What the path field holds; cleared when a file is picked instead. */
  pathInput: string;
  /** The file name the user picked (the host's copy may be renamed). */
  pickedName: string | null;
  busy: 'upload' | 'preview' | null;
  preview: ImportPreview | null;
  /** The format chosen over the detected one, if any. */
  format: ImportFormat | null;
  /** The read options the current preview was made with; `map` empty means the services chose. */
  applied: ReadOptions;
  /** The read options as edited, not yet previewed. */
  draft: ReadOptions;
  onProblem: OnProblem;
  running: { importId: string; progress: Progress | null; cancelling: boolean } | null;
  outcome: Outcome | null;
}

export const noReadOptions: ReadOptions = { map: {}, dateFormat: '', encoding: 'auto' };

export const initialFileState = {
  path: null,
  pathInput: '',
  pickedName: null,
  busy: null,
  preview: null,
  format: null,
  applied: noReadOptions,
  draft: noReadOptions,
  onProblem: 'abort',
  running: null,
  outcome: null,
} satisfies Partial<ImportState>;

export const useImport = create<ImportState>()(() => ({ tab: 'file', workspacePath: null, ...initialFileState }));

/** True when two mappings name the same column for every field. */
export function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/** True when the editor holds changes the preview does not show yet. */
export function draftIsDirty(state: Pick<ImportState, 'draft' | 'applied' | 'preview'>): boolean {
  const { draft, applied, preview } = state;
  return (
    !sameMap(draft.map, preview?.mapping ?? {}) || draft.dateFormat.trim() !== applied.dateFormat || draft.encoding !== applied.encoding
  );
}
