/**
 * KPI names in the languages Hearth speaks: the dashboard, the CLI and the PDF report all print
 * these, so a metric is called the same everywhere.
 */
import type { MetricId } from '../kpi';
import type { Locale } from '../workspace';

export const metricNames: Record<MetricId, Record<Locale, string>> = {
  members_total: { en: 'Members', 'zh-CN': '成员总数' },
  members_new: { en: 'New members', 'zh-CN': '新增成员' },
  members_churned: { en: 'Churned members', 'zh-CN': '流失成员' },
  net_growth: { en: 'Net growth', 'zh-CN': '净增长' },
  growth_rate: { en: 'Growth rate', 'zh-CN': '增长率' },
  dau: { en: 'Daily active (avg)', 'zh-CN': '日活（平均）' },
  wau: { en: 'Weekly active', 'zh-CN': '周活' },
  mau: { en: 'Monthly active', 'zh-CN': '月活' },
  stickiness: { en: 'Stickiness (DAU/MAU)', 'zh-CN': '黏性（日活/月活）' },
  active_ratio: { en: 'Active ratio', 'zh-CN': '活跃率' },
  posts_per_active: { en: 'Posts per active member', 'zh-CN': '人均发帖' },
  replies_per_active: { en: 'Replies per active member', 'zh-CN': '人均回复' },
  reactions_per_active: { en: 'Reactions per active member', 'zh-CN': '人均互动' },
  member_initiated_share: { en: 'Member-started threads', 'zh-CN': '成员发起话题占比' },
  ugc_share: { en: 'UGC share', 'zh-CN': 'UGC 占比' },
  retention_d1: { en: 'Day-1 retention', 'zh-CN': '次日留存' },
  retention_d7: { en: 'Day-7 retention', 'zh-CN': '7 日留存' },
  retention_d30: { en: 'Day-30 retention', 'zh-CN': '30 日留存' },
  retention_d90: { en: 'Day-90 retention', 'zh-CN': '90 日留存' },
  repeat_purchase_rate: { en: 'Repeat purchase rate', 'zh-CN': '复购率' },
  buyer_conversion: { en: 'Buyer conversion', 'zh-CN': '购买转化率' },
  aov: { en: 'Average order value', 'zh-CN': '客单价' },
  clv_avg: { en: 'Average CLV', 'zh-CN': '平均客户终身价值' },
  nps: { en: 'NPS', 'zh-CN': '净推荐值（NPS）' },
  k_factor: { en: 'K-factor', 'zh-CN': 'K 因子' },
  koc_share: { en: 'KOC share', 'zh-CN': 'KOC 占比' },
};

/**
 * Catalogue entries `dashboard.metric.<id>` for one language, for the renderer's message catalogues.
 *
 * @example
 * metricNameMessages('en')['dashboard.metric.nps'] // 'NPS'
 */
export function metricNameMessages(locale: Locale): Record<`dashboard.metric.${MetricId}`, string> {
  return Object.fromEntries(
    Object.entries(metricNames).map(([id, names]) => [`dashboard.metric.${id}`, names[locale]]),
  ) as Record<`dashboard.metric.${MetricId}`, string>;
}
