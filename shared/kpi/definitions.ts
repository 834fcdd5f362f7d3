/**
 * The written definition of every KPI, in the languages Hearth speaks, with its unit and the
 * seed's default health rule. These sentences are the contract with the operator: the SQL in
 * db/queries/kpi*.ts computes exactly what they say, and a test compares the two on a small
 * hand-computed workspace (tests/integration/kpi.test.ts).
 *
 * Shared words: a *period* is a run of whole local days in the workspace's time zone, both ends
 * included. A member is *active* on a day when they have at least one activity of any kind that
 * day. *Members* are live members (not merged into another) whose first activity is known.
 */
import type { MetricId } from '../kpi';
import type { Locale } from '../workspace';
import type { HealthSettings } from './settings';

export type MetricUnit = 'count' | 'ratio' | 'money' | 'score' | 'per_member';

/** The health rule in words, with the workspace's thresholds filled in. */
type RuleText = (s: HealthSettings) => Record<Locale, string>;

export interface MetricDefinition {
  unit: MetricUnit;
  /** Which way is good news: a rise ('up') for almost all; fewer churned members ('down'). */
  better: 'up' | 'down';
  /** What the number is: numerator, denominator, window. */
  text: Record<Locale, string>;
  /** The health rule, in words; null when the metric has no colour. */
  rule: RuleText | null;
}

/** A 0–1 share as a percentage figure without a trailing ".0": 0.055 → '5.5', 0.5 → '50'. */
const pct = (share: number): string => String(Math.round(share * 1000) / 10);
const num = (n: number): string => String(Math.round(n * 100) / 100);

const growthRule: RuleText = (s) => ({
  en: `Monthly net growth below ${pct(s.monthlyGrowthMin)}% of members for ${s.growthMonths} consecutive months → yellow.`,
  'zh-CN': `月净增长率连续 ${s.growthMonths} 个月低于 ${pct(s.monthlyGrowthMin)}% → 黄色。`,
});
const swingRule: RuleText = (s) => ({
  en: `A change of more than ±${pct(s.activitySwing)}% on the comparison period → yellow.`,
  'zh-CN': `较对比期波动超过 ±${pct(s.activitySwing)}% → 黄色。`,
});
const floorRule =
  (floor: (s: HealthSettings) => number, asPercent: boolean, colour: { en: string; 'zh-CN': string }): RuleText =>
  (s) => {
    const value = asPercent ? `${pct(floor(s))}%` : num(floor(s));
    return { en: `Below ${value} → ${colour.en}.`, 'zh-CN': `低于 ${value} → ${colour['zh-CN']}。` };
  };
const yellow = { en: 'yellow', 'zh-CN': '黄色' };

/** Days of silence after which a member counts as churned (the seed's 60-day rule). */
export const CHURN_SILENCE_DAYS = 60;

export const metricDefinitions: Record<MetricId, MetricDefinition> = {
  members_total: {
    unit: 'count',
    better: 'up',
    text: {
      en: 'Members whose first activity is on or before the last day of the period (merged duplicates counted once).',
      'zh-CN': '首次活动日期不晚于统计期最后一天的成员数（已合并的重复成员只计一次）。',
    },
    rule: null,
  },
  members_new: {
    unit: 'count',
    better: 'up',
    text: {
      en: 'Members whose first activity falls within the period.',
      'zh-CN': '首次活动日期落在统计期内的成员数。',
    },
    rule: null,
  },
  members_churned: {
    unit: 'count',
    better: 'down',
    text: {
      en: 'Members who reached 60 days without any activity during the period and had not come back by its last day: active in the 60 days before some day of the period, silent from then to the period end.',
      'zh-CN': '在统计期内某一天达到连续 60 天无任何活动、且到统计期最后一天仍未回来的成员数。',
    },
    rule: null,
  },
  net_growth: {
    unit: 'count',
    better: 'up',
    text: {
      en: 'New members minus churned members in the period.',
      'zh-CN': '统计期内新增成员数减去流失成员数。',
    },
    rule: growthRule,
  },
  growth_rate: {
    unit: 'ratio',
    better: 'up',
    text: {
      en: 'Net growth (new − churned) divided by members on the day before the period starts.',
      'zh-CN': '净增长（新增 − 流失）除以统计期开始前一天的成员数。',
    },
    rule: growthRule,
  },
  dau: {
    unit: 'count',
    better: 'up',
    text: {
      en: 'Daily active members: the average, over the days of the period, of the members active that day.',
      'zh-CN': '日活跃成员：统计期内每天活跃成员数的平均值。',
    },
    rule: swingRule,
  },
  wau: {
    unit: 'count',
    better: 'up',
    text: {
      en: 'Weekly active members: distinct members active in the 7 days ending the last day of the period.',
      'zh-CN': '周活跃成员：截至统计期最后一天的 7 天内活跃过的不重复成员数。',
    },
    rule: swingRule,
  },
  mau: {
    unit: 'count',
    better: 'up',
    text: {
      en: 'Monthly active members: distinct members active in the 30 days ending the last day of the period.',
      'zh-CN': '月活跃成员：截至统计期最后一天的 30 天内活跃过的不重复成员数。',
    },
    rule: swingRule,
  },
  stickiness: {
    unit: 'ratio',
    better: 'up',
    text: {
      en: 'Average DAU of the period divided by MAU (the 30 days ending the period end).',
      'zh-CN': '统计期平均日活除以月活（截至统计期末的 30 天）。',
    },
    rule: null,
  },
  active_ratio: {
    unit: 'ratio',
    better: 'up',
    text: {
      en: 'MAU divided by members at the period end.',
      'zh-CN': '月活跃成员数除以统计期末成员总数。',
    },
    rule: ({ activeBand: { low, high }, activeBandOrange: out }) => ({
      en: `Outside ${pct(low)}–${pct(high)}% → yellow; outside by more than ${pct(out)} points (below ${pct(Math.max(0, low - out))}% or above ${pct(Math.min(1, high + out))}%) → orange.`,
      'zh-CN': `不在 ${pct(low)}%–${pct(high)}% 之间 → 黄色；偏离超过 ${pct(out)} 个百分点（低于 ${pct(Math.max(0, low - out))}% 或高于 ${pct(Math.min(1, high + out))}%）→ 橙色。`,
    }),
  },
  posts_per_active: {
    unit: 'per_member',
    better: 'up',
    text: {
      en: 'Messages, posts, UGC posts and comments in the period divided by the members active in the period.',
      'zh-CN': '统计期内的消息、帖子、UGC 帖子与评论总数除以统计期内活跃过的成员数。',
    },
    rule: null,
  },
  replies_per_active: {
    unit: 'per_member',
    better: 'up',
    text: {
      en: 'Replies in the period divided by the members active in the period.',
      'zh-CN': '统计期内的回复数除以统计期内活跃过的成员数。',
    },
    rule: null,
  },
  reactions_per_active: {
    unit: 'per_member',
    better: 'up',
    text: {
      en: 'Reactions given in the period divided by the members active in the period.',
      'zh-CN': '统计期内成员给出的表情回应数除以统计期内活跃过的成员数。',
    },
    rule: null,
  },
  member_initiated_share: {
    unit: 'ratio',
    better: 'up',
    text: {
      en: 'Conversations members start (messages, posts, UGC posts) as a share of all posting (those plus replies and comments) in the period.',
      'zh-CN': '成员主动发起的内容（消息、帖子、UGC 帖子）占全部发言（含回复与评论）的比例。',
    },
    rule: null,
  },
  ugc_share: {
    unit: 'ratio',
    better: 'up',
    text: {
      en: 'UGC posts divided by UGC posts plus posts in the period; a "post" is content the brand published (PGC).',
      'zh-CN': '统计期内 UGC 帖子数除以 UGC 帖子与帖子之和；“帖子”指品牌发布的内容（PGC）。',
    },
    rule: floorRule((s) => s.ugcShareMin, true, yellow),
  },
  retention_d1: {
    unit: 'ratio',
    better: 'up',
    text: {
      en: 'Of members who joined in the 12 join months ending the period end and have been members for at least 1 day, the share active again 1 or more days after joining.',
      'zh-CN': '截至统计期末 12 个加入月份中、加入已满 1 天的成员里，加入后第 1 天或之后再次活跃的比例。',
    },
    rule: null,
  },
  retention_d7: {
    unit: 'ratio',
    better: 'up',
    text: {
      en: 'Of members who joined in the 12 join months ending the period end and have been members for at least 7 days, the share active 7 or more days after joining.',
      'zh-CN': '截至统计期末 12 个加入月份中、加入已满 7 天的成员里，加入后第 7 天或之后仍有活动的比例。',
    },
    rule: null,
  },
  retention_d30: {
    unit: 'ratio',
    better: 'up',
    text: {
      en: 'Of members who joined in the 12 join months ending the period end and have been members for at least 30 days, the share active 30 or more days after joining.',
      'zh-CN': '截至统计期末 12 个加入月份中、加入已满 30 天的成员里，加入后第 30 天或之后仍有活动的比例。',
    },
    rule: floorRule((s) => s.retentionD30Min, true, yellow),
  },
  retention_d90: {
    unit: 'ratio',
    better: 'up',
    text: {
      en: 'Of members who joined in the 12 join months ending the period end and have been members for at least 90 days, the share active 90 or more days after joining.',
      'zh-CN': '截至统计期末 12 个加入月份中、加入已满 90 天的成员里，加入后第 90 天或之后仍有活动的比例。',
    },
    rule: floorRule((s) => s.retentionD90Min, true, yellow),
  },
  repeat_purchase_rate: {
    unit: 'ratio',
    better: 'up',
    text: {
      en: 'Buyers with paid orders on 2 or more different days, divided by buyers (members with a paid order), counting orders up to the period end.',
      'zh-CN': '截至统计期末，在 2 个或以上不同日期有已支付订单的买家数除以买家数（有已支付订单的成员）。',
    },
    rule: null,
  },
  buyer_conversion: {
    unit: 'ratio',
    better: 'up',
    text: {
      en: 'Members with a paid order up to the period end, divided by members.',
      'zh-CN': '截至统计期末有已支付订单的成员数除以成员总数。',
    },
    rule: null,
  },
  aov: {
    unit: 'money',
    better: 'up',
    text: {
      en: 'Average order value: paid order amounts in the period divided by the number of paid orders in the period.',
      'zh-CN': '客单价：统计期内已支付订单金额除以已支付订单数。',
    },
    rule: null,
  },
  clv_avg: {
    unit: 'money',
    better: 'up',
    text: {
      en: 'Average predicted customer lifetime value over the members the last recompute could value (BG/NBD with Gamma-Gamma). Current, not per period: no comparison.',
      'zh-CN': '最近一次重算能估值的成员的预测客户终身价值平均数（BG/NBD 与 Gamma-Gamma）。为当前值，不随统计期变化，无对比。',
    },
    rule: null,
  },
  nps: {
    unit: 'score',
    better: 'up',
    text: {
      en: 'Net Promoter Score of survey answers in the period: % of scores 9–10 minus % of scores 0–6 (−100 to 100).',
      'zh-CN': '净推荐值：统计期内问卷评分中 9–10 分的占比减去 0–6 分的占比（−100 至 100）。',
    },
    rule: floorRule((s) => s.npsMin, false, { en: 'red', 'zh-CN': '红色' }),
  },
  k_factor: {
    unit: 'per_member',
    better: 'up',
    text: {
      en: 'Referrals recorded in the period divided by the members active in the period. Offline exports do not say whether a referral joined, so conversion is taken as 1: this is an upper bound of the viral K-factor.',
      'zh-CN': '统计期内记录的推荐次数除以统计期内活跃成员数。离线导出无法得知被推荐人是否加入，因此转化率按 1 计：这是病毒系数 K 的上限。',
    },
    rule: floorRule((s) => s.kFactorMin, false, yellow),
  },
  koc_share: {
    unit: 'ratio',
    better: 'up',
    text: {
      en: 'Members marked KOC by the last recompute, as a share of members in the core and active circles.',
      'zh-CN': '最近一次重算中被标记为 KOC 的成员占核心圈与活跃圈成员的比例。',
    },
    rule: floorRule((s) => s.kocShareMin, true, yellow),
  },
};

/**
 * A metric's health rule in words with the workspace's thresholds, or null when it has none.
 *
 * @example
 * ruleText('nps', healthDefaults, 'en') // 'Below 0 → red.'
 * ruleText('ugc_share', { ...healthDefaults, ugcShareMin: 0.25 }, 'zh-CN') // '低于 25% → 黄色。'
 */
export function ruleText(id: MetricId, settings: HealthSettings, language: Locale): string | null {
  return metricDefinitions[id].rule?.(settings)[language] ?? null;
}

/**
 * The definition sentence of a metric in a language.
 *
 * @example
 * metricDefinition('nps', 'en') // 'Net Promoter Score of survey answers in the period: …'
 */
export function metricDefinition(id: MetricId, language: Locale): string {
  return metricDefinitions[id].text[language];
}
