/** Server data about workspaces, fetched where it is shown. */
import { hearth } from '../api';
import { useQuery } from '../data/useQuery';

export const useAppInfo = () => useQuery('app/info', () => hearth.call('app/info', {}));

export const useRecentWorkspaces = () => useQuery('workspace/recent', () => hearth.call('workspace/recent', {}));

/** Row counts and schema version of the open workspace; keyed by its path so a switch refetches. */
export const useWorkspaceInfo = (path: string) =>
  useQuery(`workspace/info:${path}`, () => hearth.call('workspace/info', {}));
