import { describe, expect, it } from 'vitest';
import { defaultMemberRules } from '../../shared/members/rules';
import { dayNumber } from '../../shared/time';
import {
  columnPrefsKey,
  defaultColumnPrefs,
  parseColumnPrefs,
  visibleColumns,
  withHidden,
  withWidth,
} from '../../renderer/src/members/columnPrefs';
import { nextTier, parsePoints } from '../../renderer/src/members/points';
import { explanationParams, explanationText, tierName } from '../../renderer/src/members/labels';
import { en } from '../../renderer/src/i18n/en';

const ladder = defaultMemberRules.tiers.ladder.map((tier) => ({ ...tier, count: 0 }));

describe('remembered grid columns', () => {
  it('reads what it wrote, per workspace', () => {
    const prefs = withWidth(withHidden(defaultColumnPrefs, 'clv', true), 'name', 233.4);
    expect(parseColumnPrefs(JSON.stringify(prefs))).toEqual({ hidden: ['activeDays30', 'clv'], widths: { name: 233 } });
    expect(columnPrefsKey('/a/b.hearth')).not.toBe(columnPrefsKey('/a/c.hearth'));
  });

  it('falls back to the defaults for junk, unknown columns and silly widths', () => {
    expect(parseColumnPrefs(null)).toEqual(defaultColumnPrefs);
    expect(parseColumnPrefs('not json')).toEqual(defaultColumnPrefs);
    expect(parseColumnPrefs('[1,2]')).toEqual({ hidden: defaultColumnPrefs.hidden, widths: {} });
    expect(
      parseColumnPrefs('{"hidden":["clv","gone","clv","name"],"widths":{"points":5,"tags":99999,"x":100,"clv":"9"}}'),
    ).toEqual({
      hidden: ['clv'],
      widths: { points: 40, tags: 1200 },
    });
  });

  it('never hides the name column, and lists the rest in grid order', () => {
    expect(withHidden(defaultColumnPrefs, 'name', true)).toBe(defaultColumnPrefs);
    const prefs = withHidden(withHidden(defaultColumnPrefs, 'activeDays30', false), 'tags', true);
    expect(visibleColumns(prefs).at(0)).toBe('name');
    expect(visibleColumns(prefs)).not.toContain('tags');
    expect(visibleColumns(prefs)).toContain('activeDays30');
  });
});

describe('points typed into a form', () => {
  it('takes whole numbers from 1 to a million, full-width digits and separators too', () => {
    expect(parsePoints('300')).toBe(300);
    expect(parsePoints(' 1,200 ')).toBe(1200);
    expect(parsePoints('３００')).toBe(300);
    expect(parsePoints('1000000')).toBe(1_000_000);
    for (const bad of ['', '0', '-5', '1.5', '1e3', 'abc', '1000001']) expect(parsePoints(bad)).toBeNull();
  });

  it('counts the points to the next tier from the current tier', () => {
    // newcomer 0, active 50, core 200, ambassador 500
    expect(nextTier(ladder, 'newcomer', 12)).toEqual({ id: 'active', threshold: 50, needed: 38 });
    expect(nextTier(ladder, 'active', 120)).toEqual({ id: 'core', threshold: 200, needed: 80 });
    // Kept in core by hysteresis with only 190 points: the next rung is still ambassador.
    expect(nextTier(ladder, 'core', 190)).toEqual({ id: 'ambassador', threshold: 500, needed: 310 });
    expect(nextTier(ladder, 'ambassador', 900)).toBeNull();
  });
});

describe('explanations in the UI language', () => {
  const number = (n: number) => new Intl.NumberFormat('en').format(n);
  const t = (key: keyof typeof en, params?: Record<string, string | number>) =>
    en[key].replace(/\{(\w+)\}/g, (m, name: string) => String(params?.[name] ?? m));

  it('shows day params as dates, tier params as names, numbers formatted', () => {
    const day = dayNumber(2026, 3, 1);
    const params = explanationParams(
      {
        key: 'tier.demoted',
        params: {
          tier: 'active',
          fromTier: 'core',
          reviewDay: day,
          earned: 1234,
          window: 90,
          threshold: 200,
          floor: 180,
          hysteresis: 10,
        },
      },
      { ladder, language: 'zh-CN', number },
    );
    expect(params).toMatchObject({ tier: '活跃', fromTier: '核心', reviewDay: '2026-03-01', earned: '1,234' });
  });

  it('fills every placeholder of the message', () => {
    const text = explanationText(
      {
        key: 'tier.promoted',
        params: { tier: 'core', sinceDay: dayNumber(2026, 1, 5), earned: 230, window: 90, threshold: 200 },
      },
      t,
      { ladder, language: 'en', number },
    );
    expect(text).toBe('Core since 2026-01-05: 230 points in the last 90 days ≥ 200');
    expect(text).not.toMatch(/[{}]/);
  });

  it('keeps an unknown tier id readable', () => {
    expect(tierName(ladder, 'legend', 'en')).toBe('legend');
    expect(tierName(ladder, 'ambassador', 'zh-CN')).toBe('大使');
  });
});
