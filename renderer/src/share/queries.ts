/** Team-share and portfolio data: the share folder (per machine), bundles in it, the client rows. */
import { hearth } from '../api';
import { useQuery } from '../data/useQuery';

export const useShareSettings = () => useQuery('share/settings', () => hearth.call('share/settings/get', {}));

/**
 * Every workspace's bundles in `folder`, newest first; nothing while no folder is chosen (the
 * services refuse a listing without one).
 */
export const useShareBundles = (folder: string | null) =>
  useQuery(`share/bundles:${folder ?? ''}`, async () =>
    folder ? hearth.call('share/bundles', { folder, all: true }) : [],
  );

/** One row per client workspace in `folder`, or in the recent list when `folder` is null. */
export const usePortfolio = (folder: string | null) =>
  useQuery(`portfolio/list:${folder ?? ''}`, () => hearth.call('portfolio/list', folder ? { folder } : {}));
