/**
 * How member scores read: tier names from the workspace's ladder, circle / lifecycle / RFM words
 * from the catalogues, and explanations filled in. Pure (takes `t` and the ladder), so tested
 * without a browser.
 */
import type { MemberOverview } from '../../../shared/member-grid';
import type { Circle } from '../../../shared/members/circles';
import type { Explanation } from '../../../shared/members/explain';
import type { LifecycleStage } from '../../../shared/members/lifecycle';
import type { RfmSegment } from '../../../shared/members/rfm';
import { dayToIso } from '../../../shared/time';
import type { Locale } from '../../../shared/workspace';
// The catalogue's key type only: ../i18n itself pulls in the DOM-bound stores, and this module is
// also compiled and tested under Node.
import type { MessageKey } from '../i18n/en';

type Params = Record<string, string | number>;
/** The shape of i18n's Translate (`useT()`), which any such function satisfies. */
type Translate = (key: MessageKey, params?: Params) => string;

export type TierLadder = MemberOverview['tiers'];

/**
 * A tier's name in `language`, or its id when the ladder no longer has it (renamed rules).
 *
 * @example
 * tierName(ladder, 'core', 'zh-CN') // '核心'
 */
export function tierName(ladder: TierLadder, id: string, language: Locale): string {
  return ladder.find((tier) => tier.id === id)?.name[language] ?? id;
}

/** A tier's place on the ladder (0 = lowest), for its colour; -1 when unknown. */
export function tierRank(ladder: TierLadder, id: string): number {
  return ladder.findIndex((tier) => tier.id === id);
}

const circleKeys: Record<Circle, MessageKey> = {
  core: 'members.circle.core',
  active: 'members.circle.active',
  potential: 'members.circle.potential',
  outside: 'members.circle.outside',
};

const lifecycleKeys: Record<LifecycleStage, MessageKey> = {
  new: 'members.lifecycle.new',
  activated: 'members.lifecycle.activated',
  engaged: 'members.lifecycle.engaged',
  at_risk: 'members.lifecycle.at_risk',
  dormant: 'members.lifecycle.dormant',
  returned: 'members.lifecycle.returned',
};

const rfmKeys: Record<RfmSegment, MessageKey> = {
  champions: 'members.rfm.champions',
  loyal: 'members.rfm.loyal',
  potential_loyalist: 'members.rfm.potential_loyalist',
  new_customer: 'members.rfm.new_customer',
  promising: 'members.rfm.promising',
  need_attention: 'members.rfm.need_attention',
  about_to_sleep: 'members.rfm.about_to_sleep',
  at_risk: 'members.rfm.at_risk',
  cannot_lose: 'members.rfm.cannot_lose',
  hibernating: 'members.rfm.hibernating',
  lost: 'members.rfm.lost',
};

/** A value's words, or the value itself when this version has none (values come from the services). */
function label(keys: Record<string, MessageKey>, value: string, t: Translate): string {
  const key = Object.prototype.hasOwnProperty.call(keys, value) ? keys[value] : undefined;
  return key ? t(key) : value;
}

/** 'core' → '核心圈' / 'Core'. */
export const circleLabel = (value: string, t: Translate): string => label(circleKeys, value, t);
/** 'at_risk' → the lifecycle stage's words. */
export const lifecycleLabel = (value: string, t: Translate): string => label(lifecycleKeys, value, t);
/** 'champions' → the RFM segment's words. */
export const rfmLabel = (value: string, t: Translate): string => label(rfmKeys, value, t);

export interface ExplainContext {
  ladder: TierLadder;
  language: Locale;
  number(n: number): string;
}

/**
 * An explanation's params as the message shows them (shared/members/explain.ts conventions):
 * `…Day` params are dates, `tier` / `…Tier` params are tier names, numbers are formatted.
 *
 * @example
 * explanationParams({ key: 'tier.promoted', params: { tier: 'core', sinceDay: 0, earned: 1200 } }, ctx)
 * // { tier: 'Core', sinceDay: '1970-01-01', earned: '1,200' }
 */
export function explanationParams(explanation: Explanation, ctx: ExplainContext): Params {
  const params: Params = {};
  for (const [name, value] of Object.entries(explanation.params)) {
    if (name.endsWith('Day') && typeof value === 'number') params[name] = dayToIso(value);
    else if ((name === 'tier' || name.endsWith('Tier')) && typeof value === 'string')
      params[name] = tierName(ctx.ladder, value, ctx.language);
    else params[name] = typeof value === 'number' ? ctx.number(value) : value;
  }
  return params;
}

/** An explanation in the UI language. */
export function explanationText(explanation: Explanation, t: Translate, ctx: ExplainContext): string {
  return t(`members.explain.${explanation.key}`, explanationParams(explanation, ctx));
}
