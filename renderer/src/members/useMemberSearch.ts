/** Members matching what the user types, asked for once typing pauses. */
import { useEffect, useState } from 'react';
import type { MemberBrief } from '../../../shared/members';
import { useErrors } from '../stores/errors';
import { searchMembers } from './queries';

// Long enough not to ask on every keystroke, short enough to feel immediate.
const PAUSE_MS = 200;

export interface MemberSearch {
  results: MemberBrief[];
  searching: boolean;
}

/** Results for `query` (none for a blank one); an answer for an older query is dropped. */
export function useMemberSearch(query: string): MemberSearch {
  const [state, setState] = useState<{ query: string; results: MemberBrief[] }>({ query: '', results: [] });
  const wanted = query.trim();

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    const timer = setTimeout(() => {
      searchMembers(wanted).then(
        (results) => {
          if (current) setState({ query: wanted, results });
        },
        (error: unknown) => {
          if (current) useErrors.getState().report(error);
        },
      );
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [wanted]);

  if (!wanted) return { results: [], searching: false };
  return { results: state.query === wanted ? state.results : [], searching: state.query !== wanted };
}
