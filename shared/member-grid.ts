/**
 * What the member grid asks for and gets: rows of computed scores, sorted and filtered in SQLite.
 * The UI translates AG Grid's sort and filter models into these; the CLI and bulk actions use
 * the same filter, so "export what I see" exports exactly the grid's rows.
 */
import { z } from 'zod';
import { memberBriefSchema } from './members';
import { explanationKeys } from './members/explain';

/** Grid columns, in default order. */
export const memberColumns = [
  'name',
  'identities',
  'tier',
  'circle',
  'rfmSegment',
  'lifecycle',
  'points',
  'pointsWindow',
  'lastSeen',
  'activeDays30',
  'churnRisk',
  'clv',
  'expected',
  'influence',
  'koc',
  'tags',
] as const;
export type MemberColumn = (typeof memberColumns)[number];

/** Columns SQLite can sort on (tags cannot: a member has many). */
export const sortableMemberColumns = memberColumns.filter((c): c is Exclude<MemberColumn, 'tags'> => c !== 'tags');
export type SortableMemberColumn = Exclude<MemberColumn, 'tags'>;

export const numericMemberColumns = ['identities', 'points', 'pointsWindow', 'activeDays30', 'churnRisk', 'clv', 'expected', 'influence'] as const;
export type NumericMemberColumn = (typeof numericMemberColumns)[number];

export const memberSortSchema = z
  .array(z.object({ colId: z.enum(sortableMemberColumns as [SortableMemberColumn, ...SortableMemberColumn[]]), sort: z.enum(['asc', 'desc']) }))
  .max(3);
export type MemberSort = z.infer<typeof memberSortSchema>;

const numberCondition = z
  .object({
    column: z.enum(numericMemberColumns),
    op: z.enum(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'between']),
    value: z.number().finite(),
    to: z.number().finite().optional(),
  })
  .strict();
export type NumberCondition = z.infer<typeof numberCondition>;

const values = z.array(z.string().min(1).max(64)).max(32);

/** A real calendar day written YYYY-MM-DD. */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((text) => {
    const ms = Date.parse(`${text}T00:00:00Z`);
    return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text;
  }, 'not a calendar day');

export const memberFilterSchema = z
  .object({
    /** Quick search: any part of a name, handle or email (Chinese or Latin). */
    quick: z.string().trim().max(100).optional(),
    /** Contains, on the display name (the name column's filter). */
    name: z.string().trim().max(100).optional(),
    tiers: values.optional(),
    circles: values.optional(),
    lifecycles: values.optional(),
    rfmSegments: values.optional(),
    tag: z.string().trim().min(1).max(64).optional(),
    koc: z.boolean().optional(),
    /** Only members whose churn risk is above the workspace's retention threshold. */
    atRisk: z.boolean().optional(),
    lastSeenFrom: z.number().int().optional(),
    lastSeenTo: z.number().int().optional(),
    /**
     * Members who joined (first activity) on or after this local day, in the workspace's time
     * zone: inclusive. With `joinedTo` (exclusive), `{ joinedFrom: '2026-03-01', joinedTo:
     * '2026-04-01' }` is the March join cohort, the dashboard's cohort rows.
     */
    joinedFrom: isoDay.optional(),
    /** Members who joined before this local day: exclusive. */
    joinedTo: isoDay.optional(),
    numbers: z.array(numberCondition).max(16).optional(),
    ids: z.array(z.number().int().positive()).max(10_000).optional(),
  })
  .strict();
export type MemberFilter = z.infer<typeof memberFilterSchema>;

/**
 * A filter ready for SQL: its join days turned into the UTC instants at which those local days
 * start in the workspace's time zone (electron/services/members/filter.ts does this). A filter
 * without join days needs nothing more.
 */
export type ResolvedMemberFilter = MemberFilter & { joinedFromTs?: number; joinedToTs?: number };

export const memberRowSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  identities: z.number().int(),
  tier: z.string(),
  circle: z.string(),
  rfmSegment: z.string().nullable(),
  lifecycle: z.string(),
  points: z.number(),
  pointsWindow: z.number(),
  lastSeen: z.number().nullable(),
  activeDays30: z.number().int(),
  churnRisk: z.number().nullable(),
  clv: z.number().nullable(),
  expected: z.number().nullable(),
  influence: z.number(),
  koc: z.boolean(),
  tags: z.array(z.string()),
});
export type MemberRow = z.infer<typeof memberRowSchema>;

export const memberGridRequestSchema = z
  .object({
    filter: memberFilterSchema.default({}),
    sort: memberSortSchema.default([]),
    start: z.number().int().min(0).max(100_000_000),
    limit: z.number().int().min(1).max(1000),
  })
  .strict();
export type MemberGridRequest = z.input<typeof memberGridRequestSchema>;

/** Who a bulk action applies to: chosen rows, or everything a filter matches. */
export const memberTargetSchema = z.union([
  z.object({ ids: z.array(z.number().int().positive()).min(1).max(10_000) }).strict(),
  z.object({ filter: memberFilterSchema }).strict(),
]);
export type MemberTarget = z.infer<typeof memberTargetSchema>;

export const explanationSchema = z.object({
  key: z.enum(explanationKeys),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

const tierNameSchema = z.object({ en: z.string(), 'zh-CN': z.string() });

/** Counts above the grid and the state of the last recompute. */
export const memberOverviewSchema = z.object({
  computedAt: z.number().nullable(),
  asOfDay: z.number().int().nullable(),
  /** Live members (merged-away ones left out); scored members may lag until a recompute. */
  members: z.number().int(),
  scored: z.number().int(),
  tiers: z.array(z.object({ id: z.string(), name: tierNameSchema, threshold: z.number(), count: z.number().int() })),
  circles: z.array(z.object({ value: z.string(), count: z.number().int() })),
  lifecycles: z.array(z.object({ value: z.string(), count: z.number().int() })),
  rfmSegments: z.array(z.object({ value: z.string(), count: z.number().int() })),
  /** Members in the core or active circle, and how many of them are KOCs. */
  activeMembers: z.number().int(),
  kocMembers: z.number().int(),
  atRisk: z.number().int(),
  riskThreshold: z.number(),
  churn: z
    .object({
      source: z.enum(['orders', 'activity']),
      unit: z.enum(['day', 'week']),
      horizon: z.number(),
      model: z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number(), logLik: z.number(), n: z.number() }).nullable(),
      spend: z.object({ p: z.number(), q: z.number(), gamma: z.number(), n: z.number() }).nullable(),
    })
    .nullable(),
  tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
});
export type MemberOverview = z.infer<typeof memberOverviewSchema>;

export const ledgerEntrySchema = z.object({
  day: z.number().int(),
  kind: z.enum(['earned', 'grant', 'deduct', 'redeem', 'expire']),
  points: z.number(),
  reason: z.string(),
  /** For earned points: the day's activity counts by kind. */
  counts: z.record(z.string(), z.number()).optional(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const memberDetailSchema = z.object({
  member: memberBriefSchema,
  tags: z.array(z.string()),
  score: memberRowSchema.nullable(),
  rfm: z.object({ r: z.number(), f: z.number(), m: z.number() }).nullable(),
  pAlive: z.number().nullable(),
  explanations: z.array(explanationSchema),
  tierHistory: z.array(
    z.object({ day: z.number().int(), from: z.string().nullable(), to: z.string(), change: z.string(), explanation: explanationSchema }),
  ),
  ledger: z.object({ balance: z.number(), entries: z.array(ledgerEntrySchema), more: z.boolean() }),
  timeline: z.array(
    z.object({ ts: z.number(), kind: z.string(), source: z.string(), channel: z.string().nullable(), text: z.string().nullable() }),
  ),
  merges: z.array(z.object({ id: z.number().int(), otherId: z.number().int(), otherName: z.string(), direction: z.enum(['into', 'from']), undone: z.boolean() })),
});
export type MemberDetail = z.infer<typeof memberDetailSchema>;

export const recomputeSummarySchema = z.object({
  members: z.number().int(),
  asOfDay: z.number().int(),
  durationMs: z.number(),
  promoted: z.number().int(),
  demoted: z.number().int(),
  expiredPoints: z.number(),
  /** Score rows written; the others were stored exactly as computed already. */
  rewritten: z.number().int(),
  /** Milliseconds per stage, for benchmarks and slow-recompute reports. */
  stages: z.record(z.string(), z.number()),
});
export type RecomputeSummary = z.infer<typeof recomputeSummarySchema>;
