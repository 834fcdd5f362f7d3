/**
 * The words of importing: format names, Hearth's table fields, text encodings, record types and
 * activity kinds, each with its message key. Records typed by the contract's unions, so a format
 * or kind added to shared/import.ts without a label fails the type check.
 */
import { tableFields, type ActivityKind, type ImportFormat, type PreviewRecord, type TableField } from '../../../shared/import';
import type { MessageKey } from '../i18n';

export const formatKeys: Record<ImportFormat, MessageKey> = {
  'discord-json': 'format.discord-json',
  'discord-csv': 'format.discord-csv',
  'slack-zip': 'format.slack-zip',
  'telegram-json': 'format.telegram-json',
  'whatsapp-txt': 'format.whatsapp-txt',
  'discourse-json': 'format.discourse-json',
  'stackexchange-xml': 'format.stackexchange-xml',
  csv: 'format.csv',
  xlsx: 'format.xlsx',
  'orders-csv': 'format.orders-csv',
  'survey-csv': 'format.survey-csv',
};

export { tableFields, type TableField };

export const tableFieldKeys: Record<TableField, MessageKey> = {
  member: 'mapping.field.member',
  name: 'mapping.field.name',
  email: 'mapping.field.email',
  phone: 'mapping.field.phone',
  handle: 'mapping.field.handle',
  date: 'mapping.field.date',
  kind: 'mapping.field.kind',
  channel: 'mapping.field.channel',
  text: 'mapping.field.text',
  amount: 'mapping.field.amount',
  quantity: 'mapping.field.quantity',
  order: 'mapping.field.order',
  status: 'mapping.field.status',
  score: 'mapping.field.score',
  id: 'mapping.field.id',
};

/** 'auto' lets the services detect the encoding (a BOM, then UTF-8, else GB18030). */
export const encodings = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type EncodingChoice = (typeof encodings)[number];

export const recordTypeKeys: Record<PreviewRecord['type'], MessageKey> = {
  member: 'record.member',
  activity: 'record.activity',
  order: 'record.order',
  survey: 'record.survey',
};

const kindKeys: Record<ActivityKind | 'paid' | 'cancelled', MessageKey> = {
  message: 'kind.message',
  reply: 'kind.reply',
  reaction: 'kind.reaction',
  join: 'kind.join',
  leave: 'kind.leave',
  checkin: 'kind.checkin',
  ugc_post: 'kind.ugc_post',
  post: 'kind.post',
  comment: 'kind.comment',
  event_attendance: 'kind.event_attendance',
  referral: 'kind.referral',
  survey: 'kind.survey',
  badge: 'kind.badge',
  paid: 'kind.paid',
  cancelled: 'kind.cancelled',
};

/** The message key for an activity kind or order status, or null for one Hearth has no word for. */
export function kindKey(kind: string): MessageKey | null {
  return Object.prototype.hasOwnProperty.call(kindKeys, kind) ? kindKeys[kind as keyof typeof kindKeys] : null;
}
