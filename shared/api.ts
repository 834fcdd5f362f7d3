/**
 * The one API contract between the UI and the services. Every transport (the Electron preload
 * bridge, the browser host, the CLI) calls the same methods with the same schemas; the router
 * validates every argument against them, because the renderer is untrusted.
 */
import { z } from 'zod';
import type { HearthErrorData } from './errors';
import {
  localeSchema,
  recentWorkspaceSchema,
  timeZoneSchema,
  currencySchema,
  workspaceInfoSchema,
  workspaceNameSchema,
  workspaceSettingsSchema,
  workspaceSummarySchema,
} from './workspace';
import {
  batchSchema,
  importPreviewSchema,
  importRequestSchema,
  importRunResultSchema,
  undoResultSchema,
} from './import';
import { memberBriefSchema, mergeRecordSchema, mergeSuggestionSchema } from './members';
import {
  memberColumns,
  memberDetailSchema,
  memberFilterSchema,
  memberGridRequestSchema,
  memberOverviewSchema,
  memberRowSchema,
  memberSortSchema,
  memberTargetSchema,
  recomputeSummarySchema,
} from './member-grid';
import { memberRulesSchema } from './members/rules';
import { kpiDashboardSchema, kpiGoalInputSchema, kpiGoalSchema, kpiRequestSchema } from './kpi';
import { kpiSettingsSchema } from './kpi/settings';
import {
  calendarRangeRequestSchema,
  calendarSettingsSchema,
  calendarViewSchema,
  contentDetailSchema,
  contentFieldsPatchSchema,
  contentFieldsSchema,
  contentItemSchema,
  contentPerformanceSchema,
  contentRefSchema,
  contentSeriesSchema,
  contentStatuses,
  contentTimingSchema,
  localDateSchema,
  recurrenceSchema,
  reviewActions,
  sensitiveWordSchema,
} from './calendar';
import {
  alertRuleInputSchema,
  alertRuleSchema,
  alertSchema,
  crisisBoardSchema,
  incidentSchema,
  playbookInputSchema,
  playbookSchema,
  postmortemInputSchema,
  responseLevelSchema,
  scanRequestSchema,
  scanResultSchema,
  warningColourSchema,
} from './crisis';
import { brandingSchema, reportPreviewSchema, reportRequestSchema, reportSaveResultSchema } from './report';
import {
  bundleBriefSchema,
  manifestSchema,
  portfolioRowSchema,
  publishRequestSchema,
  publishResultSchema,
  shareSettingsSchema,
} from './share';

const none = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

const filePath = z.string().min(1).max(4096);

export const preferencesSchema = z.object({
  language: localeSchema.nullable(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  latestSchemaVersion: z.number().int(),
  workspacesDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const api = {
  'app/info': { input: none, output: appInfoSchema },
  'app/preferences/get': { input: none, output: preferencesSchema },
  'app/preferences/set': { input: preferencesSchema.partial().strict(), output: preferencesSchema },

  'workspace/recent': { input: none, output: z.array(recentWorkspaceSchema) },
  'workspace/current': { input: none, output: workspaceSummarySchema.nullable() },
  'workspace/create': {
    input: z
      .object({
        name: workspaceNameSchema,
        path: filePath.optional(),
        timeZone: timeZoneSchema.optional(),
        currency: currencySchema.optional(),
        locale: localeSchema.optional(),
      })
      .strict(),
    output: workspaceSummarySchema,
  },
  'workspace/open': { input: z.object({ path: filePath }).strict(), output: workspaceSummarySchema },
  'workspace/close': { input: none, output: ok },
  'workspace/forget': { input: z.object({ path: filePath }).strict(), output: ok },
  'workspace/rename': {
    input: z.object({ name: workspaceNameSchema }).strict(),
    output: workspaceSummarySchema,
  },
  'workspace/settings/update': {
    input: workspaceSettingsSchema.partial().strict(),
    output: workspaceSummarySchema,
  },
  'workspace/info': { input: none, output: workspaceInfoSchema },

  'import/preview': { input: importRequestSchema, output: importPreviewSchema },
  'import/run': {
    input: importRequestSchema.extend({
      onProblem: z.enum(['skip', 'abort']).default('abort'),
      /** Chosen by the caller so it can cancel and match progress events. */
      importId: z
        .string()
        .regex(/^[\w-]{1,64}$/)
        .optional(),
      /** Recompute member scores and the dashboard's tables afterwards (off for a run of bulk imports). */
      score: z.boolean().default(true),
    }),
    output: importRunResultSchema,
  },
  'import/cancel': {
    input: z.object({ importId: z.string().min(1).max(64) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  'import/batches': { input: none, output: z.array(batchSchema) },
  'import/undo': { input: z.object({ batchId: z.number().int().positive() }).strict(), output: undoResultSchema },

  'members/search': {
    input: z
      .object({ query: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(200).default(20) })
      .strict(),
    output: z.array(memberBriefSchema),
  },
  'members/merge-suggestions': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(mergeSuggestionSchema),
  },
  'members/merge': {
    input: z
      .object({
        intoId: z.number().int().positive(),
        fromId: z.number().int().positive(),
        reason: z.string().max(200).default('merged by hand'),
      })
      .strict(),
    output: z.object({ mergeId: z.number().int() }),
  },
  'members/merge-reject': {
    input: z.object({ a: z.number().int().positive(), b: z.number().int().positive() }).strict(),
    output: ok,
  },
  'members/unmerge': { input: z.object({ mergeId: z.number().int().positive() }).strict(), output: ok },
  'members/merges': { input: none, output: z.array(mergeRecordSchema) },

  'members/grid': { input: memberGridRequestSchema, output: z.object({ rows: z.array(memberRowSchema) }) },
  'members/count': {
    input: z.object({ filter: memberFilterSchema.default({}) }).strict(),
    output: z.object({ count: z.number().int() }),
  },
  'members/overview': { input: none, output: memberOverviewSchema },
  'members/detail': {
    input: z
      .object({ id: z.number().int().positive(), ledgerLimit: z.number().int().min(1).max(1000).default(100) })
      .strict(),
    output: memberDetailSchema,
  },
  'members/points/adjust': {
    input: z
      .object({
        target: memberTargetSchema,
        kind: z.enum(['grant', 'deduct', 'redeem']),
        points: z.number().int().min(1).max(1_000_000),
        reason: z.string().trim().min(1).max(200),
      })
      .strict(),
    output: z.object({ members: z.number().int(), promoted: z.number().int() }),
  },
  'members/tags/update': {
    input: z
      .object({ target: memberTargetSchema, tag: z.string().trim().min(1).max(64), action: z.enum(['add', 'remove']) })
      .strict(),
    output: z.object({ members: z.number().int() }),
  },
  'members/export': {
    input: z
      .object({
        filter: memberFilterSchema.default({}),
        sort: memberSortSchema.default([]),
        columns: z.array(z.enum(memberColumns)).min(1).optional(),
        language: localeSchema.default('en'),
        /** Where to write; the workspace's exports folder when left out. */
        path: filePath.optional(),
      })
      .strict(),
    output: z.object({ path: z.string(), rows: z.number().int() }),
  },
  'members/recompute': { input: none, output: recomputeSummarySchema },
  'members/rules/get': { input: none, output: memberRulesSchema },
  'members/rules/set': { input: memberRulesSchema, output: memberRulesSchema },

  'kpi/dashboard': { input: kpiRequestSchema, output: kpiDashboardSchema },
  'kpi/goals/save': { input: kpiGoalInputSchema, output: kpiGoalSchema },
  'kpi/goals/delete': { input: z.object({ id: z.number().int().positive() }).strict(), output: ok },
  'kpi/settings/get': { input: none, output: kpiSettingsSchema },
  'kpi/settings/set': { input: kpiSettingsSchema, output: kpiSettingsSchema },

  'calendar/range': { input: calendarRangeRequestSchema, output: calendarViewSchema },
  'calendar/detail': { input: z.object({ ref: contentRefSchema }).strict(), output: contentDetailSchema },
  'calendar/item/create': {
    input: z
      .object({
        fields: contentFieldsSchema,
        /** Left out for an idea in the backlog. */
        timing: contentTimingSchema.nullable().default(null),
        status: z.enum(contentStatuses).default('draft'),
      })
      .strict(),
    output: contentItemSchema,
  },
  'calendar/item/update': {
    input: z
      .object({
        ref: contentRefSchema,
        fields: contentFieldsPatchSchema.optional(),
        /** null moves the item back to the backlog. */
        timing: contentTimingSchema.nullable().optional(),
      })
      .strict(),
    output: contentItemSchema,
  },
  /** Deletes a stored item; an occurrence of a series is skipped (recorded as cancelled). */
  'calendar/item/delete': { input: z.object({ ref: contentRefSchema }).strict(), output: ok },
  'calendar/performance/set': {
    input: z.object({ ref: contentRefSchema, performance: contentPerformanceSchema.partial().strict() }).strict(),
    output: contentItemSchema,
  },
  'calendar/review': {
    input: z
      .object({
        ref: contentRefSchema,
        action: z.enum(reviewActions),
        reviewer: z.string().trim().min(1).max(64),
        comment: z.string().max(2000).default(''),
        /** Required to approve while the text holds sensitive words. */
        acknowledgeHits: z.boolean().default(false),
      })
      .strict(),
    output: contentDetailSchema,
  },
  'calendar/series/create': {
    input: z
      .object({
        fields: contentFieldsSchema,
        timing: contentTimingSchema,
        rule: recurrenceSchema,
        status: z.enum(contentStatuses).default('draft'),
      })
      .strict(),
    output: contentSeriesSchema,
  },
  /** Edits the whole series; occurrences changed one by one keep their own changes. */
  'calendar/series/update': {
    input: z
      .object({
        id: z.number().int().positive(),
        fields: contentFieldsPatchSchema.optional(),
        timing: contentTimingSchema.optional(),
        rule: recurrenceSchema.optional(),
      })
      .strict(),
    output: contentSeriesSchema,
  },
  'calendar/series/delete': { input: z.object({ id: z.number().int().positive() }).strict(), output: ok },
  'calendar/settings/get': { input: none, output: calendarSettingsSchema },
  'calendar/settings/set': { input: calendarSettingsSchema, output: calendarSettingsSchema },
  'calendar/import': {
    input: z.object({ path: filePath, kind: z.enum(['items', 'performance']) }).strict(),
    output: z.object({
      file: z.string(),
      added: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
    }),
  },
  'calendar/export': {
    input: z
      .object({
        format: z.enum(['ics', 'csv']),
        from: localDateSchema.optional(),
        to: localDateSchema.optional(),
        language: localeSchema.default('en'),
        /** Where to write; the workspace's exports folder when left out. */
        path: filePath.optional(),
      })
      .strict(),
    output: z.object({ path: z.string(), items: z.number().int() }),
  },

  'crisis/board': { input: none, output: crisisBoardSchema },
  /** Runs monitoring over imported messages (default: the last 7 local days) and stores the alerts. */
  'crisis/scan': { input: scanRequestSchema, output: scanResultSchema },
  'crisis/alerts/update': {
    input: z.object({ id: z.number().int().positive(), status: z.enum(['open', 'acknowledged', 'resolved']) }).strict(),
    output: alertSchema,
  },
  'crisis/rules/list': { input: none, output: z.array(alertRuleSchema) },
  'crisis/rules/save': {
    input: z.object({ id: z.number().int().positive().optional(), rule: alertRuleInputSchema }).strict(),
    output: alertRuleSchema,
  },
  'crisis/rules/delete': { input: z.object({ id: z.number().int().positive() }).strict(), output: ok },
  'crisis/playbooks/save': {
    input: z.object({ id: z.number().int().positive().optional(), playbook: playbookInputSchema }).strict(),
    output: playbookSchema,
  },
  'crisis/playbooks/copy': { input: z.object({ id: z.number().int().positive() }).strict(), output: playbookSchema },
  'crisis/playbooks/delete': { input: z.object({ id: z.number().int().positive() }).strict(), output: ok },
  'crisis/incidents/start': {
    input: z
      .object({
        /** null starts a blank incident. */
        playbookId: z.number().int().positive().nullable(),
        title: z.string().trim().min(1).max(200),
        isDrill: z.boolean().default(false),
        alertId: z.number().int().positive().nullable().default(null),
        actor: z.string().trim().min(1).max(64),
      })
      .strict(),
    output: incidentSchema,
  },
  'crisis/incidents/get': { input: z.object({ id: z.number().int().positive() }).strict(), output: incidentSchema },
  'crisis/incidents/action': {
    input: z
      .object({
        incidentId: z.number().int().positive(),
        actionId: z.number().int().positive(),
        done: z.boolean().optional(),
        assignee: z.string().trim().max(64).nullable().optional(),
        note: z.string().max(2000).optional(),
        actor: z.string().trim().min(1).max(64),
      })
      .strict(),
    output: incidentSchema,
  },
  'crisis/incidents/assign': {
    input: z
      .object({
        incidentId: z.number().int().positive(),
        role: z.string().trim().min(1).max(60),
        person: z.string().trim().max(64),
        actor: z.string().trim().min(1).max(64),
      })
      .strict(),
    output: incidentSchema,
  },
  'crisis/incidents/note': {
    input: z
      .object({
        incidentId: z.number().int().positive(),
        kind: z.enum(['note', 'statement', 'action']).default('note'),
        text: z.string().trim().min(1).max(5000),
        actor: z.string().trim().min(1).max(64),
      })
      .strict(),
    output: incidentSchema,
  },
  'crisis/incidents/level': {
    input: z
      .object({
        incidentId: z.number().int().positive(),
        colour: warningColourSchema,
        level: responseLevelSchema,
        reason: z.string().trim().min(1).max(2000),
        actor: z.string().trim().min(1).max(64),
      })
      .strict(),
    output: incidentSchema,
  },
  'crisis/incidents/close': {
    input: z
      .object({
        incidentId: z.number().int().positive(),
        postmortem: postmortemInputSchema,
        actor: z.string().trim().min(1).max(64),
      })
      .strict(),
    output: incidentSchema,
  },

  'report/preview': { input: reportRequestSchema, output: reportPreviewSchema },
  /** Writes the PDF and/or the HTML (to the exports folder unless paths are given). */
  'report/save': {
    input: reportRequestSchema.extend({
      pdf: z.boolean().default(true),
      html: z.boolean().default(true),
      pdfPath: filePath.optional(),
      htmlPath: filePath.optional(),
    }),
    output: reportSaveResultSchema,
  },
  'report/branding/get': { input: none, output: brandingSchema },
  'report/branding/set': { input: brandingSchema, output: brandingSchema },

  'share/settings/get': { input: none, output: shareSettingsSchema },
  'share/settings/set': { input: shareSettingsSchema.strict(), output: shareSettingsSchema },
  /** Writes a dated bundle (report, exports, snapshot, manifest) into the share folder, atomically. */
  'share/publish': { input: publishRequestSchema, output: publishResultSchema },
  /** Bundles in the share folder (this workspace's, or every workspace's with all: true), newest first. */
  'share/bundles': {
    input: z.object({ folder: filePath.optional(), all: z.boolean().default(false) }).strict(),
    output: z.array(bundleBriefSchema),
  },
  /** Checks every file of a bundle against its manifest; refuses with the name of the first that fails. */
  'share/verify': { input: z.object({ bundle: filePath }).strict(), output: manifestSchema },
  /** Verifies, then restores the snapshot as a new workspace file and opens it. */
  'share/restore': {
    input: z.object({ bundle: filePath, to: filePath.optional() }).strict(),
    output: workspaceSummarySchema,
  },
  /** Every workspace in a folder (default: the recent list), read without locking or changing them. */
  'portfolio/list': { input: z.object({ folder: filePath.optional() }).strict(), output: z.array(portfolioRowSchema) },

  'lexicon/get': { input: none, output: z.array(sensitiveWordSchema) },
  /** Reads a word list file (one word per line, optional ",category"); replaces or adds to the list. */
  'lexicon/import': {
    input: z.object({ path: filePath, mode: z.enum(['replace', 'add']).default('add') }).strict(),
    output: z.object({ file: z.string(), words: z.number().int(), added: z.number().int() }),
  },
  'lexicon/export': {
    input: z.object({ path: filePath.optional() }).strict(),
    output: z.object({ path: z.string(), words: z.number().int() }),
  },
  'lexicon/set': {
    input: z.object({ words: z.array(sensitiveWordSchema).max(100_000) }).strict(),
    output: z.array(sensitiveWordSchema),
  },
} as const;

export type Api = typeof api;
export type Method = keyof Api;
export type Input<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = z.output<Api[M]['output']>;

export const methods = Object.keys(api) as Method[];

/**
 * True when `name` is a method of the contract.
 *
 * @example
 * isMethod('workspace/open') // true
 */
export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(api, name);
}

/** Events the services push to every connected UI. */
export type HearthEvent =
  | { type: 'workspace/changed'; path: string | null }
  | { type: 'workspace/updated'; path: string }
  | {
      type: 'import/progress';
      importId: string;
      bytesRead: number;
      totalBytes: number;
      records: number;
      elapsedMs: number;
    }
  | { type: 'data/changed'; path: string };

/** What every transport offers the renderer: a typed call and an event subscription. */
export interface HearthClient {
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  onEvent(listener: (event: HearthEvent) => void): () => void;
  /**
   * A path the services can read for a file the user picked or dropped: its own path in the
   * desktop app; in the browser host, a copy uploaded to the host's private uploads folder.
   */
  fileToPath(file: File): Promise<string>;
}

/** The envelope every transport carries a result in. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: HearthErrorData };
