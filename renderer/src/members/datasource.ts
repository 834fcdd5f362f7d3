/**
 * The grid's infinite-row-model datasource: each block AG Grid asks for becomes one `members/grid`
 * call, with the grid's sort and column filters translated and the controls' filter added.
 */
import type { IGetRowsParams } from 'ag-grid-community';
import type { MemberFilter, MemberGridRequest, MemberRow } from '../../../shared/member-grid';
import { combineFilters, toMemberFilter, toMemberSort, type GridSortItem } from './gridModels';

export interface MemberDatasourceOptions {
  /** The controls' filter (chips, toggles, quick search); the grid's own filters are added to it. */
  filter: MemberFilter;
  fetchRows(request: MemberGridRequest): Promise<MemberRow[]>;
  /**
   * How many members a filter matches. The grid is told the total with the first block: AG Grid's
   * infinite model, with a bounded block cache, cannot grow its scroll range past the cached blocks
   * when the row count is unknown (scrolling stopped near row 5,000).
   */
  fetchCount?(filter: MemberFilter): Promise<number>;
  onError(error: unknown): void;
}

/** The part of IGetRowsParams the datasource reads. */
export type RowsRequest = Pick<
  IGetRowsParams<MemberRow>,
  'startRow' | 'endRow' | 'successCallback' | 'failCallback'
> & {
  sortModel: readonly GridSortItem[];
  filterModel: unknown;
};

/**
 * The request for one block. A block that comes back short is the last one, and then the grid is
 * told how many rows there are, so it stops offering to scroll further.
 *
 * @example
 * gridRequest({ tiers: ['core'] }, { startRow: 100, endRow: 200, sortModel: [], filterModel: {} })
 * // { filter: { tiers: ['core'] }, sort: [], start: 100, limit: 100 }
 */
export function gridRequest(
  filter: MemberFilter,
  params: Omit<RowsRequest, 'successCallback' | 'failCallback'>,
): MemberGridRequest {
  const model =
    typeof params.filterModel === 'object' && params.filterModel !== null
      ? (params.filterModel as Record<string, unknown>)
      : null;
  return {
    filter: combineFilters(filter, toMemberFilter(model)),
    sort: toMemberSort(params.sortModel),
    start: params.startRow,
    limit: params.endRow - params.startRow,
  };
}

/** The row count to report with a block: known once a block comes back short. */
export function lastRowOf(start: number, limit: number, received: number): number | undefined {
  return received < limit ? start + received : undefined;
}

/** A datasource for AG Grid's `datasource` option (an IDatasource). */
export interface MemberDatasource {
  getRows(params: RowsRequest): void;
}

export function memberDatasource(options: MemberDatasourceOptions): MemberDatasource {
  // One count per distinct filter (the grid's own column filters change it), shared by its blocks.
  const counts = new Map<string, Promise<number | undefined>>();
  const countOf = (filter: MemberFilter): Promise<number | undefined> => {
    if (!options.fetchCount) return Promise.resolve(undefined);
    const key = JSON.stringify(filter);
    let count = counts.get(key);
    if (!count) {
      // A count that fails only loses the scroll range's end; the rows still load.
      count = options.fetchCount(filter).catch(() => undefined);
      counts.set(key, count);
    }
    return count;
  };
  return {
    getRows(params: RowsRequest) {
      let request: MemberGridRequest;
      try {
        request = gridRequest(options.filter, params);
      } catch (error) {
        params.failCallback();
        options.onError(error);
        return;
      }
      Promise.all([options.fetchRows(request), countOf(request.filter ?? {})]).then(
        ([rows, total]) => params.successCallback(rows, lastRowOf(request.start, request.limit, rows.length) ?? total),
        (error: unknown) => {
          params.failCallback();
          options.onError(error);
        },
      );
    },
  };
}
