/** Member writes (merges, points, tags, recompute): each marks server data stale so what is shown refetches. */
import { hearth } from '../api';
import type { Input, Output } from '../../../shared/api';
import type { MergeSuggestion } from '../../../shared/members';
import type { MemberTarget, RecomputeSummary } from '../../../shared/member-grid';
import type { MemberRules } from '../../../shared/members/rules';
import { invalidate } from '../data/revision';

/** Merges member `fromId` into `intoId`; `reason` is kept in the merge history. */
export async function mergeMembers(intoId: number, fromId: number, reason?: string): Promise<number> {
  const { mergeId } = await hearth.call(
    'members/merge',
    reason === undefined ? { intoId, fromId } : { intoId, fromId, reason },
  );
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

/** Grants, deducts or redeems points for the target members; tiers follow at once. */
export async function adjustPoints(input: Input<'members/points/adjust'>): Promise<Output<'members/points/adjust'>> {
  const result = await hearth.call('members/points/adjust', input);
  invalidate();
  return result;
}

/** Adds a tag to, or removes it from, the target members. */
export async function updateTag(target: MemberTarget, tag: string, action: 'add' | 'remove'): Promise<number> {
  const { members } = await hearth.call('members/tags/update', { target, tag, action });
  invalidate();
  return members;
}

/** Writes the members a filter matches to a CSV file; resolves to where it went. */
export function exportMembers(input: Input<'members/export'>): Promise<Output<'members/export'>> {
  return hearth.call('members/export', input);
}

/** Stores the workspace's member rules and recomputes every member under them. */
export async function saveMemberRules(rules: MemberRules): Promise<MemberRules> {
  const saved = await hearth.call('members/rules/set', rules);
  invalidate();
  return saved;
}

/** Recomputes every member's scores, tiers and points from the workspace's data. */
export async function recomputeMembers(): Promise<RecomputeSummary> {
  const summary = await hearth.call('members/recompute', {});
  invalidate();
  return summary;
}
