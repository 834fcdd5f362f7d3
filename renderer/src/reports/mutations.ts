/** Report writes. Saving a report changes nothing in the workspace; saving branding refreshes the preview. */
import { hearth } from '../api';
import type { Input } from '../../../shared/api';
import { invalidate } from '../data/revision';

/** Writes the PDF and/or HTML to the exports folder. */
export const saveReport = (input: Input<'report/save'>) => hearth.call('report/save', input);

export async function saveBranding(input: Input<'report/branding/set'>) {
  const saved = await hearth.call('report/branding/set', input);
  invalidate();
  return saved;
}
