/**
 * The content calendar's contract types. Times cross the API as wall-clock text in the workspace's
 * time zone ('2026-11-24T09:00'), because that is what a planner means by "9 o'clock every
 * Tuesday": the services turn them into UTC instants for storage and keep a series' rule in
 * wall-clock terms so its occurrences stay at 09:00 across DST changes.
 */
import { z } from 'zod';

export const contentPillars = ['basic', 'advanced', 'cocreation'] as const;
export type ContentPillar = (typeof contentPillars)[number];
export const contentFormats = ['video', 'audio', 'text', 'activity'] as const;
export type ContentFormat = (typeof contentFormats)[number];
export const contentSources = ['ugc', 'pgc'] as const;
export type ContentSource = (typeof contentSources)[number];
export const contentStatuses = [
  'idea',
  'draft',
  'in_review',
  'approved',
  'scheduled',
  'published',
  'cancelled',
] as const;
export type ContentStatus = (typeof contentStatuses)[number];

/** Channels offered in the pickers; a workspace may use any other name too. */
export const suggestedChannels = [
  'WeChat group',
  '公众号',
  'Weibo',
  '小红书',
  'Douyin',
  'Discord',
  'Telegram',
  'Slack',
  'Email',
  'Offline',
] as const;

/** Weekdays as iCalendar names them (RFC 5545 BYDAY). */
export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof weekdays)[number];

export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-11-24');
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a local time such as 2026-11-24T09:00');

const label = z.string().trim().min(1).max(64);
const count = z.number().int().min(0).max(1_000_000_000_000);

/** What a planner writes about a piece of content (an item, or a series' template). */
const contentFieldShape = {
  title: z.string().trim().min(1).max(200),
  body: z.string().max(20_000),
  channel: label.nullable(),
  owner: label.nullable(),
  campaign: label.nullable(),
  pillar: z.enum(contentPillars).nullable(),
  format: z.enum(contentFormats).nullable(),
  source: z.enum(contentSources).nullable(),
  /** 高价值内容事件: tracked against the quarter's target. */
  highValue: z.boolean(),
  /** Local file paths; the files stay where they are. */
  attachments: z.array(z.string().min(1).max(4096)).max(50),
};

export const contentFieldsSchema = z
  .object({
    ...contentFieldShape,
    body: contentFieldShape.body.default(''),
    channel: contentFieldShape.channel.default(null),
    owner: contentFieldShape.owner.default(null),
    campaign: contentFieldShape.campaign.default(null),
    pillar: contentFieldShape.pillar.default(null),
    format: contentFieldShape.format.default(null),
    source: contentFieldShape.source.default(null),
    highValue: contentFieldShape.highValue.default(false),
    attachments: contentFieldShape.attachments.default([]),
  })
  .strict();

/**
 * A change to some fields. Built without the defaults above: a patch that leaves a field out
 * must leave it alone, not reset it to its default.
 */
export const contentFieldsPatchSchema = z.object(contentFieldShape).partial().strict();
export type ContentFields = z.output<typeof contentFieldsSchema>;

/** Performance after publishing; null means "not entered", never zero. */
export const contentPerformanceSchema = z
  .object({
    reach: count.nullable(),
    likes: count.nullable(),
    comments: count.nullable(),
    shares: count.nullable(),
    conversions: count.nullable(),
    /** People who took part (high-value events are judged on it). */
    participants: count.nullable(),
  })
  .strict();
export type ContentPerformance = z.output<typeof contentPerformanceSchema>;
export const emptyPerformance: ContentPerformance = {
  reach: null,
  likes: null,
  comments: null,
  shares: null,
  conversions: null,
  participants: null,
};

/** How a recurring series ends. */
export const seriesEndSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('never') }).strict(),
  z.object({ kind: z.literal('until'), date: localDateSchema }).strict(),
  z.object({ kind: z.literal('count'), count: z.number().int().min(1).max(1000) }).strict(),
]);
export type SeriesEnd = z.output<typeof seriesEndSchema>;

/**
 * A recurrence rule, a small subset of RFC 5545 that covers a daily update, a weekly theme day and
 * a monthly activity. Monthly series fall either on a day of the month (-1 = the last day) or on
 * the nth weekday (-1 = the last one, e.g. the last Friday); with neither, on the start's day.
 */
export const recurrenceSchema = z
  .object({
    freq: z.enum(['daily', 'weekly', 'monthly']),
    interval: z.number().int().min(1).max(52).default(1),
    /** Weekly: the weekdays; empty = the start's weekday. */
    byWeekday: z.array(z.enum(weekdays)).max(7).default([]),
    /** Monthly: the day of the month, -1 for the last day. */
    byMonthDay: z
      .number()
      .int()
      .min(-1)
      .max(31)
      .refine((d) => d !== 0)
      .nullable()
      .default(null),
    /** Monthly: the nth weekday (1–4, or -1 for the last). */
    byNthWeekday: z
      .object({
        nth: z
          .number()
          .int()
          .min(-1)
          .max(4)
          .refine((n) => n !== 0),
        weekday: z.enum(weekdays),
      })
      .strict()
      .nullable()
      .default(null),
    end: seriesEndSchema.default({ kind: 'never' }),
  })
  .strict();
export type Recurrence = z.output<typeof recurrenceSchema>;

/** Where an item sits in time: a wall-clock start, and an end or all-day flag. */
export const contentTimingSchema = z
  .object({
    start: localDateTimeSchema,
    /** Minutes; all-day items span whole days (1440 per day). */
    durationMin: z
      .number()
      .int()
      .min(5)
      .max(60 * 24 * 31)
      .default(60),
    allDay: z.boolean().default(false),
  })
  .strict();
export type ContentTiming = z.output<typeof contentTimingSchema>;

/**
 * Names one item on the calendar: a stored item by id, or one occurrence of a series by the
 * series and the occurrence's original local start (it becomes a stored item when first changed).
 */
export const contentRefSchema = z.union([
  z.object({ id: z.number().int().positive() }).strict(),
  z.object({ seriesId: z.number().int().positive(), occurrence: localDateTimeSchema }).strict(),
]);
export type ContentRef = z.output<typeof contentRefSchema>;

/** One item as the calendar shows it (stored, or a series occurrence nobody has changed yet). */
export const contentItemSchema = contentFieldsSchema.extend({
  /** Stable across refreshes: 'i12' for a stored item, 's3@2026-11-24T09:00' for an occurrence. */
  key: z.string(),
  id: z.number().int().nullable(),
  seriesId: z.number().int().nullable(),
  occurrence: localDateTimeSchema.nullable(),
  status: z.enum(contentStatuses),
  /** Null for an idea in the backlog. */
  start: localDateTimeSchema.nullable(),
  durationMin: z.number().int(),
  allDay: z.boolean(),
  /** The review step the item waits at (1-based) while in review; 0 otherwise. */
  reviewStep: z.number().int().min(0),
  performance: contentPerformanceSchema,
  updatedAt: z.number().int().nullable(),
});
export type ContentItem = z.output<typeof contentItemSchema>;

export const contentSeriesSchema = z.object({
  id: z.number().int(),
  fields: contentFieldsSchema,
  timing: contentTimingSchema,
  rule: recurrenceSchema,
  /** The status new occurrences start in. */
  status: z.enum(contentStatuses),
  /** Human-readable rule, e.g. "weekly on TU" (the UI words it per language). */
  rrule: z.string(),
});
export type ContentSeries = z.output<typeof contentSeriesSchema>;

export const reviewActions = [
  'submit',
  'approve',
  'request_changes',
  'schedule',
  'publish',
  'cancel',
  'reopen',
] as const;
export type ReviewAction = (typeof reviewActions)[number];

/** One recorded review event. */
export const reviewEventSchema = z.object({
  id: z.number().int(),
  action: z.enum(reviewActions),
  /** The review step acted on (1-based), 0 for actions outside the chain. */
  step: z.number().int(),
  stepName: z.string().nullable(),
  reviewer: z.string(),
  comment: z.string(),
  /** Sensitive words the reviewer acknowledged with this action. */
  acknowledged: z.array(z.string()),
  at: z.number().int(),
});
export type ReviewEvent = z.output<typeof reviewEventSchema>;

/** A sensitive word found in an item's title or body; offsets are UTF-16 indexes into that text. */
export const lexiconHitSchema = z.object({
  field: z.enum(['title', 'body']),
  word: z.string(),
  category: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type LexiconHit = z.output<typeof lexiconHitSchema>;

export const contentDetailSchema = z.object({
  item: contentItemSchema,
  series: contentSeriesSchema.nullable(),
  reviews: z.array(reviewEventSchema),
  hits: z.array(lexiconHitSchema),
  /** The actions the state machine allows now. */
  actions: z.array(z.enum(reviewActions)),
});
export type ContentDetail = z.output<typeof contentDetailSchema>;

const shares = <K extends string>(keys: readonly [K, ...K[]]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().min(0).max(100)])) as Record<K, z.ZodNumber>).strict();

/** Content-mix targets in percentage points (each group adds up to 100). */
export const mixTargetsSchema = z
  .object({
    pillar: shares(contentPillars),
    format: shares(contentFormats),
    source: shares(contentSources),
  })
  .strict();
export type MixTargets = z.output<typeof mixTargetsSchema>;

export const calendarSettingsSchema = z
  .object({
    /** Up to three review steps, in order (seed: community admin → content committee → legal). */
    reviewSteps: z.array(label).min(1).max(3),
    mixTargets: mixTargetsSchema,
    /** A gauge turns amber when the plan drifts more than this many points from its target. */
    driftPoints: z.number().min(0).max(100),
    /** Items per ISO week an owner can carry; per-owner overrides. */
    ownerWeeklyLoad: z
      .object({
        default: z.number().int().min(1).max(1000),
        owners: z.record(label, z.number().int().min(1).max(1000)),
      })
      .strict(),
    /** 高价值内容事件 per quarter and the participants each needs. */
    highValue: z
      .object({
        perQuarter: z.number().int().min(0).max(100),
        minParticipants: z.number().int().min(0).max(100_000_000),
      })
      .strict(),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (const group of ['pillar', 'format', 'source'] as const) {
      const sum = Object.values(s.mixTargets[group]).reduce((a: number, b) => a + (b as number), 0);
      if (Math.abs(sum - 100) > 1e-6)
        ctx.addIssue({ code: 'custom', path: ['mixTargets', group], message: 'targets_sum' });
    }
  });
export type CalendarSettings = z.output<typeof calendarSettingsSchema>;

/** The seeds' values. */
export const defaultCalendarSettings: CalendarSettings = {
  reviewSteps: ['社群管理员 Community admin', '内容委员会 Content committee', '法务 Legal'],
  mixTargets: {
    pillar: { basic: 50, advanced: 30, cocreation: 20 },
    format: { video: 30, audio: 20, text: 40, activity: 10 },
    source: { ugc: 70, pgc: 30 },
  },
  driftPoints: 5,
  ownerWeeklyLoad: { default: 10, owners: {} },
  highValue: { perQuarter: 3, minParticipants: 1000 },
};

/** One group's mix for a period: counts, shares in points, and drift from the target. */
export const mixGroupSchema = z.object({
  group: z.enum(['pillar', 'format', 'source']),
  /** Items counted (those with the field set). */
  total: z.number().int(),
  /** Items in the period without the field set. */
  unclassified: z.number().int(),
  parts: z.array(
    z.object({
      key: z.string(),
      count: z.number().int(),
      /** Percentage points of `total`; null when nothing is classified. */
      share: z.number().nullable(),
      target: z.number(),
      /** share − target, points. */
      drift: z.number().nullable(),
      status: z.enum(['ok', 'amber', 'empty']),
    }),
  ),
  status: z.enum(['ok', 'amber', 'empty']),
});
export type MixGroup = z.output<typeof mixGroupSchema>;

export const calendarConflictSchema = z.object({
  channel: z.string(),
  /** Keys of the clashing items. */
  keys: z.array(z.string()),
  start: localDateTimeSchema,
});
export const calendarGapSchema = z.object({
  seriesId: z.number().int(),
  title: z.string(),
  channel: z.string().nullable(),
  /** The local day the series promises something and nothing is planned. */
  date: localDateSchema,
});
export const ownerLoadSchema = z.object({
  owner: z.string(),
  /** Monday of the ISO week. */
  week: localDateSchema,
  count: z.number().int(),
  limit: z.number().int(),
});
export const highValueQuarterSchema = z.object({
  quarter: z.string(),
  target: z.number().int(),
  planned: z.number().int(),
  /** High-value items whose participants reached the minimum. */
  met: z.number().int(),
  minParticipants: z.number().int(),
});
export type CalendarConflict = z.output<typeof calendarConflictSchema>;
export type CalendarGap = z.output<typeof calendarGapSchema>;
export type OwnerLoad = z.output<typeof ownerLoadSchema>;
export type HighValueQuarter = z.output<typeof highValueQuarterSchema>;

export const calendarFilterSchema = z
  .object({
    channels: z.array(z.string().max(64)).max(100).optional(),
    owners: z.array(z.string().max(64)).max(100).optional(),
    campaigns: z.array(z.string().max(64)).max(100).optional(),
    pillars: z.array(z.enum(contentPillars)).optional(),
    formats: z.array(z.enum(contentFormats)).optional(),
    sources: z.array(z.enum(contentSources)).optional(),
    statuses: z.array(z.enum(contentStatuses)).optional(),
  })
  .strict();
export type CalendarFilter = z.output<typeof calendarFilterSchema>;

export const calendarRangeRequestSchema = z
  .object({ from: localDateSchema, to: localDateSchema, filter: calendarFilterSchema.default({}) })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['to'] });

export const calendarViewSchema = z.object({
  from: localDateSchema,
  to: localDateSchema,
  items: z.array(contentItemSchema),
  /** Ideas without a date. */
  backlog: z.array(contentItemSchema),
  conflicts: z.array(calendarConflictSchema),
  gaps: z.array(calendarGapSchema),
  overloads: z.array(ownerLoadSchema),
  mix: z.array(mixGroupSchema),
  highValue: z.array(highValueQuarterSchema),
  /** Values in use, for the filter menus. */
  options: z.object({ channels: z.array(z.string()), owners: z.array(z.string()), campaigns: z.array(z.string()) }),
});
export type CalendarView = z.output<typeof calendarViewSchema>;

export const sensitiveWordSchema = z
  .object({ word: z.string().trim().min(1).max(100), category: z.string().trim().min(1).max(40).default('general') })
  .strict();
export type SensitiveWord = z.output<typeof sensitiveWordSchema>;
