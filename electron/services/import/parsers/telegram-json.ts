/**
 * Telegram Desktop "Export chat history" JSON (result.json): one chat (`{name,type,id,messages}`)
 * or the whole account (`{chats:{list:[…]}, left_chats:{list:[…]}}`). Messages stream one at a
 * time per chat; a chat's `name`/`type`/`id` come before its `messages` in every export.
 *
 * Mapping: externalId = `${chatId}:${messageId}`; author externalId = `from_id` as written
 * ('user123', 'channel123'); ts from `date_unixtime`, else `date` in the workspace zone; 'reply'
 * with replyTo `${chatId}:${reply_to_message_id}`; value = total reaction count. Service
 * messages: join_group_by_link/join_group_by_request → 'join' for the actor; invite_members and
 * create_group → 'join' for each listed member; remove_members → 'leave'. Listed members carry
 * names only: they are matched to an id seen anywhere in the same chat (from/from_id,
 * actor/actor_id) when the name is unambiguous, else identified as `name:<name>` (held until the
 * chat ends, at most MAX_PENDING of them). Other service messages are skipped. Mentions come
 * from the text's entities: `mention_name` (someone without a username) by `user<user_id>`, the
 * form of from_id; `mention` ('@name') by handle. Exports carry no usernames of their own, so a
 * handle mention counts once the person's handle is known (a member list imported as telegram).
 */
import { type ActivityKind, type IdentityRef, type MentionRef, uniqueMentions } from '../../../../shared/import';
import type { Parser, ParseContext, Sample } from '../types';
import { importError } from '../errors';
import { RecordBatch } from './record-batch';
import { throwIfCancelled } from './cancel';
import { type JsonPath, formatPath, walkJson } from './json-walk';
import { arr, isObject, type JsonObject, jsonPreview, num, obj, str, text } from './json-values';
import { type LocalTimeResolver, localTimeResolver, parseIsoDateTime } from './local-time';
import { attachmentText } from './chat-text';
import { readTextFile, sampleText } from './text-input';

const SOURCE = 'telegram';
const CHAT_FIELDS = new Set(['name', 'id']);
const LIST_KEYS = new Set(['chats', 'left_chats']);
const JOIN_ACTIONS = new Set(['join_group_by_link', 'join_group_by_request']);
const MEMBER_ACTIONS: Record<string, ActivityKind> = { invite_members: 'join', create_group: 'join', remove_members: 'leave' };
const MAX_PENDING = 100_000;

/** Where a chat object lives: [] for a single-chat export, ['chats','list',N] for an account. */
function chatPrefixLength(path: JsonPath): number | null {
  if (path.length >= 3 && LIST_KEYS.has(String(path[0])) && path[1] === 'list' && typeof path[2] === 'number') return 3;
  if (path.length >= 1 && !LIST_KEYS.has(String(path[0]))) return 0;
  return null;
}

function decide(path: JsonPath): 'descend' | 'capture' | 'skip' {
  if (path.length === 0) return 'descend';
  if (LIST_KEYS.has(String(path[0]))) {
    if (path.length === 1) return 'descend';
    if (path[1] !== 'list') return 'skip';
    if (path.length <= 3) return 'descend';
  }
  const at = chatPrefixLength(path);
  if (at === null) return 'skip';
  const rest = path.slice(at);
  if (rest.length === 1 && typeof rest[0] === 'string' && CHAT_FIELDS.has(rest[0])) return 'capture';
  if (rest[0] === 'messages') return rest.length === 1 ? 'descend' : rest.length === 2 ? 'capture' : 'skip';
  return 'skip';
}

/** Flattens Telegram's text: a string, or an array of strings and `{type, text}` entities. */
export function telegramText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  let out = '';
  for (const part of value) {
    if (typeof part === 'string') out += part;
    else if (isObject(part)) out += str(part, 'text') ?? '';
  }
  return out;
}

/**
 * The people a message's text mentions, from `text_entities` (or the entities inside `text` in
 * exports without them).
 *
 * @example
 * telegramMentions({ text_entities: [{ type: 'mention', text: '@Ann' }, { type: 'mention_name', text: 'Bo', user_id: 42 }] })
 * // [{ handle: 'ann' }, { externalId: 'user42' }]
 */
export function telegramMentions(m: JsonObject): MentionRef[] | undefined {
  const entities = Array.isArray(m.text_entities) ? m.text_entities : Array.isArray(m.text) ? m.text : [];
  const refs: MentionRef[] = [];
  for (const entity of entities) {
    if (!isObject(entity)) continue;
    const type = str(entity, 'type');
    const userId = type === 'mention_name' ? str(entity, 'user_id') : null;
    if (userId !== null && /^\d+$/.test(userId)) refs.push({ externalId: `user${userId}` });
    else if (type === 'mention') refs.push({ handle: str(entity, 'text') ?? '' });
  }
  return uniqueMentions(refs);
}

function messageText(m: JsonObject): string | null {
  const t = text(telegramText(m.text)) ?? text(telegramText(m.text_entities));
  if (t !== null) return t;
  const poll = obj(m, 'poll');
  if (poll) return text(str(poll, 'question'));
  const mediaType = str(m, 'media_type');
  const emoji = str(m, 'sticker_emoji');
  if (mediaType) return attachmentText(emoji ? `${mediaType} ${emoji}` : mediaType);
  if (m.photo !== undefined) return attachmentText('photo');
  if (m.file !== undefined) return attachmentText(str(m, 'file_name') ?? 'file');
  if (m.contact_information !== undefined) return attachmentText('contact');
  if (m.location_information !== undefined) return attachmentText('location');
  return null;
}

function reactionTotal(m: JsonObject): number {
  let total = 0;
  for (const r of arr(m, 'reactions')) if (isObject(r)) total += num(r, 'count') ?? 0;
  return total;
}

function messageTime(m: JsonObject, local: LocalTimeResolver): number | null {
  const unix = str(m, 'date_unixtime');
  if (unix !== null && /^\d+$/.test(unix)) return Number(unix) * 1000;
  const date = str(m, 'date');
  return date === null ? null : parseIsoDateTime(date, local);
}

interface PendingMember {
  name: string;
  kind: ActivityKind;
  externalId: string;
  ts: number;
  line: number;
  text: string | null;
}

/** One chat's state while its messages stream past. */
class ChatState {
  id: string | null = null;
  name: string | null = null;
  /** Display name → Telegram id, or null when two ids share the name. */
  private readonly names = new Map<string, string | null>();
  private pending: PendingMember[] = [];

  learn(name: string | null, id: string | null): void {
    if (name === null || id === null) return;
    const known = this.names.get(name);
    if (known === undefined) this.names.set(name, id);
    else if (known !== id) this.names.set(name, null);
  }

  identity(name: string): IdentityRef {
    const id = this.names.get(name);
    return { source: SOURCE, externalId: id ?? `name:${name}`, displayName: name };
  }

  hold(p: PendingMember): boolean {
    this.pending.push(p);
    return this.pending.length >= MAX_PENDING;
  }

  /** Emits the held joins/leaves with the names resolved as well as this chat allows. */
  flush(batch: RecordBatch): void {
    for (const p of this.pending) {
      batch.activity({
        line: p.line,
        source: SOURCE,
        externalId: p.externalId,
        kind: p.kind,
        ts: p.ts,
        channel: this.name,
        text: p.text,
        author: this.identity(p.name),
      });
    }
    this.pending = [];
  }
}

export const telegramJsonParser: Parser = {
  format: 'telegram-json',

  detect(sample: Sample): number {
    if (sample.isDirectory || sample.zipEntries.length > 0) return 0;
    const head = sampleText(sample.head).slice(0, 32_768);
    if (!/^\s*\{/.test(head) || /"guild"\s*:/.test(head)) return 0;
    const messages = /"messages"\s*:\s*\[/.test(head);
    if (messages && /"date_unixtime"\s*:/.test(head)) return 0.95;
    if (/"chats"\s*:\s*\{/.test(head) && (/"list"\s*:\s*\[/.test(head) || /"personal_information"\s*:/.test(head))) return 0.9;
    if (messages && /"type"\s*:\s*"(personal_chat|private_group|private_supergroup|public_supergroup|public_channel|private_channel|bot_chat|saved_messages)"/.test(head)) return 0.85;
    if (messages && /"from_id"\s*:\s*"(user|channel)\d+"/.test(head)) return 0.8;
    return 0;
  },

  async *parse(ctx: ParseContext) {
    const local = localTimeResolver(ctx.options.timeZone, ctx.fileName);
    const batch = new RecordBatch();
    let chat = new ChatState();

    for await (const events of walkJson(readTextFile(ctx), { fileName: ctx.fileName, decide })) {
      for (const event of events) {
        const at = chatPrefixLength(event.path);
        if (event.type === 'end') {
          // The end of a chat object (or of the whole single-chat file).
          if (event.path.length === 0 || (at === 3 && event.path.length === 3)) {
            chat.flush(batch);
            chat = new ChatState();
          }
          continue;
        }
        if (at === null) continue;
        const { value, line } = event;
        const rest = event.path.slice(at);
        if (rest.length === 1) {
          if (rest[0] === 'id') chat.id = typeof value === 'number' || typeof value === 'string' ? String(value) : null;
          else if (rest[0] === 'name') chat.name = typeof value === 'string' ? text(value) : null;
          continue;
        }
        const field = formatPath(event.path);
        if (chat.id === null) throw importError(ctx.fileName, field, 'the chat id must come before its messages', line);
        if (!isObject(value)) {
          // jsonPreview: JSON.stringify overflowed the stack on a 100k-deep value (found by fuzzing).
          batch.problem(line, field, jsonPreview(value), 'a message must be an object');
          continue;
        }
        const id = str(value, 'id');
        if (id === null) {
          batch.problem(line, `${field}.id`, '', 'message without an id');
          continue;
        }
        const ts = messageTime(value, local);
        if (ts === null) {
          batch.problem(line, `${field}.date`, str(value, 'date') ?? '', 'no usable date_unixtime or date');
          continue;
        }
        const externalId = `${chat.id}:${id}`;
        const type = str(value, 'type') ?? 'message';
        if (type === 'service') {
          const action = str(value, 'action') ?? '';
          const actorId = str(value, 'actor_id');
          const actorName = text(str(value, 'actor'));
          chat.learn(actorName, actorId);
          const serviceText = text(telegramText(value.text));
          if (JOIN_ACTIONS.has(action) && actorId) {
            const author: IdentityRef = { source: SOURCE, externalId: actorId, displayName: actorName };
            batch.activity({ line, source: SOURCE, externalId, kind: 'join', ts, channel: chat.name, text: serviceText, author });
          }
          const kind = MEMBER_ACTIONS[action];
          if (kind) {
            const members = arr(value, 'members').filter((m): m is string => typeof m === 'string' && m.trim() !== '');
            members.forEach((raw, i) => {
              const name = raw.trim();
              const memberId = i === 0 ? externalId : `${externalId}:${i}`;
              if (name === actorName && actorId) {
                const author: IdentityRef = { source: SOURCE, externalId: actorId, displayName: actorName };
                batch.activity({ line, source: SOURCE, externalId: memberId, kind, ts, channel: chat.name, text: serviceText, author });
              } else if (chat.hold({ name, kind, externalId: memberId, ts, line, text: serviceText })) {
                chat.flush(batch);
              }
            });
          }
          continue;
        }
        const fromId = str(value, 'from_id');
        if (fromId === null) {
          batch.problem(line, `${field}.from_id`, '', 'message without a sender id');
          continue;
        }
        const fromName = text(str(value, 'from'));
        chat.learn(fromName, fromId);
        const replyId = str(value, 'reply_to_message_id');
        const mentions = telegramMentions(value);
        batch.activity({
          line,
          source: SOURCE,
          externalId,
          kind: replyId !== null ? 'reply' : 'message',
          ts,
          channel: chat.name,
          text: messageText(value),
          author: { source: SOURCE, externalId: fromId, displayName: fromName },
          value: reactionTotal(value),
          replyTo: replyId !== null ? `${chat.id}:${replyId}` : null,
          ...(mentions ? { mentions } : {}),
        });
      }
      throwIfCancelled(ctx);
      if (batch.full) yield batch.take();
    }
    chat.flush(batch);
    if (batch.length > 0) yield batch.take();
  },
};
