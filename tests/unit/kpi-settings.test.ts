import { describe, expect, it } from 'vitest';
import { defaultKpiSettings, kpiSettingsSchema, type KpiSettings } from '../../shared/kpi/settings';
import { activeRatioHealth, floorHealth, growthHealth, healthDefaults, metricHealth, swingHealth } from '../../shared/kpi/health';
import { scorecard } from '../../shared/kpi/scorecard';
import { formToSettings, settingsToForm, weightSum } from '../../renderer/src/dashboard/settingsForm';

const withHealth = (change: Partial<KpiSettings['health']>): KpiSettings['health'] => ({ ...healthDefaults, ...change });

describe('KPI settings schema', () => {
  it('accepts the seed defaults', () => {
    expect(kpiSettingsSchema.parse(defaultKpiSettings)).toEqual(defaultKpiSettings);
  });

  it('refuses a band that runs backwards, out-of-range shares, and weights that do not add up', () => {
    const band = kpiSettingsSchema.safeParse({ ...defaultKpiSettings, health: withHealth({ activeBand: { low: 0.7, high: 0.5 } }) });
    expect(band.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['health.activeBand.high', 'band_order']]);
    const share = kpiSettingsSchema.safeParse({ ...defaultKpiSettings, health: withHealth({ ugcShareMin: 1.5 }) });
    expect(share.error?.issues[0]?.path.join('.')).toBe('health.ugcShareMin');
    const weights = kpiSettingsSchema.safeParse({
      ...defaultKpiSettings,
      weights: { ...defaultKpiSettings.weights, brand: { nps: 0.5, ugc_share: 0.3, koc_share: 0.3 } },
    });
    expect(weights.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['weights.brand.koc_share', 'weights_sum']]);
    expect(kpiSettingsSchema.safeParse({ ...defaultKpiSettings, extra: 1 }).success).toBe(false);
  });
});

describe('health under custom settings', () => {
  it('moves each rule with its threshold', () => {
    expect(activeRatioHealth(0.6, withHealth({ activeBand: { low: 0.65, high: 0.8 } }))?.status).toBe('yellow');
    expect(activeRatioHealth(0.5, withHealth({ activeBand: { low: 0.65, high: 0.8 } }))?.status).toBe('orange'); // 15 points out
    expect(activeRatioHealth(0.85, withHealth({ activeBand: { low: 0.5, high: 0.9 } }))?.status).toBe('green');
    expect(growthHealth([0.06, 0.06, 0.06], 'growth_rate', withHealth({ monthlyGrowthMin: 0.07 }))?.status).toBe('yellow');
    expect(growthHealth([0.01, 0.06], 'growth_rate', withHealth({ growthMonths: 1 }))?.status).toBe('green');
    expect(swingHealth('dau', 115, 100, withHealth({ activitySwing: 0.2 }))?.status).toBe('green');
    expect(floorHealth('nps', 5, withHealth({ npsMin: 10 }))?.status).toBe('red');
    expect(floorHealth('k_factor', 0.9, withHealth({ kFactorMin: 0.8 }))?.status).toBe('green');
    expect(floorHealth('retention_d30', 0.55, withHealth({ retentionD30Min: 0.5 }))?.status).toBe('green');
    expect(metricHealth({ id: 'koc_share', value: 0.15, previous: null }, [], withHealth({ kocShareMin: 0.1 }))?.status).toBe('green');
  });

  it('weights the scorecard with the workspace weights and moves targets with the rules', () => {
    const values = { active_ratio: 0.6, retention_d30: 0.3, growth_rate: 0.05 };
    // Seed weights: 0.4·100 + 0.35·50 + 0.25·100 = 82.5.
    expect(scorecard(values).dimensions[0]?.score).toBe(82.5);
    // Retention weighted 80%: 0.1·100 + 0.8·50 + 0.1·100 = 60.
    const weights = { ...defaultKpiSettings.weights, members: { active_ratio: 0.1, retention_d30: 0.8, growth_rate: 0.1 } };
    expect(scorecard(values, { ...defaultKpiSettings, weights }).dimensions[0]?.score).toBe(60);
    // A D30 target of 30% makes 0.3 a full score: 100.
    expect(scorecard(values, { ...defaultKpiSettings, health: withHealth({ retentionD30Min: 0.3 }) }).dimensions[0]?.score).toBe(100);
  });
});

describe('the Targets & rules form', () => {
  it('shows shares as percentages and reads them back', () => {
    const form = settingsToForm(defaultKpiSettings);
    expect(form['health.activeBand.low']).toBe('50');
    expect(form['health.npsMin']).toBe('0');
    expect(form['health.kFactorMin']).toBe('1.2');
    expect(form['weights.members.retention_d30']).toBe('35');
    expect(weightSum(form, 'members')).toBe(100);
    expect(formToSettings(form, defaultKpiSettings)).toEqual({ settings: defaultKpiSettings, errors: {} });
    const edited = formToSettings({ ...form, 'health.ugcShareMin': '25', 'health.npsMin': '-10' }, defaultKpiSettings);
    expect(edited.settings?.health).toMatchObject({ ugcShareMin: 0.25, npsMin: -10 });
  });

  it('puts each error on its field', () => {
    const form = settingsToForm(defaultKpiSettings);
    expect(formToSettings({ ...form, 'health.npsMin': 'abc', 'health.ugcShareMin': '120' }, defaultKpiSettings).errors).toEqual({
      'health.npsMin': { code: 'number' },
      'health.ugcShareMin': { code: 'range', min: 0, max: 100 },
    });
    expect(formToSettings({ ...form, 'health.activeBand.low': '80' }, defaultKpiSettings).errors).toEqual({
      'health.activeBand.high': { code: 'band_order' },
    });
    expect(formToSettings({ ...form, 'weights.business.k_factor': '40' }, defaultKpiSettings).errors).toEqual({
      'weights.business.k_factor': { code: 'weights_sum' },
    });
  });
});

describe('the Targets & rules form, several mistakes at once', () => {
  it('reports a bad number and a weight sum together', () => {
    const form = settingsToForm(defaultKpiSettings);
    expect(formToSettings({ ...form, 'health.ugcShareMin': '120', 'weights.brand.nps': '50' }, defaultKpiSettings).errors).toEqual({
      'health.ugcShareMin': { code: 'range', min: 0, max: 100 },
      'weights.brand.koc_share': { code: 'weights_sum' },
    });
  });
});
