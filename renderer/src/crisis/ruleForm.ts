/** Which thresholds each alert rule kind uses, so the settings show only the relevant ones. */
import type { AlertRuleKind, AlertRuleParams } from '../../../shared/crisis';

export type ParamName = keyof AlertRuleParams;

export const paramsForKind: Record<AlertRuleKind, readonly ParamName[]> = {
  sensitive_words: ['minMatches'],
  negative_share: ['negativeShare', 'minMessages'],
  volume_swing: ['swing', 'minMessages'],
  complaint_burst: ['burstCount', 'windowMinutes'],
  churn_risk_rise: ['riskRisePoints'],
};

/** Shares are stored 0–1 and typed as percent. */
export const percentParams: ReadonlySet<ParamName> = new Set(['negativeShare', 'swing']);

/** The stored value as the form shows it (percent for shares). */
export function paramToField(name: ParamName, value: number): string {
  return String(percentParams.has(name) ? Math.round(value * 10_000) / 100 : value);
}

/** The typed value as stored; NaN stays NaN so the services' validation explains it. */
export function fieldToParam(name: ParamName, text: string): number {
  const n = Number(text);
  return percentParams.has(name) ? n / 100 : n;
}
