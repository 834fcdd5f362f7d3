import { describe, expect, it } from 'vitest';
import { metricIds, type Metric } from '../../shared/kpi';
import { dayNumber } from '../../shared/time';
import { kindLabel } from '../../renderer/src/dashboard/kinds';
import {
  deltaText,
  formatMetricValue,
  metricGroups,
  metricsRated,
  missingText,
} from '../../renderer/src/dashboard/metrics';
import { isIsoDay, presetRange, rangeDays, validRange } from '../../renderer/src/dashboard/period';
import { en, type MessageKey } from '../../renderer/src/i18n/en';

const t = (key: MessageKey, params?: Record<string, string | number>) =>
  en[key].replace(/\{(\w+)\}/g, (m, name: string) => String(params?.[name] ?? m));
const f = {
  decimal: (n: number) => (Math.round(n * 10) / 10).toLocaleString('en'),
  money: (n: number) => `¥${n.toFixed(2)}`,
};

function metric(change: Partial<Metric>): Metric {
  return {
    id: 'active_ratio',
    value: 0.5,
    previous: 0.4,
    delta: 0.1,
    unit: 'ratio',
    better: 'up',
    status: 'green',
    statusReason: null,
    missing: null,
    definition: '',
    ...change,
  };
}

describe('dashboard periods', () => {
  const today = dayNumber(2026, 3, 10);

  it('ends presets today and counts today in', () => {
    expect(presetRange('week', today)).toEqual({ from: '2026-03-04', to: '2026-03-10' });
    expect(presetRange('month', today)).toEqual({ from: '2026-02-09', to: '2026-03-10' });
    expect(rangeDays(presetRange('quarter', today))).toBe(90);
  });

  it('accepts only real days in order', () => {
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(validRange({ from: '2026-03-10', to: '2026-03-01' })).toBeNull();
    expect(validRange({ from: '', to: '2026-03-01' })).toBeNull();
    expect(validRange({ from: '2026-03-01', to: '2026-03-01' })).toEqual({ from: '2026-03-01', to: '2026-03-01' });
  });
});

describe('metric tiles', () => {
  it('puts every metric of the contract in exactly one group', () => {
    const grouped = metricGroups.flatMap((g) => g.metrics);
    expect([...grouped].sort()).toEqual([...metricIds].sort());
  });

  it('formats values by unit', () => {
    expect(formatMetricValue('ratio', 0.5234, f)).toBe('52.3%');
    expect(formatMetricValue('money', 88.5, f)).toBe('¥88.50');
    expect(formatMetricValue('count', 1234, f)).toBe('1,234');
    expect(formatMetricValue('per_member', 2.345, f)).toBe('2.3');
  });

  it('gives ratio changes in points, and colours a rise in churn as bad news', () => {
    expect(deltaText(metric({ delta: -0.042 }), f, t)).toEqual({ direction: 'down', tone: 'bad', amount: '4.2 pts' });
    expect(deltaText(metric({ id: 'members_churned', unit: 'count', better: 'down', delta: 3 }), f, t)).toEqual({
      direction: 'up',
      tone: 'bad',
      amount: '3',
    });
    expect(deltaText(metric({ unit: 'count', delta: 0.01 }), f, t)?.direction).toBe('same');
    expect(deltaText(metric({ delta: null }), f, t)).toBeNull();
  });

  it('lists the rated metrics of a colour, never the missing ones', () => {
    const metrics = [
      metric({ id: 'nps', status: 'red' }),
      metric({ id: 'aov', status: 'red', value: null }),
      metric({ id: 'dau', status: 'green' }),
    ];
    expect(metricsRated(metrics, 'red').map((m) => m.id)).toEqual(['nps']);
  });

  it('words "never imported" and "none in this period" as the services tell them apart', () => {
    expect(missingText('no_surveys', t)).toBe('No survey answers imported yet');
    expect(missingText('no_surveys_in_period', t)).toBe('No survey answers in this period');
    expect(missingText('no_orders_in_period', t)).toBe('No orders in this period');
    expect(missingText('no_activity', t)).toBe('No activity imported yet');
    expect(missingText('no_activity_in_period', t)).toBe('No activity in this period');
  });

  it('names activity kinds, and leaves a kind it does not know as it is', () => {
    expect(kindLabel('ugc_post', t)).toBe('Member post');
    expect(kindLabel('pgc', t)).toBe('Brand content (PGC)');
    expect(kindLabel('webinar', t)).toBe('webinar');
  });
});
