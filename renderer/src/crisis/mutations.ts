/** Crisis writes: each marks server data stale so the board, lists and the open incident refetch. */
import { hearth } from '../api';
import type { Input, Method, Output } from '../../../shared/api';
import { invalidate } from '../data/revision';

async function write<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await hearth.call(method, input);
  invalidate();
  return result;
}

export const scan = (input: Input<'crisis/scan'>) => write('crisis/scan', input);
export const updateAlert = (input: Input<'crisis/alerts/update'>) => write('crisis/alerts/update', input);
export const saveRule = (input: Input<'crisis/rules/save'>) => write('crisis/rules/save', input);
export const deleteRule = (input: Input<'crisis/rules/delete'>) => write('crisis/rules/delete', input);
export const savePlaybook = (input: Input<'crisis/playbooks/save'>) => write('crisis/playbooks/save', input);
export const copyPlaybook = (input: Input<'crisis/playbooks/copy'>) => write('crisis/playbooks/copy', input);
export const deletePlaybook = (input: Input<'crisis/playbooks/delete'>) => write('crisis/playbooks/delete', input);
export const startIncident = (input: Input<'crisis/incidents/start'>) => write('crisis/incidents/start', input);
export const updateAction = (input: Input<'crisis/incidents/action'>) => write('crisis/incidents/action', input);
export const assignRole = (input: Input<'crisis/incidents/assign'>) => write('crisis/incidents/assign', input);
export const addNote = (input: Input<'crisis/incidents/note'>) => write('crisis/incidents/note', input);
export const changeLevel = (input: Input<'crisis/incidents/level'>) => write('crisis/incidents/level', input);
export const closeIncident = (input: Input<'crisis/incidents/close'>) => write('crisis/incidents/close', input);
export const setLexicon = (input: Input<'lexicon/set'>) => write('lexicon/set', input);
export const importLexicon = (input: Input<'lexicon/import'>) => write('lexicon/import', input);

/** Writes the word list to a file; nothing in the workspace changes. */
export const exportLexicon = (input: Input<'lexicon/export'>) => hearth.call('lexicon/export', input);
