import { describe, expect, it } from 'vitest';
import { alertRuleInputSchema, alertRuleKinds, playbookInputSchema } from '../../shared/crisis';
import {
  complaintLexicon,
  complaintWords,
  defaultAlertRules,
  defaultPlaybooks,
  playbookForLocale,
} from '../../shared/crisis/defaults';
import { locales } from '../../shared/workspace';
import playbooksJson from '../../resources/defaults/playbooks.json' with { type: 'json' };
import alertRulesJson from '../../resources/defaults/alert-rules.json' with { type: 'json' };

const seedKeys = [
  'koc-inappropriate-remarks',
  'product-defect-surge',
  'privacy-rumour',
  'platform-outage',
  'spam-scam-wave',
  'offline-event-accident',
];

describe('default playbooks', () => {
  it('ships the six seed scenarios under unique keys', () => {
    const keys = defaultPlaybooks.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...seedKeys].sort());
  });

  it('parses in both locales, each tagged with its own locale', () => {
    for (const raw of playbooksJson) {
      for (const locale of locales) {
        const parsed = playbookInputSchema.parse(raw[locale]);
        expect(parsed.locale, `${raw.key} ${locale}`).toBe(locale);
      }
    }
  });

  it.each(seedKeys)('%s: a usable checklist in both languages', (key) => {
    const zh = playbookForLocale(key, 'zh-CN');
    const en = playbookForLocale(key, 'en');
    expect(zh).not.toBeNull();
    expect(en).not.toBeNull();
    if (!zh || !en) return;
    expect(zh.steps.length).toBe(en.steps.length);
    expect(zh.colour).toBe(en.colour);
    expect(zh.level).toBe(en.level);
    expect(zh.roles).toEqual(en.roles);
    for (const playbook of [zh, en]) {
      const where = `${key} ${playbook.locale}`;
      expect(playbook.steps.length, where).toBeGreaterThanOrEqual(6);
      expect(playbook.steps.length, where).toBeLessThanOrEqual(10);
      const due = playbook.steps.map((s) => s.dueMinutes);
      due.forEach((d, i) => expect(d, `${where} step ${i}`).toBeGreaterThanOrEqual(due[i - 1] ?? 0));
      // A holding statement within the hour, and a resolution or status within a day.
      expect(
        due.some((d) => d <= 60),
        where,
      ).toBe(true);
      expect(
        due.some((d) => d > 240 && d <= 1440),
        where,
      ).toBe(true);
      for (const step of playbook.steps) expect(playbook.roles, where).toContain(step.role);
      expect(playbook.templates.length, where).toBeGreaterThanOrEqual(2);
      expect(playbook.templates.length, where).toBeLessThanOrEqual(4);
      expect(playbook.scenario, where).not.toBe('');
      expect(playbook.triggers, where).not.toBe('');
      expect(playbook.escalation, where).not.toBe('');
    }
    // Same steps, same owners and deadlines, in both languages.
    expect(zh.steps.map((s) => [s.role, s.dueMinutes])).toEqual(en.steps.map((s) => [s.role, s.dueMinutes]));
  });

  it('returns null for an unknown key', () => {
    expect(playbookForLocale('no-such-playbook', 'en')).toBeNull();
  });

  it('is frozen', () => {
    expect(Object.isFrozen(defaultPlaybooks)).toBe(true);
    expect(Object.isFrozen(defaultPlaybooks[0]?.byLocale.en.steps)).toBe(true);
  });
});

describe('default alert rules', () => {
  it('parse, cover every rule kind once, and suggest shipped playbooks', () => {
    for (const raw of alertRulesJson) expect(() => alertRuleInputSchema.parse(raw)).not.toThrow();
    expect(defaultAlertRules.map((r) => r.kind).sort()).toEqual([...alertRuleKinds].sort());
    for (const rule of defaultAlertRules) {
      if (typeof rule.playbook === 'string') expect(seedKeys).toContain(rule.playbook);
      expect(rule.playbook === null || typeof rule.playbook === 'string').toBe(true);
    }
  });

  it("use the seeds' thresholds", () => {
    const byKind = new Map(defaultAlertRules.map((r) => [r.kind, r]));
    expect(byKind.get('negative_share')?.params.negativeShare).toBe(0.3);
    expect(byKind.get('volume_swing')?.params.swing).toBe(0.1);
    expect(byKind.get('complaint_burst')?.playbook).toBe('product-defect-surge');
    expect(byKind.get('churn_risk_rise')?.playbook).toBeNull();
  });
});

describe('complaint words', () => {
  it('are non-empty, unique and categorised', () => {
    expect(complaintWords.length).toBeGreaterThan(100);
    expect(new Set(complaintWords.map((w) => w.toLowerCase())).size).toBe(complaintWords.length);
    for (const w of complaintWords) expect(w.trim()).toBe(w);
    const categories = new Set(complaintLexicon.map((w) => w.category));
    expect([...categories].sort()).toEqual(['delivery', 'fraud', 'quality', 'safety', 'service']);
    expect(complaintWords).toContain('投诉');
    expect(complaintWords).toContain('refund');
  });
});
