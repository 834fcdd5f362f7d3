/** What the grid shows, in the contract's words: the filter for counts, bulk actions and export. */
import { useEffect, useMemo } from 'react';
import type { MemberFilter, MemberSort } from '../../../shared/member-grid';
import { useErrors } from '../stores/errors';
import { choicesFilter, combineFilters, toMemberFilter, toMemberSort } from './gridModels';
import { useMembers } from './store';

export interface GridQuery {
  /** The controls' part alone: the grid adds its own column filters to it in each request. */
  choices: MemberFilter;
  /** Everything the grid filters by. */
  filter: MemberFilter;
  sort: MemberSort;
}

export function useGridQuery(): GridQuery {
  const choices = useMembers((s) => s.choices);
  const filterModel = useMembers((s) => s.filterModel);
  const sortModel = useMembers((s) => s.sortModel);

  const query = useMemo(() => {
    const fromChoices = choicesFilter(choices);
    const sort = toMemberSort(sortModel);
    try {
      return {
        choices: fromChoices,
        filter: combineFilters(fromChoices, toMemberFilter(filterModel)),
        sort,
        problem: null,
      };
    } catch (problem) {
      return { choices: fromChoices, filter: fromChoices, sort, problem };
    }
  }, [choices, filterModel, sortModel]);

  useEffect(() => {
    if (query.problem) useErrors.getState().report(query.problem);
  }, [query.problem]);

  return { choices: query.choices, filter: query.filter, sort: query.sort };
}
