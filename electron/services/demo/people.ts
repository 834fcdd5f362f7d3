/**
 * Members and their platform identities. About 70% have Chinese names, 30% Latin names or
 * handles; each has one or two social identities (WeChat, Discord, 小红书, Telegram) and buyers
 * also a shop account. External ids look like each platform's and are unique per platform by
 * construction (a bijective hash of the member's index), never by a lookup.
 */
import { mix32, seedState, type SeededRandom, weighted, type WeightedChoice } from '../../../shared/random';
import {
  channelsBySource,
  chineseEmailDomains,
  chineseNicknames,
  coffeeNicknames,
  type DemoSource,
  givenNames,
  latinEmailDomains,
  latinFirstNames,
  latinSurnames,
  memberTags,
  mobilePrefixes,
  type SocialSource,
  surnames,
} from './vocabulary';

export interface DemoIdentity {
  source: DemoSource;
  externalId: string;
  handle: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  /** The channel this person mostly talks in on this platform (null for the shop). */
  homeChannel: string | null;
}

export interface DemoPerson {
  displayName: string;
  language: 'zh' | 'en';
  /** Interest tags on the profile. */
  tags: string[];
  /** Social identities first (the first is the primary), then the shop account if any. */
  identities: DemoIdentity[];
  /** How many of `identities` are social (the rest is the shop account). */
  socialCount: number;
}

interface Name {
  latin: boolean;
  /** As written on an ID card or in a profile: 王子涵, Emma Chen. */
  full: string;
  /** As written: 子涵 and 王 (for Latin names the same as `given` and `family`). */
  localGiven: string;
  localFamily: string;
  /** Lower-case ASCII pieces for handles and emails: given, family. */
  given: string;
  family: string;
}

const surnameChoice = weighted(surnames.map(([han, pinyin, weight]) => [[han, pinyin] as const, weight] as const));
const chineseSources = weighted<SocialSource>([
  ['wechat', 62],
  ['xiaohongshu', 28],
  ['discord', 6],
  ['telegram', 4],
]);
const latinSources = weighted<SocialSource>([
  ['discord', 38],
  ['wechat', 30],
  ['telegram', 17],
  ['xiaohongshu', 15],
]);
const socialCountChoice = weighted([
  [1, 64],
  [2, 36],
] as const);
const zhDomains = weighted(chineseEmailDomains);
const enDomains = weighted(latinEmailDomains);
const homeChannels: Record<SocialSource, WeightedChoice<string>> = {
  wechat: weighted(channelsBySource.wechat),
  discord: weighted(channelsBySource.discord),
  xiaohongshu: weighted(channelsBySource.xiaohongshu),
  telegram: weighted(channelsBySource.telegram),
};

const pad = (value: number, width: number): string => String(value).padStart(width, '0');
const hex = (value: number, width: number): string => value.toString(16).padStart(width, '0');

/** Makes people for one seed; `person(i, …)` for i = 0, 1, 2 … gives distinct external ids. */
export class PeopleFactory {
  private readonly salts: Record<DemoSource, number>;

  constructor(seed: number) {
    const base = seedState(seed);
    this.salts = {
      wechat: mix32(base ^ 0x1001),
      discord: mix32(base ^ 0x2002),
      xiaohongshu: mix32(base ^ 0x3003),
      telegram: mix32(base ^ 0x4004),
      shop: mix32(base ^ 0x5005),
    };
  }

  person(random: SeededRandom, index: number, buyer: boolean): DemoPerson {
    const name = makeName(random);
    const language = name.latin ? (random.chance(0.75) ? 'en' : 'zh') : random.chance(0.97) ? 'zh' : 'en';
    const sourceChoice = name.latin ? latinSources : chineseSources;
    const socialCount = socialCountChoice.pick(random);
    const sources: SocialSource[] = [];
    while (sources.length < socialCount) {
      const source = sourceChoice.pick(random);
      if (!sources.includes(source)) sources.push(source);
    }
    const emailOwner = random.chance(0.3) ? random.int(0, sources.length - (buyer ? 0 : 1)) : -1;
    const identities = sources.map((source, i) =>
      this.identity(random, index, source, name, i === emailOwner, random.chance(source === 'wechat' ? 0.1 : 0.02)),
    );
    if (buyer)
      identities.push(this.identity(random, index, 'shop', name, emailOwner === sources.length, random.chance(0.75)));
    const tags = random.chance(0.3) ? pickTags(random) : [];
    const primary = identities[0];
    return { displayName: primary ? primary.displayName : name.full, language, tags, identities, socialCount };
  }

  private identity(
    random: SeededRandom,
    index: number,
    source: DemoSource,
    name: Name,
    withEmail: boolean,
    withPhone: boolean,
  ): DemoIdentity {
    const h = mix32((index + this.salts[source]) >>> 0);
    const handle = makeHandle(random, name);
    return {
      source,
      externalId: externalIdFor(random, source, h),
      handle,
      displayName: displayNameOn(random, source, name, handle),
      email: withEmail ? emailFor(random, name) : null,
      phone: withPhone ? random.pick(mobilePrefixes) + pad(random.int(0, 99_999_999), 8) : null,
      homeChannel: source === 'shop' ? null : homeChannels[source].pick(random),
    };
  }
}

function makeName(random: SeededRandom): Name {
  if (random.chance(0.7)) {
    const [family, familyPinyin] = surnameChoice.pick(random);
    const [given, givenPinyin] = random.pick(givenNames);
    return {
      latin: false,
      full: family + given,
      localGiven: given,
      localFamily: family,
      given: givenPinyin,
      family: familyPinyin,
    };
  }
  const given = random.pick(latinFirstNames);
  const family = random.pick(latinSurnames);
  return {
    latin: true,
    full: `${given} ${family}`,
    localGiven: given,
    localFamily: family,
    given: ascii(given),
    family: ascii(family),
  };
}

function ascii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function makeHandle(random: SeededRandom, name: Name): string {
  const digits = random.chance(0.5) ? String(random.int(1, 99)) : '';
  switch (random.int(0, 4)) {
    case 0:
      return `${name.given}_${name.family}${digits}`;
    case 1:
      return `${name.family}${name.given}${digits}`;
    case 2:
      return `${name.given}.${name.family}`;
    case 3:
      return random.pick(coffeeNicknames) + (digits || String(random.int(1, 999)));
    default:
      return `${name.latin ? name.given : name.family + name.given}${random.int(80, 2005)}`;
  }
}

/** How a person shows up on a platform: real names on the shop, nicknames in chats. */
function displayNameOn(random: SeededRandom, source: DemoSource, name: Name, handle: string): string {
  if (source === 'shop') return name.full;
  if (name.latin) {
    if (source === 'discord' || source === 'telegram') return random.chance(0.6) ? name.full : handle;
    return random.chance(0.8) ? name.full : handle;
  }
  const roll = random.next();
  if (roll < 0.72) return name.full;
  // One-character given names are not used alone: 伟☕ reads oddly, 王伟☕ does not.
  const short = name.localGiven.length > 1 ? name.localGiven : name.full;
  if (roll < 0.82) return `${short}☕`;
  if (roll < 0.88) return `小${name.localFamily}爱咖啡`;
  if (source === 'xiaohongshu' && roll < 0.94) return `${short}的咖啡日记`;
  return random.pick(chineseNicknames);
}

function emailFor(random: SeededRandom, name: Name): string {
  const domain = name.latin ? enDomains.pick(random) : zhDomains.pick(random);
  if (domain === 'qq.com' && random.chance(0.6)) return `${random.int(10_000_000, 3_999_999_999)}@qq.com`;
  const sep = random.pick(['', '.', '_']);
  const digits = random.chance(0.6) ? String(random.int(1, 9999)) : '';
  return `${name.given}${sep}${name.family}${digits}@${domain}`;
}

/** Platform-shaped ids; `h` (distinct per member for a platform) makes each one unique. */
function externalIdFor(random: SeededRandom, source: DemoSource, h: number): string {
  switch (source) {
    case 'wechat':
      return `wxid_${h.toString(36).padStart(7, '0')}${random.uint32().toString(36).slice(0, 5)}`;
    case 'discord':
      // 18-digit snowflake-like: a random 8-digit head, then the unique part.
      return `${random.int(30_000_000, 99_999_999)}${pad(h, 10)}`;
    case 'xiaohongshu':
      return `5${hex(random.uint32() >>> 4, 7)}${hex(h, 8)}${hex(random.uint32(), 8)}`;
    case 'telegram':
      return String(1_000_000_000 + h);
    case 'shop':
      return `C${pad(h, 10)}`;
  }
}

function pickTags(random: SeededRandom): string[] {
  const first = random.pick(memberTags);
  const second = random.pick(memberTags);
  return random.chance(0.4) && second !== first ? [first, second] : [first];
}
