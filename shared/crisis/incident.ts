/**
 * The incident state machine as plain functions: which operations an open or closed incident
 * allows, what a level change is, what a post-mortem still lacks, and the timeline it records.
 * The service layer calls these before writing, so the rules live in one tested place.
 */
import type { IncidentAction, IncidentEvent, PostmortemInput, WarningColour } from '../crisis';
import { HearthError } from '../errors';

export const incidentOps = ['tick', 'untick', 'assign', 'note', 'level', 'close', 'reopen'] as const;
export type IncidentOp = (typeof incidentOps)[number];
export type IncidentStatus = 'open' | 'closed';

/** A closed incident still takes notes (a late fact for the record) and can be reopened. */
const closedOps: readonly IncidentOp[] = ['note', 'reopen'];
const openOps: readonly IncidentOp[] = incidentOps.filter((op) => op !== 'reopen');

/**
 * An operation the incident's status does not allow. Crosses boundaries as 'invalid_argument'
 * with the status and operation in `details`.
 *
 * @example
 * try { applyIncidentOp({ status: 'closed' }, 'tick') } catch (e) { (e as IncidentTransitionError).op } // 'tick'
 */
export class IncidentTransitionError extends HearthError {
  readonly status: IncidentStatus;
  readonly op: IncidentOp;

  constructor(status: IncidentStatus, op: IncidentOp) {
    super('invalid_argument', `Cannot ${op} a ${status} incident`, { status, op });
    this.name = 'IncidentTransitionError';
    this.status = status;
    this.op = op;
  }
}

/**
 * The operations an incident allows: everything but 'reopen' while open; only 'note' and
 * 'reopen' once closed.
 *
 * @example
 * allowedIncidentOps({ status: 'closed' }) // ['note', 'reopen']
 */
export function allowedIncidentOps(state: { status: IncidentStatus }): IncidentOp[] {
  return [...(state.status === 'open' ? openOps : closedOps)];
}

/**
 * The status after `op`, or IncidentTransitionError when the status does not allow it.
 *
 * @example
 * applyIncidentOp({ status: 'open' }, 'close') // 'closed'
 * applyIncidentOp({ status: 'open' }, 'note') // 'open'
 * applyIncidentOp({ status: 'closed' }, 'reopen') // 'open'
 */
export function applyIncidentOp(state: { status: IncidentStatus }, op: IncidentOp): IncidentStatus {
  const allowed = state.status === 'open' ? openOps : closedOps;
  if (!allowed.includes(op)) throw new IncidentTransitionError(state.status, op);
  if (op === 'close') return 'closed';
  if (op === 'reopen') return 'open';
  return state.status;
}

export interface IncidentGrade {
  colour: WarningColour;
  level: number;
}

/**
 * What a change of colour and level is: 'raised' or 'lowered' by the level (it decides who is
 * involved), 'recoloured' when only the colour changes. Throws when nothing changes.
 *
 * @example
 * levelChange({ colour: 'yellow', level: 2 }, { colour: 'orange', level: 3 }) // 'raised'
 * levelChange({ colour: 'red', level: 5 }, { colour: 'red', level: 4 }) // 'lowered'
 * levelChange({ colour: 'red', level: 4 }, { colour: 'orange', level: 4 }) // 'recoloured'
 */
export function levelChange(from: IncidentGrade, to: IncidentGrade): 'raised' | 'lowered' | 'recoloured' {
  if (from.colour === to.colour && from.level === to.level) {
    throw new HearthError('invalid_argument', 'The level and colour are unchanged', {
      colour: to.colour,
      level: to.level,
    });
  }
  if (to.level === from.level) return 'recoloured';
  return to.level > from.level ? 'raised' : 'lowered';
}

export type PostmortemMissing = 'summary' | 'lessons' | `followUps.${number}.title`;

/**
 * The fields a post-mortem still lacks, as keys for the form to highlight: 'summary' (required),
 * 'lessons' (at least one of wentWell / toChange), 'followUps.N.title' (every follow-up needs a
 * title). Empty when it can be saved. Blank text counts as missing.
 *
 * @example
 * checkPostmortem({ summary: ' ', impact: { members: null, messages: null, negativeShare: null, notes: '' },
 *   wentWell: '', toChange: '', followUps: [{ title: '', owner: '', due: null }] })
 * // ['summary', 'lessons', 'followUps.0.title']
 */
export function checkPostmortem(input: PostmortemInput): PostmortemMissing[] {
  const missing: PostmortemMissing[] = [];
  if (input.summary.trim() === '') missing.push('summary');
  if (input.wentWell.trim() === '' && input.toChange.trim() === '') missing.push('lessons');
  input.followUps.forEach((f, i) => {
    if (f.title.trim() === '') missing.push(`followUps.${i}.title`);
  });
  return missing;
}

/**
 * The incident's timeline for the post-mortem: its events by time, ties by id (ids grow with
 * insertion, so same-millisecond events keep the order they were written). `actions` is accepted
 * so the caller passes the whole incident; completed actions already appear as 'action_done'
 * events, so they are not added twice. The input is not modified.
 *
 * @example
 * incidentTimeline([{ id: 2, ts: 5, kind: 'note', text: 'b' }, { id: 1, ts: 5, kind: 'started', text: 'a' }], [])
 * // [{ id: 1, … }, { id: 2, … }]
 */
export function incidentTimeline(
  events: readonly IncidentEvent[],
  _actions: readonly IncidentAction[],
): IncidentEvent[] {
  return [...events].sort((a, b) => a.ts - b.ts || a.id - b.id);
}
