import { describe, expect, it } from 'vitest';
import { defaultMemberRules, memberRulesSchema } from '../../shared/members/rules';
import {
  addTier,
  formToRules,
  kindKey,
  ladderKey,
  newTierId,
  rulesToForm,
  tabOf,
  type RulesForm,
} from '../../renderer/src/members/rulesForm';

const base = (): RulesForm => rulesToForm(defaultMemberRules);
const withFields = (fields: Record<string, string>, form = base()): RulesForm => ({
  ...form,
  fields: { ...form.fields, ...fields },
});

describe('the member rules editor form', () => {
  it('gives back exactly the stored rules when nothing is edited', () => {
    const form = base();
    expect(form.fields['tiers.hysteresis']).toBe('10');
    expect(form.fields['koc.topShare']).toBe('5');
    expect(form.fields['churn.riskThreshold']).toBe('70');
    expect(form.fields[kindKey('reply', 'points')]).toBe('2');
    expect(form.fields[kindKey('post', 'dailyCap')]).toBe('');
    expect(formToRules(form)).toEqual({ rules: defaultMemberRules, errors: {} });
  });

  it('keeps the listed kinds listed, and lists another only once it earns points or has a cap', () => {
    const unchanged = formToRules(withFields({ [kindKey('badge', 'points')]: '0' })).rules;
    expect(unchanged?.points.rules.map((r) => r.kind)).toEqual(defaultMemberRules.points.rules.map((r) => r.kind));
    const rules = formToRules(
      withFields({ [kindKey('badge', 'points')]: '4', [kindKey('reaction', 'dailyCap')]: '5' }),
    ).rules;
    expect(rules?.points.rules.find((r) => r.kind === 'badge')).toEqual({ kind: 'badge', points: 4, dailyCap: null });
    expect(rules?.points.rules.find((r) => r.kind === 'reaction')).toEqual({
      kind: 'reaction',
      points: 0,
      dailyCap: 5,
    });
  });

  it('reads shares as percentages, full-width digits as digits, and a blank cap as no limit', () => {
    const rules = formToRules(
      withFields({
        'tiers.hysteresis': '15',
        'koc.topShare': '２.５',
        'churn.riskThreshold': '８０',
        'points.dailyCap': ' ',
      }),
    ).rules;
    expect(rules?.tiers.hysteresis).toBe(0.15);
    expect(rules?.koc.topShare).toBe(0.025);
    expect(rules?.churn.riskThreshold).toBe(0.8);
    expect(rules?.points.dailyCap).toBeNull();
    // Every KOC weight is on the form: one left off would be reset to its default on each save.
    const weights = formToRules(withFields({ 'koc.weights.mentionsReceived': '4', 'koc.weights.referrals': '0.5' }))
      .rules?.koc.weights;
    expect(weights).toEqual({ ...defaultMemberRules.koc.weights, mentionsReceived: 4, referrals: 0.5 });
    expect(Object.keys(defaultMemberRules.koc.weights).every((w) => `koc.weights.${w}` in base().fields)).toBe(true);
  });

  it('names the field and the reason for numbers out of range, not whole or not numbers', () => {
    const { rules, errors } = formToRules(
      withFields({
        'tiers.windowDays': '3',
        'circles.core.withinDays': '1.5',
        'churn.horizon': 'soon',
        [kindKey('reply', 'points')]: '-1',
      }),
    );
    expect(rules).toBeNull();
    expect(errors).toEqual({
      'tiers.windowDays': { code: 'range', min: 7, max: 730 },
      'circles.core.withinDays': { code: 'integer' },
      'churn.horizon': { code: 'number' },
      [kindKey('reply', 'points')]: { code: 'range', min: 0, max: 10000 },
    });
  });

  it('puts the schema’s cross-field rules on the field they name', () => {
    const form = base();
    form.ladder[2] = { ...form.ladder[2]!, threshold: '40' }; // core below active (50)
    form.ladder[0] = { ...form.ladder[0]!, threshold: '5' };
    form.ladder[1] = { ...form.ladder[1]!, zh: ' ' };
    const { rules, errors } = formToRules(
      withFields({ 'circles.core.minActiveDays': '40', 'lifecycle.dormantAfterDays': '20' }, form),
    );
    expect(rules).toBeNull();
    expect(errors).toEqual({
      [ladderKey(0, 'threshold')]: { code: 'tier_first' },
      [ladderKey(1, 'name.zh-CN')]: { code: 'name' },
      [ladderKey(2, 'threshold')]: { code: 'tier_order' },
      'circles.core.minActiveDays': { code: 'window' },
      'lifecycle.dormantAfterDays': { code: 'dormant' },
    });
    expect(Object.keys(errors).map(tabOf)).toEqual(['tiers', 'tiers', 'tiers', 'circles', 'circles']);
  });

  it('does not ask for months while points never expire', () => {
    const rules = formToRules(withFields({ 'points.expiry.mode': 'none', 'points.expiry.months': 'x' })).rules;
    expect(rules?.points.expiry).toEqual({ mode: 'none' });
    const aged = formToRules(withFields({ 'points.expiry.mode': 'age', 'points.expiry.months': '6' })).rules;
    expect(aged?.points.expiry).toEqual({ mode: 'age', months: 6 });
  });

  it('adds a tier on top with a free id, and the result is a valid ladder', () => {
    const ladder = addTier(base().ladder, { en: 'Super fan', zh: '铁粉' });
    expect(ladder.at(-1)).toEqual({ id: 'tier_5', en: 'Super fan', zh: '铁粉', threshold: '1000' });
    expect(newTierId(['newcomer', 'tier_3', 'tier_4'])).toBe('tier_5');
    const rules = formToRules({ ...base(), ladder }).rules;
    expect(rules && memberRulesSchema.parse(rules).tiers.ladder.map((t) => t.id)).toEqual([
      'newcomer',
      'active',
      'core',
      'ambassador',
      'tier_5',
    ]);
  });
});
