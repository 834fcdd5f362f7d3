/**
 * The content mix: how a period's planned items split by pillar, format and source, against the
 * workspace's targets. The gauges turn amber when a share drifts more than `driftPoints` from its
 * target, so a planner sees a lopsided month while there is still time to change it.
 */
import {
  contentFormats,
  contentPillars,
  contentSources,
  type ContentFormat,
  type ContentPillar,
  type ContentSource,
  type ContentStatus,
  type MixGroup,
  type MixTargets,
} from '../calendar';

/** What the mix needs of an item. */
export interface MixItem {
  status: ContentStatus;
  pillar: ContentPillar | null;
  format: ContentFormat | null;
  source: ContentSource | null;
}

/*
 * Shares are count/total in floating point, so a drift meant to be exactly 5 can come out as
 * 5.000000000000001; a tolerance far below any meaningful point keeps "exactly at the limit" ok.
 */
const EPSILON = 1e-9;

function group<G extends MixGroup['group'], K extends string>(
  name: G,
  keys: readonly K[],
  items: readonly MixItem[],
  value: (item: MixItem) => K | null,
  targets: Record<K, number>,
  driftPoints: number,
): MixGroup {
  const counts = new Map<K, number>(keys.map((k) => [k, 0]));
  let total = 0;
  let unclassified = 0;
  for (const item of items) {
    const v = value(item);
    if (v === null) unclassified++;
    else {
      total++;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  }
  const parts = keys.map((key) => {
    const count = counts.get(key) ?? 0;
    const target = targets[key];
    if (total === 0) return { key, count, share: null, target, drift: null, status: 'empty' as const };
    const share = (100 * count) / total;
    const drift = share - target;
    return {
      key,
      count,
      share,
      target,
      drift,
      status: Math.abs(drift) > driftPoints + EPSILON ? ('amber' as const) : ('ok' as const),
    };
  });
  const status = total === 0 ? 'empty' : parts.some((p) => p.status === 'amber') ? 'amber' : 'ok';
  return { group: name, total, unclassified, parts, status };
}

/**
 * The mix of `items` in three groups, in the order pillar, format, source. Cancelled items are
 * left out entirely. In each group `total` counts the items with that field set and
 * `unclassified` those without; each part's `share` is 100 · count / total (null when total is
 * 0), `drift` is share − target, and `status` is 'empty' when total is 0, 'amber' when |drift|
 * is strictly more than `driftPoints`, else 'ok'. A group is 'empty' when its total is 0, 'amber'
 * when any part is, else 'ok'. Parts follow contentPillars / contentFormats / contentSources.
 *
 * @example
 * const [pillar] = computeMix(
 *   [{ status: 'draft', pillar: 'basic', format: null, source: null },
 *    { status: 'draft', pillar: 'advanced', format: null, source: null }],
 *   defaultCalendarSettings.mixTargets, 5);
 * pillar.parts[0] // { key: 'basic', count: 1, share: 50, target: 50, drift: 0, status: 'ok' }
 * pillar.status // 'amber' (advanced 50 vs 30, cocreation 0 vs 20)
 */
export function computeMix(items: readonly MixItem[], targets: MixTargets, driftPoints: number): MixGroup[] {
  const live = items.filter((i) => i.status !== 'cancelled');
  return [
    group('pillar', contentPillars, live, (i) => i.pillar, targets.pillar, driftPoints),
    group('format', contentFormats, live, (i) => i.format, targets.format, driftPoints),
    group('source', contentSources, live, (i) => i.source, targets.source, driftPoints),
  ];
}
