/**
 * Discourse API JSON: a posts page (`/posts.json` → latest_posts[]), a topic (`/t/{id}.json` →
 * post_stream.posts[]), or a user list (`/directory_items.json`, `{users:[…]}`, `{members:[…]}`,
 * the admin list `[…]`).
 *
 * Mapping: externalId `post:{id}`; post_number 1 is the topic's 'post', every later post a
 * 'reply'. replyTo is `post:{id}` of the post it answers (reply_to_post_number, else post 1 of the
 * topic) when that post is in the same file; otherwise the placeholder `topic:{topic_id}:{n}`,
 * which names the target without knowing its id (a later import cannot link it). channel is the
 * topic title (category names are not in these responses; `category {id}` when no title is
 * known). value is the like count (actions_summary id 2; 0 when the summary is there without
 * it). Text is `raw` when present, else `cooked` HTML as text. "small action" posts (post_type 3:
 * closed, pinned…) are moderator notices, not member activity, and are left out. Users ≤ 0 are
 * Discourse's own bots (system, discobot). Mentions are the user links Discourse renders into
 * `cooked` (`<a class="mention" href="/u/name">`, outside quoted posts), else the `@name` tokens
 * of `raw`; by handle, which resolves against the username every identity keeps as its handle.
 *
 * Posts are held (up to MAX_HELD) until the file ends: /t/{id}.json puts `title` after
 * `post_stream`, and /posts.json lists newest first, so replies come before their targets.
 */
import { type ActivityRecord, type IdentityRef, type ImportRecord, type MentionRef, uniqueMentions } from '../../../../shared/import';
import type { ParseContext, Parser, Sample } from '../types';
import { importError } from '../errors';
import { throwIfCancelled } from './cancel';
import { decodeEntities, htmlToText } from './forum-text';
import { type JsonObject, arr, isObject, jsonPreview, num, str } from './json-values';
import { type JsonPath, walkJson } from './json-walk';
import { MembersSeen, RecordBatch } from './record-batch';
import { readTextFile } from './text-input';

const MAX_HELD = 20_000;
const POST_PATHS = new Set(['latest_posts[]', 'post_stream.posts[]', 'posts[]']);
const USER_PATHS = new Set(['directory_items[]', 'users[]', 'members[]', 'user']);
const TOPIC_FIELDS = new Set(['id', 'title', 'category_id']);

interface HeldPost {
  post: JsonObject;
  line: number;
}

/** A value found at a wanted path. Paths join keys with "." and mark array elements with "[]". */
interface FoundValue {
  path: string;
  value: unknown;
  line: number;
}

/**
 * A walker path written the way the wanted paths are: `['post_stream', 'posts', 3]` is
 * `post_stream.posts[]`.
 */
function pathKey(path: JsonPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += '[]';
    else out = out === '' ? part : `${out}.${part}`;
  }
  return out;
}

function isPost(o: JsonObject): boolean {
  return typeof o.post_number === 'number' || (typeof o.cooked === 'string' && o.topic_id !== undefined);
}

function isUser(o: JsonObject): boolean {
  return typeof o.username === 'string' && o.id !== undefined && !isPost(o);
}

/** Likes from actions_summary (action id 2), null when the post carries no summary. */
function likesOf(post: JsonObject): number | null {
  if (Array.isArray(post.actions_summary)) {
    for (const action of arr(post, 'actions_summary')) {
      if (isObject(action) && num(action, 'id') === 2) return num(action, 'count') ?? 0;
    }
    return 0;
  }
  return num(post, 'like_count');
}

class DiscourseReader {
  private readonly source: string;
  private readonly fileName: string;
  private readonly held: HeldPost[] = [];
  /** `${topic}:${post_number}` → post id, for every post seen. */
  private readonly postIds = new Map<string, number>();
  private readonly topicTitles = new Map<number, string>();
  private readonly members = new MembersSeen();
  private readonly root: { id: number | null; title: string | null; categoryId: number | null } = { id: null, title: null, categoryId: null };
  found = 0;

  constructor(source: string, fileName: string) {
    this.source = source;
    this.fileName = fileName;
  }

  accept(v: FoundValue, out: ImportRecord[]): void {
    if (TOPIC_FIELDS.has(v.path)) {
      if (v.path === 'id' && typeof v.value === 'number') this.root.id = v.value;
      if (v.path === 'title' && typeof v.value === 'string') this.root.title = v.value;
      if (v.path === 'category_id' && typeof v.value === 'number') this.root.categoryId = v.value;
      return;
    }
    if (!isObject(v.value)) return;
    const o = v.value;
    if (POST_PATHS.has(v.path) || (v.path === '[]' && isPost(o))) {
      this.found++;
      this.hold(o, v.line, out);
      return;
    }
    const user = v.path === 'directory_items[]' && isObject(o.user) ? o.user : o;
    if (USER_PATHS.has(v.path) || (v.path === '[]' && isUser(user))) {
      if (!isUser(user)) return;
      this.found++;
      this.member(user, v.line, out);
    }
  }

  private hold(post: JsonObject, line: number, out: ImportRecord[]): void {
    const id = num(post, 'id');
    const topic = num(post, 'topic_id');
    const n = num(post, 'post_number');
    if (id !== null && topic !== null && n !== null) this.postIds.set(`${topic}:${n}`, id);
    const title = str(post, 'topic_title');
    if (topic !== null && title !== null) this.topicTitles.set(topic, title);
    this.held.push({ post, line });
    if (this.held.length >= MAX_HELD) this.flush(out);
  }

  /** Turns held posts into records with what is known now. */
  flush(out: ImportRecord[]): void {
    if (this.root.id !== null && this.root.title !== null) this.topicTitles.set(this.root.id, this.root.title);
    for (const { post, line } of this.held) this.post(post, line, out);
    this.held.length = 0;
  }

  private identity(userId: number | null, username: string | null, name: string | null): IdentityRef {
    if (userId === null) {
      // A deleted account: Discourse keeps the post but drops the user.
      return { source: this.source, externalId: `deleted:${username ?? ''}`, handle: username, displayName: name ?? username ?? 'deleted user' };
    }
    return { source: this.source, externalId: String(userId), handle: username, displayName: name, isBot: userId <= 0 };
  }

  // Problem values go through jsonPreview: an id nested 100k deep overflowed JSON.stringify (fuzzing).
  private member(user: JsonObject, line: number, out: ImportRecord[]): void {
    const id = num(user, 'id');
    if (id === null) {
      out.push({ type: 'problem', line, field: 'id', value: jsonPreview(user.id ?? null), message: 'user without a numeric id' });
      return;
    }
    const identity = this.identity(id, str(user, 'username'), nonEmpty(str(user, 'name')));
    const email = str(user, 'email');
    if (email !== null) identity.email = email;
    const created = str(user, 'created_at');
    const joinedAt = created === null ? undefined : Date.parse(created);
    this.members.announce(out, identity, line, { joinedAt: joinedAt === undefined || Number.isNaN(joinedAt) ? undefined : joinedAt });
  }

  private post(post: JsonObject, line: number, out: ImportRecord[]): void {
    const id = num(post, 'id');
    if (id === null) {
      out.push({ type: 'problem', line, field: 'id', value: jsonPreview(post.id ?? null), message: 'post without a numeric id' });
      return;
    }
    if (num(post, 'post_type') === 3) return;
    const created = str(post, 'created_at') ?? '';
    const ts = Date.parse(created);
    if (created === '' || Number.isNaN(ts)) {
      out.push({ type: 'problem', line, field: 'created_at', value: created, message: `post ${id}: not a date` });
      return;
    }
    const topic = num(post, 'topic_id') ?? this.root.id;
    const n = num(post, 'post_number') ?? 1;
    const target = n > 1 ? (num(post, 'reply_to_post_number') ?? 1) : null;
    let replyTo: string | null = null;
    if (target !== null && topic !== null) {
      const targetId = this.postIds.get(`${topic}:${target}`);
      replyTo = targetId === undefined ? `topic:${topic}:${target}` : `post:${targetId}`;
    }
    const categoryId = num(post, 'category_id') ?? this.root.categoryId;
    const title = str(post, 'topic_title') ?? (topic === null ? undefined : this.topicTitles.get(topic));
    const channel = title ?? (categoryId === null ? null : `category ${categoryId}`);
    const raw = nonEmpty(str(post, 'raw'));
    const cooked = str(post, 'cooked');
    const author = this.identity(num(post, 'user_id'), str(post, 'username'), nonEmpty(str(post, 'name')));
    this.members.announce(out, author, line);
    const record: ActivityRecord = {
      type: 'activity',
      line,
      source: this.source,
      externalId: `post:${id}`,
      kind: n === 1 ? 'post' : 'reply',
      ts,
      channel,
      text: raw ?? (cooked === null ? null : nonEmpty(htmlToText(cooked))),
      author,
      value: likesOf(post),
      replyTo,
    };
    const mentions = cooked === null ? (raw === null ? undefined : rawMentions(raw)) : cookedMentions(cooked);
    if (mentions) record.mentions = mentions;
    out.push(record);
  }
}

/**
 * The users a post's HTML links as mentions (Discourse renders only existing users so), leaving
 * out quoted posts (their mentions are the quoted author's) and group mentions (`mention-group`).
 *
 * @example
 * cookedMentions('<p>Thanks <a class="mention" href="/u/ann_lee">@Ann_Lee</a>!</p>') // [{ handle: 'ann_lee' }]
 */
export function cookedMentions(cooked: string): MentionRef[] | undefined {
  if (!cooked.includes('mention')) return undefined;
  const refs: MentionRef[] = [];
  const own = cooked.replace(/<aside\b[\s\S]*?<\/aside>/gi, '');
  for (const [, attributes = '', label = ''] of own.matchAll(/<a\b([^>]*)>([^<]*)<\/a>/gi)) {
    if (!/\bclass\s*=\s*"(?:[^"]*\s)?mention(?:\s[^"]*)?"/i.test(attributes)) continue;
    const path = /\bhref\s*=\s*"[^"]*\/u\/([^"/?#]+)/i.exec(attributes)?.[1];
    refs.push({ handle: path === undefined ? decodeEntities(label) : safeDecode(path) });
  }
  return uniqueMentions(refs);
}

/**
 * `@username` tokens of a post's Markdown (a post without `cooked`), outside code and quotes.
 * Usernames are letters, digits, `_`, `.` and `-`, not ending in `.` or `-`; an e-mail address
 * is no mention.
 *
 * @example
 * rawMentions('cc @ann.lee, @bo-dev. Mail me@example.com') // [{ handle: 'ann.lee' }, { handle: 'bo-dev' }]
 */
export function rawMentions(raw: string): MentionRef[] | undefined {
  if (!raw.includes('@')) return undefined;
  const own = raw
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/\[quote\b[\s\S]*?\[\/quote\]/gi, '');
  const tokens = own.matchAll(/(?<![\p{L}\p{N}_.@/-])@([\p{L}\p{N}_][\p{L}\p{N}_.-]*)/gu);
  return uniqueMentions(Array.from(tokens, (m) => ({ handle: (m[1] ?? '').replace(/[.-]+$/, '') })));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function nonEmpty(s: string | null): string | null {
  return s === null || s.trim() === '' ? null : s;
}

function wanted(path: string): boolean {
  return POST_PATHS.has(path) || USER_PATHS.has(path) || TOPIC_FIELDS.has(path) || path === '[]';
}

export const discourseParser: Parser = {
  format: 'discourse-json',

  detect(sample: Sample): number {
    if (sample.isDirectory || sample.zipEntries.length > 0) return 0;
    const head = sample.head.subarray(0, 16 * 1024).toString('utf8');
    if (!/^\uFEFF?\s*[[{]/.test(head)) return 0;
    if (/"latest_posts"\s*:\s*\[/.test(head)) return 0.95;
    if (/"post_stream"\s*:\s*\{/.test(head)) return 0.95;
    if (/"directory_items"\s*:\s*\[/.test(head)) return 0.9;
    const discourseUser = /"username"\s*:/.test(head) && /"(avatar_template|trust_level)"\s*:/.test(head);
    if (discourseUser && /"(cooked|post_number)"\s*:/.test(head)) return 0.85;
    if (discourseUser) return 0.75;
    return 0;
  },

  async *parse(ctx: ParseContext): AsyncGenerator<ImportRecord[]> {
    const reader = new DiscourseReader(ctx.options.source ?? 'discourse', ctx.fileName);
    // Every container is walked into, so a wanted path is found at any depth it is listed for.
    const decide = (path: JsonPath): 'capture' | 'descend' => (wanted(pathKey(path)) ? 'capture' : 'descend');
    const batch = new RecordBatch();
    for await (const events of walkJson(readTextFile(ctx), { fileName: ctx.fileName, decide })) {
      throwIfCancelled(ctx);
      const out: ImportRecord[] = [];
      for (const e of events) {
        if (e.type !== 'value') continue;
        const path = pathKey(e.path);
        // Primitives under a walked-into container come as values too; only wanted ones count.
        if (wanted(path)) reader.accept({ path, value: e.value, line: e.line }, out);
      }
      batch.push(out);
      if (batch.full) yield batch.take();
    }
    const out: ImportRecord[] = [];
    reader.flush(out);
    batch.push(out);
    if (reader.found === 0) {
      throw importErrorNoContent(ctx.fileName);
    }
    if (batch.length > 0) yield batch.take();
  },
};

function importErrorNoContent(fileName: string): Error {
  return importError(
    fileName,
    'json',
    'no Discourse posts or users found (expected latest_posts, post_stream.posts, directory_items or a list of users)',
  );
}
