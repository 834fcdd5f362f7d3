/**
 * One member at a time: when they joined, how long they stayed, how much they talk, what they
 * buy and what they answered in the NPS survey. Each member's rows are built in small reused
 * buffers and written straight away, so ten million activities never sit in memory together.
 *
 * The shape, in numbers (tuned so a member averages about ten activities):
 * - joins follow growth (×3 over the window), shopping festivals, 春节 and the week;
 * - 22% stay for good; the rest drift away after 7 days + an exponential 120-day mean;
 * - talk rate is Pareto-tailed (α 1.6) and 30% are near-silent lurkers, so a few members
 *   write thousands of messages and most write a handful;
 * - ~40% buy at least once, engaged members more often and more repeatedly;
 * - 15% answer the NPS survey (a `survey` activity plus its survey_response row);
 * - 5% of messages and replies @mention someone who spoke recently on the same platform, the
 *   more they spoke the likelier (its text then starts "@name "). Who and when is drawn from a
 *   random stream of its own, so every other row is what it was before mentions.
 */
import type { DemoWriter } from '../../../db/queries/demo';
import type { ActivityKind } from '../../../shared/import';
import { mix32, SeededRandom, seedState, weighted, type WeightedChoice } from '../../../shared/random';
import type { DemoCalendar } from './calendar';
import { type DemoIdentity, PeopleFactory } from './people';
import {
  eventText,
  type Language,
  messageText,
  type Mood,
  reactionText,
  replyText,
  surveyComment,
  ugcText,
} from './texts';
import {
  channelsBySource,
  checkinChannel,
  favouriteDrinks,
  leakComplaints,
  products,
  type SocialSource,
  ugcChannel,
} from './vocabulary';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The activity kinds the demo produces, in rollup-array order. */
const demoKinds = [
  'join',
  'message',
  'reply',
  'reaction',
  'checkin',
  'ugc_post',
  'event_attendance',
  'referral',
  'survey',
] as const satisfies readonly ActivityKind[];
type Kind = (typeof demoKinds)[number];
const kindIndex = new Map<Kind, number>(demoKinds.map((kind, i) => [kind, i]));

/** Talk styles: what a member's activity is made of. */
const styles: readonly WeightedChoice<Kind>[] = [
  // chatter
  weighted<Kind>([
    ['message', 50],
    ['reply', 20],
    ['reaction', 15],
    ['checkin', 5],
    ['ugc_post', 4],
    ['event_attendance', 3],
    ['referral', 3],
  ]),
  // reactor
  weighted<Kind>([
    ['message', 20],
    ['reply', 10],
    ['reaction', 55],
    ['checkin', 8],
    ['ugc_post', 2],
    ['event_attendance', 3],
    ['referral', 2],
  ]),
  // 打卡党: checks in daily
  weighted<Kind>([
    ['message', 20],
    ['reply', 8],
    ['reaction', 15],
    ['checkin', 50],
    ['ugc_post', 3],
    ['event_attendance', 2],
    ['referral', 2],
  ]),
  // creator
  weighted<Kind>([
    ['message', 30],
    ['reply', 15],
    ['reaction', 15],
    ['checkin', 5],
    ['ugc_post', 30],
    ['event_attendance', 3],
    ['referral', 2],
  ]),
];
const styleChoice = weighted([
  [0, 45],
  [1, 30],
  [2, 15],
  [3, 10],
] as const);
const productChoice = weighted(products.map(([name, price]) => [[name, price] as const, 160 / price] as const));

/** Calibrated so the average member has about ten activities (see the module comment). */
const TALK_RATE_PER_DAY = 0.039;
const MAX_RATE_PER_DAY = 6;
/** Buffer size; also the most activities one member can have. */
const MAX_EVENTS = 4096;

/** Share of messages and replies that mention someone. */
const MENTION_SHARE = 0.05;
/** Recent speakers kept per platform to mention: a ring, each speaker in it once per ten things said (up to 8 times). */
const RECENT_SPEAKERS = 1024;

/** External-id prefixes of activity rows per platform. */
const messagePrefix: Record<SocialSource, string> = {
  wechat: 'wx_msg_',
  discord: 'dc_',
  xiaohongshu: 'xhs_',
  telegram: 'tg_',
};

interface Slot {
  source: SocialSource;
  channel: string | null;
}

/** Rows written so far, per table. */
export interface CommunityCounts {
  member: number;
  identity: number;
  activity: number;
  order: number;
  survey_response: number;
}

/** Rollup slots (see CommunityGenerator.slots) of one platform's channels. */
interface SourceChannels {
  /** Slot of each channel in channelsBySource order, and a weighted choice of index into it. */
  slots: readonly number[];
  choice: WeightedChoice<number>;
  /** Where check-ins go: a dedicated channel, or -1 for the member's home channel. */
  checkin: number;
  ugc: number;
  /** Activity without a channel (events attended offline, survey answers). */
  none: number;
}

/** The content of one activity row apart from who, when and where it was said. */
interface Said {
  slot: number;
  text: string | null;
  value: number | null;
}

export class CommunityGenerator {
  readonly counts: CommunityCounts = { member: 0, identity: 0, activity: 0, order: 0, survey_response: 0 };
  private readonly people: PeopleFactory;
  /** Every (platform, channel) an activity can be in; rollup counts are kept per slot. */
  private readonly slots: Slot[] = [];
  private readonly slotIndex = new Map<string, number>();
  private readonly bySource: Record<SocialSource, SourceChannels>;
  /** activity_daily counts: [day index][slot][kind], flat. */
  private readonly daily: Uint32Array;
  private readonly sequence: Record<SocialSource, number> = { wechat: 0, discord: 0, xiaohongshu: 0, telegram: 0 };
  private orderSequence = 0;
  private surveySequence = 0;
  private readonly times = new Float64Array(MAX_EVENTS);
  /** Who is mentioned: a stream of its own, so mentions leave every other row as it was. */
  private readonly mentionRandom: SeededRandom;
  private readonly speakers: Record<SocialSource, SpeakerRing> = {
    wechat: new SpeakerRing(),
    discord: new SpeakerRing(),
    xiaohongshu: new SpeakerRing(),
    telegram: new SpeakerRing(),
  };

  constructor(
    private readonly random: SeededRandom,
    private readonly calendar: DemoCalendar,
    private readonly writer: DemoWriter,
    seed: number,
    private readonly now: number,
  ) {
    this.people = new PeopleFactory(seed);
    this.mentionRandom = new SeededRandom(mix32(seedState(seed) ^ 0x3e4710));
    const register = (source: SocialSource, channel: string | null): number => {
      const key = slotKey(source, channel);
      const known = this.slotIndex.get(key);
      if (known !== undefined) return known;
      this.slots.push({ source, channel });
      this.slotIndex.set(key, this.slots.length - 1);
      return this.slots.length - 1;
    };
    const channels = (source: SocialSource): SourceChannels => {
      const list = channelsBySource[source];
      const checkin = checkinChannel[source];
      return {
        slots: list.map(([name]) => register(source, name)),
        choice: weighted(list.map(([, weight], i) => [i, weight] as const)),
        checkin: checkin === null ? -1 : register(source, checkin),
        ugc: register(source, ugcChannel[source]),
        none: register(source, null),
      };
    };
    this.bySource = {
      wechat: channels('wechat'),
      discord: channels('discord'),
      xiaohongshu: channels('xiaohongshu'),
      telegram: channels('telegram'),
    };
    // Every slot is known now; the rollup array is sized for exactly these.
    this.daily = new Uint32Array(calendar.days * this.slots.length * demoKinds.length);
  }

  /** The rollup slot of a channel registered in the constructor. */
  private slotOf(source: SocialSource, channel: string | null): number {
    const slot = this.slotIndex.get(slotKey(source, channel));
    if (slot === undefined) throw new Error(`unknown demo channel ${source}/${channel ?? ''}`);
    return slot;
  }

  /**
   * Generates and writes member number `index` of `total` (0-based). Members are generated in
   * join order: `index / total` is the member's quantile on the join curve.
   */
  member(index: number, total: number): void {
    const { random, calendar, now } = this;
    const joinTs = calendar.joinTime(random, (index + random.next()) / total);
    const loyal = random.chance(0.22);
    const stayDays = loyal ? Infinity : 7 + -Math.log(1 - random.next()) * 120;
    const endTs = Math.max(joinTs, Math.min(now, joinTs + stayDays * DAY));
    const lurker = random.chance(0.3);
    const rate = Math.min(MAX_RATE_PER_DAY, TALK_RATE_PER_DAY * random.pareto(1.6, 1) * (lurker ? 0.15 : 1));
    const extra = Math.min(MAX_EVENTS - 2, random.poisson((rate * (endTs - joinTs)) / DAY));
    const answersSurvey = random.chance(0.15);
    const buyer = random.chance(0.26 + 0.4 * (1 - Math.exp(-extra / 10)));
    const person = this.people.person(random, index, buyer);
    const style = styles[styleChoice.pick(random)] ?? styles[0];
    if (!style) throw new Error('no talk styles');

    // Times: the join first, then the rest sorted, so ids run in time order per member.
    const count = 1 + extra + (answersSurvey ? 1 : 0);
    const times = this.times;
    times[0] = joinTs;
    const fade = loyal ? 1 : 1.4;
    for (let j = 1; j < count; j += 1) times[j] = calendar.activityTime(random, joinTs, endTs, fade);
    times.subarray(1, count).sort();
    const lastTs = times[count - 1] ?? joinTs;
    const surveyAt = answersSurvey ? random.int(1, count - 1) : -1;
    const score = answersSurvey ? surveyScore(random, extra) : 0;

    const memberId = this.writer.member(person.displayName, joinTs, lastTs, person.tags, now);
    this.counts.member += 1;
    for (const id of person.identities) {
      this.writer.identity(memberId, id.source, id.externalId, id.handle, id.displayName, id.email, id.phone);
    }
    this.counts.identity += person.identities.length;

    const social = person.identities.slice(0, person.socialCount);
    const homeSlots = social.map((id) => this.slotOf(sourceOf(id), id.homeChannel));
    const spoke = social.map(() => 0);
    let checkins = 0;
    for (let j = 0; j < count; j += 1) {
      const ts = times[j] ?? joinTs;
      const day = calendar.dayOf(ts);
      const k = day - calendar.firstDay;
      const kind: Kind = j === 0 ? 'join' : j === surveyAt ? 'survey' : style.pick(random);
      const which = j > 0 && social.length > 1 && random.chance(0.25) ? random.int(1, social.length - 1) : 0;
      const identity = social[which] ?? social[0];
      if (!identity) throw new Error('a member without a social identity');
      const source = sourceOf(identity);
      const channels = this.bySource[source];
      const home = homeSlots[which] ?? channels.none;
      let said: Said = { slot: home, text: null, value: null };
      if (kind === 'checkin') {
        // The value of a check-in is how many this member has made so far (打卡第 N 次).
        checkins += 1;
        said = { slot: channels.checkin >= 0 ? channels.checkin : home, text: null, value: checkins };
      } else if (kind === 'survey') {
        said = { slot: channels.none, text: null, value: score };
      } else if (kind !== 'join') {
        const mood = {
          complaintRate: calendar.complaintRate[k] ?? 0.05,
          deliveryShare: calendar.deliveryShare[k] ?? 0.35,
        };
        said = this.say(kind, channels, home, person.language, mood);
      }
      const { slot, value } = said;
      let { text } = said;
      const talk = kind === 'message' || kind === 'reply';
      if (talk) spoke[which] = (spoke[which] ?? 0) + 1;
      const mentioned = talk && this.mentionRandom.chance(MENTION_SHARE) ? this.speakers[source].pick(this.mentionRandom) : null;
      if (mentioned) text = `@${mentioned.displayName} ${text ?? ''}`.trim();
      const channel = this.slots[slot]?.channel ?? null;
      const externalId = messagePrefix[source] + pad10((this.sequence[source] += 1));
      const activityId = this.writer.activity(memberId, source, kind, ts, day, channel, externalId, text, value);
      if (mentioned) this.writer.mention(activityId, 'externalId', mentioned.externalId);
      const cell = (k * this.slots.length + slot) * demoKinds.length + (kindIndex.get(kind) ?? 0);
      this.daily[cell] = (this.daily[cell] ?? 0) + 1;

      if (j === surveyAt) {
        const answers = JSON.stringify({
          comment: surveyComment(random, person.language, score),
          favourite: random.pick(favouriteDrinks),
        });
        const surveyId = `nps_${pad10((this.surveySequence += 1))}`;
        this.writer.survey(memberId, source, surveyId, ts, day, score, answers);
        this.counts.survey_response += 1;
      }
    }
    this.counts.activity += count;
    social.forEach((identity, i) => this.speakers[sourceOf(identity)].add(identity, spoke[i] ?? 0));

    if (buyer) this.orders(memberId, joinTs, lastTs, extra);
  }

  /**
   * Yesterday evening's complaint burst in the biggest WeChat group about one defect (cold-brew
   * caps leaking): a current issue for the crisis monitor to find, sized so it shows at any demo
   * size. Written before the daily rollups are filled, through the same counters.
   */
  complaintWave(firstMemberId: number): void {
    const { random, calendar, now } = this;
    const members = this.counts.member;
    if (members === 0) return;
    const k = calendar.days - 2;
    const start = (calendar.dayStart[k] ?? now - DAY) + 19.5 * HOUR;
    const slot = this.bySource.wechat.slots[0] ?? this.bySource.wechat.none;
    const channel = this.slots[slot]?.channel ?? null;
    const size = Math.max(30, Math.min(400, Math.round(members / 25)));
    for (let i = 0; i < size; i += 1) {
      const memberId = firstMemberId + random.int(0, members - 1);
      const ts = Math.min(now, start + Math.floor(random.next() * 100 * MINUTE));
      const text = random.pick(leakComplaints);
      const externalId = messagePrefix.wechat + pad10((this.sequence.wechat += 1));
      this.writer.activity(memberId, 'wechat', 'message', ts, calendar.dayOf(ts), channel, externalId, text, 0);
      this.writer.touchMember(memberId, ts);
      const cell = (k * this.slots.length + slot) * demoKinds.length + (kindIndex.get('message') ?? 0);
      this.daily[cell] = (this.daily[cell] ?? 0) + 1;
    }
    this.counts.activity += size;
  }

  /** What a member says or does in a conversation kind of activity, and in which channel. */
  private say(
    kind: Exclude<Kind, 'join' | 'checkin' | 'survey'>,
    channels: SourceChannels,
    home: number,
    language: Language,
    mood: Mood,
  ): Said {
    const random = this.random;
    switch (kind) {
      case 'message':
      case 'reply': {
        // Mostly in their home channel, now and then elsewhere on the same platform.
        const slot = random.chance(0.15) ? (channels.slots[channels.choice.pick(random)] ?? home) : home;
        const text = kind === 'message' ? messageText(random, language, mood) : replyText(random, language, mood);
        // Reactions the message received: most get none, a few get many.
        const value = random.chance(0.55) ? 0 : Math.floor(random.pareto(1.8, 1));
        return { slot, text, value };
      }
      case 'reaction':
        return { slot: home, text: reactionText(random), value: null };
      case 'ugc_post':
        return { slot: channels.ugc, text: ugcText(random, language), value: Math.floor(random.pareto(1.4, 2)) };
      case 'event_attendance':
        return { slot: channels.none, text: eventText(random), value: null };
      case 'referral':
        return { slot: home, text: null, value: 1 };
    }
  }

  /** Repeat purchases between joining and the last activity, drawn to festivals. */
  private orders(memberId: number, from: number, to: number, extra: number): void {
    const { random, calendar } = this;
    const orders = Math.min(40, 1 + random.poisson(0.7 + Math.min(4, extra / 25)));
    for (let n = 0; n < orders; n += 1) {
      const ts = calendar.orderTime(random, from, to);
      const k = calendar.indexOf(ts);
      const [, price] = productChoice.pick(random);
      const quantity = random.int(1, Math.max(1, Math.min(3, Math.floor(300 / price))));
      const festival = (calendar.orderWeight[k] ?? 0) > 0.5 && price >= 50;
      const amount = Math.max(25, Math.round(price * quantity * (festival ? 0.85 : 1) * 100) / 100);
      const status = random.chance(0.06) ? 'cancelled' : 'paid';
      const externalId = `SL${pad10((this.orderSequence += 1))}`;
      this.writer.order(memberId, 'shop', externalId, ts, calendar.dayOf(ts), amount, quantity, status);
    }
    this.counts.order += orders;
  }

  /**
   * Writes the activity_daily rollup counted while generating: a few thousand rows, counted for
   * free on the way. (member_daily, nearly a row per activity, is left to one GROUP BY in SQL:
   * inserting it from here, row by row, measured slower.)
   */
  writeActivityDaily(): number {
    const kinds = demoKinds.length;
    const slots = this.slots.length;
    let rows = 0;
    for (let k = 0; k < this.calendar.days; k += 1) {
      for (let s = 0; s < slots; s += 1) {
        const slot = this.slots[s];
        if (!slot) continue;
        for (let kind = 0; kind < kinds; kind += 1) {
          const events = this.daily[(k * slots + s) * kinds + kind] ?? 0;
          if (events === 0) continue;
          this.writer.activityDaily(
            this.calendar.firstDay + k,
            slot.source,
            slot.channel ?? '',
            demoKinds[kind] ?? 'join',
            events,
          );
          rows += 1;
        }
      }
    }
    return rows;
  }
}

/**
 * The people who spoke lately on one platform, most talkative most often: whom a message can
 * mention. Members are generated in join order, so everyone in it joined before whoever mentions
 * them.
 */
class SpeakerRing {
  private readonly ring: DemoIdentity[] = [];
  private next = 0;

  /** Adds a member's identity once per ten things they said there (at least once, at most 8 times). */
  add(identity: DemoIdentity, said: number): void {
    if (said === 0) return;
    for (let copies = Math.min(8, Math.ceil(said / 10)); copies > 0; copies -= 1) {
      if (this.ring.length < RECENT_SPEAKERS) this.ring.push(identity);
      else this.ring[this.next] = identity;
      this.next = (this.next + 1) % RECENT_SPEAKERS;
    }
  }

  pick(random: SeededRandom): DemoIdentity | null {
    return this.ring.length === 0 ? null : (this.ring[random.int(0, this.ring.length - 1)] ?? null);
  }
}

const slotKey = (source: SocialSource, channel: string | null): string => `${source}\u0000${channel ?? ''}`;

function sourceOf(identity: DemoIdentity): SocialSource {
  const source = identity.source;
  if (source === 'shop') throw new Error('the shop account is not a social identity');
  return source;
}

const pad10 = (n: number): string => String(n).padStart(10, '0');

/** NPS answers: engaged members are more often promoters. */
function surveyScore(random: SeededRandom, extra: number): number {
  const promoter = 0.4 + 0.25 * (1 - Math.exp(-extra / 20));
  const roll = random.next();
  if (roll < promoter) return random.chance(0.55) ? 10 : 9;
  if (roll < promoter + 0.3) return random.chance(0.5) ? 8 : 7;
  return random.pick([0, 2, 3, 4, 5, 5, 6, 6, 6]);
}
