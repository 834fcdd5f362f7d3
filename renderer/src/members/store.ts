/**
 * The Members page's UI state: the controls' filter choices, the grid's own filter and sort (as
 * the contract's words), the chosen rows and the member open in the drawer. Server data is not
 * kept here; it is fetched per view and refetched on invalidation.
 */
import { create } from 'zustand';
import { noChoices, type FilterChoices, type GridSortItem } from './gridModels';

export interface MembersState {
  /** The workspace this state belongs to; another workspace starts clean. */
  workspacePath: string | null;
  choices: FilterChoices;
  /**
   * The grid's own sort and column filters, as AG Grid models (translated where they are sent), so
   * a grid made again (another language, back from another page) starts where the user left it.
   */
  sortModel: GridSortItem[];
  filterModel: Record<string, unknown>;
  /** Ids of the rows ticked in the grid. */
  selected: number[];
  /** The member shown in the drawer. */
  openMemberId: number | null;
}

export const useMembers = create<MembersState>()(() => ({
  workspacePath: null,
  choices: noChoices,
  sortModel: [],
  filterModel: {},
  selected: [],
  openMemberId: null,
}));

/** Starts clean when the page shows another workspace than last time. */
export function adoptMembersWorkspace(path: string): void {
  if (useMembers.getState().workspacePath === path) return;
  useMembers.setState({
    workspacePath: path,
    choices: noChoices,
    sortModel: [],
    filterModel: {},
    selected: [],
    openMemberId: null,
  });
}

/** Changes the controls' choices; the chosen rows are dropped, since they may no longer be shown. */
export function choose(change: Partial<FilterChoices>): void {
  useMembers.setState((s) => ({ choices: { ...s.choices, ...change }, selected: [] }));
}

/** Adds `value` to a list of choices, or takes it out if it is there. */
export function toggleChoice(list: 'tiers' | 'circles' | 'lifecycles' | 'rfmSegments', value: string): void {
  const current = useMembers.getState().choices[list];
  choose({ [list]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value] });
}

export function openMember(id: number | null): void {
  useMembers.setState({ openMemberId: id });
}

/** Chooses one tier, or clears the tier filter when that tier alone is chosen already. */
export function chooseTier(id: string): void {
  const { tiers } = useMembers.getState().choices;
  choose({ tiers: tiers.length === 1 && tiers[0] === id ? [] : [id] });
}

/** Shows the Members page with only `choices`: column filters, ticked rows and the drawer cleared. */
function showOnly(workspacePath: string, choices: FilterChoices): void {
  useMembers.setState((s) => ({
    workspacePath,
    choices,
    sortModel: s.workspacePath === workspacePath ? s.sortModel : [],
    filterModel: {},
    selected: [],
    openMemberId: null,
  }));
}

/**
 * Shows the Members page filtered to one tier, as if its tile alone were chosen: other choices,
 * the grid's column filters, ticked rows and the drawer are cleared so the count is the tier's.
 * Used by the dashboard's tier chart before it navigates.
 */
export function showTierMembers(workspacePath: string, tier: string): void {
  showOnly(workspacePath, { ...noChoices, tiers: [tier] });
}

/**
 * Shows the Members page filtered to one join month (YYYY-MM), nothing else, so the count is the
 * cohort's size. Used by the dashboard's cohort heatmap before it navigates.
 */
export function showCohortMembers(workspacePath: string, month: string): void {
  showOnly(workspacePath, { ...noChoices, joinedMonth: month });
}
