/** Import writes outside the run itself; each marks server data stale. */
import { hearth } from '../api';
import type { UndoResult } from '../../../shared/import';
import { invalidate } from '../data/revision';

/** Removes exactly what one import added; the batch stays listed as undone. */
export async function undoImport(batchId: number): Promise<UndoResult> {
  const result = await hearth.call('import/undo', { batchId });
  invalidate();
  return result;
}
