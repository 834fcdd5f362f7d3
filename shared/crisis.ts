/**
 * Crisis contract types: four warning colours mapped to five response levels, playbooks with an
 * ordered checklist, incidents (real or drills) with a timeline and a post-mortem, and the
 * monitoring rules and alerts that suggest which playbook to start.
 */
import { z } from 'zod';
import { localeSchema } from './workspace';

export const warningColours = ['green', 'yellow', 'orange', 'red'] as const;
export type WarningColour = (typeof warningColours)[number];
export const warningColourSchema = z.enum(warningColours);

/** 1 daily monitoring · 2 risk communication · 3 plan activated · 4 cross-department · 5 full intervention. */
export const responseLevelSchema = z.number().int().min(1).max(5);
export type ResponseLevel = 1 | 2 | 3 | 4 | 5;

/** The seeds' mapping: green → 1, yellow → 2, orange → 3, red → 4 (5 is a red that needs everyone). */
export const levelForColour: Record<WarningColour, ResponseLevel> = { green: 1, yellow: 2, orange: 3, red: 4 };

/**
 * The colour a level implies.
 *
 * @example
 * colourForLevel(5) // 'red'
 */
export function colourForLevel(level: number): WarningColour {
  return level <= 1 ? 'green' : level === 2 ? 'yellow' : level === 3 ? 'orange' : 'red';
}

/** The more severe of two colours. */
export function worstColour(a: WarningColour, b: WarningColour): WarningColour {
  return warningColours.indexOf(a) >= warningColours.indexOf(b) ? a : b;
}

/** Roles the shipped playbooks use; playbooks may name others. */
export const suggestedRoles = [
  'incident_lead',
  'scribe',
  'spokesperson',
  'legal',
  'community_manager',
  'customer_service',
  'product',
  'tech',
] as const;

const text = (max: number) => z.string().trim().max(max);
const name = z.string().trim().min(1).max(120);
const role = z.string().trim().min(1).max(60);

export const playbookStepSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    role,
    /** Deadline in minutes after the incident starts (holding statement within 60, …). */
    dueMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 30),
    notes: text(2000).default(''),
  })
  .strict();
export type PlaybookStep = z.output<typeof playbookStepSchema>;

export const messageTemplateSchema = z.object({ name, text: z.string().max(5000) }).strict();
export type MessageTemplate = z.output<typeof messageTemplateSchema>;

/** What a playbook holds, as written by the user (or shipped). */
export const playbookInputSchema = z
  .object({
    name,
    scenario: text(2000).default(''),
    /** When to start it, in words (the alert rules that suggest it are separate). */
    triggers: text(2000).default(''),
    colour: warningColourSchema,
    level: responseLevelSchema,
    roles: z.array(role).max(20).default([]),
    steps: z.array(playbookStepSchema).min(1).max(100),
    templates: z.array(messageTemplateSchema).max(20).default([]),
    escalation: text(4000).default(''),
    locale: localeSchema,
  })
  .strict();
export type PlaybookInput = z.output<typeof playbookInputSchema>;

export const playbookSchema = playbookInputSchema.extend({
  id: z.number().int(),
  /** The shipped default it came from ('product-defect-surge'…), or null for the user's own. */
  builtinKey: z.string().nullable(),
  updatedAt: z.number().int(),
});
export type Playbook = z.output<typeof playbookSchema>;

/** One checklist action of an incident, copied from its playbook. */
export const incidentActionSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  role: z.string(),
  assignee: z.string().nullable(),
  /** UTC ms. */
  dueAt: z.number().int(),
  doneAt: z.number().int().nullable(),
  doneBy: z.string().nullable(),
  note: z.string(),
});
export type IncidentAction = z.output<typeof incidentActionSchema>;

export const incidentEventKinds = [
  'started',
  'detected',
  'action_done',
  'action_reopened',
  'assigned',
  'note',
  'level_changed',
  'statement',
  'action',
  'escalated',
  'resolved',
  'review',
  'closed',
] as const;
export type IncidentEventKind = (typeof incidentEventKinds)[number];

export const incidentEventSchema = z.object({
  id: z.number().int(),
  ts: z.number().int(),
  kind: z.string(),
  text: z.string(),
});
export type IncidentEvent = z.output<typeof incidentEventSchema>;

export const followUpSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    owner: text(60).default(''),
    due: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable()
      .default(null),
  })
  .strict();

export const postmortemInputSchema = z
  .object({
    summary: z.string().trim().min(1).max(10_000),
    impact: z
      .object({
        members: z.number().int().min(0).nullable(),
        messages: z.number().int().min(0).nullable(),
        /** Negative share of messages during the incident, 0–1. */
        negativeShare: z.number().min(0).max(1).nullable(),
        notes: text(4000).default(''),
      })
      .strict(),
    wentWell: text(10_000).default(''),
    toChange: text(10_000).default(''),
    followUps: z.array(followUpSchema).max(50).default([]),
  })
  .strict();
export type PostmortemInput = z.output<typeof postmortemInputSchema>;

export const incidentSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  playbookId: z.number().int().nullable(),
  playbookName: z.string().nullable(),
  colour: warningColourSchema,
  level: z.number().int(),
  status: z.enum(['open', 'closed']),
  isDrill: z.boolean(),
  startedAt: z.number().int(),
  closedAt: z.number().int().nullable(),
  /** The alert it was started from, if any. */
  alertId: z.number().int().nullable(),
  /** Who holds each role. */
  assignees: z.record(z.string(), z.string()),
  /** The playbook's message templates, copied when the incident started. */
  templates: z.array(messageTemplateSchema),
  actions: z.array(incidentActionSchema),
  events: z.array(incidentEventSchema),
  postmortem: postmortemInputSchema.extend({ timeline: z.array(incidentEventSchema) }).nullable(),
});
export type Incident = z.output<typeof incidentSchema>;

export const incidentBriefSchema = incidentSchema
  .pick({
    id: true,
    title: true,
    playbookName: true,
    colour: true,
    level: true,
    status: true,
    isDrill: true,
    startedAt: true,
    closedAt: true,
  })
  .extend({
    actionsDone: z.number().int(),
    actionsTotal: z.number().int(),
    /** Earliest due time among open actions, UTC ms. */
    nextDueAt: z.number().int().nullable(),
    overdue: z.number().int(),
  });
export type IncidentBrief = z.output<typeof incidentBriefSchema>;

export const alertRuleKinds = [
  'sensitive_words',
  'negative_share',
  'volume_swing',
  'complaint_burst',
  'churn_risk_rise',
] as const;
export type AlertRuleKind = (typeof alertRuleKinds)[number];

/** Thresholds per rule kind; every field has the seeds' value as default. */
export const alertRuleParamsSchema = z
  .object({
    /** sensitive_words: matching messages in the scanned period that raise the alert. */
    minMatches: z.number().int().min(1).max(1_000_000).default(1),
    /** negative_share: the seeds' intervention point, 30%. */
    negativeShare: z.number().min(0).max(1).default(0.3),
    /** negative_share / volume_swing: days or channels with fewer messages are not judged. */
    minMessages: z.number().int().min(1).max(1_000_000).default(20),
    /** volume_swing: ±10% of the baseline (the previous 28 days' daily mean). */
    swing: z.number().min(0).max(100).default(0.1),
    /** complaint_burst: complaints from one channel within `windowMinutes`. */
    burstCount: z.number().int().min(1).max(1_000_000).default(10),
    windowMinutes: z
      .number()
      .int()
      .min(5)
      .max(60 * 24 * 7)
      .default(120),
    /** churn_risk_rise: points of members at risk above the share recorded a week earlier. */
    riskRisePoints: z.number().min(0).max(100).default(5),
  })
  .strict();
export type AlertRuleParams = z.output<typeof alertRuleParamsSchema>;

export const alertRuleInputSchema = z
  .object({
    kind: z.enum(alertRuleKinds),
    name,
    enabled: z.boolean().default(true),
    colour: warningColourSchema,
    level: responseLevelSchema,
    params: alertRuleParamsSchema.default(alertRuleParamsSchema.parse({})),
    /** The shipped playbook to suggest ('product-defect-surge'…), or a playbook id. */
    playbook: z
      .union([z.string().max(60), z.number().int().positive()])
      .nullable()
      .default(null),
  })
  .strict();
export type AlertRuleInput = z.output<typeof alertRuleInputSchema>;
export const alertRuleSchema = alertRuleInputSchema.extend({ id: z.number().int() });
export type AlertRule = z.output<typeof alertRuleSchema>;

export const alertEvidenceSchema = z.object({
  activityId: z.number().int(),
  memberId: z.number().int().nullable(),
  memberName: z.string().nullable(),
  channel: z.string().nullable(),
  ts: z.number().int(),
  text: z.string(),
  /** The sensitive words or negative cues found, for highlighting. */
  words: z.array(z.string()),
});
export type AlertEvidence = z.output<typeof alertEvidenceSchema>;

export const alertSchema = z.object({
  id: z.number().int(),
  ruleId: z.number().int(),
  rule: z.enum(alertRuleKinds),
  name: z.string(),
  colour: warningColourSchema,
  level: z.number().int(),
  channel: z.string().nullable(),
  /** Local dates the alert covers. */
  from: z.string(),
  to: z.string(),
  count: z.number().int(),
  /**
   * The measured value and its baseline, by rule: negative_share — the worst day's negative share
   * (0–1) and the threshold; volume_swing — the signed change as a fraction (0.25 = +25%) and the
   * baseline's messages a day; complaint_burst — complaints in the worst window and the burst
   * threshold; sensitive_words — matching messages, no baseline; churn_risk_rise — the share at
   * risk now and a week earlier (0–1).
   */
  value: z.number().nullable(),
  baseline: z.number().nullable(),
  /** Human-readable reason, English (the UI words it from rule, value and baseline). */
  detail: z.string(),
  evidence: z.array(alertEvidenceSchema),
  suggestedPlaybookId: z.number().int().nullable(),
  status: z.enum(['open', 'acknowledged', 'resolved']),
  incidentId: z.number().int().nullable(),
  raisedAt: z.number().int(),
});
export type Alert = z.output<typeof alertSchema>;

export const scanRequestSchema = z
  .object({
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .strict();

export const scanResultSchema = z.object({
  from: z.string(),
  to: z.string(),
  messages: z.number().int(),
  alerts: z.array(alertSchema),
  elapsedMs: z.number(),
});
export type ScanResult = z.output<typeof scanResultSchema>;

/** The status board: the colour per channel and overall, from open alerts and incidents. */
export const crisisBoardSchema = z.object({
  overall: warningColourSchema,
  channels: z.array(z.object({ channel: z.string(), colour: warningColourSchema, alerts: z.number().int() })),
  alerts: z.array(alertSchema),
  openIncidents: z.array(incidentBriefSchema),
  pastIncidents: z.array(incidentBriefSchema),
  playbooks: z.array(playbookSchema),
  /** Negative share per local day over the last 30 days, for the board's sparkline. */
  sentiment: z.array(z.object({ day: z.string(), messages: z.number().int(), negative: z.number().int() })),
  lastScanAt: z.number().int().nullable(),
  now: z.number().int(),
});
export type CrisisBoard = z.output<typeof crisisBoardSchema>;
