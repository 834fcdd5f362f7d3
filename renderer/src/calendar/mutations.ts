/** Calendar writes: each marks server data stale so the grid, panels and drawer refetch. */
import { hearth } from '../api';
import type { Input, Method, Output } from '../../../shared/api';
import { invalidate } from '../data/revision';

async function write<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await hearth.call(method, input);
  invalidate();
  return result;
}

export const createItem = (input: Input<'calendar/item/create'>) => write('calendar/item/create', input);
export const updateItem = (input: Input<'calendar/item/update'>) => write('calendar/item/update', input);
export const deleteItem = (input: Input<'calendar/item/delete'>) => write('calendar/item/delete', input);
export const setPerformance = (input: Input<'calendar/performance/set'>) => write('calendar/performance/set', input);
export const review = (input: Input<'calendar/review'>) => write('calendar/review', input);
export const createSeries = (input: Input<'calendar/series/create'>) => write('calendar/series/create', input);
export const updateSeries = (input: Input<'calendar/series/update'>) => write('calendar/series/update', input);
export const deleteSeries = (input: Input<'calendar/series/delete'>) => write('calendar/series/delete', input);
export const saveCalendarSettings = (input: Input<'calendar/settings/set'>) => write('calendar/settings/set', input);
export const saveLexicon = (input: Input<'lexicon/set'>) => write('lexicon/set', input);
export const importCalendar = (input: Input<'calendar/import'>) => write('calendar/import', input);

/** Writes an .ics or CSV file; nothing in the workspace changes. */
export const exportCalendar = (input: Input<'calendar/export'>) => hearth.call('calendar/export', input);
