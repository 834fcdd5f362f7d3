/**
 * A workspace's member rules: what earns points, the tier ladder, how circles, lifecycle stages,
 * KOCs and churn risk are judged. Stored per workspace; the defaults (from the community-operations
 * seeds) live in resources/defaults/member-rules.json.
 *
 * Windows such as "within 30 days" always mean the 30 days ending on the as-of day, that day
 * included (days asOf − 29 … asOf).
 */
import { z } from 'zod';
import { activityKinds } from '../import';
import memberRulesDefaults from '../../resources/defaults/member-rules.json' with { type: 'json' };

const days = z.number().int().min(1).max(3650);
const months = z.number().int().min(1).max(120);

const pointsSchema = z
  .object({
    rules: z.array(
      z.object({
        kind: z.enum(activityKinds),
        points: z.number().int().min(0).max(10000),
        /** Most points one member can earn from this kind in one day. */
        dailyCap: z.number().int().positive().nullable(),
      }),
    ),
    /** Most activity points one member can earn in one day, all kinds together. */
    dailyCap: z.number().int().positive().nullable(),
    expiry: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('none') }),
      z.object({ mode: z.literal('inactivity'), months }),
      z.object({ mode: z.literal('age'), months }),
    ]),
  })
  .superRefine((points, ctx) => {
    const seen = new Set<string>();
    points.rules.forEach((rule, i) => {
      if (seen.has(rule.kind)) {
        ctx.addIssue({ code: 'custom', message: `“${rule.kind}” has two rules`, path: ['rules', i, 'kind'] });
      }
      seen.add(rule.kind);
    });
  });

const tierSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'lower-case letters, digits and _, starting with a letter'),
  name: z.object({ en: z.string().trim().min(1).max(40), 'zh-CN': z.string().trim().min(1).max(40) }),
  threshold: z.number().int().min(0),
});

const tiersSchema = z.object({
  /** Points earned in this many days (ending on the as-of day) decide the tier. */
  windowDays: z.number().int().min(7).max(730),
  /** Demotions happen only at the start of a month or quarter. */
  review: z.enum(['monthly', 'quarterly']),
  /** At a review a member keeps a tier while earning at least threshold × (1 − hysteresis). */
  hysteresis: z.number().min(0).max(0.5),
  ladder: z
    .array(tierSchema)
    .min(2)
    .max(8)
    .superRefine((ladder, ctx) => {
      if (ladder[0] && ladder[0].threshold !== 0) {
        ctx.addIssue({ code: 'custom', message: 'the first tier starts at 0 points', path: [0, 'threshold'] });
      }
      const ids = new Set<string>();
      ladder.forEach((tier, i) => {
        const before = ladder[i - 1];
        if (before && tier.threshold <= before.threshold) {
          ctx.addIssue({
            code: 'custom',
            message: `needs more points than “${before.id}” (${before.threshold})`,
            path: [i, 'threshold'],
          });
        }
        if (ids.has(tier.id)) ctx.addIssue({ code: 'custom', message: `“${tier.id}” is used twice`, path: [i, 'id'] });
        ids.add(tier.id);
      });
    }),
});

const activeWindowSchema = z
  .object({ withinDays: days, minActiveDays: z.number().int().min(1) })
  .refine((w) => w.minActiveDays <= w.withinDays, {
    message: 'cannot need more active days than the window has',
    path: ['minActiveDays'],
  });

const circlesSchema = z.object({
  core: activeWindowSchema,
  active: activeWindowSchema,
  potential: z.object({ withinDays: days }),
});

const lifecycleSchema = z
  .object({
    /** A member who started (joined or first acted) within this many days can be "new". */
    newDays: days,
    engagedMinActiveDays: z.number().int().min(1),
    engagedWithinDays: days,
    /** At risk once this many days have passed since the last activity. */
    atRiskAfterDays: days,
    dormantAfterDays: days,
    /** "Returned" needs a break of at least this many days before the recent activity. */
    returnedGapDays: days,
  })
  .superRefine((l, ctx) => {
    if (l.engagedMinActiveDays > l.engagedWithinDays) {
      ctx.addIssue({
        code: 'custom',
        message: 'cannot need more active days than the window has',
        path: ['engagedMinActiveDays'],
      });
    }
    if (l.dormantAfterDays <= l.atRiskAfterDays) {
      ctx.addIssue({ code: 'custom', message: 'must be longer than atRiskAfterDays', path: ['dormantAfterDays'] });
    }
  });

const weight = z.number().min(0).max(1000);

const kocSchema = z.object({
  /** Share of eligible members flagged as KOCs (key opinion consumers). */
  topShare: z.number().min(0.001).max(0.5),
  weights: z.object({
    repliesReceived: weight,
    reactionsReceived: weight,
    /** A default: rules stored before mentions were counted lack it, and must still parse. */
    mentionsReceived: weight.default(2),
    peopleReached: weight,
    referrals: weight,
  }),
  /** Members with fewer active days (in the scoring window) are not considered. */
  minActiveDays: z.number().int().min(0),
});

const churnSchema = z.object({
  /** Which history the churn model reads: orders, activity, or orders when there are any. */
  source: z.enum(['auto', 'orders', 'activity']),
  unit: z.enum(['day', 'week']),
  /** How far ahead churn risk looks, in `unit`s. */
  horizon: z.number().int().min(1).max(520),
  /** Members at or above this risk (0–1) are flagged. */
  riskThreshold: z.number().min(0).max(1),
});

export const memberRulesSchema = z.object({
  points: pointsSchema,
  tiers: tiersSchema,
  circles: circlesSchema,
  lifecycle: lifecycleSchema,
  koc: kocSchema,
  churn: churnSchema,
});
export type MemberRules = z.infer<typeof memberRulesSchema>;
export type TierLadder = MemberRules['tiers']['ladder'];

/**
 * The rules a new workspace starts with (resources/defaults/member-rules.json, checked on load).
 * Frozen: it is shared by every caller, so copy it (`structuredClone`) before editing.
 */
export const defaultMemberRules: MemberRules = deepFreeze(memberRulesSchema.parse(memberRulesDefaults));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
