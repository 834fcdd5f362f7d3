/**
 * The member rules editor's fields: the workspace's member rules (points, tiers, circles,
 * lifecycle, KOC and churn) as text inputs, back to rules, and each field's error. Shares are
 * shown as percentages, the way operators say them. Pure, so tested without a browser; the
 * contract's schema has the last word, and its cross-field rules (a tier needing more points than
 * the one below, a window holding its active days) come back as errors on the field they name.
 */
import { activityKinds, type ActivityKind } from '../../../shared/import';
import { memberRulesSchema, type MemberRules } from '../../../shared/members/rules';

/** One rung of the ladder as the form holds it. `id` is kept for existing tiers, made for new ones. */
export interface TierRow {
  id: string;
  en: string;
  zh: string;
  threshold: string;
}

export interface RulesForm {
  /** Number and choice fields by their path in the rules (`tiers.windowDays`, `points.kind.reply.points`…). */
  fields: Record<string, string>;
  ladder: TierRow[];
  /** Kinds the stored rules list: kept listed (even at 0 points) so saving unchanged rules reprices nothing. */
  listed: ActivityKind[];
}

export type FieldError =
  | { code: 'number' }
  | { code: 'integer' }
  | { code: 'range'; min: number; max: number }
  | { code: 'tier_first' }
  | { code: 'tier_order' }
  | { code: 'name' }
  | { code: 'window' }
  | { code: 'dormant' }
  | { code: 'invalid' };

/** The editor's tabs; `tabOf` says which one a field key is on (for a mark on a tab with errors). */
export const rulesTabs = ['points', 'tiers', 'circles', 'scores'] as const;
export type RulesTab = (typeof rulesTabs)[number];

/** A number field: where it lives, its range as shown, and whether it is a share shown ×100. */
export interface NumberSpec {
  key: string;
  min: number;
  max: number;
  integer: boolean;
  percent?: boolean;
  /** Blank means "no limit" (null in the rules). */
  optional?: boolean;
}

const DAYS = { min: 1, max: 3650, integer: true } as const;

/** The fixed number fields in the editor's order (the ladder and the per-kind points come apart). */
export const numberSpecs: readonly NumberSpec[] = [
  { key: 'points.dailyCap', min: 1, max: 1_000_000, integer: true, optional: true },
  { key: 'points.expiry.months', min: 1, max: 120, integer: true },
  { key: 'tiers.windowDays', min: 7, max: 730, integer: true },
  { key: 'tiers.hysteresis', min: 0, max: 50, integer: false, percent: true },
  { key: 'circles.core.withinDays', ...DAYS },
  { key: 'circles.core.minActiveDays', ...DAYS },
  { key: 'circles.active.withinDays', ...DAYS },
  { key: 'circles.active.minActiveDays', ...DAYS },
  { key: 'circles.potential.withinDays', ...DAYS },
  { key: 'lifecycle.newDays', ...DAYS },
  { key: 'lifecycle.engagedMinActiveDays', ...DAYS },
  { key: 'lifecycle.engagedWithinDays', ...DAYS },
  { key: 'lifecycle.atRiskAfterDays', ...DAYS },
  { key: 'lifecycle.dormantAfterDays', ...DAYS },
  { key: 'lifecycle.returnedGapDays', ...DAYS },
  { key: 'koc.topShare', min: 0.1, max: 50, integer: false, percent: true },
  { key: 'koc.minActiveDays', min: 0, max: 3650, integer: true },
  { key: 'koc.weights.repliesReceived', min: 0, max: 1000, integer: false },
  { key: 'koc.weights.reactionsReceived', min: 0, max: 1000, integer: false },
  { key: 'koc.weights.mentionsReceived', min: 0, max: 1000, integer: false },
  { key: 'koc.weights.peopleReached', min: 0, max: 1000, integer: false },
  { key: 'koc.weights.referrals', min: 0, max: 1000, integer: false },
  { key: 'churn.horizon', min: 1, max: 520, integer: true },
  { key: 'churn.riskThreshold', min: 0, max: 100, integer: false, percent: true },
];

/** A kind's points and daily cap field keys. */
export const kindKey = (kind: ActivityKind, field: 'points' | 'dailyCap'): string => `points.kind.${kind}.${field}`;
/** A ladder field's key, as the schema's issue paths name it. */
export const ladderKey = (index: number, field: 'threshold' | 'name.en' | 'name.zh-CN'): string =>
  `tiers.ladder.${index}.${field}`;

const kindSpec = (kind: ActivityKind, field: 'points' | 'dailyCap'): NumberSpec =>
  field === 'points'
    ? { key: kindKey(kind, field), min: 0, max: 10_000, integer: true }
    : { key: kindKey(kind, field), min: 1, max: 1_000_000, integer: true, optional: true };

/** A number as the form shows it: at most four decimals, no trailing zeros. */
const shown = (n: number): string => String(Math.round(n * 10_000) / 10_000);

function get(rules: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (at, part) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined),
      rules,
    );
}

/**
 * The form for stored rules.
 *
 * @example
 * rulesToForm(defaultMemberRules).fields['tiers.hysteresis'] // '10'
 * rulesToForm(defaultMemberRules).fields['points.kind.reply.points'] // '2'
 */
export function rulesToForm(rules: MemberRules): RulesForm {
  const fields: Record<string, string> = {};
  for (const spec of numberSpecs) {
    const value = get(rules, spec.key);
    fields[spec.key] = typeof value === 'number' ? shown(value * (spec.percent ? 100 : 1)) : '';
  }
  // The months stay filled while expiry is off, so switching it back on starts from a sensible figure.
  fields['points.expiry.months'] = String('months' in rules.points.expiry ? rules.points.expiry.months : 12);
  fields['points.expiry.mode'] = rules.points.expiry.mode;
  fields['tiers.review'] = rules.tiers.review;
  fields['churn.source'] = rules.churn.source;
  fields['churn.unit'] = rules.churn.unit;
  for (const kind of activityKinds) {
    const rule = rules.points.rules.find((r) => r.kind === kind);
    fields[kindKey(kind, 'points')] = String(rule?.points ?? 0);
    fields[kindKey(kind, 'dailyCap')] = rule?.dailyCap == null ? '' : String(rule.dailyCap);
  }
  return {
    fields,
    ladder: rules.tiers.ladder.map((tier) => ({
      id: tier.id,
      en: tier.name.en,
      zh: tier.name['zh-CN'],
      threshold: String(tier.threshold),
    })),
    listed: rules.points.rules.map((r) => r.kind),
  };
}

/**
 * An id for a tier added in the editor (ids are never shown; names are): `tier_5`, or the next free one.
 *
 * @example
 * newTierId(['newcomer', 'active', 'core', 'ambassador']) // 'tier_5'
 */
export function newTierId(taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n += 1) {
    if (!taken.includes(`tier_${n}`)) return `tier_${n}`;
  }
}

/**
 * The ladder with one more rung on top: its threshold above the highest, named for the user to change.
 *
 * @example
 * addTier(rulesToForm(defaultMemberRules).ladder, { en: 'New tier', zh: '新等级' }).at(-1)
 * // { id: 'tier_5', en: 'New tier', zh: '新等级', threshold: '1000' }
 */
export function addTier(ladder: readonly TierRow[], name: { en: string; zh: string }): TierRow[] {
  const top = Math.max(0, ...ladder.map((row) => Number(row.threshold) || 0));
  const id = newTierId(ladder.map((row) => row.id));
  return [...ladder, { id, en: name.en, zh: name.zh, threshold: String(top === 0 ? 100 : top * 2) }];
}

/** The number a field holds, or why it holds none. Full-width digits (Chinese input) count as digits. */
function readNumber(text: string, spec: NumberSpec): { value: number | null; error?: FieldError } {
  const normalised = text.trim().replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String(c.charCodeAt(0) - 0xff10)));
  if (normalised === '') return spec.optional ? { value: null } : { value: null, error: { code: 'number' } };
  const n = Number(normalised);
  if (!Number.isFinite(n)) return { value: null, error: { code: 'number' } };
  if (spec.integer && !Number.isInteger(n)) return { value: null, error: { code: 'integer' } };
  if (n < spec.min || n > spec.max) return { value: null, error: { code: 'range', min: spec.min, max: spec.max } };
  return { value: spec.percent ? n / 100 : n };
}

/** The tab a field key is on. */
export function tabOf(key: string): RulesTab {
  if (key.startsWith('points.')) return 'points';
  if (key.startsWith('tiers.')) return 'tiers';
  if (key.startsWith('circles.') || key.startsWith('lifecycle.')) return 'circles';
  return 'scores';
}

/** What a schema issue at `key` means for the user (the schema's messages are English sentences). */
function issueError(key: string): FieldError {
  if (/^tiers\.ladder\.0\.threshold$/.test(key)) return { code: 'tier_first' };
  if (/^tiers\.ladder\.\d+\.threshold$/.test(key)) return { code: 'tier_order' };
  if (/^tiers\.ladder\.\d+\.name/.test(key)) return { code: 'name' };
  if (/(minActiveDays|engagedMinActiveDays)$/.test(key)) return { code: 'window' };
  if (key === 'lifecycle.dormantAfterDays') return { code: 'dormant' };
  return { code: 'invalid' };
}

/**
 * The rules the form describes, or the errors by field key. Kinds the stored rules listed stay
 * listed; another kind gets a rule only when it earns points or has a cap.
 *
 * @example
 * formToRules(rulesToForm(defaultMemberRules)).rules // equal to defaultMemberRules
 * formToRules({ ...form, fields: { ...form.fields, 'tiers.windowDays': '3' } }).errors
 * // { 'tiers.windowDays': { code: 'range', min: 7, max: 730 } }
 */
export function formToRules(form: RulesForm): { rules: MemberRules | null; errors: Record<string, FieldError> } {
  const errors: Record<string, FieldError> = {};
  const read = (spec: NumberSpec): number | null => {
    const { value, error } = readNumber(form.fields[spec.key] ?? '', spec);
    if (error) errors[spec.key] = error;
    return value;
  };
  const mode = form.fields['points.expiry.mode'];
  const values: Record<string, number | null> = {};
  for (const spec of numberSpecs) {
    // The months are not asked for (nor checked) while points never expire.
    if (spec.key !== 'points.expiry.months' || mode !== 'none') values[spec.key] = read(spec);
  }
  const num = (key: string): number => values[key] ?? Number.NaN;

  // The stored rules' kinds first, in their order, then any other kind given points or a cap.
  const order = [...form.listed, ...activityKinds.filter((kind) => !form.listed.includes(kind))];
  const kinds = order.flatMap((kind) => {
    const points = read(kindSpec(kind, 'points'));
    const dailyCap = read(kindSpec(kind, 'dailyCap'));
    const listed = form.listed.includes(kind) || (points ?? 0) > 0 || dailyCap !== null;
    return listed ? [{ kind, points: points ?? 0, dailyCap }] : [];
  });
  const ladder = form.ladder.map((row, i) => {
    const threshold = readNumber(row.threshold, {
      key: ladderKey(i, 'threshold'),

      min: 0,
      max: 100_000_000,
      integer: true,
    });
    if (threshold.error) errors[ladderKey(i, 'threshold')] = threshold.error;
    if (row.en.trim() === '') errors[ladderKey(i, 'name.en')] = { code: 'name' };
    if (row.zh.trim() === '') errors[ladderKey(i, 'name.zh-CN')] = { code: 'name' };
    return {
      id: row.id,
      name: { en: row.en.trim(), 'zh-CN': row.zh.trim() },
      threshold: threshold.value ?? Number.NaN,
    };
  });
  const candidate = {
    points: {
      rules: kinds,
      dailyCap: values['points.dailyCap'] ?? null,
      expiry:
        mode === 'inactivity' || mode === 'age' ? { mode, months: num('points.expiry.months') } : { mode: 'none' },
    },
    tiers: {
      windowDays: num('tiers.windowDays'),
      review: form.fields['tiers.review'],
      hysteresis: num('tiers.hysteresis'),
      ladder,
    },
    circles: {
      core: { withinDays: num('circles.core.withinDays'), minActiveDays: num('circles.core.minActiveDays') },
      active: { withinDays: num('circles.active.withinDays'), minActiveDays: num('circles.active.minActiveDays') },
      potential: { withinDays: num('circles.potential.withinDays') },
    },
    lifecycle: {
      newDays: num('lifecycle.newDays'),
      engagedMinActiveDays: num('lifecycle.engagedMinActiveDays'),
      engagedWithinDays: num('lifecycle.engagedWithinDays'),
      atRiskAfterDays: num('lifecycle.atRiskAfterDays'),
      dormantAfterDays: num('lifecycle.dormantAfterDays'),
      returnedGapDays: num('lifecycle.returnedGapDays'),
    },
    koc: {
      topShare: num('koc.topShare'),
      weights: {
        repliesReceived: num('koc.weights.repliesReceived'),
        reactionsReceived: num('koc.weights.reactionsReceived'),
        mentionsReceived: num('koc.weights.mentionsReceived'),
        peopleReached: num('koc.weights.peopleReached'),
        referrals: num('koc.weights.referrals'),
      },
      minActiveDays: num('koc.minActiveDays'),
    },
    churn: {
      source: form.fields['churn.source'],
      unit: form.fields['churn.unit'],
      horizon: num('churn.horizon'),
      riskThreshold: num('churn.riskThreshold'),
    },
  };
  const parsed = memberRulesSchema.safeParse(candidate);
  if (parsed.success && Object.keys(errors).length === 0) return { rules: parsed.data, errors };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      // A points rule's issue names its place in the list; the form knows it by kind.
      const key =
        path[0] === 'points' && path[1] === 'rules' && kinds[Number(path[2])]
          ? kindKey(kinds[Number(path[2])]!.kind, path[3] === 'dailyCap' ? 'dailyCap' : 'points')
          : path.join('.');
      errors[key] ??= issueError(key);
    }
  }
  return { rules: null, errors };
}
