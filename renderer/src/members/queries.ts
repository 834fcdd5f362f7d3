/** Identity-merge data of the open workspace, keyed by its path so a switch refetches. */
import { hearth } from '../api';
import type { MemberBrief } from '../../../shared/members';
import { useQuery } from '../data/useQuery';

export const useMergeSuggestions = (workspacePath: string) =>
  useQuery(`members/merge-suggestions:${workspacePath}`, () => hearth.call('members/merge-suggestions', {}));

export const useMerges = (workspacePath: string) => useQuery(`members/merges:${workspacePath}`, () => hearth.call('members/merges', {}));

/** Members whose name or identities match `query`. */
export function searchMembers(query: string): Promise<MemberBrief[]> {
  return hearth.call('members/search', { query, limit: 8 });
}
