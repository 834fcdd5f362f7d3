/**
 * The "Targets & rules" editor's fields: the KPI settings as text inputs (shares as percentages,
 * the way operators say them), back to settings, and each field's error. Pure, so tested without
 * a browser; the contract's schema has the last word, and its cross-field rules (the band's order,
 * weights adding up to 100%) come back as errors on the field they name.
 */
import { kpiSettingsSchema, scorecardDimensionIds, scorecardIndicators, type KpiSettings } from '../../../shared/kpi/settings';
import type { MetricId } from '../../../shared/kpi';

export type HealthField = 'activeLow' | 'activeHigh' | 'growthMin' | 'swing' | 'npsMin' | 'kMin' | 'd30' | 'd90' | 'ugc' | 'koc';

interface HealthFieldSpec {
  id: HealthField;
  /** Shown ×100 with a % label. */
  percent: boolean;
  min: number;
  max: number;
  /** Where the field lives in the settings, as the schema's issue paths name it. */
  path: string;
}

/** The health fields in the editor's order, with their display ranges. */
export const healthFields: readonly HealthFieldSpec[] = [
  { id: 'activeLow', percent: true, min: 0, max: 100, path: 'health.activeBand.low' },
  { id: 'activeHigh', percent: true, min: 0, max: 100, path: 'health.activeBand.high' },
  { id: 'growthMin', percent: true, min: -100, max: 1000, path: 'health.monthlyGrowthMin' },
  { id: 'swing', percent: true, min: 0.1, max: 1000, path: 'health.activitySwing' },
  { id: 'npsMin', percent: false, min: -100, max: 100, path: 'health.npsMin' },
  { id: 'kMin', percent: false, min: 0, max: 100, path: 'health.kFactorMin' },
  { id: 'd30', percent: true, min: 0, max: 100, path: 'health.retentionD30Min' },
  { id: 'd90', percent: true, min: 0, max: 100, path: 'health.retentionD90Min' },
  { id: 'ugc', percent: true, min: 0, max: 100, path: 'health.ugcShareMin' },
  { id: 'koc', percent: true, min: 0, max: 100, path: 'health.kocShareMin' },
];

/** A weight field's key: `weights.<dimension>.<metric>`, the schema's issue path. */
export const weightFields: readonly { dimension: (typeof scorecardDimensionIds)[number]; metrics: readonly MetricId[] }[] = scorecardDimensionIds.map(
  (dimension) => ({ dimension, metrics: scorecardIndicators[dimension] }),
);
export const weightKey = (dimension: string, metric: string): string => `weights.${dimension}.${metric}`;

/** The form: text per field key (health field paths and weight keys). */
export type SettingsForm = Record<string, string>;

export type FieldError = { code: 'number' } | { code: 'range'; min: number; max: number } | { code: 'band_order' } | { code: 'weights_sum' };

/** A number as the form shows it: at most two decimals, no trailing zeros. */
const shown = (n: number): string => String(Math.round(n * 100) / 100);

function healthValue(settings: KpiSettings, id: HealthField): number {
  const h = settings.health;
  const values: Record<HealthField, number> = {
    activeLow: h.activeBand.low,
    activeHigh: h.activeBand.high,
    growthMin: h.monthlyGrowthMin,
    swing: h.activitySwing,
    npsMin: h.npsMin,
    kMin: h.kFactorMin,
    d30: h.retentionD30Min,
    d90: h.retentionD90Min,
    ugc: h.ugcShareMin,
    koc: h.kocShareMin,
  };
  return values[id];
}

/**
 * The form for stored settings.
 *
 * @example
 * settingsToForm(defaultKpiSettings)['health.activeBand.low'] // '50'
 * settingsToForm(defaultKpiSettings)['weights.members.active_ratio'] // '40'
 */
export function settingsToForm(settings: KpiSettings): SettingsForm {
  const form: SettingsForm = {};
  for (const f of healthFields) form[f.path] = shown(healthValue(settings, f.id) * (f.percent ? 100 : 1));
  for (const { dimension, metrics } of weightFields) {
    const weights: Readonly<Record<string, number>> = settings.weights[dimension];
    for (const metric of metrics) form[weightKey(dimension, metric)] = shown((weights[metric] ?? 0) * 100);
  }
  return form;
}

/**
 * The settings the form describes, or the errors by field key. Settings the form does not show
 * (the orange margin, the growth rule's run of months) are kept from `base`.
 *
 * @example
 * formToSettings({ ...settingsToForm(defaultKpiSettings), 'health.npsMin': 'x' }, defaultKpiSettings)
 * // { settings: null, errors: { 'health.npsMin': { code: 'number' } } }
 */
export function formToSettings(form: SettingsForm, base: KpiSettings): { settings: KpiSettings | null; errors: Record<string, FieldError> } {
  const errors: Record<string, FieldError> = {};
  const read = (key: string, min: number, max: number, scale: number): number => {
    const text = (form[key] ?? '').trim();
    const n = text === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(n)) errors[key] = { code: 'number' };
    else if (n < min || n > max) errors[key] = { code: 'range', min, max };
    return n / scale;
  };
  const health: Record<HealthField, number> = {
    activeLow: 0,
    activeHigh: 0,
    growthMin: 0,
    swing: 0,
    npsMin: 0,
    kMin: 0,
    d30: 0,
    d90: 0,
    ugc: 0,
    koc: 0,
  };
  for (const f of healthFields) health[f.id] = read(f.path, f.min, f.max, f.percent ? 100 : 1);
  const w = (dimension: string, metric: string): number => read(weightKey(dimension, metric), 0, 100, 100);
  const candidate: KpiSettings = {
    health: {
      ...base.health,
      activeBand: { low: health.activeLow, high: health.activeHigh },
      monthlyGrowthMin: health.growthMin,
      activitySwing: health.swing,
      npsMin: health.npsMin,
      kFactorMin: health.kMin,
      retentionD30Min: health.d30,
      retentionD90Min: health.d90,
      ugcShareMin: health.ugc,
      kocShareMin: health.koc,
    },
    weights: {
      members: { active_ratio: w('members', 'active_ratio'), retention_d30: w('members', 'retention_d30'), growth_rate: w('members', 'growth_rate') },
      business: {
        repeat_purchase_rate: w('business', 'repeat_purchase_rate'),
        buyer_conversion: w('business', 'buyer_conversion'),
        k_factor: w('business', 'k_factor'),
      },
      brand: { nps: w('brand', 'nps'), ugc_share: w('brand', 'ugc_share'), koc_share: w('brand', 'koc_share') },
    },
  };
  // The cross-field rules are checked here too, so every error shows at once, not one round after another.
  const low = candidate.health.activeBand.low;
  const high = candidate.health.activeBand.high;
  if (Number.isFinite(low) && Number.isFinite(high) && low >= high) errors['health.activeBand.high'] ??= { code: 'band_order' };
  for (const { dimension, metrics } of weightFields) {
    const sum = weightSum(form, dimension);
    const last = weightKey(dimension, metrics[metrics.length - 1] ?? '');
    if (Number.isFinite(sum) && Math.abs(sum - 100) > 1e-4) errors[last] ??= { code: 'weights_sum' };
  }
  if (Object.keys(errors).length > 0) return { settings: null, errors };
  const parsed = kpiSettingsSchema.safeParse(candidate);
  if (parsed.success) return { settings: parsed.data, errors };
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.');
    if (errors[key]) continue;
    const field = healthFields.find((f) => f.path === key);
    errors[key] =
      issue.message === 'band_order' || issue.message === 'weights_sum'
        ? { code: issue.message }
        : field
          ? { code: 'range', min: field.min, max: field.max }
          : { code: 'range', min: 0, max: 100 };
  }
  return { settings: null, errors };
}

/**
 * A dimension's weights as the form has them, summed in percent (NaN while one is not a number).
 *
 * @example
 * weightSum(settingsToForm(defaultKpiSettings), 'members') // 100
 */
export function weightSum(form: SettingsForm, dimension: (typeof scorecardDimensionIds)[number]): number {
  return scorecardIndicators[dimension].reduce((sum, metric) => sum + Number((form[weightKey(dimension, metric)] ?? '').trim() || Number.NaN), 0);
}
