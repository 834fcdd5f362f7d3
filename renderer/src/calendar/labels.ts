/** Words for the calendar's codes (pillar, format, source, status, review action, mix group), per language. */
import type {
  ContentFormat,
  ContentPillar,
  ContentSource,
  ContentStatus,
  ReviewAction,
} from '../../../shared/calendar';
import type { MixGroup } from '../../../shared/calendar';
import type { MessageKey } from '../i18n';
import type { ColourDimension } from './colours';

export const pillarKey = (p: ContentPillar): MessageKey => `calendar.pillar.${p}`;
export const formatKey = (f: ContentFormat): MessageKey => `calendar.format.${f}`;
export const sourceKey = (s: ContentSource): MessageKey => `calendar.source.${s}`;
export const statusKey = (s: ContentStatus): MessageKey => `calendar.status.${s}`;
export const actionKey = (a: ReviewAction): MessageKey => `calendar.action.${a}`;
export const groupKey = (g: MixGroup['group']): MessageKey => `calendar.group.${g}`;
export const dimensionKey = (d: ColourDimension): MessageKey => `calendar.dimension.${d}`;

/** The word for a mix part's key within its group. */
export function mixPartKey(group: MixGroup['group'], key: string): MessageKey | null {
  const known: Record<MixGroup['group'], readonly string[]> = {
    pillar: ['basic', 'advanced', 'cocreation'],
    format: ['video', 'audio', 'text', 'activity'],
    source: ['ugc', 'pgc'],
  };
  if (!known[group].includes(key)) return null;
  return `calendar.${group}.${key}` as MessageKey;
}

/** The word for a colour-by value: codes are translated, names (channel, owner) shown as they are. */
export function dimensionValueKey(by: ColourDimension, value: string): MessageKey | null {
  if (by === 'pillar') return mixPartKey('pillar', value);
  if (by === 'status') return `calendar.status.${value}` as MessageKey;
  return null;
}
