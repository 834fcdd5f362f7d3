/** Member data of the open workspace (merges, grid, overview, detail), keyed by its path so a switch refetches. */
import { hearth } from '../api';
import type { MemberBrief } from '../../../shared/members';
import type { MemberFilter, MemberGridRequest, MemberRow } from '../../../shared/member-grid';
import { useQuery } from '../data/useQuery';

export const useMergeSuggestions = (workspacePath: string) =>
  useQuery(`members/merge-suggestions:${workspacePath}`, () => hearth.call('members/merge-suggestions', {}));

export const useMerges = (workspacePath: string) =>
  useQuery(`members/merges:${workspacePath}`, () => hearth.call('members/merges', {}));

/** Members whose name or identities match `query`. */
export function searchMembers(query: string): Promise<MemberBrief[]> {
  return hearth.call('members/search', { query, limit: 8 });
}

/** Tier counts, circle counts and the state of the last recompute, above the grid. */
export const useMemberOverview = (workspacePath: string) =>
  useQuery(`members/overview:${workspacePath}`, () => hearth.call('members/overview', {}));

/** How many members `filter` matches: the total shown above the grid. */
export const useMemberCount = (workspacePath: string, filter: MemberFilter) =>
  useQuery(`members/count:${workspacePath}:${JSON.stringify(filter)}`, () => hearth.call('members/count', { filter }));

/** The workspace's member rules (points, tiers, circles, lifecycle, KOC, churn), for the rules editor. */
export const useMemberRules = (workspacePath: string) =>
  useQuery(`members/rules:${workspacePath}`, () => hearth.call('members/rules/get', {}));

/** Everything the drawer shows about one member. */
export const useMemberDetail = (workspacePath: string, id: number) =>
  useQuery(`members/detail:${workspacePath}:${id}`, () => hearth.call('members/detail', { id }));

/** How many members a filter matches (the grid's scroll range). */
export async function countMembers(filter: MemberFilter): Promise<number> {
  return (await hearth.call('members/count', { filter })).count;
}

/** One page of grid rows. */
export async function fetchMemberRows(request: MemberGridRequest): Promise<MemberRow[]> {
  return (await hearth.call('members/grid', request)).rows;
}
