/**
 * Slack export records → Hearth records: users (users.json) and messages (day files).
 * ts "seconds.micro" → ms; kind 'join'/'leave' for channel_join/channel_leave (group_* too),
 * 'reply' when thread_ts ≠ ts (replyTo = `${channelId}:${thread_ts}`), else 'message'; notices
 * (topic, purpose, pins, bot_add, tombstones…) are left out; value = total reaction count;
 * mentions = the users written `<@U123>` or `<@U123|name>` in a message's or reply's text.
 */
import { type ActivityRecord, type IdentityRef, type MentionRef, uniqueMentions } from '../../../../shared/import';
import { arr, bool, isObject, type JsonObject, num, obj, str, text } from './json-values';
import { attachmentText } from './chat-text';

export const SLACK = 'slack';

/** Notices about a conversation rather than something a member said or did. */
const NOTICE_SUBTYPES = new Set([
  'channel_topic',
  'channel_purpose',
  'channel_name',
  'channel_archive',
  'channel_unarchive',
  'channel_convert_to_private',
  'channel_convert_to_public',
  'group_topic',
  'group_purpose',
  'group_name',
  'group_archive',
  'group_unarchive',
  'bot_add',
  'bot_remove',
  'bot_enable',
  'bot_disable',
  'pinned_item',
  'unpinned_item',
  'reminder_add',
  'tombstone',
  'message_deleted',
  'message_changed',
  'sh_room_created',
  'huddle_thread',
]);

/**
 * Old exports' file messages, whose text Slack writes itself around the people involved ("<@U1>
 * uploaded a file", "<@U1> commented on <@U2>'s file"): naming someone there is no mention. (Joins
 * and leaves, "<@U1> has joined the channel", are not messages at all.)
 */
const GENERATED_TEXT_SUBTYPES = new Set(['file_share', 'file_comment', 'file_mention']);

export interface Conversation {
  id: string;
  label: string;
}

/**
 * Slack's "1736478514.897649" → 1736478514897 ms (integer arithmetic, no float rounding).
 *
 * @example
 * slackTsToMs('1736478514.897649') // 1736478514897
 */
export function slackTsToMs(ts: string): number | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(ts);
  if (!m) return null;
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0').slice(0, 3));
}

/** A users.json entry as an identity, and whether Slack marks the account deleted. */
export function slackUser(user: JsonObject): { identity: IdentityRef; deleted: boolean } | null {
  const id = str(user, 'id');
  if (!id) return null;
  const profile = obj(user, 'profile') ?? {};
  const handle = text(str(user, 'name'));
  const identity: IdentityRef = {
    source: SLACK,
    externalId: id,
    handle,
    displayName: text(str(profile, 'display_name')) ?? text(str(user, 'real_name')) ?? text(str(profile, 'real_name')) ?? handle,
    email: text(str(profile, 'email')),
    isBot: bool(user, 'is_bot') || id === 'USLACKBOT',
  };
  return { identity, deleted: bool(user, 'deleted') };
}

function profileIdentity(userId: string, profile: JsonObject | null): IdentityRef {
  if (!profile) return { source: SLACK, externalId: userId };
  const handle = text(str(profile, 'name'));
  return {
    source: SLACK,
    externalId: userId,
    handle,
    displayName: text(str(profile, 'display_name')) ?? text(str(profile, 'real_name')) ?? handle,
  };
}

function reactionTotal(message: JsonObject): number {
  let total = 0;
  for (const r of arr(message, 'reactions')) {
    if (isObject(r)) total += num(r, 'count') ?? arr(r, 'users').length;
  }
  return total;
}

function messageText(message: JsonObject): string | null {
  const t = text(str(message, 'text'));
  if (t !== null) return t;
  const files = arr(message, 'files').filter(isObject);
  const single = obj(message, 'file');
  if (single) files.push(single);
  if (files.length === 0) return null;
  return attachmentText(files.map((f) => str(f, 'name') ?? str(f, 'title') ?? 'file').join(', '));
}

/**
 * The users a message's text mentions: `<@U123>` or `<@U123|name>` (Slack's user ids; `<!here>`,
 * `<!subteam^…>` and channel links are not people), those `keep` accepts.
 *
 * @example
 * slackMentions('<@U0BMYT2FL>: see <@W12|ann> and <#C1|general>') // [{ externalId: 'U0BMYT2FL' }, { externalId: 'W12' }]
 */
export function slackMentions(text: string, keep: (userId: string) => boolean = () => true): MentionRef[] | undefined {
  if (!text.includes('<@')) return undefined;
  const ids = Array.from(text.matchAll(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g), (m) => m[1] ?? '');
  return uniqueMentions(ids.filter(keep).map((externalId) => ({ externalId })));
}

/** The author of a message: users.json, else the embedded user_profile, else the bot. */
function messageAuthor(message: JsonObject, users: ReadonlyMap<string, IdentityRef>): IdentityRef | null {
  const subtype = str(message, 'subtype');
  // Old exports put a file comment's author under `comment.user`.
  const userId = str(message, 'user') ?? str(obj(message, 'comment') ?? {}, 'user');
  if (userId) {
    const author = users.get(userId) ?? profileIdentity(userId, obj(message, 'user_profile'));
    return (subtype === 'bot_message' || userId === 'USLACKBOT') && !author.isBot ? { ...author, isBot: true } : author;
  }
  const botId = str(message, 'bot_id');
  if (!botId && subtype !== 'bot_message') return null;
  const name = text(str(message, 'username')) ?? text(str(obj(message, 'bot_profile') ?? {}, 'name'));
  return { source: SLACK, externalId: botId ?? `bot:${name ?? 'unknown'}`, handle: name, displayName: name, isBot: true };
}

export type SlackMessageResult =
  | { activity: Omit<ActivityRecord, 'type'> }
  | { problem: { field: string; value: string; message: string } }
  | { skip: true };

/** One message of a day file, mapped; `field` names it for problems (entry and index). */
export function slackMessage(
  message: JsonObject,
  conversation: Conversation,
  users: ReadonlyMap<string, IdentityRef>,
  line: number,
  field: string,
): SlackMessageResult {
  const type = str(message, 'type');
  if (type !== null && type !== 'message') return { skip: true };
  const subtype = str(message, 'subtype');
  if (subtype !== null && NOTICE_SUBTYPES.has(subtype)) return { skip: true };
  const tsText = str(message, 'ts') ?? '';
  const ts = slackTsToMs(tsText);
  if (ts === null) return { problem: { field: `${field}.ts`, value: tsText, message: 'not a Slack timestamp' } };
  const author = messageAuthor(message, users);
  if (!author) return { problem: { field: `${field}.user`, value: '', message: 'message without a user or bot id' } };
  const threadTs = str(message, 'thread_ts');
  const isReply = threadTs !== null && threadTs !== tsText;
  const kind =
    subtype === 'channel_join' || subtype === 'group_join'
      ? 'join'
      : subtype === 'channel_leave' || subtype === 'group_leave'
        ? 'leave'
        : isReply
          ? 'reply'
          : 'message';
  const typed = (kind === 'message' || kind === 'reply') && !GENERATED_TEXT_SUBTYPES.has(subtype ?? '');
  // Bots never become members: mentioning one is no one's influence.
  const mentions = typed ? slackMentions(str(message, 'text') ?? '', (id) => users.get(id)?.isBot !== true) : undefined;
  return {
    activity: {
      line,
      source: SLACK,
      externalId: `${conversation.id}:${tsText}`,
      kind,
      ts,
      channel: conversation.label,
      text: messageText(message),
      author,
      value: reactionTotal(message),
      replyTo: isReply ? `${conversation.id}:${threadTs}` : null,
      ...(mentions ? { mentions } : {}),
    },
  };
}
