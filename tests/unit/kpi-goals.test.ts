import { describe, expect, it } from 'vitest';
import { defaultDueDay, fitLine, goalForecast, type GoalForecastInput } from '../../shared/kpi/goals';
import { dayNumber, dayToIso } from '../../shared/time';

describe('goal due days', () => {
  it('adds the horizon in months, keeping the day of the month where it exists', () => {
    expect(dayToIso(defaultDueDay('short', dayNumber(2026, 3, 15)))).toBe('2026-09-15');
    expect(dayToIso(defaultDueDay('mid', dayNumber(2026, 3, 15)))).toBe('2027-03-15');
    expect(dayToIso(defaultDueDay('long', dayNumber(2026, 3, 15)))).toBe('2029-03-15');
    // 31 August + 6 months: February has no 31st.
    expect(dayToIso(defaultDueDay('short', dayNumber(2026, 8, 31)))).toBe('2027-02-28');
    expect(dayToIso(defaultDueDay('short', dayNumber(2027, 8, 31)))).toBe('2028-02-29');
  });
});

describe('least-squares line', () => {
  it('fits points on a line exactly', () => {
    const line = fitLine([
      { day: 0, value: 10 },
      { day: 30, value: 12 },
      { day: 60, value: 14 },
    ]);
    expect(line?.slope).toBeCloseTo(1 / 15, 12);
    expect(line?.intercept).toBeCloseTo(10, 12);
  });

  it('fits scattered points by hand', () => {
    // x 0, 1, 2, 3; y 1, 3, 2, 5: x̄ 1.5, ȳ 2.75;
    // Sxy = (−1.5)(−1.75) + (−0.5)(0.25) + (0.5)(−0.75) + (1.5)(2.25) = 5.5, Sxx = 5: slope 1.1.
    const line = fitLine([
      { day: 0, value: 1 },
      { day: 1, value: 3 },
      { day: 2, value: 2 },
      { day: 3, value: 5 },
    ]);
    expect(line?.slope).toBeCloseTo(1.1, 12);
    expect(line?.intercept).toBeCloseTo(2.75 - 1.1 * 1.5, 12);
  });

  it('is flat through one point and null through none', () => {
    expect(fitLine([{ day: 20_000, value: 7 }])).toEqual({ slope: 0, intercept: 7 });
    expect(fitLine([])).toBeNull();
  });
});

describe('goal forecast', () => {
  const base: GoalForecastInput = {
    target: 20,
    dueDay: 150,
    better: 'up',
    baseline: { day: 0, value: 10 },
    current: { day: 60, value: 14 },
    history: [
      { day: 0, value: 10 },
      { day: 30, value: 12 },
      { day: 60, value: 14 },
    ],
  };

  it('is on track when the trend reaches the target by the due day', () => {
    // Slope 2 per 30 days from 10 at day 0: 20 at day 150.
    const result = goalForecast(base);
    expect(result.status).toBe('on_track');
    expect(result.forecast).toBeCloseTo(20, 9);
    expect(result.progress).toBeCloseTo(0.4, 12); // (14 − 10) / (20 − 10)
  });

  it('is behind when the trend falls short, or the due day has passed', () => {
    expect(goalForecast({ ...base, target: 21 }).status).toBe('behind');
    expect(goalForecast({ ...base, dueDay: 120 }).status).toBe('behind'); // 18 at day 120
    expect(goalForecast({ ...base, dueDay: 50, current: { day: 60, value: 14 } }).status).toBe('behind');
  });

  it('is achieved once the current value reaches the target', () => {
    expect(goalForecast({ ...base, target: 14 })).toMatchObject({ status: 'achieved', progress: 1 });
  });

  it('uses only the last six monthly points', () => {
    // An old plunge before the six points does not bend the line: the last six rise by 1 a step.
    const history = [{ day: -30, value: 100 }, ...[0, 30, 60, 90, 120, 150].map((day, i) => ({ day, value: 10 + i }))];
    const result = goalForecast({ ...base, target: 17, dueDay: 210, current: { day: 150, value: 15 }, history });
    expect(result.forecast).toBeCloseTo(17, 9); // 10 + 210 / 30
    expect(result.status).toBe('on_track');
  });

  it('respects metrics where lower is better', () => {
    // Churned members 50 → 40 over 60 days: −1 per 6 days, 25 at day 150.
    const churn: GoalForecastInput = {
      target: 30,
      dueDay: 150,
      better: 'down',
      baseline: { day: 0, value: 50 },
      current: { day: 60, value: 40 },
      history: [],
    };
    const result = goalForecast(churn);
    expect(result.forecast).toBeCloseTo(25, 9);
    expect(result.status).toBe('on_track');
    expect(result.progress).toBeCloseTo(0.5, 12); // 10 of the 20 to lose
    expect(goalForecast({ ...churn, target: 20 }).status).toBe('behind');
    expect(goalForecast({ ...churn, target: 45 }).status).toBe('achieved');
  });

  it('falls back to the baseline and current value without a monthly series', () => {
    const result = goalForecast({ ...base, history: [{ day: 60, value: 14 }] });
    // Through (0, 10) and (60, 14): 20 at day 150.
    expect(result.forecast).toBeCloseTo(20, 9);
    expect(result.status).toBe('on_track');
    // Set today: one point, a flat line at the current value.
    expect(goalForecast({ ...base, baseline: { day: 60, value: 14 }, history: [] })).toMatchObject({ forecast: 14, status: 'behind', progress: 0 });
  });

  it('has no data without a current value, and no progress without a baseline', () => {
    expect(goalForecast({ ...base, current: null })).toEqual({ progress: null, forecast: null, status: 'no_data' });
    expect(goalForecast({ ...base, baseline: null }).progress).toBeNull();
  });
});
