import { describe, expect, it } from 'vitest';
import {
  activeRatioHealth,
  floorHealth,
  growthHealth,
  metricHealth,
  overallHealth,
  swingHealth,
} from '../../shared/kpi/health';

describe('KPI health under the seeds’ defaults', () => {
  it('warns on net growth under 5% for three consecutive whole months', () => {
    expect(growthHealth([0.08, 0.04, 0.03, 0.01])).toEqual({ status: 'yellow', rule: 'growth_rate' });
    expect(growthHealth([0.04, 0.06, 0.03])?.status).toBe('green');
    expect(growthHealth([0.04, 0.03])).toBeNull(); // fewer than three months: no verdict
    expect(growthHealth([null, 0.01, 0.01])).toBeNull();
    expect(growthHealth([0.05, 0.01, 0.01])?.status).toBe('green'); // 5% is not "under 5%"
  });

  it('warns on an activity swing of more than ±10% period over period', () => {
    expect(swingHealth('dau', 111, 100)?.status).toBe('yellow');
    expect(swingHealth('dau', 89, 100)?.status).toBe('yellow');
    expect(swingHealth('mau', 110, 100)?.status).toBe('green');
    expect(swingHealth('dau', 5, null)).toBeNull();
    expect(swingHealth('dau', 5, 0)).toBeNull();
  });

  it('colours the active ratio by its 50–70% band', () => {
    expect(activeRatioHealth(0.5)?.status).toBe('green');
    expect(activeRatioHealth(0.7)?.status).toBe('green');
    expect(activeRatioHealth(0.45)?.status).toBe('yellow');
    expect(activeRatioHealth(0.4)?.status).toBe('yellow'); // exactly 10 points out
    expect(activeRatioHealth(0.39)?.status).toBe('orange');
    expect(activeRatioHealth(0.81)?.status).toBe('orange');
    expect(activeRatioHealth(null)).toBeNull();
  });

  it('applies the floors: NPS red below 0, the rest yellow', () => {
    expect(floorHealth('nps', -0.1)?.status).toBe('red');
    expect(floorHealth('nps', 0)?.status).toBe('green');
    expect(floorHealth('k_factor', 1.19)?.status).toBe('yellow');
    expect(floorHealth('k_factor', 1.2)?.status).toBe('green');
    expect(floorHealth('retention_d30', 0.59)?.status).toBe('yellow');
    expect(floorHealth('retention_d90', 0.35)?.status).toBe('green');
    expect(floorHealth('ugc_share', 0.29)?.status).toBe('yellow');
    expect(floorHealth('koc_share', 0.19)?.status).toBe('yellow');
    expect(floorHealth('dau', 1)).toBeNull(); // no floor
  });

  it('gives no colour to metrics without a rule or a value', () => {
    expect(metricHealth({ id: 'stickiness', value: 0.2, previous: 0.1 }, [])).toBeNull();
    expect(metricHealth({ id: 'nps', value: null, previous: 10 }, [])).toBeNull();
    expect(metricHealth({ id: 'net_growth', value: 3, previous: 1 }, [0.01, 0.02, 0.03])).toEqual({ status: 'yellow', rule: 'net_growth' });
  });

  it('takes the worst colour overall, green when none warns, null with nothing to judge', () => {
    expect(overallHealth(['green', 'yellow', 'orange', null])).toBe('orange');
    expect(overallHealth(['red', 'orange'])).toBe('red');
    expect(overallHealth(['green', null])).toBe('green');
    expect(overallHealth([null, null])).toBeNull();
  });
});
