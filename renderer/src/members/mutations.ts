/** Identity merges: each write marks server data stale so suggestions, history and counts refetch. */
import { hearth } from '../api';
import type { MergeSuggestion } from '../../../shared/members';
import { invalidate } from '../data/revision';

/** Merges member `fromId` into `intoId`; `reason` is kept in the merge history. */
export async function mergeMembers(intoId: number, fromId: number, reason?: string): Promise<number> {
  const { mergeId } = await hearth.call('members/merge', reason === undefined ? { intoId, fromId } : { intoId, fromId, reason });
  invalidate();
  return mergeId;
}

/** Accepts a suggestion: its second member joins the first, and the reason names the evidence. */
export function acceptSuggestion(suggestion: MergeSuggestion): Promise<number> {
  return mergeMembers(suggestion.a.id, suggestion.b.id, `${suggestion.reason}: ${suggestion.detail}`.slice(0, 200));
}

/** Marks a suggested pair as different people, so it is not suggested again. */
export async function rejectSuggestion(suggestion: MergeSuggestion): Promise<void> {
  await hearth.call('members/merge-reject', { a: suggestion.a.id, b: suggestion.b.id });
  invalidate();
}

/** Splits a merge again: the merged member gets back its identities and records. */
export async function unmerge(mergeId: number): Promise<void> {
  await hearth.call('members/unmerge', { mergeId });
  invalidate();
}
