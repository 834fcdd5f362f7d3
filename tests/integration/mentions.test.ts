/**
 * Mentions end to end: imported with their messages, resolved to members through identities when
 * scores are computed, counted in influence and explained in the drawer. The expected numbers are
 * worked out by hand from the fixtures (tests/fixtures/import/{discord,discourse,telegram}/mentions*.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberReach } from '../../db/queries/member-stats';
import { readMemberRules } from '../../db/queries/member-rules';
import type { Services } from '../../electron/services';
import { influenceScore } from '../../shared/members/koc';
import { dayResolver } from '../../shared/time';
import { fixture } from '../support/import-harness';
import { call, testServices } from '../support/services';

// The clock: 2026-11-24 16:00 in Shanghai, so scores are as of 2026-11-24. The Discord fixture's
// last message (2026-11-25 10:00 there) is after it.
const NOW = Date.UTC(2026, 10, 24, 8);
const TODAY = dayResolver('Asia/Shanghai')(NOW);

let services: Services & { dir: string };
beforeEach(async () => {
  services = testServices(NOW);
  await call(services, 'workspace/create', { name: 'Mentions', timeZone: 'Asia/Shanghai' });
});
afterEach(async () => {
  await services.dispose();
});

const sqlite = () => services.ctx.session.workspace.sqlite;

interface Scored {
  id: number;
  influence: number;
  replies: number;
  mentions: number;
  people: number;
}

/** Each live member by name: the stored influence and what the reach query gives them. */
async function scores(): Promise<Map<string, Scored>> {
  const { rows } = await call(services, 'members/grid', { start: 0, limit: 100 });
  const reach = new Map(memberReach(sqlite(), TODAY).map((r) => [r.memberId, r]));
  return new Map(
    rows.map((row) => {
      const r = reach.get(row.id);
      return [
        row.name,
        {
          id: row.id,
          influence: row.influence,
          replies: r?.repliesReceived ?? 0,
          mentions: r?.mentionsReceived ?? 0,
          people: r?.peopleReached ?? 0,
        },
      ];
    }),
  );
}

/** What the reach numbers of the named members are, as [replies, mentions, people, influence]. */
async function reachOf(...names: string[]): Promise<Record<string, [number, number, number, number] | null>> {
  const all = await scores();
  return Object.fromEntries(
    names.map((name) => {
      const s = all.get(name);
      return [name, s ? [s.replies, s.mentions, s.people, s.influence] : null];
    }),
  );
}

async function importFile(file: string, extra: Record<string, unknown> = {}) {
  return call(services, 'import/run', { path: file, ...extra });
}

const mentionRows = (): number =>
  sqlite().prepare<[], number>('SELECT count(*) FROM activity_mention').pluck().get() ?? 0;

describe('mentions in influence', () => {
  it('counts mentions by others up to the as-of day, once per message; never self-mentions, bots or the author a reply answers', async () => {
    const result = await importFile(fixture('discord', 'mentions.json'));
    expect(result.activities).toEqual({ added: 8, duplicates: 0 });
    // m2: Ann, 陈伟; m3: Ann; m4: Ann (self), Bo; m5: Ann (twice, once stored; the bot left out); m6: Eve; m7: Ann.
    expect(mentionRows()).toBe(8);

    // Ann: replied to by 陈伟 (m3, which also pings her: one reply); mentioned by Bo (m2) and Dee
    // (m5), not by herself (m4) nor by 陈伟's m7 (after the as-of day). 3 reactions on m1.
    // Influence 2×1 reply + 1×3 reactions + 2×2 mentions + 3×3 people = 18.
    // Bo: mentioned by Ann (m4) = 2 + 3 = 5; 陈伟: mentioned by Bo (m2) = 5; Dee: nothing.
    expect(await reachOf('Ann', 'Bo', '陈伟', 'Dee', 'Eve')).toEqual({
      Ann: [1, 2, 3, 18],
      Bo: [0, 1, 1, 5],
      陈伟: [0, 1, 1, 5],
      Dee: [0, 0, 0, 0],
      // Mentioned (m6) but never seen posting: no member.
      Eve: null,
    });

    // The drawer says what Ann's 18 is made of: the numbers the recompute weighed.
    const ann = (await scores()).get('Ann');
    const detail = await call(services, 'members/detail', { id: ann?.id ?? 0 });
    const koc = detail.explanations.find((e) => e.key.startsWith('koc.'));
    expect(koc?.params).toMatchObject({ score: 18, replies: 1, reactions: 3, mentions: 2, people: 3, referrals: 0 });
    const weights = readMemberRules(sqlite()).koc.weights;
    const p = koc?.params as Record<string, number>;
    const stats = {
      repliesReceived: p.replies ?? 0,
      reactionsReceived: p.reactions ?? 0,
      mentionsReceived: p.mentions ?? 0,
      peopleReached: p.people ?? 0,
      referrals: p.referrals ?? 0,
    };
    expect(influenceScore(stats, weights)).toBe(18);
  });

  it('adds no mention rows when the same file comes again, and undoing the import removes them', async () => {
    const first = await importFile(fixture('discord', 'mentions.json'));
    const again = await importFile(fixture('discord', 'mentions.json'));
    expect(again.activities).toEqual({ added: 0, duplicates: 8 });
    expect(mentionRows()).toBe(8);

    await call(services, 'import/undo', { batchId: first.batchId ?? 0 });
    expect(mentionRows()).toBe(0);
    expect(sqlite().pragma('foreign_key_check')).toEqual([]);
    expect((await scores()).size).toBe(0);
  });

  it('counts a mention of someone who only posts in a later import from then on, until that import is undone', async () => {
    await importFile(fixture('discord', 'mentions.json'));
    const later = await importFile(fixture('discord', 'mentions-later.json'));
    // Eve, mentioned by Bo (m6), now posts and mentions Bo: 2 + 3 = 5 each way; Bo has Ann and Eve.
    expect(await reachOf('Eve', 'Bo')).toEqual({ Eve: [0, 1, 1, 5], Bo: [0, 2, 2, 10] });

    await call(services, 'import/undo', { batchId: later.batchId ?? 0 });
    expect(await reachOf('Eve', 'Bo')).toEqual({ Eve: null, Bo: [0, 1, 1, 5] });
    expect(mentionRows()).toBe(8);
  });

  it('moves mention counts with the identities when members are merged, and back when unmerged', async () => {
    await importFile(fixture('discord', 'mentions.json'));
    const before = await scores();
    const { mergeId } = await call(services, 'members/merge', {
      intoId: before.get('Ann')?.id ?? 0,
      fromId: before.get('Bo')?.id ?? 0,
    });
    await call(services, 'members/recompute', {});
    // Ann and Bo are one person now: Bo's m2 and Ann's m4 mention only themselves, so Ann keeps
    // 陈伟's reply and Dee's mention (2 + 3 + 2 + 3×2 = 13); 陈伟 was mentioned by Ann (m2).
    expect(await reachOf('Ann', 'Bo', '陈伟')).toEqual({ Ann: [1, 1, 2, 13], Bo: null, 陈伟: [0, 1, 1, 5] });

    await call(services, 'members/unmerge', { mergeId });
    await call(services, 'members/recompute', {});
    expect(await reachOf('Ann', 'Bo', '陈伟')).toEqual({ Ann: [1, 2, 3, 18], Bo: [0, 1, 1, 5], 陈伟: [0, 1, 1, 5] });
  });

  it('resolves a handle mention case-blind against the username a Discourse identity keeps', async () => {
    await importFile(fixture('discourse', 'mentions.json'));
    expect(sqlite().prepare('SELECT handle FROM identity ORDER BY external_id').pluck().all()).toEqual([
      'Ann_Lee',
      'bo',
      'cy',
    ]);
    // Ann_Lee: bo's reply to her topic (its mention of her is that reply); mentioned by cy (cooked)
    // and bo (raw). bo and cy: each replied to once, their mention in that reply not counted.
    expect(await reachOf('Ann_Lee', 'bo', 'cy')).toEqual({
      Ann_Lee: [1, 2, 2, 2 + 2 * 2 + 3 * 2],
      bo: [1, 0, 1, 5],
      cy: [1, 0, 1, 5],
    });
  });

  it('counts a Telegram @username for someone whose handle a member list gave', async () => {
    // Telegram exports carry no usernames: a member list imported as telegram brings them.
    const list = path.join(services.dir, 'telegram-members.csv');
    fs.writeFileSync(list, 'member,name,handle\nuser1001,Ann,Ann_TG\n');
    await importFile(list, {
      format: 'csv',
      source: 'telegram',
      map: { member: 'member', name: 'name', handle: 'handle' },
    });
    await importFile(fixture('telegram', 'mentions.json'));
    // Ann: Bo's @Ann_TG (message 2) and his message 3, which names her twice (mention_name and
    // @ann_tg) and counts once: 2×2 + 3×1 = 7. Bo: Cy's mention_name; Cy's @Bo_Li names no one known.
    expect(await reachOf('Ann', 'Bo')).toEqual({ Ann: [0, 2, 1, 7], Bo: [0, 1, 1, 5] });
  });

  it('reads member rules stored before mentions counted: the weight defaults and the rest stays as edited', async () => {
    const edited = structuredClone(readMemberRules(sqlite())) as unknown as {
      koc: { weights: Record<string, number>; minActiveDays: number };
    };
    delete edited.koc.weights.mentionsReceived;
    edited.koc.minActiveDays = 1;
    sqlite().prepare("INSERT INTO setting (key, value) VALUES ('memberRules', ?)").run(JSON.stringify(edited));
    const rules = readMemberRules(sqlite());
    expect(rules.koc.weights.mentionsReceived).toBe(2);
    expect(rules.koc.minActiveDays).toBe(1);

    await importFile(fixture('discord', 'mentions.json'));
    expect((await reachOf('Ann')).Ann?.[3]).toBe(18);
  });
});
