/**
 * Incidents: started from a playbook (its checklist copied with deadlines from the start), or
 * blank; actions ticked and assigned, notes and statements added, level raised or lowered with a
 * reason — every step on the timeline with its time — and closed with a post-mortem whose
 * timeline is filled from what was recorded. Drills run the same way, marked as drills.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  insertAction,
  insertIncident,
  insertIncidentEvent,
  listActions,
  listIncidentEvents,
  listIncidents,
  readAlert,
  readIncident,
  readPlaybook,
  setAlertStatus,
  writeAction,
  writeIncident,
  type IncidentRow,
} from '../../../db/queries/crisis';
import { type Incident, type IncidentBrief, type PostmortemInput, type WarningColour } from '../../../shared/crisis';
import {
  applyIncidentOp,
  checkPostmortem,
  IncidentTransitionError,
  incidentTimeline,
  levelChange,
  type IncidentOp,
} from '../../../shared/crisis/incident';
import { HearthError } from '../../../shared/errors';

function load(sqlite: BetterSqlite3.Database, id: number): IncidentRow {
  const incident = readIncident(sqlite, id);
  if (!incident) throw new HearthError('not_found', `No incident ${id}`, { incidentId: id });
  return incident;
}

function allow(incident: IncidentRow, op: IncidentOp): void {
  try {
    applyIncidentOp({ status: incident.status }, op);
  } catch (error) {
    if (!(error instanceof IncidentTransitionError)) throw error;
    throw new HearthError('incident_closed', `Incident ${incident.id} is ${incident.status}: ${error.message}`, {
      incidentId: incident.id,
      op,
    });
  }
}

/**
 * An incident as the contract shows it.
 *
 * @example
 * incidentView(sqlite, 3).actions.length // 8
 */
export function incidentView(sqlite: BetterSqlite3.Database, id: number): Incident {
  const incident = load(sqlite, id);
  const actions = listActions(sqlite, id);
  const events = listIncidentEvents(sqlite, id);
  return {
    id: incident.id,
    title: incident.title,
    playbookId: incident.playbookId,
    playbookName: incident.playbookName,
    colour: incident.colour,
    level: incident.level,
    status: incident.status,
    isDrill: incident.isDrill,
    startedAt: incident.startedAt,
    closedAt: incident.closedAt,
    alertId: incident.alertId,
    assignees: incident.assignees,
    templates: incident.templates,
    actions,
    events,
    postmortem: incident.postmortem ? { ...incident.postmortem, timeline: incidentTimeline(events, actions) } : null,
  };
}

/**
 * Incidents as list rows with their checklist progress.
 *
 * @example
 * incidentBriefs(sqlite, now).filter((i) => i.status === 'open')
 */
export function incidentBriefs(sqlite: BetterSqlite3.Database, now: number): IncidentBrief[] {
  return listIncidents(sqlite).map((i) => {
    const actions = listActions(sqlite, i.id);
    const open = actions.filter((a) => a.doneAt === null);
    return {
      id: i.id,
      title: i.title,
      playbookName: i.playbookName,
      colour: i.colour,
      level: i.level,
      status: i.status,
      isDrill: i.isDrill,
      startedAt: i.startedAt,
      closedAt: i.closedAt,
      actionsDone: actions.length - open.length,
      actionsTotal: actions.length,
      nextDueAt: open.length === 0 ? null : Math.min(...open.map((a) => a.dueAt)),
      overdue: i.status === 'open' ? open.filter((a) => a.dueAt < now).length : 0,
    };
  });
}

/**
 * Starts an incident from a playbook (or blank) and, when it answers an alert, links the two.
 *
 * @example
 * startIncident(sqlite, { playbookId: 2, title: '冷萃漏液投诉', isDrill: false, alertId: 5, actor: '小岚' }, now) // 7
 */
export function startIncident(
  sqlite: BetterSqlite3.Database,
  input: { playbookId: number | null; title: string; isDrill: boolean; alertId: number | null; actor: string },
  now: number,
): number {
  return sqlite.transaction(() => {
    const playbook = input.playbookId === null ? null : readPlaybook(sqlite, input.playbookId);
    if (input.playbookId !== null && !playbook) {
      throw new HearthError('not_found', `No playbook ${input.playbookId}`, { playbookId: input.playbookId });
    }
    const alert = input.alertId === null ? null : readAlert(sqlite, input.alertId);
    if (input.alertId !== null && !alert)
      throw new HearthError('not_found', `No alert ${input.alertId}`, { alertId: input.alertId });
    const colour: WarningColour = playbook?.colour ?? alert?.colour ?? 'yellow';
    const level = playbook?.level ?? alert?.level ?? 2;
    const id = insertIncident(sqlite, {
      title: input.title,
      scenario: playbook?.scenario ?? null,
      colour,
      level,
      isDrill: input.isDrill,
      startedAt: now,
      playbookId: playbook?.id ?? null,
      playbookName: playbook?.name ?? null,
      alertId: alert?.id ?? null,
      templates: playbook?.templates ?? [],
    });
    playbook?.steps.forEach((step, position) =>
      insertAction(sqlite, id, position, { title: step.title, role: step.role, dueAt: now + step.dueMinutes * 60_000 }),
    );
    const how = playbook ? `from playbook "${playbook.name}"` : 'without a playbook';
    insertIncidentEvent(
      sqlite,
      id,
      now,
      'started',
      `${input.actor} started ${input.isDrill ? 'a DRILL ' : ''}${how} (${colour} / level ${level})`,
    );
    if (alert) {
      insertIncidentEvent(sqlite, id, now, 'detected', `Alert "${alert.name}": ${alert.detail}`);
      if (!input.isDrill) setAlertStatus(sqlite, alert.id, 'acknowledged', id, now);
    }
    return id;
  })();
}

/**
 * Ticks, unticks, assigns or annotates one checklist action.
 *
 * @example
 * updateAction(sqlite, { incidentId: 7, actionId: 31, done: true, actor: '小岚' }, now)
 */
export function updateAction(
  sqlite: BetterSqlite3.Database,
  input: {
    incidentId: number;
    actionId: number;
    done?: boolean | undefined;
    assignee?: string | null | undefined;
    note?: string | undefined;
    actor: string;
  },
  now: number,
): void {
  sqlite.transaction(() => {
    const incident = load(sqlite, input.incidentId);
    const action = listActions(sqlite, incident.id).find((a) => a.id === input.actionId);
    if (!action)
      throw new HearthError('not_found', `Incident ${incident.id} has no action ${input.actionId}`, {
        actionId: input.actionId,
      });
    let next = { ...action };
    if (input.done !== undefined && input.done !== (action.doneAt !== null)) {
      allow(incident, input.done ? 'tick' : 'untick');
      next = input.done ? { ...next, doneAt: now, doneBy: input.actor } : { ...next, doneAt: null, doneBy: null };
      insertIncidentEvent(
        sqlite,
        incident.id,
        now,
        input.done ? 'action_done' : 'action_reopened',
        `${input.actor}: ${action.title}`,
      );
    }
    if (input.assignee !== undefined && (input.assignee || null) !== action.assignee) {
      allow(incident, 'assign');
      next = { ...next, assignee: input.assignee || null };
      insertIncidentEvent(
        sqlite,
        incident.id,
        now,
        'assigned',
        `${input.actor}: "${action.title}" → ${next.assignee ?? '—'}`,
      );
    }
    if (input.note !== undefined && input.note !== action.note) {
      allow(incident, 'note');
      next = { ...next, note: input.note };
    }
    writeAction(sqlite, next);
  })();
}

/**
 * Names who holds a role (an empty name clears it).
 *
 * @example
 * assignRole(sqlite, { incidentId: 7, role: 'spokesperson', person: '阿杰', actor: '小岚' }, now)
 */
export function assignRole(
  sqlite: BetterSqlite3.Database,
  input: { incidentId: number; role: string; person: string; actor: string },
  now: number,
): void {
  sqlite.transaction(() => {
    const incident = load(sqlite, input.incidentId);
    allow(incident, 'assign');
    const assignees = { ...incident.assignees };
    if (input.person) assignees[input.role] = input.person;
    else delete assignees[input.role];
    writeIncident(sqlite, { ...incident, assignees });
    insertIncidentEvent(sqlite, incident.id, now, 'assigned', `${input.actor}: ${input.role} → ${input.person || '—'}`);
  })();
}

/**
 * Adds a note, a public statement or an action taken to the timeline.
 *
 * @example
 * addNote(sqlite, { incidentId: 7, kind: 'statement', text: '已在群内发布致歉声明', actor: '阿杰' }, now)
 */
export function addNote(
  sqlite: BetterSqlite3.Database,
  input: { incidentId: number; kind: 'note' | 'statement' | 'action'; text: string; actor: string },
  now: number,
): void {
  const incident = load(sqlite, input.incidentId);
  allow(incident, 'note');
  insertIncidentEvent(sqlite, incident.id, now, input.kind, `${input.actor}: ${input.text}`);
}

/**
 * Raises or lowers the colour and level, with the reason on the timeline.
 *
 * @example
 * changeLevel(sqlite, { incidentId: 7, colour: 'red', level: 4, reason: '媒体开始报道', actor: '小岚' }, now)
 */
export function changeLevel(
  sqlite: BetterSqlite3.Database,
  input: { incidentId: number; colour: WarningColour; level: number; reason: string; actor: string },
  now: number,
): void {
  sqlite.transaction(() => {
    const incident = load(sqlite, input.incidentId);
    allow(incident, 'level');
    let change: string;
    try {
      change = levelChange(
        { colour: incident.colour, level: incident.level },
        { colour: input.colour, level: input.level },
      );
    } catch (error) {
      throw new HearthError('invalid_argument', error instanceof Error ? error.message : String(error), {
        field: 'level',
      });
    }
    writeIncident(sqlite, { ...incident, colour: input.colour, level: input.level });
    insertIncidentEvent(
      sqlite,
      incident.id,
      now,
      'level_changed',
      `${input.actor} ${change} ${incident.colour} / ${incident.level} → ${input.colour} / ${input.level}: ${input.reason}`,
    );
  })();
}

/**
 * Closes an incident with its post-mortem; the alert it answered is resolved.
 *
 * @example
 * closeIncident(sqlite, { incidentId: 7, postmortem, actor: '小岚' }, now)
 */
export function closeIncident(
  sqlite: BetterSqlite3.Database,
  input: { incidentId: number; postmortem: PostmortemInput; actor: string },
  now: number,
): void {
  sqlite.transaction(() => {
    const incident = load(sqlite, input.incidentId);
    allow(incident, 'close');
    const missing = checkPostmortem(input.postmortem);
    if (missing.length > 0) {
      throw new HearthError('invalid_argument', `The post-mortem needs: ${missing.join(', ')}`, {
        issues: missing.map((path) => ({ path: `postmortem.${path}`, message: 'required' })),
      });
    }
    writeIncident(sqlite, { ...incident, status: 'closed', closedAt: now, postmortem: input.postmortem });
    insertIncidentEvent(sqlite, incident.id, now, 'closed', `${input.actor} closed the incident with a post-mortem`);
    if (incident.alertId !== null && !incident.isDrill && readAlert(sqlite, incident.alertId)) {
      setAlertStatus(sqlite, incident.alertId, 'resolved', undefined, now);
    }
  })();
}
