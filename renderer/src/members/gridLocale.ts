/**
 * AG Grid's own words (filter menus, overlays) in the UI language. Only what the member grid shows;
 * anything else stays AG Grid's English.
 */
import type { MessageKey, Translate } from '../i18n';

const gridKeys: Record<string, MessageKey> = {
  applyFilter: 'membersPage.grid.applyFilter',
  clearFilter: 'membersPage.grid.clearFilter',
  resetFilter: 'membersPage.grid.resetFilter',
  cancelFilter: 'membersPage.grid.cancelFilter',
  filterOoo: 'membersPage.grid.filterOoo',
  empty: 'membersPage.grid.empty',
  equals: 'membersPage.grid.equals',
  notEqual: 'membersPage.grid.notEqual',
  lessThan: 'membersPage.grid.lessThan',
  greaterThan: 'membersPage.grid.greaterThan',
  lessThanOrEqual: 'membersPage.grid.lessThanOrEqual',
  greaterThanOrEqual: 'membersPage.grid.greaterThanOrEqual',
  inRange: 'membersPage.grid.inRange',
  inRangeStart: 'membersPage.grid.inRangeStart',
  inRangeEnd: 'membersPage.grid.inRangeEnd',
  contains: 'membersPage.grid.contains',
  loadingOoo: 'membersPage.grid.loading',
  noRowsToShow: 'membersPage.grid.noRows',
  ariaRowToggleSelection: 'membersPage.grid.toggleRow',
  ariaFilterInput: 'membersPage.grid.filterInput',
  ariaFilterValue: 'membersPage.grid.filterValue',
  ariaFilteringOperator: 'membersPage.grid.filterOperator',
};

/** The grid's localeText for the UI language. */
export function gridLocaleText(t: Translate): Record<string, string> {
  return Object.fromEntries(Object.entries(gridKeys).map(([agKey, key]) => [agKey, t(key)]));
}
