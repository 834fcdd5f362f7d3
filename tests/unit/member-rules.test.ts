import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-CN';
import { activityStatsFromDays, circleOf, circles } from '../../shared/members/circles';
import { explanationKeys, type Explanation, type ExplanationKey } from '../../shared/members/explain';
import { explainKoc } from '../../shared/members/koc';
import { lifecycleOf, lifecycleStages } from '../../shared/members/lifecycle';
import { explainRfm, rfmSegments } from '../../shared/members/rfm';
import { defaultMemberRules, memberRulesSchema, type MemberRules } from '../../shared/members/rules';
import { evaluateTier } from '../../shared/members/tiers';
import { dayNumber } from '../../shared/time';
import defaultsJson from '../../resources/defaults/member-rules.json' with { type: 'json' };

// Compile-time: every explanation key has a message in the English catalogue (zh-CN is typed
// against it), so adding a key without wording fails the type check.
const explanationMessages: Record<`members.explain.${ExplanationKey}`, string> = en;
void explanationMessages;

/** The issue paths (dotted) of parsing `rules`, or [] when they are valid. */
function issuePaths(rules: unknown): string[] {
  const result = memberRulesSchema.safeParse(rules);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

function withChange(change: (rules: MemberRules) => void): MemberRules {
  const rules = structuredClone(defaultMemberRules);
  change(rules);
  return rules;
}

describe('member rules', () => {
  it('parses the defaults file', () => {
    expect(memberRulesSchema.parse(defaultsJson)).toEqual(defaultMemberRules);
    expect(defaultMemberRules.tiers.ladder.map((t) => [t.id, t.name['zh-CN'], t.threshold])).toEqual([
      ['newcomer', '新手', 0],
      ['active', '活跃', 50],
      ['core', '核心', 200],
      ['ambassador', '大使', 500],
    ]);
    expect(defaultMemberRules.points.expiry).toEqual({ mode: 'inactivity', months: 12 });
    expect(defaultMemberRules.points.rules.find((r) => r.kind === 'reaction')?.points).toBe(0);
    expect(defaultMemberRules.churn).toEqual({ source: 'auto', unit: 'week', horizon: 52, riskThreshold: 0.7 });
  });

  it('keeps the shared defaults from being edited by accident', () => {
    expect(() => {
      (defaultMemberRules.tiers as { windowDays: number }).windowDays = 1;
    }).toThrow(TypeError);
    expect(() => defaultMemberRules.tiers.ladder.push(defaultMemberRules.tiers.ladder[0]!)).toThrow(TypeError);
  });

  it('reads rules stored before mentions counted: the mention weight defaults, the user’s own values stay', () => {
    const stored = structuredClone(defaultsJson) as { koc: { weights: Record<string, number> }; tiers: { windowDays: number } };
    delete stored.koc.weights.mentionsReceived;
    stored.koc.weights.repliesReceived = 7;
    stored.tiers.windowDays = 60;
    const parsed = memberRulesSchema.parse(stored);
    expect(parsed.koc.weights).toEqual({ repliesReceived: 7, reactionsReceived: 1, mentionsReceived: 2, peopleReached: 3, referrals: 5 });
    expect(parsed.tiers.windowDays).toBe(60);
    expect(issuePaths(withChange((r) => (r.koc.weights.mentionsReceived = -1)))).toEqual(['koc.weights.mentionsReceived']);
  });

  it('rejects ladders that are out of order, start above 0 or repeat an id, naming the tier', () => {
    expect(issuePaths(withChange((r) => (r.tiers.ladder[2]!.threshold = 50)))).toEqual(['tiers.ladder.2.threshold']);
    expect(issuePaths(withChange((r) => (r.tiers.ladder[0]!.threshold = 5)))).toEqual(['tiers.ladder.0.threshold']);
    expect(issuePaths(withChange((r) => (r.tiers.ladder[3]!.id = 'core')))).toEqual(['tiers.ladder.3.id']);
    expect(issuePaths(withChange((r) => (r.tiers.ladder[1]!.id = 'Active')))).toEqual(['tiers.ladder.1.id']);
    expect(issuePaths(withChange((r) => (r.tiers.ladder = r.tiers.ladder.slice(0, 1))))).toEqual(['tiers.ladder']);
  });

  it('rejects out-of-range numbers and unknown values with their path', () => {
    expect(issuePaths(withChange((r) => (r.tiers.hysteresis = 0.6)))).toEqual(['tiers.hysteresis']);
    expect(issuePaths(withChange((r) => (r.tiers.windowDays = 6)))).toEqual(['tiers.windowDays']);
    expect(issuePaths(withChange((r) => (r.points.rules[0]!.points = -1)))).toEqual(['points.rules.0.points']);
    expect(issuePaths(withChange((r) => (r.points.rules[1]!.points = 1.5)))).toEqual(['points.rules.1.points']);
    expect(issuePaths(withChange((r) => (r.points.dailyCap = 0)))).toEqual(['points.dailyCap']);
    expect(issuePaths(withChange((r) => (r.koc.topShare = 0.9)))).toEqual(['koc.topShare']);
    expect(issuePaths(withChange((r) => (r.churn.horizon = 0)))).toEqual(['churn.horizon']);
    const badKind = withChange(() => {});
    (badKind.points.rules[0] as { kind: string }).kind = 'like';
    expect(issuePaths(badKind)).toEqual(['points.rules.0.kind']);
  });

  it('rejects an expiry without months, a repeated kind and impossible windows', () => {
    expect(issuePaths(withChange((r) => (r.points.expiry = { mode: 'age' } as never)))).toEqual([
      'points.expiry.months',
    ]);
    expect(issuePaths(withChange((r) => (r.points.expiry = { mode: 'age', months: 121 })))).toEqual([
      'points.expiry.months',
    ]);
    expect(issuePaths(withChange((r) => (r.points.expiry = { mode: 'none' })))).toEqual([]);
    expect(issuePaths(withChange((r) => r.points.rules.push({ kind: 'message', points: 2, dailyCap: null })))).toEqual([
      `points.rules.${defaultMemberRules.points.rules.length}.kind`,
    ]);
    expect(issuePaths(withChange((r) => (r.circles.core.minActiveDays = 31)))).toEqual(['circles.core.minActiveDays']);
    expect(issuePaths(withChange((r) => (r.lifecycle.dormantAfterDays = 30)))).toEqual(['lifecycle.dormantAfterDays']);
    expect(issuePaths(withChange((r) => (r.lifecycle.engagedMinActiveDays = 31)))).toEqual([
      'lifecycle.engagedMinActiveDays',
    ]);
  });

  it('rejects a missing section', () => {
    const { koc: _koc, ...noKoc } = defaultMemberRules;
    expect(issuePaths(noKoc)).toEqual(['koc']);
  });
});

describe('member messages', () => {
  const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
  const catalogues = { en, 'zh-CN': zhCN } as const;

  it('names every circle, stage and segment in both languages', () => {
    const keys = [
      ...circles.map((c) => `members.circle.${c}`),
      ...lifecycleStages.map((s) => `members.lifecycle.${s}`),
      ...rfmSegments.map((s) => `members.rfm.${s}`),
    ];
    for (const catalogue of Object.values(catalogues)) {
      for (const key of keys) expect(catalogue[key as keyof typeof en], key).toMatch(/\S/);
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of explanationKeys) {
      const id = `members.explain.${key}` as const;
      expect(placeholders(zhCN[id]), id).toEqual(placeholders(en[id]));
    }
  });

  it('fills every placeholder from what the engines explain', () => {
    const rules = defaultMemberRules;
    const d = dayNumber;
    const core = { tierId: 'core', sinceDay: d(2025, 11, 3), reviewedDay: d(2026, 1, 1) };
    const tier = (
      earnedNow: number,
      earnedAtReview: number | null,
      asOfDay: number,
      current: typeof core | null = core,
    ) => evaluateTier({ current, earnedNow, earnedAtReview, asOfDay }, rules.tiers).explanation;
    const circle = (days: number[], asOf: number) =>
      circleOf(activityStatsFromDays(days, null, asOf, rules), rules.circles, asOf).explanation;
    const life = (days: number[], joined: number | null, asOf: number) =>
      lifecycleOf(activityStatsFromDays(days, joined, asOf, rules), rules.lifecycle, asOf).explanation;
    const influence = { repliesReceived: 4, reactionsReceived: 9, mentionsReceived: 2, peopleReached: 5, referrals: 1 };
    const produced: Explanation[] = [
      tier(230, null, d(2026, 2, 10), null),
      tier(600, null, d(2026, 2, 10)),
      tier(250, null, d(2026, 2, 10)),
      tier(10, null, d(2026, 2, 10)),
      tier(10, 185, d(2026, 4, 1)),
      tier(10, 60, d(2026, 4, 1)),
      circle([1, 2, 3, 4, 5, 6, 7, 8], 10),
      circle([5], 10),
      circle([5], 100),
      circle([5], 1000),
      circle([], 1000),
      life([100], 100, 110),
      life([], 100, 110),
      life([100, 105], 100, 110),
      life([100, 103, 105, 108], 100, 110),
      life([100], 100, 140),
      life([100], 100, 400),
      life([], 100, 400),
      life([], null, 400),
      life([100, 250], 50, 260),
      explainRfm(
        { memberId: 1, recencyDays: 3, frequency: 2, monetary: 90 },
        { r: 5, f: 3, m: 3, segment: 'potential_loyalist' },
      ),
      explainKoc({ score: 120, activeDays: 10, flagged: true, stats: influence }, 101, rules.koc),
      explainKoc({ score: 50, activeDays: 10, flagged: false, stats: influence }, null, rules.koc),
      explainKoc({ score: 50, activeDays: 1, flagged: false, stats: influence }, 101, rules.koc),
    ];
    const keysSeen = new Set(produced.map((e) => e.key));
    // Churn explanations come from the churn model; every other key is produced above.
    expect(explanationKeys.filter((k) => !keysSeen.has(k) && !k.startsWith('churn.'))).toEqual([]);
    for (const explanation of produced) {
      for (const [language, catalogue] of Object.entries(catalogues)) {
        const text = catalogue[`members.explain.${explanation.key}`];
        const missing = placeholders(text).filter((p) => !(p in explanation.params));
        expect(missing, `${language} ${explanation.key}`).toEqual([]);
      }
    }
  });
});
