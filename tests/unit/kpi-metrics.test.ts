import { describe, expect, it } from 'vitest';
import { metricIds } from '../../shared/kpi';
import { metricDefinitions, ruleText } from '../../shared/kpi/definitions';
import { healthDefaults } from '../../shared/kpi/health';
import { buildMetrics, monthlyGrowthRates, nps, periodValues, type PeriodFacts } from '../../shared/kpi/metrics';
import { comparePeriod, isoToDay, monthsEnding, resolvePeriod } from '../../shared/kpi/period';
import { dayNumber, dayResolver } from '../../shared/time';

const facts: PeriodFacts = {
  days: 30,
  membersBefore: 200,
  membersAtEnd: 220,
  newMembers: 30,
  churned: 10,
  activeMemberDays: 900,
  wau: 80,
  mau: 120,
  activeInPeriod: 120,
  kinds: { message: 300, post: 20, ugc_post: 30, comment: 10, reply: 90, reaction: 240, referral: 12 },
  hasReferrals: true,
  retention: { eligible: [100, 90, 60, 20], retained: [70, 54, 30, 5] },
  buyers: 50,
  repeatBuyers: 20,
  paidOrders: 80,
  paidAmount: 8000,
  scores: [10, 9, 8, 7, 6, 0],
  imported: { activity: true, orders: true, surveys: true },
};

describe('NPS', () => {
  it('is % promoters minus % detractors', () => {
    expect(nps([10, 9, 8, 3]).value).toBe(25);
    expect(nps([7, 8]).value).toBe(0);
    expect(nps([0, 6, 9]).value).toBeCloseTo(-100 / 3, 10);
  });
  it('is 100 when everyone promotes and missing without answers', () => {
    expect(nps([9, 10, 10])).toEqual({ value: 100, missing: null });
    expect(nps([])).toEqual({ value: null, missing: 'no_surveys' });
  });
});

describe('metric values from counted facts', () => {
  it('computes each definition by hand', () => {
    const v = periodValues(facts, { scored: 220, activeCircle: 50, koc: 12, clvSum: 5000, clvCount: 40 });
    expect(v.growth_rate.value).toBe(0.1); // (30 − 10) / 200
    expect(v.net_growth.value).toBe(20);
    expect(v.dau.value).toBe(30); // 900 member-days / 30 days
    expect(v.stickiness.value).toBe(0.25); // 30 / 120
    expect(v.active_ratio.value).toBeCloseTo(120 / 220, 12);
    expect(v.posts_per_active.value).toBe(3); // (300 + 20 + 30 + 10) / 120
    expect(v.replies_per_active.value).toBe(0.75);
    expect(v.reactions_per_active.value).toBe(2);
    expect(v.member_initiated_share.value).toBeCloseTo(350 / 450, 12); // (300 + 20 + 30) / (+ 90 + 10)
    expect(v.ugc_share.value).toBe(0.6); // 30 / (30 + 20)
    expect([v.retention_d1.value, v.retention_d7.value, v.retention_d30.value, v.retention_d90.value]).toEqual([0.7, 0.6, 0.5, 0.25]);
    expect(v.repeat_purchase_rate.value).toBe(0.4);
    expect(v.buyer_conversion.value).toBeCloseTo(50 / 220, 12);
    expect(v.aov.value).toBe(100);
    expect(v.clv_avg.value).toBe(125);
    expect(v.nps.value).toBeCloseTo((100 * (2 - 2)) / 6, 12);
    expect(v.k_factor.value).toBe(0.1); // 12 referrals / 120 active
    expect(v.koc_share.value).toBe(0.24);
  });

  it('says why a value is missing instead of giving 0', () => {
    const none: PeriodFacts = {
      ...facts,
      membersBefore: 0,
      membersAtEnd: 0,
      newMembers: 0,
      churned: 0,
      activeMemberDays: 0,
      wau: 0,
      mau: 0,
      activeInPeriod: 0,
      kinds: {},
      hasReferrals: false,
      retention: { eligible: [0, 0, 0, 0], retained: [0, 0, 0, 0] },
      buyers: 0,
      repeatBuyers: 0,
      paidOrders: 0,
      paidAmount: 0,
      scores: [],
      imported: { activity: false, orders: false, surveys: false },
    };
    const v = periodValues(none, null);
    for (const id of metricIds) expect(v[id].value, id).toBeNull();
    expect(v.members_total.missing).toBe('no_members');
    expect(v.dau.missing).toBe('no_activity');
    expect(v.retention_d30.missing).toBe('no_cohort');
    expect(v.aov.missing).toBe('no_orders');
    expect(v.nps.missing).toBe('no_surveys');
    // The workspace has some, just none in this period.
    const quiet = periodValues({ ...none, imported: { activity: true, orders: true, surveys: true } }, null);
    expect([quiet.dau.missing, quiet.aov.missing, quiet.buyer_conversion.missing, quiet.nps.missing]).toEqual([
      'no_activity_in_period',
      'no_orders_in_period',
      'no_members',
      'no_surveys_in_period',
    ]);
    expect(quiet.repeat_purchase_rate.missing).toBe('no_orders_in_period');
    expect(v.k_factor.missing).toBe('no_referrals');
    expect(v.koc_share.missing).toBe('no_scores');
  });

  it('builds metrics with comparison, delta, colour and the definition in the language asked', () => {
    const current = periodValues(facts, null);
    const previous = periodValues({ ...facts, activeMemberDays: 600, mau: 100 }, null);
    const metrics = buildMetrics(current, previous, [0.02, 0.03, 0.04], 'zh-CN');
    expect(metrics.map((m) => m.id)).toEqual([...metricIds]);
    const dau = metrics.find((m) => m.id === 'dau');
    expect(dau).toMatchObject({ value: 30, previous: 20, delta: 10, unit: 'count', status: 'yellow' });
    expect(dau?.statusReason).toBe('较对比期波动超过 ±10% → 黄色。');
    expect(dau?.better).toBe('up');
    expect(metrics.find((m) => m.id === 'members_churned')?.better).toBe('down');
    expect(metrics.find((m) => m.id === 'growth_rate')?.status).toBe('yellow');
    expect(metrics.find((m) => m.id === 'stickiness')).toMatchObject({ status: null, statusReason: null });
    expect(metrics.find((m) => m.id === 'nps')?.definition).toBe(metricDefinitions.nps.text['zh-CN']);
  });

  it('words health rules with the workspace thresholds', () => {
    expect(ruleText('nps', healthDefaults, 'en')).toBe('Below 0 → red.');
    expect(ruleText('ugc_share', { ...healthDefaults, ugcShareMin: 0.25 }, 'zh-CN')).toBe('低于 25% → 黄色。');
    expect(ruleText('active_ratio', { ...healthDefaults, activeBand: { low: 0.55, high: 0.75 } }, 'en')).toBe(
      'Outside 55–75% → yellow; outside by more than 10 points (below 45% or above 85%) → orange.',
    );
    expect(ruleText('stickiness', healthDefaults, 'en')).toBeNull();
    // The custom band reaches the metric's colour and its reason.
    const metrics = buildMetrics(periodValues(facts, null), periodValues(facts, null), [], 'en', { ...healthDefaults, activeBand: { low: 0.6, high: 0.8 } });
    expect(metrics.find((m) => m.id === 'active_ratio')).toMatchObject({ status: 'yellow', statusReason: expect.stringContaining('Outside 60–80%') });
  });

  it('has a definition in both languages for every metric', () => {
    for (const id of metricIds) {
      expect(metricDefinitions[id].text.en.length, id).toBeGreaterThan(20);
      expect(metricDefinitions[id].text['zh-CN'].length, id).toBeGreaterThan(5);
    }
  });

  it('derives monthly growth rates from the growth series', () => {
    const rates = monthlyGrowthRates(
      [
        { members: 100, new: 10, churned: 2 },
        { members: 110, new: 5, churned: 0 },
      ],
      90,
    );
    expect(rates[0]).toBeCloseTo(8 / 90, 12);
    expect(rates[1]).toBeCloseTo(5 / 100, 12);
    expect(monthlyGrowthRates([{ members: 5, new: 5, churned: 0 }], 0)).toEqual([null]);
  });
});

describe('periods in local days', () => {
  it('defaults to the 30 days ending today and compares with the days before or last year', () => {
    const today = dayNumber(2026, 11, 24);
    expect(resolvePeriod({}, today)).toEqual({ from: dayNumber(2026, 10, 26), to: today });
    expect(comparePeriod({ from: 31, to: 60 }, 'previous')).toEqual({ from: 1, to: 30 });
    expect(comparePeriod({ from: dayNumber(2024, 2, 29), to: dayNumber(2024, 3, 31) }, 'last_year')).toEqual({
      from: dayNumber(2023, 2, 28),
      to: dayNumber(2023, 3, 31),
    });
    expect(monthsEnding(dayNumber(2026, 1, 15), 3).map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('puts a 23:30 UTC message in Shanghai into the period that starts the next local day', () => {
    const dayOf = dayResolver('Asia/Shanghai');
    const october = resolvePeriod({ from: '2026-10-01', to: '2026-10-30' }, 0);
    const message = dayOf(Date.UTC(2026, 8, 30, 23, 30));
    expect(message).toBe(isoToDay('2026-10-01'));
    expect(message >= october.from && message <= october.to).toBe(true);
    // Read as UTC days the same message would fall in September.
    expect(dayResolver('UTC')(Date.UTC(2026, 8, 30, 23, 30))).toBeLessThan(october.from);
  });
});
