/**
 * The Kysely view of a workspace file. Times are UTC instants in integer milliseconds; `day`
 * columns are local calendar days in the workspace time zone, counted from 1970-01-01.
 */
import type { Generated } from 'kysely';

export interface SettingTable {
  key: string;
  /** JSON text. */
  value: string;
}

export interface ImportBatchTable {
  id: Generated<number>;
  file: string;
  format: string;
  sha256: string;
  started_at: number;
  finished_at: number | null;
  status: 'running' | 'done' | 'failed' | 'undone';
  /** JSON text: what the batch added. */
  counts: string;
  /** JSON text: the options the import ran with (mapping, date format, encoding). */
  options: Generated<string>;
}

export interface MemberTable {
  id: Generated<number>;
  display_name: string;
  first_seen: number | null;
  last_seen: number | null;
  created_at: number;
  batch_id: number | null;
  /** Set when this member was merged into another; such rows are hidden from lists. */
  merged_into: number | null;
  /** `sortKey(display_name)`, set when the member is created (a recompute fills any still NULL). */
  sort_key: string | null;
}

export interface IdentityTable {
  id: Generated<number>;
  member_id: number;
  source: string;
  external_id: string;
  handle: string | null;
  display_name: string | null;
  email: string | null;
  phone: string | null;
  batch_id: number | null;
}

export interface ActivityTable {
  id: Generated<number>;
  member_id: number;
  source: string;
  kind: string;
  ts: number;
  day: number;
  channel: string | null;
  external_id: string;
  text: string | null;
  value: number | null;
  batch_id: number | null;
  reply_to: string | null;
}

/** Someone an activity mentions (migration 0018): an identity of the activity's source. */
export interface ActivityMentionTable {
  activity_id: number;
  /** 1: `target` is a lower-cased handle (compared with lower(identity.handle)); 0: an external id. */
  by_handle: 0 | 1;
  target: string;
}

export interface OrderTable {
  id: Generated<number>;
  member_id: number;
  source: string;
  external_id: string;
  ts: number;
  day: number;
  amount: number;
  quantity: number | null;
  status: Generated<'paid' | 'cancelled'>;
  batch_id: number | null;
}

export interface SurveyResponseTable {
  id: Generated<number>;
  member_id: number;
  source: string;
  external_id: string;
  ts: number;
  day: number;
  score: number | null;
  /** JSON object of the other answers. */
  answers: Generated<string>;
  batch_id: number | null;
}

export interface ContentItemTable {
  id: Generated<number>;
  title: string;
  body: string | null;
  channel: string | null;
  owner: string | null;
  campaign: string | null;
  pillar: 'basic' | 'advanced' | 'cocreation' | null;
  format: 'video' | 'audio' | 'text' | 'activity' | null;
  origin: 'ugc' | 'pgc' | null;
  status: 'idea' | 'draft' | 'in_review' | 'approved' | 'scheduled' | 'published' | 'cancelled';
  scheduled_at: number | null;
  created_at: number;
  updated_at: number;
  duration_min: Generated<number>;
  all_day: Generated<0 | 1>;
  series_id: number | null;
  /** The occurrence's original local start ('YYYY-MM-DDTHH:mm') within its series. */
  occurrence: string | null;
  review_step: Generated<number>;
  high_value: Generated<0 | 1>;
  /** JSON array of local file paths. */
  attachments: Generated<string>;
  reach: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  conversions: number | null;
  participants: number | null;
  import_key: string | null;
}

export interface ContentSeriesTable {
  id: Generated<number>;
  title: string;
  body: Generated<string>;
  channel: string | null;
  owner: string | null;
  campaign: string | null;
  pillar: 'basic' | 'advanced' | 'cocreation' | null;
  format: 'video' | 'audio' | 'text' | 'activity' | null;
  origin: 'ugc' | 'pgc' | null;
  high_value: Generated<0 | 1>;
  attachments: Generated<string>;
  status: 'idea' | 'draft' | 'in_review' | 'approved' | 'scheduled' | 'published' | 'cancelled';
  start_local: string;
  duration_min: number;
  all_day: Generated<0 | 1>;
  /** JSON of shared/calendar.ts Recurrence. */
  rule: string;
  created_at: number;
  updated_at: number;
}

export interface ContentReviewTable {
  id: Generated<number>;
  item_id: number;
  action: 'submit' | 'approve' | 'request_changes' | 'schedule' | 'publish' | 'cancel' | 'reopen';
  step: number;
  step_name: string | null;
  reviewer: string;
  comment: Generated<string>;
  /** JSON array of acknowledged sensitive words. */
  acknowledged: Generated<string>;
  at: number;
}

export interface SensitiveWordTable {
  id: Generated<number>;
  word: string;
  category: Generated<string>;
}

export interface IncidentTable {
  id: Generated<number>;
  title: string;
  scenario: string | null;
  colour: 'green' | 'yellow' | 'orange' | 'red';
  level: number;
  status: 'open' | 'closed';
  is_drill: Generated<0 | 1>;
  started_at: number;
  closed_at: number | null;
  summary: string | null;
  playbook_id: number | null;
  playbook_name: string | null;
  alert_id: number | null;
  /** JSON object role → person. */
  assignees: Generated<string>;
  /** JSON array of the playbook's message templates, copied at start. */
  templates: Generated<string>;
  /** JSON of the post-mortem once closed. */
  postmortem: string | null;
}

export interface PlaybookTable {
  id: Generated<number>;
  builtin_key: string | null;
  name: string;
  locale: 'zh-CN' | 'en';
  colour: 'green' | 'yellow' | 'orange' | 'red';
  level: number;
  /** JSON: scenario, triggers, roles, steps, templates, escalation. */
  definition: string;
  updated_at: number;
}

export interface IncidentActionTable {
  id: Generated<number>;
  incident_id: number;
  position: number;
  title: string;
  role: string;
  assignee: string | null;
  due_at: number;
  done_at: number | null;
  done_by: string | null;
  note: Generated<string>;
}

export interface AlertRuleTable {
  id: Generated<number>;
  kind: 'sensitive_words' | 'negative_share' | 'volume_swing' | 'complaint_burst' | 'churn_risk_rise';
  name: string;
  enabled: Generated<0 | 1>;
  colour: 'green' | 'yellow' | 'orange' | 'red';
  level: number;
  params: string;
  playbook: string | null;
}

export interface AlertTable {
  id: Generated<number>;
  rule_id: number;
  scope_key: string;
  name: string;
  colour: 'green' | 'yellow' | 'orange' | 'red';
  level: number;
  channel: string | null;
  from_day: string;
  to_day: string;
  count: number;
  value: number | null;
  baseline: number | null;
  detail: string;
  evidence: string;
  status: Generated<'open' | 'acknowledged' | 'resolved'>;
  incident_id: number | null;
  raised_at: number;
  updated_at: number;
}

export interface CrisisSentimentDayTable {
  day: number;
  channel: string;
  messages: number;
  negative: number;
}

export interface CrisisRiskDayTable {
  day: number;
  at_risk: number;
  members: number;
}

export interface IncidentEventTable {
  id: Generated<number>;
  incident_id: number;
  ts: number;
  kind: string;
  text: string;
}

/** Active members per local day (one row per member and day), kept current at import. */
/** Events per local day and member, with a count per activity kind (see `memberDailyKindColumn`). */
export interface MemberDailyTable {
  day: number;
  member_id: number;
  events: number;
  k_message: Generated<number>;
  k_reply: Generated<number>;
  k_reaction: Generated<number>;
  k_join: Generated<number>;
  k_leave: Generated<number>;
  k_checkin: Generated<number>;
  k_ugc_post: Generated<number>;
  k_post: Generated<number>;
  k_comment: Generated<number>;
  k_event_attendance: Generated<number>;
  k_referral: Generated<number>;
  k_survey: Generated<number>;
  k_badge: Generated<number>;
  /** Reactions the member's messages, replies, posts and comments of that day received. */
  reactions_received: Generated<number>;
  /** Points the day earned under the workspace's points rules (see db/queries/member-points.ts). */
  points: Generated<number>;
}

/** A member's all-time sums over member_daily, kept current by triggers (migration 0012). */
export interface MemberTotalTable {
  member_id: number;
  points: number;
  active_days: number;
  first_day: number | null;
  last_day: number | null;
  reactions_received: number;
  referrals: number;
}

export interface MemberTagTable {
  member_id: number;
  tag: string;
}

/** Manual and derived points entries; activity earnings are computed from member_daily. */
export interface PointsEntryTable {
  id: Generated<number>;
  member_id: number;
  day: number;
  ts: number;
  kind: 'grant' | 'deduct' | 'redeem' | 'expire';
  /** Signed: positive for grants, negative otherwise. */
  points: number;
  reason: Generated<string>;
}

export interface MemberTierTable {
  member_id: number;
  tier: string;
  since_day: number;
  /** The latest review day this member's tier was checked for demotion at. */
  reviewed_day: number | null;
}

export interface MemberTierHistoryTable {
  id: Generated<number>;
  member_id: number;
  day: number;
  from_tier: string | null;
  to_tier: string;
  change: 'initial' | 'promoted' | 'demoted';
  /** The numbers of the change's explanation (shared/members/tiers.ts, tierHistoryExplanation). */
  earned: number;
  window_days: number;
  threshold: number;
  /** Demotions: the hold floor missed and the hysteresis (%) behind it. */
  floor: number | null;
  hysteresis: number | null;
}

/** A live member's name, sort key, search text and identity count, kept current at every write. */
export interface MemberLabelTable {
  member_id: number;
  name: string;
  /** `sortKey(name)`, copied from member. */
  sort_key: string | null;
  /** Lower-cased names, handles and emails, for quick search. */
  search: string;
  identities: number;
}

/** One row per member, rewritten by every recompute: what the member grid sorts and filters. */
export interface MemberScoreTable {
  member_id: number;
  tier: string;
  tier_rank: number;
  circle: string;
  lifecycle: string;
  rfm_r: number | null;
  rfm_f: number | null;
  rfm_m: number | null;
  rfm_segment: string | null;
  points_balance: number;
  points_window: number;
  active_days_30: number;
  influence: number;
  is_koc: number;
  p_alive: number | null;
  churn_risk: number | null;
  expected: number | null;
  clv: number | null;
  /** Hash of the other values as a recompute wrote them; NULL once anything else edits the row. */
  sig: number | null;
}

export interface MemberModelTable {
  id: number;
  computed_at: number;
  as_of_day: number;
  /** JSON text: the fitted models and counts of the last recompute. */
  summary: string;
}

/** Event counts per local day, source, channel and kind, kept current at import. */
export interface ActivityDailyTable {
  day: number;
  source: string;
  channel: string;
  kind: string;
  events: number;
}

export interface ImportMappingTable {
  format: string;
  /** The table's header row, normalised, so the same export layout finds its mapping again. */
  signature: string;
  /** JSON object: Hearth field → column. */
  mapping: string;
  date_format: string | null;
  updated_at: number;
}

export interface MemberMergeTable {
  id: Generated<number>;
  into_member_id: number;
  from_member_id: number;
  reason: string;
  merged_at: number;
  undone_at: number | null;
}

export interface MemberMergeRowTable {
  merge_id: number;
  tbl: 'identity' | 'activity' | 'order' | 'survey_response' | 'points_entry';
  row_id: number;
}

export interface MergeDecisionTable {
  member_a: number;
  member_b: number;
  decision: 'rejected';
  decided_at: number;
}

/** Derived by db/queries/kpi-cache.ts; see migrations 0005 and 0008. */
export interface KpiRetentionTable {
  join_month: number;
  horizon: number;
  reached_day: number;
  members: number;
}

export interface KpiDayTable {
  day: number;
  joins: number;
  spell_starts: number;
  spell_ends: number;
  first_paid: number;
  second_paid: number;
}

export interface KpiScoreSnapshotTable {
  id: number;
  stamp: string;
  snapshot: string;
}

export interface KpiSpellReturnTable {
  end_day: number;
  next_start: number;
  spells: number;
}

export interface KpiOrderDayTable {
  day: number;
  orders: number;
  amount: number;
}

export interface KpiSurveyDayTable {
  ts_day: number;
  day: number;
  score: number;
  responses: number;
}

/** Migration 0009: tier moves per local day (rebuilt on kpi_tier_cache's stamp). */
export interface KpiTierDayTable {
  day: number;
  tiered: number;
  promoted: number;
  demoted: number;
}

export interface KpiTierCacheTable {
  id: number;
  stamp: string;
  built_at: number;
}

/** Migration 0009: live members by local join day and their first identity's source. */
export interface KpiSourceDayTable {
  day: number;
  source: string;
  joins: number;
}

export interface KpiWindowDayTable {
  window_days: number;
  day: number;
  starts: number;
  ends: number;
}

export interface KpiMonthActiveTable {
  month_start: number;
  members: number;
}

export interface KpiCacheTable {
  id: number;
  stamp: string;
  built_at: number;
}

/** A KPI goal (migration 0007): days are local day numbers. */
export interface KpiGoalTable {
  id: Generated<number>;
  metric: string;
  target: number;
  due_day: number;
  horizon: 'short' | 'mid' | 'long';
  baseline: number | null;
  baseline_day: number;
  created_at: number;
}

export interface Database {
  setting: SettingTable;
  import_batch: ImportBatchTable;
  member: MemberTable;
  identity: IdentityTable;
  activity: ActivityTable;
  activity_mention: ActivityMentionTable;
  order: OrderTable;
  survey_response: SurveyResponseTable;
  content_item: ContentItemTable;
  content_series: ContentSeriesTable;
  content_review: ContentReviewTable;
  sensitive_word: SensitiveWordTable;
  incident: IncidentTable;
  incident_event: IncidentEventTable;
  playbook: PlaybookTable;
  incident_action: IncidentActionTable;
  alert_rule: AlertRuleTable;
  alert: AlertTable;
  crisis_sentiment_day: CrisisSentimentDayTable;
  crisis_risk_day: CrisisRiskDayTable;
  member_daily: MemberDailyTable;
  member_total: MemberTotalTable;
  activity_daily: ActivityDailyTable;
  import_mapping: ImportMappingTable;
  member_merge: MemberMergeTable;
  member_merge_row: MemberMergeRowTable;
  merge_decision: MergeDecisionTable;
  member_tag: MemberTagTable;
  points_entry: PointsEntryTable;
  member_tier: MemberTierTable;
  member_tier_history: MemberTierHistoryTable;
  member_score: MemberScoreTable;
  member_label: MemberLabelTable;
  member_model: MemberModelTable;
  kpi_retention: KpiRetentionTable;
  kpi_day: KpiDayTable;
  kpi_spell_return: KpiSpellReturnTable;
  kpi_window_day: KpiWindowDayTable;
  kpi_order_day: KpiOrderDayTable;
  kpi_survey_day: KpiSurveyDayTable;
  kpi_month_active: KpiMonthActiveTable;
  kpi_tier_day: KpiTierDayTable;
  kpi_tier_cache: KpiTierCacheTable;
  kpi_source_day: KpiSourceDayTable;
  kpi_cache: KpiCacheTable;
  kpi_score_snapshot: KpiScoreSnapshotTable;
  kpi_goal: KpiGoalTable;
}
