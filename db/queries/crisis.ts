/**
 * Crisis tables (migrations 0001 and 0011): playbooks, incidents with their checklist and
 * timeline, alert rules, alerts, and what scans measured per day. JSON columns are parsed with
 * the contract's schemas, so a hand-edited file fails loudly instead of feeding the UI garbage.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import {
  alertEvidenceSchema,
  alertRuleParamsSchema,
  incidentEventSchema,
  messageTemplateSchema,
  playbookStepSchema,
  postmortemInputSchema,
  type Alert,
  type AlertEvidence,
  type AlertRule,
  type AlertRuleKind,
  type IncidentAction,
  type IncidentEvent,
  type MessageTemplate,
  type Playbook,
  type PlaybookInput,
  type PostmortemInput,
  type WarningColour,
} from '../../shared/crisis';

const definitionSchema = z.object({
  scenario: z.string(),
  triggers: z.string(),
  roles: z.array(z.string()),
  steps: z.array(playbookStepSchema),
  templates: z.array(messageTemplateSchema),
  escalation: z.string(),
});

interface PlaybookSql {
  id: number;
  builtin_key: string | null;
  name: string;
  locale: 'zh-CN' | 'en';
  colour: WarningColour;
  level: number;
  definition: string;
  updated_at: number;
}

const toPlaybook = (r: PlaybookSql): Playbook => {
  const d = definitionSchema.parse(JSON.parse(r.definition));
  return {
    id: r.id,
    builtinKey: r.builtin_key,
    name: r.name,
    locale: r.locale,
    colour: r.colour,
    level: r.level,
    ...d,
    updatedAt: r.updated_at,
  };
};

const definitionOf = (p: PlaybookInput): string =>
  JSON.stringify({
    scenario: p.scenario,
    triggers: p.triggers,
    roles: p.roles,
    steps: p.steps,
    templates: p.templates,
    escalation: p.escalation,
  });

/**
 * Every playbook, shipped ones first, then by name.
 *
 * @example
 * listPlaybooks(sqlite).map((p) => p.builtinKey) // ['koc-inappropriate-remarks', …, null]
 */
export function listPlaybooks(sqlite: BetterSqlite3.Database): Playbook[] {
  return sqlite
    .prepare<[], PlaybookSql>('SELECT * FROM playbook ORDER BY builtin_key IS NULL, id')
    .all()
    .map(toPlaybook);
}

/**
 * One playbook, or undefined.
 *
 * @example
 * readPlaybook(sqlite, 2)?.steps.length // 8
 */
export function readPlaybook(sqlite: BetterSqlite3.Database, id: number): Playbook | undefined {
  const row = sqlite.prepare<[number], PlaybookSql>('SELECT * FROM playbook WHERE id = ?').get(id);
  return row && toPlaybook(row);
}

/**
 * Inserts a playbook (a shipped one carries its key) and returns its id.
 *
 * @example
 * insertPlaybook(sqlite, input, 'product-defect-surge', now) // 2
 */
export function insertPlaybook(
  sqlite: BetterSqlite3.Database,
  p: PlaybookInput,
  builtinKey: string | null,
  now: number,
): number {
  const result = sqlite
    .prepare(
      'INSERT INTO playbook (builtin_key, name, locale, colour, level, definition, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(builtinKey, p.name, p.locale, p.colour, p.level, definitionOf(p), now);
  return Number(result.lastInsertRowid);
}

/**
 * Rewrites a playbook; a shipped one edited by the user keeps its key (it still answers to the
 * alert rules that suggest it).
 *
 * @example
 * updatePlaybook(sqlite, 2, { ...input, level: 4 }, now);
 */
export function updatePlaybook(sqlite: BetterSqlite3.Database, id: number, p: PlaybookInput, now: number): void {
  sqlite
    .prepare(
      'UPDATE playbook SET name = ?, locale = ?, colour = ?, level = ?, definition = ?, updated_at = ? WHERE id = ?',
    )
    .run(p.name, p.locale, p.colour, p.level, definitionOf(p), now, id);
}

/**
 * Deletes a playbook; incidents run from it keep their copy of the checklist.
 *
 * @example
 * deletePlaybook(sqlite, 7);
 */
export function deletePlaybook(sqlite: BetterSqlite3.Database, id: number): void {
  sqlite.prepare('DELETE FROM playbook WHERE id = ?').run(id);
}

/**
 * The playbook a shipped key names, or undefined.
 *
 * @example
 * playbookIdByKey(sqlite, 'product-defect-surge') // 2
 */
export function playbookIdByKey(sqlite: BetterSqlite3.Database, key: string): number | undefined {
  return sqlite
    .prepare<[string], { id: number }>('SELECT id FROM playbook WHERE builtin_key = ? ORDER BY id LIMIT 1')
    .get(key)?.id;
}

/** An incident row with its JSON columns parsed. */
export interface IncidentRow {
  id: number;
  title: string;
  colour: WarningColour;
  level: number;
  status: 'open' | 'closed';
  isDrill: boolean;
  startedAt: number;
  closedAt: number | null;
  playbookId: number | null;
  playbookName: string | null;
  alertId: number | null;
  assignees: Record<string, string>;
  templates: MessageTemplate[];
  postmortem: PostmortemInput | null;
}

interface IncidentSql {
  id: number;
  title: string;
  colour: WarningColour;
  level: number;
  status: 'open' | 'closed';
  is_drill: number;
  started_at: number;
  closed_at: number | null;
  playbook_id: number | null;
  playbook_name: string | null;
  alert_id: number | null;
  assignees: string;
  templates: string;
  postmortem: string | null;
}

const INCIDENT_COLUMNS =
  'id, title, colour, level, status, is_drill, started_at, closed_at, playbook_id, playbook_name, alert_id, assignees, templates, postmortem';

const toIncident = (r: IncidentSql): IncidentRow => ({
  id: r.id,
  title: r.title,
  colour: r.colour,
  level: r.level,
  status: r.status,
  isDrill: r.is_drill === 1,
  startedAt: r.started_at,
  closedAt: r.closed_at,
  playbookId: r.playbook_id,
  playbookName: r.playbook_name,
  alertId: r.alert_id,
  assignees: z.record(z.string(), z.string()).parse(JSON.parse(r.assignees)),
  templates: z.array(messageTemplateSchema).parse(JSON.parse(r.templates)),
  postmortem: r.postmortem === null ? null : postmortemInputSchema.parse(JSON.parse(r.postmortem)),
});

/**
 * Incidents, newest first.
 *
 * @example
 * listIncidents(sqlite).filter((i) => i.status === 'open')
 */
export function listIncidents(sqlite: BetterSqlite3.Database): IncidentRow[] {
  return sqlite
    .prepare<[], IncidentSql>(`SELECT ${INCIDENT_COLUMNS} FROM incident ORDER BY started_at DESC, id DESC`)
    .all()
    .map(toIncident);
}

/**
 * One incident, or undefined.
 *
 * @example
 * readIncident(sqlite, 3)?.status // 'open'
 */
export function readIncident(sqlite: BetterSqlite3.Database, id: number): IncidentRow | undefined {
  const row = sqlite.prepare<[number], IncidentSql>(`SELECT ${INCIDENT_COLUMNS} FROM incident WHERE id = ?`).get(id);
  return row && toIncident(row);
}

/**
 * Inserts an incident and returns its id.
 *
 * @example
 * insertIncident(sqlite, { title: '新品漏液投诉', colour: 'orange', level: 3, isDrill: false, startedAt: now, playbookId: 2, playbookName: '产品缺陷投诉激增', alertId: 5, templates: [] })
 */
export function insertIncident(
  sqlite: BetterSqlite3.Database,
  i: Pick<
    IncidentRow,
    'title' | 'colour' | 'level' | 'isDrill' | 'startedAt' | 'playbookId' | 'playbookName' | 'alertId' | 'templates'
  > & {
    scenario: string | null;
  },
): number {
  const result = sqlite
    .prepare(
      `INSERT INTO incident (title, scenario, colour, level, status, is_drill, started_at, playbook_id, playbook_name, alert_id, templates)
       VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      i.title,
      i.scenario,
      i.colour,
      i.level,
      i.isDrill ? 1 : 0,
      i.startedAt,
      i.playbookId,
      i.playbookName,
      i.alertId,
      JSON.stringify(i.templates),
    );
  return Number(result.lastInsertRowid);
}

/**
 * Updates an incident's colour, level, status, assignees and post-mortem.
 *
 * @example
 * writeIncident(sqlite, { ...incident, level: 4, colour: 'red' });
 */
export function writeIncident(sqlite: BetterSqlite3.Database, i: IncidentRow): void {
  sqlite
    .prepare(
      `UPDATE incident SET colour = ?, level = ?, status = ?, closed_at = ?, assignees = ?, postmortem = ?, summary = ?
       WHERE id = ?`,
    )
    .run(
      i.colour,
      i.level,
      i.status,
      i.closedAt,
      JSON.stringify(i.assignees),
      i.postmortem === null ? null : JSON.stringify(i.postmortem),
      i.postmortem?.summary ?? null,
      i.id,
    );
}

interface ActionSql {
  id: number;
  title: string;
  role: string;
  assignee: string | null;
  due_at: number;
  done_at: number | null;
  done_by: string | null;
  note: string;
}

/**
 * An incident's checklist in playbook order.
 *
 * @example
 * listActions(sqlite, 3).filter((a) => a.doneAt === null).length // 6
 */
export function listActions(sqlite: BetterSqlite3.Database, incidentId: number): IncidentAction[] {
  return sqlite
    .prepare<[number], ActionSql>(
      'SELECT id, title, role, assignee, due_at, done_at, done_by, note FROM incident_action WHERE incident_id = ? ORDER BY position, id',
    )
    .all(incidentId)
    .map((r) => ({
      id: r.id,
      title: r.title,
      role: r.role,
      assignee: r.assignee,
      dueAt: r.due_at,
      doneAt: r.done_at,
      doneBy: r.done_by,
      note: r.note,
    }));
}

/**
 * Adds a checklist action.
 *
 * @example
 * insertAction(sqlite, 3, 0, { title: '发布首条回应', role: 'spokesperson', dueAt: start + 3_600_000 });
 */
export function insertAction(
  sqlite: BetterSqlite3.Database,
  incidentId: number,
  position: number,
  a: { title: string; role: string; dueAt: number; assignee?: string | null },
): void {
  sqlite
    .prepare(
      'INSERT INTO incident_action (incident_id, position, title, role, assignee, due_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(incidentId, position, a.title, a.role, a.assignee ?? null, a.dueAt);
}

/**
 * Rewrites one action's assignee, completion and note.
 *
 * @example
 * writeAction(sqlite, { ...action, doneAt: now, doneBy: '小岚' });
 */
export function writeAction(sqlite: BetterSqlite3.Database, a: IncidentAction): void {
  sqlite
    .prepare('UPDATE incident_action SET assignee = ?, done_at = ?, done_by = ?, note = ? WHERE id = ?')
    .run(a.assignee, a.doneAt, a.doneBy, a.note, a.id);
}

/**
 * An incident's timeline, oldest first.
 *
 * @example
 * listIncidentEvents(sqlite, 3)[0].kind // 'started'
 */
export function listIncidentEvents(sqlite: BetterSqlite3.Database, incidentId: number): IncidentEvent[] {
  return sqlite
    .prepare<[number], IncidentEvent>(
      'SELECT id, ts, kind, text FROM incident_event WHERE incident_id = ? ORDER BY ts, id',
    )
    .all(incidentId)
    .map((e) => incidentEventSchema.parse(e));
}

/**
 * Records one timeline event.
 *
 * @example
 * insertIncidentEvent(sqlite, 3, now, 'level_changed', '橙色三级 → 红色四级：媒体开始报道');
 */
export function insertIncidentEvent(
  sqlite: BetterSqlite3.Database,
  incidentId: number,
  ts: number,
  kind: string,
  text: string,
): void {
  sqlite
    .prepare('INSERT INTO incident_event (incident_id, ts, kind, text) VALUES (?, ?, ?, ?)')
    .run(incidentId, ts, kind, text);
}

interface RuleSql {
  id: number;
  kind: AlertRuleKind;
  name: string;
  enabled: number;
  colour: WarningColour;
  level: number;
  params: string;
  playbook: string | null;
}

const toRule = (r: RuleSql): AlertRule => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  enabled: r.enabled === 1,
  colour: r.colour,
  level: r.level,
  params: alertRuleParamsSchema.parse(JSON.parse(r.params)),
  playbook: r.playbook === null ? null : /^\d+$/.test(r.playbook) ? Number(r.playbook) : r.playbook,
});

/**
 * The alert rules.
 *
 * @example
 * listAlertRules(sqlite).map((r) => r.kind) // ['sensitive_words', 'negative_share', …]
 */
export function listAlertRules(sqlite: BetterSqlite3.Database): AlertRule[] {
  return sqlite.prepare<[], RuleSql>('SELECT * FROM alert_rule ORDER BY id').all().map(toRule);
}

/**
 * Inserts or rewrites a rule; returns its id.
 *
 * @example
 * saveAlertRule(sqlite, undefined, { kind: 'negative_share', name: '负面情绪占比', enabled: true, colour: 'orange', level: 3, params, playbook: 'product-defect-surge' }) // 2
 */
export function saveAlertRule(
  sqlite: BetterSqlite3.Database,
  id: number | undefined,
  r: Omit<AlertRule, 'id'>,
): number {
  const values = [
    r.kind,
    r.name,
    r.enabled ? 1 : 0,
    r.colour,
    r.level,
    JSON.stringify(r.params),
    r.playbook === null ? null : String(r.playbook),
  ];
  if (id === undefined) {
    return Number(
      sqlite
        .prepare(
          'INSERT INTO alert_rule (kind, name, enabled, colour, level, params, playbook) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(...values).lastInsertRowid,
    );
  }
  sqlite
    .prepare(
      'UPDATE alert_rule SET kind = ?, name = ?, enabled = ?, colour = ?, level = ?, params = ?, playbook = ? WHERE id = ?',
    )
    .run(...values, id);
  return id;
}

/**
 * Deletes a rule and its alerts.
 *
 * @example
 * deleteAlertRule(sqlite, 4);
 */
export function deleteAlertRule(sqlite: BetterSqlite3.Database, id: number): void {
  sqlite.prepare('DELETE FROM alert_rule WHERE id = ?').run(id);
}

interface AlertSql {
  id: number;
  rule_id: number;
  kind: AlertRuleKind;
  name: string;
  colour: WarningColour;
  level: number;
  channel: string | null;
  from_day: string;
  to_day: string;
  count: number;
  value: number | null;
  baseline: number | null;
  detail: string;
  evidence: string;
  status: Alert['status'];
  incident_id: number | null;
  raised_at: number;
  playbook: string | null;
}

/** An alert as stored, before the suggested playbook is resolved to an id. */
export type AlertRow = Omit<Alert, 'suggestedPlaybookId'> & { playbook: string | null };

const ALERT_SELECT = `SELECT a.id, a.rule_id, r.kind, a.name, a.colour, a.level, a.channel, a.from_day, a.to_day, a.count,
  a.value, a.baseline, a.detail, a.evidence, a.status, a.incident_id, a.raised_at, r.playbook
  FROM alert a JOIN alert_rule r ON r.id = a.rule_id`;

const toAlert = (r: AlertSql): AlertRow => ({
  id: r.id,
  ruleId: r.rule_id,
  rule: r.kind,
  name: r.name,
  colour: r.colour,
  level: r.level,
  channel: r.channel,
  from: r.from_day,
  to: r.to_day,
  count: r.count,
  value: r.value,
  baseline: r.baseline,
  detail: r.detail,
  evidence: z.array(alertEvidenceSchema).parse(JSON.parse(r.evidence)),
  status: r.status,
  incidentId: r.incident_id,
  raisedAt: r.raised_at,
  playbook: r.playbook,
});

/**
 * Alerts, most severe and newest first; `statuses` limits which.
 *
 * @example
 * listAlerts(sqlite, ['open', 'acknowledged']).length // 3
 */
export function listAlerts(sqlite: BetterSqlite3.Database, statuses?: readonly Alert['status'][]): AlertRow[] {
  const where = statuses ? `WHERE a.status IN (${statuses.map(() => '?').join(', ')})` : '';
  return sqlite
    .prepare<string[], AlertSql>(`${ALERT_SELECT} ${where} ORDER BY a.level DESC, a.raised_at DESC, a.id DESC`)
    .all(...(statuses ?? []))
    .map(toAlert);
}

/**
 * One alert, or undefined.
 *
 * @example
 * readAlert(sqlite, 5)?.rule // 'complaint_burst'
 */
export function readAlert(sqlite: BetterSqlite3.Database, id: number): AlertRow | undefined {
  const row = sqlite.prepare<[number], AlertSql>(`${ALERT_SELECT} WHERE a.id = ?`).get(id);
  return row && toAlert(row);
}

/** What a scan found for one rule and scope. */
export interface AlertFinding {
  ruleId: number;
  scopeKey: string;
  name: string;
  colour: WarningColour;
  level: number;
  channel: string | null;
  from: string;
  to: string;
  count: number;
  value: number | null;
  baseline: number | null;
  detail: string;
  evidence: AlertEvidence[];
}

/**
 * Stores a finding: a new alert, or an update of the alert with the same rule and scope (its
 * status and incident kept, so a re-scan does not reopen what someone resolved). Returns its id.
 *
 * @example
 * upsertAlert(sqlite, finding, now) // 5
 */
export function upsertAlert(sqlite: BetterSqlite3.Database, f: AlertFinding, now: number): number {
  sqlite
    .prepare(
      `INSERT INTO alert (rule_id, scope_key, name, colour, level, channel, from_day, to_day, count, value, baseline, detail, evidence, raised_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (rule_id, scope_key) DO UPDATE SET name = excluded.name, colour = excluded.colour, level = excluded.level,
         count = excluded.count, value = excluded.value, baseline = excluded.baseline, detail = excluded.detail,
         evidence = excluded.evidence, updated_at = excluded.updated_at`,
    )
    .run(
      f.ruleId,
      f.scopeKey,
      f.name,
      f.colour,
      f.level,
      f.channel,
      f.from,
      f.to,
      f.count,
      f.value,
      f.baseline,
      f.detail,
      JSON.stringify(f.evidence),
      now,
      now,
    );
  return (
    sqlite
      .prepare<[number, string], { id: number }>('SELECT id FROM alert WHERE rule_id = ? AND scope_key = ?')
      .get(f.ruleId, f.scopeKey)?.id ?? 0
  );
}

/**
 * Sets an alert's status (and the incident started from it).
 *
 * @example
 * setAlertStatus(sqlite, 5, 'acknowledged', null, now);
 */
export function setAlertStatus(
  sqlite: BetterSqlite3.Database,
  id: number,
  status: Alert['status'],
  incidentId: number | null | undefined,
  now: number,
): void {
  if (incidentId === undefined) {
    sqlite.prepare('UPDATE alert SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
  } else {
    sqlite
      .prepare('UPDATE alert SET status = ?, incident_id = ?, updated_at = ? WHERE id = ?')
      .run(status, incidentId, now, id);
  }
}

/**
 * Replaces the sentiment counts of the scanned days.
 *
 * @example
 * writeSentimentDays(sqlite, 20600, 20606, [{ day: 20605, channel: '微信群', messages: 120, negative: 41 }]);
 */
export function writeSentimentDays(
  sqlite: BetterSqlite3.Database,
  fromDay: number,
  toDay: number,
  rows: readonly { day: number; channel: string; messages: number; negative: number }[],
): void {
  sqlite.prepare('DELETE FROM crisis_sentiment_day WHERE day BETWEEN ? AND ?').run(fromDay, toDay);
  const insert = sqlite.prepare(
    'INSERT INTO crisis_sentiment_day (day, channel, messages, negative) VALUES (?, ?, ?, ?)',
  );
  for (const r of rows) insert.run(r.day, r.channel, r.messages, r.negative);
}

/**
 * Messages and negative messages per day over all channels, for days in [fromDay, toDay].
 *
 * @example
 * sentimentByDay(sqlite, 20577, 20606) // [{ day: 20605, messages: 310, negative: 66 }]
 */
export function sentimentByDay(
  sqlite: BetterSqlite3.Database,
  fromDay: number,
  toDay: number,
): { day: number; messages: number; negative: number }[] {
  return sqlite
    .prepare<[number, number], { day: number; messages: number; negative: number }>(
      'SELECT day, sum(messages) AS messages, sum(negative) AS negative FROM crisis_sentiment_day WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day',
    )
    .all(fromDay, toDay);
}

/**
 * Records the members at churn risk on a day.
 *
 * @example
 * writeRiskDay(sqlite, 20606, 412, 5230);
 */
export function writeRiskDay(sqlite: BetterSqlite3.Database, day: number, atRisk: number, members: number): void {
  sqlite
    .prepare(
      'INSERT INTO crisis_risk_day (day, at_risk, members) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET at_risk = excluded.at_risk, members = excluded.members',
    )
    .run(day, atRisk, members);
}

/**
 * The recorded risk shares, oldest first.
 *
 * @example
 * riskHistory(sqlite) // [{ day: 20599, share: 0.071 }, …]
 */
export function riskHistory(sqlite: BetterSqlite3.Database): { day: number; share: number }[] {
  return sqlite
    .prepare<[], { day: number; share: number }>(
      'SELECT day, CAST(at_risk AS REAL) / members AS share FROM crisis_risk_day WHERE members > 0 ORDER BY day',
    )
    .all();
}
