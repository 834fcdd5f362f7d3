/**
 * What an import reads and what it reports: format ids, the normalised records every parser
 * produces, and the result the CLI prints and the UI shows.
 */
import { z } from 'zod';

export const importFormats = [
  'discord-json',
  'discord-csv',
  'slack-zip',
  'telegram-json',
  'whatsapp-txt',
  'discourse-json',
  'stackexchange-xml',
  'csv',
  'xlsx',
  'orders-csv',
  'survey-csv',
] as const;
export type ImportFormat = (typeof importFormats)[number];
export const importFormatSchema = z.enum(importFormats);

/** Activity kinds Hearth understands; points, tiers and KPIs are defined over these. */
export const activityKinds = [
  'message',
  'reply',
  'reaction',
  'join',
  'leave',
  'checkin',
  'ugc_post',
  'post',
  'comment',
  'event_attendance',
  'referral',
  'survey',
  'badge',
] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** Hearth fields a table column can fill (CSV/xlsx column mapping), in the order the UI lists them. */
export const tableFields = [
  'member',
  'name',
  'email',
  'phone',
  'handle',
  'date',
  'kind',
  'channel',
  'text',
  'amount',
  'quantity',
  'order',
  'status',
  'score',
  'id',
] as const;
export type TableField = (typeof tableFields)[number];

/** A person as one platform knows them. `source` + `externalId` is stable across exports. */
export interface IdentityRef {
  source: string;
  externalId: string;
  handle?: string | null;
  displayName?: string | null;
  email?: string | null;
  phone?: string | null;
  isBot?: boolean;
}

/** Where a record came from in the file, for error messages: 1-based line or row. */
export interface RecordOrigin {
  line: number;
}

export interface MemberRecord extends RecordOrigin {
  type: 'member';
  identity: IdentityRef;
  /** When the platform says the person joined (UTC ms), if it says. */
  joinedAt?: number | null;
  tags?: string[];
}

export interface ActivityRecord extends RecordOrigin {
  type: 'activity';
  source: string;
  /** Unique within `source` and stable across re-exports of the same data. */
  externalId: string;
  kind: ActivityKind;
  /** UTC ms. */
  ts: number;
  channel: string | null;
  text: string | null;
  author: IdentityRef;
  /** Reactions this activity received (message-like kinds), or a kind-specific amount. */
  value?: number | null;
  /** External id (same source) of the activity this one replies to. */
  replyTo?: string | null;
  /** People of the same source this activity mentions, each once; absent when none. */
  mentions?: MentionRef[] | null;
}

/**
 * Someone an activity mentions, on the activity's own platform: by their identity's external id
 * when the export says who it is, else by handle (`mentionHandle`). Resolved to a member when
 * scores are computed, so a mention of someone who only posts in a later import counts then.
 */
export type MentionRef = { externalId: string } | { handle: string };

/**
 * A handle as mentions store it: without leading '@', lower case. Only A–Z are folded, exactly as
 * SQLite's lower() folds the identity handles it is compared with.
 *
 * @example
 * mentionHandle('@Jason_Wihardja') // 'jason_wihardja'
 * mentionHandle('@') // null
 */
export function mentionHandle(raw: string): string | null {
  const handle = raw.trim().replace(/^@+/, '').replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
  return handle === '' ? null : handle;
}

/**
 * Mentions for a record: handles normalised (`mentionHandle`), empty ones dropped, each person
 * once; undefined when none are left, so a record without mentions carries no field.
 *
 * @example
 * uniqueMentions([{ handle: '@Ann' }, { handle: 'ann' }, { externalId: 'U1' }]) // [{ handle: 'ann' }, { externalId: 'U1' }]
 * uniqueMentions([{ handle: '@' }]) // undefined
 */
export function uniqueMentions(refs: Iterable<MentionRef>): MentionRef[] | undefined {
  const unique = new Map<string, MentionRef>();
  for (const ref of refs) {
    if ('handle' in ref) {
      const handle = mentionHandle(ref.handle);
      if (handle !== null && !unique.has(`@${handle}`)) unique.set(`@${handle}`, { handle });
    } else if (ref.externalId !== '' && !unique.has(`#${ref.externalId}`)) unique.set(`#${ref.externalId}`, { externalId: ref.externalId });
  }
  return unique.size > 0 ? [...unique.values()] : undefined;
}

export interface OrderRecord extends RecordOrigin {
  type: 'order';
  source: string;
  externalId: string;
  member: IdentityRef;
  ts: number;
  amount: number;
  quantity: number | null;
  status: 'paid' | 'cancelled';
}

export interface SurveyRecord extends RecordOrigin {
  type: 'survey';
  source: string;
  externalId: string;
  member: IdentityRef;
  ts: number;
  /** 0–10 "how likely to recommend", when the survey has one. */
  score: number | null;
  answers: Record<string, string>;
}

/** A row that cannot be imported; the user chooses to skip such rows or abort. */
export interface ProblemRecord extends RecordOrigin {
  type: 'problem';
  field: string;
  value: string;
  message: string;
}

export type ImportRecord = MemberRecord | ActivityRecord | OrderRecord | SurveyRecord | ProblemRecord;

export const importProblemSchema = z.object({
  line: z.number().int(),
  field: z.string(),
  value: z.string().optional(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

const addedDuplicates = z.object({ added: z.number().int(), duplicates: z.number().int() });

export const importResultSchema = z.object({
  batchId: z.number().int().nullable(),
  format: importFormatSchema,
  members: z.object({ added: z.number().int(), matched: z.number().int() }),
  activities: addedDuplicates,
  orders: addedDuplicates,
  surveys: addedDuplicates,
  errors: z.array(importProblemSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importMappingSchema = z.record(z.string().min(1).max(40), z.string().min(1).max(200));

/** What the user chooses before an import; the same for preview and run. */
export const importRequestSchema = z
  .object({
    path: z.string().min(1).max(4096),
    format: importFormatSchema.optional(),
    map: importMappingSchema.optional(),
    dateFormat: z.string().min(1).max(64).optional(),
    encoding: z.string().min(1).max(32).optional(),
    source: z.string().regex(/^[a-z0-9_-]{1,32}$/, 'lower-case letters, digits, - and _').optional(),
  })
  .strict();
export type ImportRequest = z.infer<typeof importRequestSchema>;

export const previewRecordSchema = z.object({
  type: z.enum(['member', 'activity', 'order', 'survey']),
  line: z.number().int(),
  member: z.string(),
  source: z.string(),
  ts: z.number().nullable(),
  kind: z.string().nullable(),
  channel: z.string().nullable(),
  text: z.string().nullable(),
  amount: z.number().nullable(),
  score: z.number().nullable(),
});
export type PreviewRecord = z.infer<typeof previewRecordSchema>;

export const importPreviewSchema = z.object({
  fileName: z.string(),
  size: z.number(),
  format: importFormatSchema,
  candidates: z.array(z.object({ format: importFormatSchema, confidence: z.number() })),
  records: z.array(previewRecordSchema),
  problems: z.array(importProblemSchema),
  /** Table formats: the columns found and the mapping that will be used (remembered or guessed). */
  columns: z.array(z.string()).nullable(),
  mapping: importMappingSchema.nullable(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importRunResultSchema = importResultSchema.extend({
  skipped: z.object({ bots: z.number().int(), problems: z.number().int() }),
  sha256: z.string(),
});
export type ImportRunResult = z.infer<typeof importRunResultSchema>;

export const batchSchema = z.object({
  id: z.number().int(),
  file: z.string(),
  format: z.string(),
  sha256: z.string(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  status: z.enum(['running', 'done', 'failed', 'undone']),
  counts: z.record(z.string(), z.number()),
});
export type Batch = z.infer<typeof batchSchema>;

export const undoResultSchema = z.object({
  activities: z.number().int(),
  orders: z.number().int(),
  surveys: z.number().int(),
  members: z.number().int(),
  identities: z.number().int(),
});
export type UndoResult = z.infer<typeof undoResultSchema>;
