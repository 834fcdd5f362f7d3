/** How members, identities and merge reasons read in the UI. */
import type { MemberBrief, MergeSuggestion } from '../../../shared/members';
import type { MessageKey, Translate } from '../i18n';

type Identity = MemberBrief['identities'][number];

// Platform names are proper nouns: the same in every language.
const sourceNames: Record<string, string> = {
  discord: 'Discord',
  slack: 'Slack',
  telegram: 'Telegram',
  whatsapp: 'WhatsApp',
  discourse: 'Discourse',
  stackexchange: 'Stack Exchange',
};

// …except those with a Chinese name, and Hearth's own sources for tables.
const sourceKeys: Record<string, MessageKey> = {
  wechat: 'platform.wechat',
  xiaohongshu: 'platform.xiaohongshu',
  shop: 'platform.shop',
  survey: 'platform.survey',
  table: 'platform.table',
};

/** The platform an identity comes from, e.g. 'discord' → 'Discord', 'shop' → '店铺'. */
export function sourceLabel(source: string, t: Translate): string {
  const key = Object.prototype.hasOwnProperty.call(sourceKeys, source) ? sourceKeys[source] : undefined;
  if (key) return t(key);
  return Object.prototype.hasOwnProperty.call(sourceNames, source) ? (sourceNames[source] ?? source) : source;
}

/** How a platform knows the person: handle, then display name, then its id. */
export function identityName(identity: Identity): string {
  if (identity.handle) return identity.handle.startsWith('@') ? identity.handle : `@${identity.handle}`;
  return identity.displayName ?? identity.externalId;
}

export const reasonKeys: Record<MergeSuggestion['reason'], MessageKey> = {
  email: 'merge.reason.email',
  phone: 'merge.reason.phone',
  handle: 'merge.reason.handle',
  name: 'merge.reason.name',
};

/** The services' default reason for a merge made by hand. */
const BY_HAND = 'merged by hand';

/**
 * A stored merge reason in the user's language: "email: a@b.c" → "Same email: a@b.c".
 * Reasons Hearth did not write itself are shown as they are.
 */
export function reasonText(reason: string, t: Translate): string {
  if (reason === BY_HAND) return t('merge.byHand');
  const match = /^(email|phone|handle|name): (.*)$/s.exec(reason);
  if (!match) return reason;
  const key = reasonKeys[match[1] as MergeSuggestion['reason']];
  return `${t(key)}${t('merge.reasonSeparator')}${match[2] ?? ''}`;
}
