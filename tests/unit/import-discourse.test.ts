import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../shared/import';
import { cookedMentions, discourseParser, rawMentions } from '../../electron/services/import/parsers/discourse';
import { htmlToText } from '../../electron/services/import/parsers/forum-text';
import type { Sample } from '../../electron/services/import/types';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/import/discourse');

function ctxFor(name: string, signal = new AbortController().signal) {
  return { path: path.join(FIXTURES, name), fileName: name, options: { timeZone: 'Asia/Shanghai' }, signal, progress: () => undefined };
}

async function collect(name: string): Promise<ImportRecord[]> {
  const out: ImportRecord[] = [];
  for await (const batch of discourseParser.parse(ctxFor(name))) out.push(...batch);
  return out;
}

function sample(name: string): Sample {
  return { fileName: name, head: fs.readFileSync(path.join(FIXTURES, name)), isDirectory: false, zipEntries: [] };
}

const liwei = { source: 'discourse', externalId: '12', handle: 'liwei', displayName: 'Li Wei', isBot: false };
const anna = { source: 'discourse', externalId: '13', handle: 'anna_k', displayName: null, isBot: false };
const mo = { source: 'discourse', externalId: '14', handle: 'mo', displayName: null, isBot: false };

describe('Discourse posts list (/posts.json)', () => {
  it('maps posts and replies, resolving reply targets listed later in the file', async () => {
    expect(await collect('posts.json')).toEqual([
      { type: 'member', line: 3, identity: liwei },
      {
        type: 'activity',
        line: 3,
        source: 'discourse',
        externalId: 'post:104',
        kind: 'reply',
        ts: Date.UTC(2024, 2, 5, 6, 10),
        channel: 'Spring tasting notes',
        text: 'Same here, the **March** batch is great & cheap.',
        author: liwei,
        value: 4,
        replyTo: 'post:103',
      },
      { type: 'member', line: 22, identity: anna },
      {
        type: 'activity',
        line: 22,
        source: 'discourse',
        externalId: 'post:103',
        kind: 'reply',
        ts: Date.UTC(2024, 2, 5, 5),
        channel: 'Spring tasting notes',
        // No raw: the cooked HTML as text, emoji images by their alt text.
        text: 'I tried the oolong 🍵 :+1:',
        author: anna,
        value: 0,
        // A reply without reply_to_post_number answers the topic's first post.
        replyTo: 'post:101',
      },
      // Post 102 is a "small action" (post_type 3) by system: not member activity.
      {
        type: 'activity',
        line: 59,
        source: 'discourse',
        externalId: 'post:101',
        kind: 'post',
        ts: Date.UTC(2024, 2, 4, 12),
        channel: 'Spring tasting notes',
        text: 'What did everyone think of the spring teas?',
        author: liwei,
        value: 7,
        replyTo: null,
      },
      { type: 'member', line: 78, identity: mo },
      {
        type: 'activity',
        line: 78,
        source: 'discourse',
        externalId: 'post:99',
        kind: 'reply',
        ts: Date.UTC(2024, 2, 3, 9),
        channel: 'Older topic',
        text: 'Agreed.',
        author: mo,
        // No actions_summary at all: no like count known.
        value: null,
        // The target (post 4 of topic 19) is not in the file: a placeholder id names it.
        replyTo: 'topic:19:4',
      },
    ]);
  });

  it('gives the same records on every parse', async () => {
    expect(await collect('posts.json')).toEqual(await collect('posts.json'));
  });
});

describe('Discourse topic (/t/{id}.json)', () => {
  it('takes the channel from the topic title that follows post_stream, and reports a bad date', async () => {
    const records = await collect('topic.json');
    expect(records).toEqual([
      { type: 'member', line: 1, identity: { ...anna, displayName: 'Anna K' } },
      expect.objectContaining({
        externalId: 'post:201',
        kind: 'post',
        ts: Date.UTC(2024, 3, 1, 2),
        channel: 'Spring meetup 春季聚会',
        text: 'Meetup in Hangzhou?\n\nSat\n\nSun',
        value: 2,
        replyTo: null,
      }),
      expect.objectContaining({ type: 'member', line: 2 }),
      // The quoted post (<aside class="quote">) is not part of the reply's text.
      expect.objectContaining({ line: 2, externalId: 'post:202', kind: 'reply', text: 'Saturday works', replyTo: 'post:201' }),
      { type: 'member', line: 3, identity: { source: 'discourse', externalId: 'deleted:', handle: null, displayName: 'deleted user' } },
      expect.objectContaining({ line: 3, externalId: 'post:203', replyTo: 'topic:30:7' }),
      { type: 'problem', line: 4, field: 'created_at', value: 'not a date', message: 'post 204: not a date' },
    ]);
  });
});

describe('Discourse user lists', () => {
  it('reads directory items', async () => {
    expect(await collect('directory.json')).toEqual([
      { type: 'member', line: 3, identity: liwei },
      { type: 'member', line: 4, identity: { ...anna, displayName: 'Anna K' } },
    ]);
  });

  it('reads the admin user list with join dates, emails and the system bot', async () => {
    expect(await collect('admin-users.json')).toEqual([
      {
        type: 'member',
        line: 2,
        identity: { source: 'discourse', externalId: '-1', handle: 'system', displayName: 'system', isBot: true },
        joinedAt: Date.UTC(2023, 11, 1),
      },
      { type: 'member', line: 3, identity: { ...liwei, email: 'liwei@example.cn' }, joinedAt: Date.UTC(2024, 0, 15, 8) },
      { type: 'member', line: 4, identity: mo, joinedAt: Date.UTC(2024, 1, 20, 16, 30) },
    ]);
  });
});

describe('Discourse detection and errors', () => {
  it('detects by keys', () => {
    expect(discourseParser.detect(sample('posts.json'))).toBe(0.95);
    expect(discourseParser.detect(sample('topic.json'))).toBe(0.95);
    expect(discourseParser.detect(sample('directory.json'))).toBe(0.9);
    expect(discourseParser.detect(sample('admin-users.json'))).toBe(0.75);
    expect(discourseParser.detect({ fileName: 'x.json', head: Buffer.from('{"guild":{},"channel":{},"messages":[]}'), isDirectory: false, zipEntries: [] })).toBe(0);
  });

  it('refuses JSON without Discourse content, and truncated JSON, naming the file', async () => {
    await expect(collect('unrelated.json')).rejects.toMatchObject({ code: 'import_invalid', details: { file: 'unrelated.json', field: 'json' } });
    await expect(collect('truncated.json')).rejects.toMatchObject({ code: 'import_invalid', details: { file: 'truncated.json', field: 'latest_posts[1]', line: 4 } });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = async (): Promise<void> => {
      for await (const _batch of discourseParser.parse(ctxFor('posts.json', controller.signal))) void _batch;
    };
    await expect(run()).rejects.toMatchObject({ code: 'import_cancelled' });
  });

  it('turns forum HTML into text', () => {
    expect(htmlToText('<p>a &amp; b<br>c</p><ul><li>x</li></ul><script>alert(1)</script>')).toBe('a & b\nc\n\nx');
  });
});

describe('Discourse mentions', () => {
  it('takes user links from cooked HTML, else @names from raw, and keeps usernames as handles', async () => {
    const records = await collect('mentions.json');
    const acts = records.filter((r) => r.type === 'activity');
    expect(acts.map((a) => [a.externalId, a.author.handle, a.replyTo, a.mentions ?? null])).toEqual([
      ['post:301', 'Ann_Lee', null, null],
      ['post:302', 'bo', 'post:301', [{ handle: 'ann_lee' }]],
      // Not @dan (inside the quoted post) nor @baristas (a group).
      ['post:303', 'cy', 'post:302', [{ handle: 'ann_lee' }, { handle: 'bo' }]],
      // raw only: no e-mail address, no code span, no trailing full stop.
      ['post:304', 'bo', 'post:303', [{ handle: 'cy' }, { handle: 'ann_lee' }]],
    ]);
  });

  it('reads mention links whatever the attribute order, and a name the link does not carry', () => {
    expect(cookedMentions('<a href="/forum/u/Mo%C3%AF" class="mention">@Moï</a> <a class="mention">@Li.Wei</a>')).toEqual([
      { handle: 'moï' },
      { handle: 'li.wei' },
    ]);
    expect(cookedMentions('<p>no one</p>')).toBeUndefined();
    expect(rawMentions('```\n@code\n```\n[quote="x"]@quoted[/quote] hi @real_one- and @x.')).toEqual([{ handle: 'real_one' }, { handle: 'x' }]);
  });
});
