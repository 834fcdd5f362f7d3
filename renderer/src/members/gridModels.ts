/**
 * AG Grid's sort and filter models in the contract's words (MemberSort, MemberFilter), so sorting
 * and filtering run in SQLite. Pure: the grid hands its models over as plain data.
 */
import {
  numericMemberColumns,
  sortableMemberColumns,
  type MemberFilter,
  type MemberSort,
  type NumberCondition,
  type NumericMemberColumn,
  type SortableMemberColumn,
} from '../../../shared/member-grid';

/** One entry of AG Grid's sort model (`IGetRowsParams.sortModel`). */
export interface GridSortItem {
  colId: string;
  sort: 'asc' | 'desc';
}

/** The sort the services accept at most (memberSortSchema). */
const MAX_SORT = 3;

/**
 * The grid's sort model as a MemberSort: columns SQLite cannot sort (tags) are left out, and so
 * are sorts past the third.
 *
 * @example
 * toMemberSort([{ colId: 'points', sort: 'desc' }]) // [{ colId: 'points', sort: 'desc' }]
 */
export function toMemberSort(model: readonly GridSortItem[]): MemberSort {
  const sortable = new Set<string>(sortableMemberColumns);
  return model
    .filter((item): item is { colId: SortableMemberColumn; sort: 'asc' | 'desc' } => sortable.has(item.colId))
    .slice(0, MAX_SORT)
    .map(({ colId, sort }) => ({ colId, sort }));
}

/** One column's entry in AG Grid's column state (`api.getColumnState()`), as far as sorting goes. */
export interface GridColumnSort {
  colId: string;
  sort?: 'asc' | 'desc' | null;
  sortIndex?: number | null;
}

/**
 * The sort the grid shows, from its column state, in the order the columns were clicked.
 *
 * @example
 * sortFromColumnState([{ colId: 'name', sort: null }, { colId: 'points', sort: 'desc', sortIndex: 0 }])
 * // [{ colId: 'points', sort: 'desc' }]
 */
export function sortFromColumnState(state: readonly GridColumnSort[]): MemberSort {
  const sorted = state
    .filter((c): c is GridColumnSort & { sort: 'asc' | 'desc' } => c.sort === 'asc' || c.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0));
  return toMemberSort(sorted);
}

/**
 * Numbers shown in other units than they are stored in: churn risk is 0–1 in the data and a
 * percentage on screen, so what the user types into its filter is divided by 100.
 */
export const shownScale: Partial<Record<NumericMemberColumn, number>> = { churnRisk: 100 };

/** The number filter options the contract can express, and their operators. */
export const numberFilterOps = {
  equals: 'eq',
  notEqual: 'ne',
  greaterThan: 'gt',
  greaterThanOrEqual: 'ge',
  lessThan: 'lt',
  lessThanOrEqual: 'le',
  inRange: 'between',
} as const satisfies Record<string, NumberCondition['op']>;
export type NumberFilterOption = keyof typeof numberFilterOps;
export const numberFilterOptions = Object.keys(numberFilterOps) as NumberFilterOption[];

/** The name column's only filter option: the contract's `filter.name` is "contains". */
export const nameFilterOptions = ['contains'] as const;

/** A filter model the contract cannot express; the grid's filter options should not allow it. */
export class UnsupportedFilterError extends Error {
  constructor(column: string, what: string) {
    super(`The ${column} filter cannot ${what}`);
    this.name = 'UnsupportedFilterError';
  }
}

type Condition = Record<string, unknown>;

/** The simple conditions of one column's model: itself, or the parts of an AND. */
function conditionsOf(column: string, model: unknown): Condition[] {
  if (typeof model !== 'object' || model === null) return [];
  const record = model as Condition;
  if (Array.isArray(record['conditions'])) {
    if (record['operator'] === 'OR') throw new UnsupportedFilterError(column, 'combine conditions with OR');
    return (record['conditions'] as unknown[]).filter((c): c is Condition => typeof c === 'object' && c !== null);
  }
  return [record];
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function numberCondition(column: NumericMemberColumn, condition: Condition): NumberCondition | null {
  const type = condition['type'];
  if (type === undefined || type === null || type === 'empty') return null;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(numberFilterOps, type)) {
    throw new UnsupportedFilterError(column, `use “${String(type)}”`);
  }
  const op = numberFilterOps[type as NumberFilterOption];
  const scale = shownScale[column] ?? 1;
  const value = condition['filter'];
  // A condition still being typed (no number yet) filters nothing.
  if (!finite(value)) return null;
  if (op !== 'between') return { column, op, value: value / scale };
  const to = condition['filterTo'];
  if (!finite(to)) return null;
  const [low, high] = value <= to ? [value, to] : [to, value];
  return { column, op, value: low / scale, to: high / scale };
}

/**
 * The grid's filter model (column id → AG Grid filter model) as the part of a MemberFilter it
 * stands for: the name column's text → `name`, number columns → `numbers`.
 *
 * @example
 * toMemberFilter({ name: { filterType: 'text', type: 'contains', filter: '王' },
 *                  churnRisk: { filterType: 'number', type: 'greaterThan', filter: 70 } })
 * // { name: '王', numbers: [{ column: 'churnRisk', op: 'gt', value: 0.7 }] }
 */
export function toMemberFilter(model: Readonly<Record<string, unknown>> | null | undefined): MemberFilter {
  const filter: MemberFilter = {};
  if (!model) return filter;
  const numbers: NumberCondition[] = [];
  const numeric = new Set<string>(numericMemberColumns);
  for (const [column, columnModel] of Object.entries(model)) {
    const conditions = conditionsOf(column, columnModel);
    if (column === 'name') {
      const texts = conditions.map((condition) => {
        const type = condition['type'];
        if (type !== undefined && type !== 'contains')
          throw new UnsupportedFilterError(column, `use “${String(type)}”`);
        return typeof condition['filter'] === 'string' ? condition['filter'].trim() : '';
      });
      const text = texts.filter(Boolean);
      if (text.length > 1) throw new UnsupportedFilterError(column, 'hold two texts');
      if (text[0]) filter.name = text[0].slice(0, 100);
    } else if (numeric.has(column)) {
      for (const condition of conditions) {
        const parsed = numberCondition(column as NumericMemberColumn, condition);
        if (parsed) numbers.push(parsed);
      }
    } else if (conditions.length > 0) {
      throw new UnsupportedFilterError(column, 'be filtered in the grid');
    }
  }
  if (numbers.length > 0) filter.numbers = numbers;
  return filter;
}

/** What the controls above the grid choose (chips, toggles, tag, quick search). */
export interface FilterChoices {
  quick: string;
  tiers: readonly string[];
  circles: readonly string[];
  lifecycles: readonly string[];
  rfmSegments: readonly string[];
  tag: string | null;
  kocOnly: boolean;
  atRiskOnly: boolean;
  /** A join month (YYYY-MM) from the dashboard's cohort heatmap, or null. */
  joinedMonth: string | null;
}

export const noChoices: FilterChoices = {
  quick: '',
  tiers: [],
  circles: [],
  lifecycles: [],
  rfmSegments: [],
  tag: null,
  kocOnly: false,
  atRiskOnly: false,
  joinedMonth: null,
};

/**
 * A join month as the filter's days: its first day (inclusive) to the next month's first day
 * (exclusive), local days in the workspace's time zone.
 *
 * @example
 * joinMonthDays('2026-12') // { joinedFrom: '2026-12-01', joinedTo: '2027-01-01' }
 */
export function joinMonthDays(month: string): { joinedFrom: string; joinedTo: string } {
  const [y = 1970, m = 1] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { joinedFrom: `${month}-01`, joinedTo: `${next}-01` };
}

/**
 * The controls' choices as a MemberFilter: empty choices filter nothing (an empty tier list means
 * "any tier", never "no tier"), a toggle that is off filters nothing.
 *
 * @example
 * choicesFilter({ ...noChoices, quick: ' 王 ', tiers: ['core'], kocOnly: true })
 * // { quick: '王', tiers: ['core'], koc: true }
 */
export function choicesFilter(choices: FilterChoices): MemberFilter {
  const filter: MemberFilter = {};
  const quick = choices.quick.trim().slice(0, 100);
  if (quick) filter.quick = quick;
  if (choices.tiers.length > 0) filter.tiers = [...choices.tiers];
  if (choices.circles.length > 0) filter.circles = [...choices.circles];
  if (choices.lifecycles.length > 0) filter.lifecycles = [...choices.lifecycles];
  if (choices.rfmSegments.length > 0) filter.rfmSegments = [...choices.rfmSegments];
  if (choices.tag) filter.tag = choices.tag;
  if (choices.kocOnly) filter.koc = true;
  if (choices.atRiskOnly) filter.atRisk = true;
  if (choices.joinedMonth) Object.assign(filter, joinMonthDays(choices.joinedMonth));
  return filter;
}

/**
 * The grid's own filters (name, numbers) together with the controls' choices: both must hold.
 *
 * @example
 * combineFilters({ tiers: ['core'] }, { name: '王' }) // { tiers: ['core'], name: '王' }
 */
export function combineFilters(choices: MemberFilter, grid: MemberFilter): MemberFilter {
  const combined: MemberFilter = { ...choices, ...grid };
  const numbers = [...(choices.numbers ?? []), ...(grid.numbers ?? [])];
  if (numbers.length > 0) combined.numbers = numbers;
  return combined;
}

/**
 * The filter a bulk action applies to: the chosen rows when there are any, else everything the
 * grid shows.
 *
 * @example
 * bulkTarget([3, 5], { tiers: ['core'] }) // { ids: [3, 5] }
 * bulkTarget([], { tiers: ['core'] }) // { filter: { tiers: ['core'] } }
 */
export function bulkTarget(
  selected: readonly number[],
  filter: MemberFilter,
): { ids: number[] } | { filter: MemberFilter } {
  return selected.length > 0 ? { ids: [...selected] } : { filter };
}
