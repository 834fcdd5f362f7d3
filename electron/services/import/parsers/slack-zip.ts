/**
 * Slack workspace export (.zip): users.json, channels.json (plus groups.json, mpims.json,
 * dms.json when present) and one folder per conversation holding `YYYY-MM-DD.json` day files.
 * Works with old (2016: bot `attachments`, no threads) and new layouts (`user_profile`,
 * `blocks`, threads) and with a zip that wraps everything in one top folder.
 *
 * Mapping: every users.json user becomes a member up front (deleted ones tagged 'deleted');
 * externalId = `${channelId}:${ts}`; ts "seconds.micro" → ms; kind 'join'/'leave' for
 * channel_join/channel_leave (group_* too), 'reply' when thread_ts ≠ ts (replyTo =
 * `${channelId}:${thread_ts}`), else 'message'; topic/purpose/pin/bot_add notices and
 * tombstones are left out; value = total reaction count; bot messages keep isBot (the importer
 * skips them). Authors missing from users.json take their names from `user_profile`.
 */
import type { Entry } from 'yauzl';
import type { IdentityRef } from '../../../../shared/import';
import type { Parser, ParseContext, Sample } from '../types';
import { importError } from '../errors';
import { RecordBatch } from './chat-batch';
import { throwIfCancelled } from './chat-cancel';
import { attachmentText } from './chat-text';
import { type JsonPath, formatPath, walkJson } from './chat-json-walk';
import { arr, bool, isObject, type JsonObject, num, obj, str, text } from './chat-json-values';
import { decodeText } from './chat-text-input';
import { SafeZip } from './chat-zip';

const SOURCE = 'slack';
const DAY_FILE = /^(.+)\/(\d{4}-\d{2}-\d{2})\.json$/;
const META_FILES = ['users.json', 'channels.json', 'groups.json', 'mpims.json', 'dms.json'] as const;

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

interface Conversation {
  id: string;
  label: string;
}

const arrayItems = (path: JsonPath): 'descend' | 'capture' | 'skip' =>
  path.length === 0 ? 'descend' : path.length === 1 ? 'capture' : 'skip';

/** Slack's "1736478514.897649" → 1736478514897 ms (integer arithmetic, no float rounding). */
export function slackTsToMs(ts: string): number | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(ts);
  if (!m) return null;
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0').slice(0, 3));
}

function userIdentity(user: JsonObject): (IdentityRef & { deleted: boolean }) | null {
  const id = str(user, 'id');
  if (!id) return null;
  const profile = obj(user, 'profile') ?? {};
  const handle = text(str(user, 'name'));
  return {
    source: SOURCE,
    externalId: id,
    handle,
    displayName: text(str(profile, 'display_name')) ?? text(str(user, 'real_name')) ?? text(str(profile, 'real_name')) ?? handle,
    email: text(str(profile, 'email')),
    isBot: bool(user, 'is_bot') || id === 'USLACKBOT',
    deleted: bool(user, 'deleted'),
  };
}

function profileIdentity(userId: string, profile: JsonObject | null): IdentityRef {
  if (!profile) return { source: SOURCE, externalId: userId };
  const handle = text(str(profile, 'name'));
  return {
    source: SOURCE,
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

export const slackZipParser: Parser = {
  format: 'slack-zip',

  detect(sample: Sample): number {
    if (sample.zipEntries.length === 0) return 0;
    const names = sample.zipEntries.map((n) => n.split('/').slice(-1)[0] ?? n);
    const hasUsers = names.includes('users.json');
    const hasChannels = names.includes('channels.json');
    const hasDays = sample.zipEntries.some((n) => DAY_FILE.test(n));
    if ((hasUsers || hasChannels) && hasDays) return 0.95;
    if (hasUsers && hasChannels) return 0.8;
    if (hasChannels) return 0.5;
    return 0;
  },

  async *parse(ctx: ParseContext) {
    throwIfCancelled(ctx);
    const zip = await SafeZip.open(ctx.path, ctx.fileName);
    try {
      const byName = new Map<string, Entry>();
      for (const e of zip.entries) byName.set(e.fileName, e);
      // Exports re-zipped from their folder put everything under one top folder.
      let base = '';
      if (!META_FILES.some((f) => byName.has(f))) {
        const nested = zip.entries.map((e) => e.fileName).find((n) => /^[^/]+\/(users|channels)\.json$/.test(n));
        if (nested) base = nested.slice(0, nested.indexOf('/') + 1);
      }
      if (!byName.has(`${base}users.json`) && !byName.has(`${base}channels.json`)) {
        throw importError(ctx.fileName, 'users.json', 'not a Slack export: no users.json or channels.json at the top of the archive');
      }

      const batch = new RecordBatch();
      let compressedDone = 0;
      const done = (entry: Entry): void => {
        compressedDone += entry.compressedSize;
        ctx.progress(compressedDone);
      };
      const readArray = (entry: Entry): AsyncGenerator<{ value: unknown; line: number; field: string }[]> =>
        (async function* () {
          const chunks = decodeText(zip.read(entry), { fileName: ctx.fileName, signal: ctx.signal });
          for await (const events of walkJson(chunks, { fileName: ctx.fileName, fieldPrefix: entry.fileName, decide: arrayItems })) {
            const items: { value: unknown; line: number; field: string }[] = [];
            for (const e of events) {
              if (e.type === 'value') items.push({ value: e.value, line: e.line, field: `${entry.fileName}:${formatPath(e.path)}` });
            }
            if (items.length > 0) yield items;
          }
        })();

      const users = new Map<string, IdentityRef>();
      const usersEntry = byName.get(`${base}users.json`);
      if (usersEntry) {
        for await (const items of readArray(usersEntry)) {
          for (const { value, line, field } of items) {
            const user = isObject(value) ? userIdentity(value) : null;
            if (!user) {
              batch.problem(line, field, JSON.stringify(value)?.slice(0, 200) ?? '', 'a user needs an id');
              continue;
            }
            const { deleted, ...identity } = user;
            users.set(identity.externalId, identity);
            batch.member(identity, line, deleted ? { tags: ['deleted'] } : {});
          }
          throwIfCancelled(ctx);
          if (batch.full) yield batch.take();
        }
        done(usersEntry);
      }

      // Folder name → conversation. Channels, private channels and group DMs are named folders;
      // 1:1 DMs are folders named by their id.
      const conversations = new Map<string, Conversation>();
      for (const file of ['channels.json', 'groups.json', 'mpims.json', 'dms.json'] as const) {
        const entry = byName.get(base + file);
        if (!entry) continue;
        for await (const items of readArray(entry)) {
          for (const { value } of items) {
            if (!isObject(value)) continue;
            const id = str(value, 'id');
            if (!id) continue;
            const name = text(str(value, 'name'));
            if (file === 'dms.json' || name === null) conversations.set(id, { id, label: `dm:${id}` });
            else conversations.set(name, { id, label: `#${name}` });
          }
        }
        done(entry);
      }

      const days = zip.entries
        .map((entry) => ({ entry, m: DAY_FILE.exec(entry.fileName.slice(base.length)) }))
        .filter((d): d is { entry: Entry; m: RegExpExecArray } => d.m !== null && d.entry.fileName.startsWith(base))
        .sort((a, b) => (a.m[1] === b.m[1] ? ((a.m[2] ?? '') < (b.m[2] ?? '') ? -1 : 1) : (a.m[1] ?? '') < (b.m[1] ?? '') ? -1 : 1));

      for (const { entry, m } of days) {
        const folder = m[1] ?? '';
        // A folder missing from the metadata keeps its own name as id (older exports of
        // deleted channels); ids stay unique because folder names are.
        const conversation = conversations.get(folder) ?? { id: folder, label: `#${folder}` };
        for await (const items of readArray(entry)) {
          for (const { value, line, field } of items) {
            if (!isObject(value)) {
              batch.problem(line, field, JSON.stringify(value)?.slice(0, 200) ?? '', 'a message must be an object');
              continue;
            }
            const type = str(value, 'type');
            if (type !== null && type !== 'message') continue;
            const subtype = str(value, 'subtype');
            if (subtype !== null && NOTICE_SUBTYPES.has(subtype)) continue;
            const tsText = str(value, 'ts') ?? '';
            const ts = slackTsToMs(tsText);
            if (ts === null) {
              batch.problem(line, `${field}.ts`, tsText, 'not a Slack timestamp');
              continue;
            }
            // Old exports put a file comment's author under `comment.user`.
            const userId = str(value, 'user') ?? str(obj(value, 'comment') ?? {}, 'user');
            const botId = str(value, 'bot_id');
            let author: IdentityRef;
            if (userId) {
              author = users.get(userId) ?? profileIdentity(userId, obj(value, 'user_profile'));
              if ((subtype === 'bot_message' || userId === 'USLACKBOT') && !author.isBot) author = { ...author, isBot: true };
            } else if (botId || subtype === 'bot_message') {
              const name = text(str(value, 'username')) ?? text(str(obj(value, 'bot_profile') ?? {}, 'name'));
              author = { source: SOURCE, externalId: botId ?? `bot:${name ?? 'unknown'}`, handle: name, displayName: name, isBot: true };
            } else {
              batch.problem(line, `${field}.user`, '', 'message without a user or bot id');
              continue;
            }
            const threadTs = str(value, 'thread_ts');
            const isReply = threadTs !== null && threadTs !== tsText;
            const kind =
              subtype === 'channel_join' || subtype === 'group_join'
                ? 'join'
                : subtype === 'channel_leave' || subtype === 'group_leave'
                  ? 'leave'
                  : isReply
                    ? 'reply'
                    : 'message';
            batch.activity({
              line,
              source: SOURCE,
              externalId: `${conversation.id}:${tsText}`,
              kind,
              ts,
              channel: conversation.label,
              text: messageText(value),
              author,
              value: reactionTotal(value),
              replyTo: isReply ? `${conversation.id}:${threadTs}` : null,
            });
          }
          throwIfCancelled(ctx);
          if (batch.full) yield batch.take();
        }
        done(entry);
      }
      if (batch.length > 0) yield batch.take();
    } finally {
      zip.close();
    }
  },
};
