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
  /** JSON array of strings. */
  tags: Generated<string>;
  created_at: number;
  batch_id: number | null;
  /** Set when this member was merged into another; such rows are hidden from lists. */
  merged_into: number | null;
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
}

export interface IncidentEventTable {
  id: Generated<number>;
  incident_id: number;
  ts: number;
  kind: string;
  text: string;
}

/** Active members per local day (one row per member and day), kept current at import. */
export interface MemberDailyTable {
  day: number;
  member_id: number;
  events: number;
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
  tbl: 'identity' | 'activity' | 'order' | 'survey_response';
  row_id: number;
}

export interface MergeDecisionTable {
  member_a: number;
  member_b: number;
  decision: 'rejected';
  decided_at: number;
}

export interface Database {
  setting: SettingTable;
  import_batch: ImportBatchTable;
  member: MemberTable;
  identity: IdentityTable;
  activity: ActivityTable;
  order: OrderTable;
  survey_response: SurveyResponseTable;
  content_item: ContentItemTable;
  incident: IncidentTable;
  incident_event: IncidentEventTable;
  member_daily: MemberDailyTable;
  activity_daily: ActivityDailyTable;
  import_mapping: ImportMappingTable;
  member_merge: MemberMergeTable;
  member_merge_row: MemberMergeRowTable;
  merge_decision: MergeDecisionTable;
}
