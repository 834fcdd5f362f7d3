/**
 * Why a member got a tier, circle, stage, segment or flag: a message key plus the numbers behind
 * it. The engines stay language-free; the renderer looks up `members.explain.<key>` in its
 * catalogues and fills the `{placeholders}`.
 *
 * Param conventions the UI relies on:
 * - names ending in `Day` (`sinceDay`, `reviewDay`, …) are day numbers (shared/time.ts) to format
 *   as dates in the workspace's language;
 * - names ending in `Tier` (`tier` itself too) are tier ids from the workspace's ladder, to show as
 *   the tier's name;
 * - everything else is shown as is (counts, points, percentages, window lengths in days).
 */

export const explanationKeys = [
  'tier.initial',
  'tier.promoted',
  'tier.kept',
  'tier.keptUntilReview',
  'tier.held',
  'tier.demoted',
  'circle.core',
  'circle.active',
  'circle.potential',
  'circle.outside',
  'circle.noActivity',
  'lifecycle.new',
  'lifecycle.newNoActivity',
  'lifecycle.activated',
  'lifecycle.engaged',
  'lifecycle.atRisk',
  'lifecycle.dormant',
  'lifecycle.dormantNoActivity',
  'lifecycle.returned',
  'rfm.segment',
  'koc.flagged',
  'koc.notFlagged',
  'koc.ineligible',
  'churn.riskDays',
  'churn.riskWeeks',
  'churn.insufficientData',
] as const;
export type ExplanationKey = (typeof explanationKeys)[number];

export interface Explanation {
  key: ExplanationKey;
  params: Record<string, string | number>;
}
