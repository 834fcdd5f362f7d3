/**
 * What the file tab does: look at a file (upload or path), re-preview with other choices, run
 * the import with progress, cancel it. Calls go through the contract; state lands in useImport.
 */
import { hearth } from '../api';
import type { HearthEvent, Input } from '../../../shared/api';
import type { ImportFormat } from '../../../shared/import';
import { invalidate } from '../data/revision';
import { asHearthError, attempt, useErrors } from '../stores/errors';
import { initialFileState, noReadOptions, sameMap, useImport, type ImportState, type ReadOptions } from './store';

type Request = Input<'import/preview'>;

/** The request for the file with these choices; 'auto' and empty choices are left to the services. */
function requestOf(path: string, format: ImportFormat | null, options: ReadOptions): Request {
  const dateFormat = options.dateFormat.trim();
  return {
    path,
    ...(format ? { format } : {}),
    ...(Object.keys(options.map).length > 0 ? { map: options.map } : {}),
    ...(dateFormat ? { dateFormat } : {}),
    ...(options.encoding !== 'auto' ? { encoding: options.encoding } : {}),
  };
}

// Answers to an older preview request are dropped: the user has moved on.
let previewSeq = 0;

async function preview(path: string, format: ImportFormat | null, options: ReadOptions): Promise<void> {
  const seq = ++previewSeq;
  useImport.setState({ busy: 'preview', format, outcome: null });
  const result = await attempt(() => hearth.call('import/preview', requestOf(path, format, options)));
  if (seq !== previewSeq) return;
  if (!result) {
    useImport.setState({ busy: null });
    return;
  }
  const applied: ReadOptions = { ...options, dateFormat: options.dateFormat.trim() };
  useImport.setState({
    busy: null,
    preview: result,
    applied,
    draft: { ...applied, map: result.mapping ?? {} },
    onProblem: 'abort',
  });
}

function startFresh(workspacePath: string, patch: Partial<ImportState>): void {
  previewSeq += 1;
  useImport.setState({ ...initialFileState, workspacePath, ...patch });
}

/** Looks at a file the user picked or dropped: uploads it if needed, then previews it. */
export async function previewPickedFile(workspacePath: string, file: File): Promise<void> {
  startFresh(workspacePath, { pickedName: file.name, busy: 'upload' });
  const seq = previewSeq;
  const path = await attempt(() => hearth.fileToPath(file));
  if (seq !== previewSeq) return;
  if (path === undefined) {
    useImport.setState({ busy: null });
    return;
  }
  useImport.setState({ path });
  await preview(path, null, noReadOptions);
}

/** Looks at a file (or a Stack Exchange dump folder) already on this computer. */
export async function previewPath(workspacePath: string, path: string): Promise<void> {
  startFresh(workspacePath, { path, pathInput: path, pickedName: null });
  await preview(path, null, noReadOptions);
}

/** Previews the file again as another format; a mapping made for the old format is dropped. */
export async function changeFormat(format: ImportFormat): Promise<void> {
  const { path, draft } = useImport.getState();
  if (path) await preview(path, format, { ...draft, map: {} });
}

/**
 * Previews the file again with the edited mapping, date format and encoding. The mapping is sent
 * only once the user has changed it (or sent one before), so the services' own choice — a mapping
 * remembered for these columns, or a guess — stays in charge until then.
 */
export async function applyDraft(): Promise<void> {
  const { path, format, draft, applied, preview: current } = useImport.getState();
  if (!path) return;
  const userMap = Object.keys(applied.map).length > 0 || !sameMap(draft.map, current?.mapping ?? {});
  await preview(path, format, { ...draft, map: userMap ? draft.map : {} });
}

export function editDraft(change: Partial<ReadOptions>): void {
  useImport.setState((s) => ({ draft: { ...s.draft, ...change } }));
}

/** Runs the import of the previewed file; progress arrives as events, the outcome lands in the store. */
export async function startImport(): Promise<void> {
  const { path, preview: current, format, applied, onProblem, running } = useImport.getState();
  if (!path || !current || running) return;
  const importId = crypto.randomUUID();
  useErrors.getState().dismiss();
  useImport.setState({ running: { importId, progress: null, cancelling: false }, outcome: null });
  try {
    const result = await hearth.call('import/run', {
      ...requestOf(path, format ?? current.format, applied),
      onProblem,
      importId,
    });
    useImport.setState({ running: null, outcome: { kind: 'done', result } });
    invalidate();
  } catch (thrown) {
    const error = asHearthError(thrown);
    useImport.setState({
      running: null,
      outcome: error.code === 'import_cancelled' ? { kind: 'cancelled' } : { kind: 'failed', error },
    });
  }
}

/** Asks the services to stop the running import; they roll it back and the run answers import_cancelled. */
export async function cancelImport(): Promise<void> {
  const running = useImport.getState().running;
  if (!running || running.cancelling) return;
  useImport.setState({ running: { ...running, cancelling: true } });
  await attempt(() => hearth.call('import/cancel', { importId: running.importId }));
}

/** Takes a progress event for the running import (events for other imports are ignored). */
export function takeProgress(event: Extract<HearthEvent, { type: 'import/progress' }>): void {
  const running = useImport.getState().running;
  if (!running || running.importId !== event.importId) return;
  const { bytesRead, totalBytes, records, elapsedMs } = event;
  useImport.setState({ running: { ...running, progress: { bytesRead, totalBytes, records, elapsedMs } } });
}

/** Clears the file tab for a new file; a running import is left to finish. */
export function clearFile(): void {
  if (useImport.getState().running) return;
  previewSeq += 1;
  useImport.setState({ ...initialFileState });
}

/** Starts clean when the page shows another workspace than the file state belongs to. */
export function adoptWorkspace(workspacePath: string): void {
  const state = useImport.getState();
  if (state.workspacePath === workspacePath || state.running) return;
  previewSeq += 1;
  useImport.setState({ ...initialFileState, workspacePath });
}
