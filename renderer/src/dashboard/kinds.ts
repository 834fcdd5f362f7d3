/** An activity kind's words for the content mix: Hearth's kinds, UGC / PGC, else the kind itself. */
import { activityKinds, type ActivityKind } from '../../../shared/import';
// The catalogue's key type only (see members/labels.ts).
import type { MessageKey } from '../i18n/en';

type Translate = (key: MessageKey) => string;

const isActivityKind = (kind: string): kind is ActivityKind => (activityKinds as readonly string[]).includes(kind);

/**
 * @example
 * kindLabel('ugc_post', t) // 'Member post'
 * kindLabel('webinar', t) // 'webinar'
 */
export function kindLabel(kind: string, t: Translate): string {
  if (isActivityKind(kind)) return t(`kind.${kind}`);
  if (kind === 'ugc' || kind === 'pgc') return t(`dashboard.kind.${kind}`);
  return kind;
}
