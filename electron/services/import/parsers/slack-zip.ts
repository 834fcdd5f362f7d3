/**
 * Slack workspace export (.zip): users.json, channels.json (plus groups.json, mpims.json,
 * dms.json when present) and one folder per conversation holding `YYYY-MM-DD.json` day files.
 * Works with old (2016: bot `attachments`, no threads) and new layouts (`user_profile`, `blocks`,
 * threads) and with a zip that wraps everything in one top folder. The archive is checked
 * before anything is read (zip.ts); entries are then read one at a time, metadata first,
 * day files in folder and date order.
 *
 * Every users.json user becomes a member up front (deleted ones tagged 'deleted'); authors
 * missing from users.json take their names from the message's `user_profile`. externalId =
 * `${channelId}:${ts}`, channel = `#name` (`dm:<id>` for 1:1 DMs). See slack-messages.ts for
 * the message mapping.
 */
import type { IdentityRef } from '../../../../shared/import';
import type { Parser, ParseContext, Sample } from '../types';
import { importError } from '../errors';
import { RecordBatch } from './record-batch';
import { throwIfCancelled } from './cancel';
import { type JsonPath, formatPath, walkJson } from './json-walk';
import { isObject, jsonPreview, str, text } from './json-values';
import { decodeText } from './text-input';
import { type SafeEntry, SafeZip, type ZipLimits } from './zip';
import { type Conversation, slackMessage, slackUser } from './slack-messages';

const DAY_FILE = /^(.+)\/(\d{4}-\d{2}-\d{2})\.json$/;
const META_FILES = ['users.json', 'channels.json', 'groups.json', 'mpims.json', 'dms.json'] as const;

/**
 * A Slack export holds one file per conversation per day, so a busy workspace's export runs to
 * tens of thousands of entries: more than the default allows (sized for dumps of a few files).
 * The byte and ratio limits still apply as they are.
 */
const SLACK_ZIP_LIMITS: Partial<ZipLimits> = { maxEntries: 200_000 };

interface Item {
  value: unknown;
  line: number;
  /** Entry and index, e.g. `general/2024-03-13.json:[4]`. */
  field: string;
}

const arrayItems = (path: JsonPath): 'descend' | 'capture' | 'skip' => (path.length === 0 ? 'descend' : path.length === 1 ? 'capture' : 'skip');

/** The elements of an entry holding a JSON array, streamed. */
async function* readArray(zip: SafeZip, entry: SafeEntry, ctx: ParseContext): AsyncGenerator<Item[]> {
  const chunks = decodeText(zip.read(entry), { fileName: ctx.fileName, signal: ctx.signal });
  for await (const events of walkJson(chunks, { fileName: ctx.fileName, fieldPrefix: entry.name, decide: arrayItems })) {
    const items: Item[] = [];
    for (const e of events) {
      if (e.type === 'value') items.push({ value: e.value, line: e.line, field: `${entry.name}:${formatPath(e.path)}` });
    }
    if (items.length > 0) yield items;
  }
}

// jsonPreview, not JSON.stringify: a 100k-deep value overflowed the stack (found by fuzzing).
const preview = (value: unknown): string => jsonPreview(value);

/** The folder that holds users.json / channels.json: the root, or one wrapping folder. */
function exportBase(byName: ReadonlyMap<string, SafeEntry>): string | null {
  if (META_FILES.some((f) => byName.has(f))) return '';
  for (const name of byName.keys()) {
    if (/^[^/]+\/(users|channels)\.json$/.test(name)) return name.slice(0, name.indexOf('/') + 1);
  }
  return null;
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
    const zip = await SafeZip.open(ctx.path, ctx.fileName, SLACK_ZIP_LIMITS);
    try {
      const byName = new Map<string, SafeEntry>();
      for (const e of zip.entries) byName.set(e.name, e);
      const base = exportBase(byName);
      if (base === null) {
        throw importError(ctx.fileName, 'users.json', 'not a Slack export: no users.json or channels.json at the top of the archive');
      }
      const batch = new RecordBatch();
      let compressedDone = 0;
      const done = (e: SafeEntry): void => {
        compressedDone += e.entry.compressedSize;
        ctx.progress(compressedDone);
      };

      const users = new Map<string, IdentityRef>();
      const usersEntry = byName.get(`${base}users.json`);
      if (usersEntry) {
        for await (const items of readArray(zip, usersEntry, ctx)) {
          for (const { value, line, field } of items) {
            const user = isObject(value) ? slackUser(value) : null;
            if (!user) {
              batch.problem(line, field, preview(value), 'a user needs an id');
              continue;
            }
            users.set(user.identity.externalId, user.identity);
            batch.member(user.identity, line, user.deleted ? { tags: ['deleted'] } : {});
          }
          throwIfCancelled(ctx);
          if (batch.full) yield batch.take();
        }
        done(usersEntry);
      }

      // Folder name → conversation. Channels, private channels and group DMs are named
      // folders; 1:1 DMs are folders named by their id.
      const conversations = new Map<string, Conversation>();
      for (const file of ['channels.json', 'groups.json', 'mpims.json', 'dms.json'] as const) {
        const entry = byName.get(base + file);
        if (!entry) continue;
        for await (const items of readArray(zip, entry, ctx)) {
          for (const { value } of items) {
            const id = isObject(value) ? str(value, 'id') : null;
            if (!isObject(value) || !id) continue;
            const name = text(str(value, 'name'));
            if (file === 'dms.json' || name === null) conversations.set(id, { id, label: `dm:${id}` });
            else conversations.set(name, { id, label: `#${name}` });
          }
        }
        done(entry);
      }

      const days = zip.entries
        .filter((entry) => entry.name.startsWith(base))
        .map((entry) => ({ entry, m: DAY_FILE.exec(entry.name.slice(base.length)) }))
        .filter((d): d is { entry: SafeEntry; m: RegExpExecArray } => d.m !== null)
        .map(({ entry, m }) => ({ entry, folder: m[1] ?? '', key: `${m[1] ?? ''}\u0000${m[2] ?? ''}` }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

      for (const { entry, folder } of days) {
        // A folder missing from the metadata keeps its own name as id (older exports of
        // deleted channels); ids stay unique because folder names are.
        const conversation = conversations.get(folder) ?? { id: folder, label: `#${folder}` };
        for await (const items of readArray(zip, entry, ctx)) {
          for (const { value, line, field } of items) {
            if (!isObject(value)) {
              batch.problem(line, field, preview(value), 'a message must be an object');
              continue;
            }
            const result = slackMessage(value, conversation, users, line, field);
            if ('activity' in result) batch.activity(result.activity);
            else if ('problem' in result) batch.problem(line, result.problem.field, result.problem.value, result.problem.message);
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
