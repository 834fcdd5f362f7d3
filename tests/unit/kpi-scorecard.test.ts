import { describe, expect, it } from 'vitest';
import { scoreIndicator, scorecard } from '../../shared/kpi/scorecard';

describe('KPI scorecard', () => {
  it('scores indicators against their targets', () => {
    expect(scoreIndicator(0.45, { kind: 'atLeast', target: 0.6 })).toBe(75);
    expect(scoreIndicator(0.9, { kind: 'atLeast', target: 0.6 })).toBe(100);
    expect(scoreIndicator(-0.02, { kind: 'atLeast', target: 0.05 })).toBe(0);
    expect(scoreIndicator(0.6, { kind: 'band', low: 0.5, high: 0.7 })).toBe(100);
    expect(scoreIndicator(0.4, { kind: 'band', low: 0.5, high: 0.7 })).toBe(50);
    expect(scoreIndicator(0.95, { kind: 'band', low: 0.5, high: 0.7 })).toBe(0);
    expect(scoreIndicator(0, { kind: 'nps', target: 50 })).toBe(66.7);
    expect(scoreIndicator(-100, { kind: 'nps', target: 50 })).toBe(0);
    expect(scoreIndicator(80, { kind: 'nps', target: 50 })).toBe(100);
    expect(scoreIndicator(null, { kind: 'nps', target: 50 })).toBeNull();
  });

  it('weights dimensions and indicators (hand-computed)', () => {
    const card = scorecard({
      active_ratio: 0.6, // 100
      retention_d30: 0.3, // 50
      growth_rate: 0.025, // 50
      repeat_purchase_rate: 0.15, // 50
      buyer_conversion: 0.2, // 100
      k_factor: 0.6, // 50
      nps: 50, // 100
      ugc_share: 0.3, // 100
      koc_share: 0.1, // 50
    });
    // members 0.4·100 + 0.35·50 + 0.25·50 = 70; business 0.4·50 + 0.3·100 + 0.3·50 = 65;
    // brand 0.4·100 + 0.3·100 + 0.3·50 = 85; total 0.4·70 + 0.3·65 + 0.3·85 = 73.
    expect(card.dimensions.map((d) => d.score)).toEqual([70, 65, 85]);
    expect(card.score).toBe(73);
    expect(card.dimensions[2]?.indicators.map((i) => i.score)).toEqual([100, 100, 50]);
  });

  it('re-weights over what exists, and gives up under half', () => {
    // Business: only conversion (0.3 of the weight) → null. Brand: NPS and UGC (0.7) → (0.4·100 + 0.3·50) / 0.7.
    const card = scorecard({ active_ratio: 0.6, retention_d30: 0.6, growth_rate: 0.05, buyer_conversion: 0.2, nps: 50, ugc_share: 0.15 });
    expect(card.dimensions.map((d) => d.score)).toEqual([100, null, 78.6]);
    // Members (0.4) and brand (0.3) exist: (0.4·100 + 0.3·78.6) / 0.7.
    expect(card.score).toBe(90.8);
    expect(scorecard({ nps: 10 }).score).toBeNull();
    expect(scorecard({}).score).toBeNull();
  });
});
