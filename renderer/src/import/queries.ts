/** Import history of the open workspace; keyed by its path so a switch refetches. */
import { hearth } from '../api';
import { useQuery } from '../data/useQuery';

export const useImportBatches = (workspacePath: string) =>
  useQuery(`import/batches:${workspacePath}`, () => hearth.call('import/batches', {}));
