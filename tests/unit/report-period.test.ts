import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../shared/time';
import { presetReportRange, reportRange } from '../../renderer/src/reports/period';

describe('report periods', () => {
  it('takes last month across a year boundary', () => {
    expect(presetReportRange('lastMonth', dayNumber(2026, 1, 15))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetReportRange('lastMonth', dayNumber(2024, 3, 1))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('takes the previous calendar quarter', () => {
    expect(presetReportRange('lastQuarter', dayNumber(2026, 5, 2))).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetReportRange('lastQuarter', dayNumber(2026, 3, 31))).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetReportRange('lastQuarter', dayNumber(2026, 12, 31))).toEqual({ from: '2026-07-01', to: '2026-09-30' });
  });

  it('runs this month from its first day to today', () => {
    expect(presetReportRange('thisMonth', dayNumber(2026, 11, 24))).toEqual({ from: '2026-11-01', to: '2026-11-24' });
  });

  it('accepts custom days only as a forward range', () => {
    const today = dayNumber(2026, 11, 24);
    expect(reportRange('custom', { from: '2026-01-01', to: '2026-03-31' }, today)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(reportRange('custom', { from: '2026-03-31', to: '2026-01-01' }, today)).toBeNull();
    expect(reportRange('custom', { from: '', to: '2026-01-01' }, today)).toBeNull();
  });
});
