/**
 * DiscordChatExporter JSON (one channel per file). Streams `messages[]` one message at a time
 * and captures `channel`, which precedes `messages` in every DCE version (`guild` is not needed:
 * message and user ids are global snowflakes). Should a file put `channel`
 * after the messages, the channel name is recovered first from a bounded read of the file's last
 * 256 KiB, else from DCE's file name ("Guild - Category - channel [id].json"), else null.
 *
 * Mapping: externalId = message id; kind 'join' for GuildMemberJoin (and RecipientAdd), 'leave'
 * for RecipientRemove, 'reply' when the message references another, otherwise 'message';
 * channel-notice types (pins, renames, icon changes, calls) are not member activity and are left
 * out; value = total reaction count; replyTo = reference.messageId; mentions = the people in
 * `mentions` (not bots) by user id, for messages and replies.
 */
import fs from 'node:fs';
import { type IdentityRef, type MentionRef, uniqueMentions } from '../../../../shared/import';
import type { Parser, ParseContext, Sample } from '../types';
import { RecordBatch } from './record-batch';
import { throwIfCancelled } from './cancel';
import { attachmentText } from './chat-text';
import { type JsonPath, formatPath, walkJson } from './json-walk';
import { arr, bool, isObject, type JsonObject, jsonPreview, num, obj, str, text } from './json-values';
import { localTimeResolver, parseIsoDateTime } from './local-time';
import { readTextFile, sampleText } from './text-input';

const SOURCE = 'discord';

/** DCE message types that are channel notices rather than something a member said or did. */
const NOTICE_TYPES = new Set(['ChannelPinnedMessage', 'ChannelNameChange', 'ChannelIconChange', 'Call']);

function decide(path: JsonPath): 'descend' | 'capture' | 'skip' {
  if (path.length === 0) return 'descend';
  const [head] = path;
  if (head === 'messages') return path.length === 1 ? 'descend' : 'capture';
  if (path.length === 1 && head === 'channel') return 'capture';
  return 'skip';
}

function channelLabel(channel: JsonObject | null): string | null {
  const name = channel ? text(str(channel, 'name')) : null;
  return name === null ? null : `#${name}`;
}

/** Channel name from DCE's default file name: "Guild - Category - channel [123].json". */
export function channelFromDceFileName(fileName: string): string | null {
  const m = /^(.+) - (.+?) \[(\d+)\]\.(?:json|csv|html|txt)$/i.exec(fileName);
  if (!m || !m[2]) return null;
  const parts = m[2].split(' - ');
  const name = parts[parts.length - 1]?.trim();
  return name ? `#${name}` : null;
}

/** Bounded fallback for a file whose `channel` object comes after `messages`. */
async function channelFromTail(ctx: ParseContext): Promise<string | null> {
  const handle = await fs.promises.open(ctx.path, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 256 * 1024);
    const buf = Buffer.alloc(length);
    await handle.read(buf, 0, length, size - length);
    const tail = buf.toString('utf8');
    const matches = [...tail.matchAll(/"channel"\s*:\s*(\{[^{}]*\})/g)];
    const last = matches[matches.length - 1];
    if (!last?.[1]) return null;
    const parsed: unknown = JSON.parse(last[1]);
    return isObject(parsed) ? channelLabel(parsed) : null;
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

function authorIdentity(author: JsonObject): IdentityRef | null {
  const id = str(author, 'id');
  if (!id) return null;
  const name = text(str(author, 'name'));
  return {
    source: SOURCE,
    externalId: id,
    handle: name,
    displayName: text(str(author, 'nickname')) ?? name,
    isBot: bool(author, 'isBot'),
  };
}

function reactionTotal(message: JsonObject): number {
  let total = 0;
  for (const r of arr(message, 'reactions')) if (isObject(r)) total += num(r, 'count') ?? 0;
  return total;
}

/** The people a message mentions by user id, bots left out (they never become members). */
function mentionsOf(message: JsonObject): MentionRef[] | undefined {
  const refs: MentionRef[] = [];
  for (const m of arr(message, 'mentions')) {
    const id = isObject(m) && !bool(m, 'isBot') ? str(m, 'id') : null;
    if (id) refs.push({ externalId: id });
  }
  return uniqueMentions(refs);
}

function messageText(message: JsonObject): string | null {
  const content = text(str(message, 'content'));
  if (content !== null) return content;
  const names: string[] = [];
  for (const a of arr(message, 'attachments')) if (isObject(a)) names.push(str(a, 'fileName') ?? 'file');
  for (const s of arr(message, 'stickers')) if (isObject(s)) names.push(`sticker ${str(s, 'name') ?? ''}`.trim());
  return names.length > 0 ? attachmentText(names.join(', ')) : null;
}

export const discordJsonParser: Parser = {
  format: 'discord-json',

  detect(sample: Sample): number {
    if (sample.isDirectory || sample.zipEntries.length > 0) return 0;
    const head = sampleText(sample.head).slice(0, 16_384);
    if (!/^\s*\{/.test(head)) return 0;
    const guild = /"guild"\s*:\s*\{/.test(head);
    const channel = /"channel"\s*:\s*\{/.test(head);
    const messages = /"messages"\s*:\s*\[/.test(head);
    if (guild && channel && messages) return 0.95;
    if (guild && channel) return 0.7;
    return 0;
  },

  async *parse(ctx: ParseContext) {
    const local = localTimeResolver(ctx.options.timeZone, ctx.fileName);
    const batch = new RecordBatch();
    let channel: string | null | undefined;

    for await (const events of walkJson(readTextFile(ctx), { fileName: ctx.fileName, decide })) {
      for (const event of events) {
        if (event.type !== 'value') continue;
        const { path, value, line } = event;
        if (path[0] === 'channel') {
          channel = isObject(value) ? channelLabel(value) : null;
          continue;
        }
        if (path[0] !== 'messages') continue;
        if (channel === undefined) channel = (await channelFromTail(ctx)) ?? channelFromDceFileName(ctx.fileName);
        const field = formatPath(path);
        if (!isObject(value)) {
          // jsonPreview: bounded, and safe on deeply nested values (fuzzing: stack overflow, 20 MB copies).
          batch.problem(line, field, jsonPreview(value), 'a message must be an object');
          continue;
        }
        const id = str(value, 'id');
        if (!id) {
          batch.problem(line, `${field}.id`, '', 'message without an id');
          continue;
        }
        const author = obj(value, 'author');
        const identity = author ? authorIdentity(author) : null;
        if (!identity) {
          batch.problem(line, `${field}.author.id`, '', 'message without an author id');
          continue;
        }
        const stamp = str(value, 'timestamp') ?? '';
        const ts = parseIsoDateTime(stamp, local);
        if (ts === null) {
          batch.problem(line, `${field}.timestamp`, stamp, 'not an ISO-8601 date-time');
          continue;
        }
        const type = str(value, 'type') ?? 'Default';
        if (NOTICE_TYPES.has(type)) continue;
        const replyTo = str(obj(value, 'reference') ?? {}, 'messageId');
        if (type === 'RecipientAdd' || type === 'RecipientRemove') {
          // Group DMs: the person added or removed is the first mention, not the author.
          const mention = arr(value, 'mentions').find(isObject);
          const subject = (mention && authorIdentity(mention)) ?? identity;
          batch.activity({
            line,
            source: SOURCE,
            externalId: id,
            kind: type === 'RecipientAdd' ? 'join' : 'leave',
            ts,
            channel,
            text: text(str(value, 'content')),
            author: subject,
          });
          continue;
        }
        const kind = type === 'GuildMemberJoin' ? 'join' : replyTo || type === 'Reply' ? 'reply' : 'message';
        const mentions = kind === 'join' ? undefined : mentionsOf(value);
        batch.activity({
          line,
          source: SOURCE,
          externalId: id,
          kind,
          ts,
          channel,
          text: messageText(value),
          author: identity,
          value: reactionTotal(value),
          replyTo: replyTo ?? null,
          ...(mentions ? { mentions } : {}),
        });
      }
      throwIfCancelled(ctx);
      if (batch.full) yield batch.take();
    }
    if (batch.length > 0) yield batch.take();
  },
};
