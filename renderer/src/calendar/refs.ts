/** How the calendar names an item in API calls: a stored item by id, a series occurrence by series and start. */
import type { ContentItem, ContentRef } from '../../../shared/calendar';

/** The ref of an item as the calendar shows it. */
export function refOf(item: Pick<ContentItem, 'id' | 'seriesId' | 'occurrence'>): ContentRef {
  if (item.id !== null) return { id: item.id };
  if (item.seriesId !== null && item.occurrence !== null)
    return { seriesId: item.seriesId, occurrence: item.occurrence };
  throw new Error('an item without an id must be a series occurrence');
}

/** A stable text for a ref (query keys, test ids). */
export function refKey(ref: ContentRef): string {
  return 'id' in ref ? `i${ref.id}` : `s${ref.seriesId}@${ref.occurrence}`;
}

/** True when `item` is the one `ref` names (an occurrence stays itself after it is first changed). */
export function matchesRef(item: Pick<ContentItem, 'id' | 'seriesId' | 'occurrence'>, ref: ContentRef): boolean {
  if ('id' in ref) return item.id === ref.id;
  return item.seriesId === ref.seriesId && item.occurrence === ref.occurrence;
}
