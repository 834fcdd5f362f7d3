/** Words for the crisis codes (colours, levels, rule kinds, timeline kinds, roles), per language. */
import type { AlertRuleKind, WarningColour } from '../../../shared/crisis';
import type { MessageKey } from '../i18n/en';

/** The translate function's shape (../i18n's Translate), without pulling the store it reads into Node tests. */
type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export const colourKey = (c: WarningColour): MessageKey => `crisis.colour.${c}`;
export const levelKey = (level: number): MessageKey => `crisis.level.${Math.min(5, Math.max(1, level))}` as MessageKey;
export const ruleKindKey = (k: AlertRuleKind): MessageKey => `crisis.ruleKind.${k}`;
export const alertStatusKey = (s: 'open' | 'acknowledged' | 'resolved'): MessageKey => `crisis.alertStatus.${s}`;

const eventKinds = new Set([
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
]);

/** A timeline kind's word; a kind the services add later is shown as it is. */
export function eventKindLabel(t: Translate, kind: string): string {
  return eventKinds.has(kind) ? t(`crisis.event.${kind}` as MessageKey) : kind;
}

const roles = new Set([
  'incident_lead',
  'scribe',
  'spokesperson',
  'legal',
  'community_manager',
  'customer_service',
  'product',
  'tech',
]);

/** A role's word: the shipped roles are translated, a playbook's own names shown as written. */
export function roleLabel(t: Translate, role: string): string {
  return roles.has(role) ? t(`crisis.role.${role}` as MessageKey) : role;
}

/** "+1h", "+24h", "+30min", "+2d": a step's deadline after the start. */
export function dueOffsetLabel(minutes: number): string {
  if (minutes === 0) return '+0';
  if (minutes % (60 * 24) === 0 && minutes >= 48 * 60) return `+${minutes / (60 * 24)}d`;
  if (minutes % 60 === 0) return `+${minutes / 60}h`;
  return `+${minutes}min`;
}
