/**
 * A lexicon-based sentiment scorer for Chinese and English community messages, used to count the
 * negative share of messages per day and channel over millions of rows. One pass per message: an
 * Aho-Corasick automaton over every cue, negator, modifier, contrast word, emoji and punctuation
 * mark steps over UTF-16 code units (full-width folded, capitals lowered, traditional characters
 * folded to simplified), keeps the leftmost-longest match (so '不错' beats '不' + '错'), and
 * scores the matches as it commits them, VADER-style:
 *
 * - a cue adds its weight (positive or negative);
 * - a negator flips a cue up to three units later (a unit is one CJK character or one Latin word)
 *   within the same clause: a negated positive counts −0.85×, a negated negative only +0.4× ('不差'
 *   is faint praise);
 * - an intensifier (很, very) or diminisher (有点, a bit) multiplies a cue up to two units later;
 * - after a contrast word (但是, but) the score so far halves and later cues weigh 1.5×; a
 *   concession (虽然, although) halves its own clause;
 * - a question ('?', 吗, 呢) damps its clause, praise (×0.3) far more than complaint (×0.7);
 *   each '!' amplifies the total by 10% (up to four); three '?' in a row read as exasperation
 *   and add a negative cue.
 *
 * About 1,500 entries (sentiment-words.ts). Scoring allocates nothing but the result (isNegative
 * not even that) and runs at roughly 1–2 million short messages a second on one core once warm.
 *
 * Limits, honestly: no syntax (the negation window is a distance, not a scope), no sarcasm ('好
 * 棒哦，又延迟了' reads half positive), domain words carry fixed polarity (a question about a
 * refund leans negative; '苦' is a defect for some and a flavour for others), mixed-script
 * sentences only work where each cue is in one script, no word segmentation for Chinese (the
 * neutral phrase list keeps '快递' from reading as '快'), and the weights were set by hand and
 * checked against a small labelled set (tests/fixtures/sentiment/labelled.tsv) written by the
 * same hand, so expect lower accuracy on real traffic.
 */
import { Automaton, NONE, ROOT, TrieBuilder } from '../aho-corasick';
import { isLatinWordChar, normalizeChar } from '../lexicon';
import {
  concessionWords,
  contrastWords,
  emojiCues,
  modifiers,
  negativeWords,
  negators,
  neutralPhrases,
  positiveWords,
  postNegators,
} from './sentiment-words';
import { traditionalFold } from './variants';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentResult {
  /** −1 … 1: the raw total squashed by total / √(total² + 4). */
  score: number;
  label: SentimentLabel;
  /** The cues found, as they appear in the text (a negated cue with its negator: '不喜欢'). */
  cues: string[];
}

/** |score| at or above this labels a message; one weak cue (weight 0.6) stays neutral. */
export const SENTIMENT_THRESHOLD = 0.3;

/** The raw total squashed into −1 … 1. */
const squash = (total: number): number => total / Math.sqrt(total * total + 4);

const CUE = 0;
const NEGATOR = 1;
const MODIFIER = 2;
const CONTRAST = 3;
const CONCESSION = 4;
const NEUTRAL = 5;
const CLAUSE_END = 6;
const EXCLAIM = 7;
const QUESTION = 8;
/** 吗, 呢: the clause is a question even without a '?'. */
const PARTICLE = 9;
/** 都没有: flips the cue just before it. */
const POST_NEGATOR = 10;

const NEGATION_WINDOW = 3;
const MODIFIER_WINDOW = 2;

/** Clause-ending punctuation after folding (full-width ，；！？ are folded to ASCII already). */
const clauseEnds = [',', '.', ';', ':', '\n', '。', '~', '…', '!', '?'];

/** normalizeChar, then traditional → simplified, then typographic apostrophes → "'". */
function foldChar(code: number): number {
  const c = normalizeChar(code);
  if (c === 0x2019 || c === 0x2018 || c === 0xff07) return 0x27;
  return c >= 0x4e00 ? traditionalFold(c) : c;
}

function isCjk(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

interface Entry {
  word: string;
  kind: number;
  weight: number;
}

/** Reads the `weight: word | word` groups of sentiment-words.ts. */
function parseGroups(text: string, kind: number, sign: number, into: Entry[]): void {
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const weight = Number(line.slice(0, colon)) * sign;
    for (const raw of line.slice(colon + 1).split('|')) {
      const word = raw.trim();
      if (word !== '') into.push({ word, kind, weight });
    }
  }
}

function buildEntries(): Entry[] {
  const entries: Entry[] = [];
  parseGroups(positiveWords, CUE, 1, entries);
  parseGroups(negativeWords, CUE, -1, entries);
  // Emoji weights carry their own sign.
  parseGroups(emojiCues, CUE, 1, entries);
  parseGroups(neutralPhrases, NEUTRAL, 1, entries);
  parseGroups(negators, NEGATOR, 1, entries);
  parseGroups(postNegators, POST_NEGATOR, 1, entries);
  parseGroups(modifiers, MODIFIER, 1, entries);
  parseGroups(contrastWords, CONTRAST, 1, entries);
  parseGroups(concessionWords, CONCESSION, 1, entries);
  for (const p of clauseEnds) {
    entries.push({ word: p, kind: p === '!' ? EXCLAIM : p === '?' ? QUESTION : CLAUSE_END, weight: 0 });
  }
  for (const p of ['吗', '呢']) entries.push({ word: p, kind: PARTICLE, weight: 0 });
  return entries;
}

/**
 * Scores messages; build one and reuse it (building the automaton takes a few milliseconds).
 * Not re-entrant across threads, like any object; scoring is synchronous.
 *
 * @example
 * const scorer = new SentimentScorer();
 * scorer.score('质量不错，但是物流太慢了').label // 'negative'
 * scorer.isNegative('Love it 👍') // false
 */
export class SentimentScorer {
  private readonly kinds: Uint8Array;
  private readonly weights: Float64Array;
  private readonly lengths: Uint16Array;
  /** Bit 1: the entry's first character is a Latin letter or digit; bit 2: its last. */
  private readonly boundaries: Uint8Array;
  private readonly automaton: Automaton;
  /** foldChar for every code unit, and a class per folded unit (1 Latin word character, 2 CJK): table lookups instead of calls in the hot loop. */
  private readonly folded: Uint16Array;
  private readonly classes: Uint8Array;

  // Per-message state, reset by run(): fields rather than a fresh object per message.
  private text = '';
  private cues: string[] | null = null;
  private total = 0;
  private clauseSum = 0;
  private clauseWeight = 1;
  private question = false;
  private contrastWeight = 1;
  private negStart = NONE;
  private negEnd = NONE;
  private negStrength = 1;
  private modEnd = NONE;
  private modMul = 1;
  /** The clause's last cue, for a post-negator: its start, end (NONE once used) and contribution. */
  private cueStart = 0;
  private cueEnd = NONE;
  private cueValue = 0;
  private exclaims = 0;
  private questionRun = 0;
  private longestQuestionRun = 0;
  private lastQuestionEnd = NONE;

  constructor() {
    this.folded = new Uint16Array(0x10000);
    this.classes = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      this.folded[c] = foldChar(c);
      this.classes[c] = isLatinWordChar(c) ? 1 : isCjk(c) ? 2 : 0;
    }
    const entries = buildEntries();
    const trie = new TrieBuilder();
    const output = trie.output;
    const kinds: number[] = [];
    const weights: number[] = [];
    const lengths: number[] = [];
    const boundaries: number[] = [];
    for (const { word, kind, weight } of entries) {
      const state = trie.add(word.length, (i) => foldChar(word.charCodeAt(i)));
      if (output[state] !== NONE) continue; // listed twice: the first listing wins
      output[state] = kinds.length;
      kinds.push(kind);
      weights.push(weight);
      lengths.push(word.length);
      const first = isLatinWordChar(foldChar(word.charCodeAt(0)));
      const last = isLatinWordChar(foldChar(word.charCodeAt(word.length - 1)));
      boundaries.push((first ? 1 : 0) | (last ? 2 : 0));
    }
    this.kinds = Uint8Array.from(kinds);
    this.weights = Float64Array.from(weights);
    this.lengths = Uint16Array.from(lengths);
    this.boundaries = Uint8Array.from(boundaries);

    this.automaton = new Automaton(trie);
  }

  /** A Latin edge of an entry must not touch another Latin letter or digit ('no' in 'know'). */
  private onBoundary(entry: number, start: number, end: number): boolean {
    const b = this.boundaries[entry] as number;
    if (b === 0) return true;
    const { text, folded, classes } = this;
    if ((b & 1) !== 0 && start > 0 && classes[folded[text.charCodeAt(start - 1)] as number] === 1) return false;
    if ((b & 2) !== 0 && end < text.length && classes[folded[text.charCodeAt(end)] as number] === 1) return false;
    return true;
  }

  /** Units (CJK characters, Latin words) in text[from, to); large when far apart. */
  private units(from: number, to: number): number {
    if (to - from > 40) return 99;
    const { text, folded, classes } = this;
    let count = 0;
    let inWord = false;
    for (let i = from; i < to; i++) {
      const code = folded[text.charCodeAt(i)] as number;
      const cls = classes[code] as number;
      const latin: boolean = cls === 1 || (inWord && code === 0x27);
      if (latin && !inWord) count++;
      else if (!latin && cls === 2) count++;
      inWord = latin;
    }
    return count;
  }

  private flushClause(): void {
    // Asking about something good is rarely praise ('推荐吗?'); a complaint often comes as a
    // question ('怎么还没发货?'), so questions damp positive cues far more than negative ones.
    if (this.question) this.clauseSum *= this.clauseSum > 0 ? 0.3 : 0.7;
    this.question = false;
    this.total += this.clauseSum;
    this.clauseSum = 0;
    this.clauseWeight = 1;
    this.negEnd = NONE;
    this.modEnd = NONE;
    this.modMul = 1;
    this.cueEnd = NONE;
  }

  /** A cue's weight once negated: a negated positive is nearly as strong; a negated negative is faint praise. */
  private static negate(w: number, strength: number): number {
    return w > 0 ? -0.85 * w * strength : -0.4 * w * strength;
  }

  /** Applies one committed match (matches are committed in reading order, never overlapping). */
  private commit(entry: number, start: number, end: number): void {
    const weight = this.weights[entry] as number;
    switch (this.kinds[entry]) {
      case CUE: {
        let w = weight;
        if (this.modEnd !== NONE && this.units(this.modEnd, start) <= MODIFIER_WINDOW) w *= this.modMul;
        this.modEnd = NONE;
        this.modMul = 1;
        let from = start;
        if (this.negEnd !== NONE && this.units(this.negEnd, start) <= NEGATION_WINDOW) {
          w = SentimentScorer.negate(w, this.negStrength);
          from = this.negStart;
          this.negEnd = NONE;
          this.cueEnd = NONE; // already negated: a post-negator will not flip it back
        } else {
          this.cueStart = from;
          this.cueEnd = end;
        }
        const value = w * this.clauseWeight * this.contrastWeight;
        this.cueValue = value;
        this.clauseSum += value;
        if (this.cues !== null) this.cues.push(this.text.slice(from, end));
        return;
      }
      case POST_NEGATOR:
        if (this.cueEnd !== NONE && this.units(this.cueEnd, start) <= NEGATION_WINDOW) {
          const flipped = SentimentScorer.negate(this.cueValue, weight);
          this.clauseSum += flipped - this.cueValue;
          if (this.cues !== null) this.cues[this.cues.length - 1] = this.text.slice(this.cueStart, end);
          this.cueEnd = NONE;
        }
        return;
      case NEGATOR:
        if (this.negEnd !== NONE && this.units(this.negEnd, start) === 0) {
          this.negEnd = NONE; // a double negative cancels ('没有不喜欢'); further apart, the later one rules
        } else {
          this.negStart = start;
          this.negEnd = end;
          this.negStrength = weight;
        }
        return;
      case MODIFIER:
        // Stacked modifiers multiply ('真的非常'), capped so a run of them cannot dominate.
        this.modMul =
          this.modEnd !== NONE && this.units(this.modEnd, start) <= 1 ? Math.min(this.modMul * weight, 3) : weight;
        this.modEnd = end;
        return;
      case CONTRAST:
        this.flushClause();
        this.total *= 0.5;
        this.contrastWeight = 1.5;
        return;
      case CONCESSION:
        this.clauseWeight = 0.5;
        return;
      case CLAUSE_END:
        this.flushClause();
        return;
      case EXCLAIM:
        this.flushClause();
        this.exclaims++;
        return;
      case PARTICLE:
        this.question = true;
        return;
      case QUESTION:
        this.question = true;
        this.flushClause();
        this.questionRun = start === this.lastQuestionEnd ? this.questionRun + 1 : 1;
        this.lastQuestionEnd = end;
        if (this.questionRun > this.longestQuestionRun) this.longestQuestionRun = this.questionRun;
        return;
      default:
        return; // NEUTRAL: swallowed on purpose
    }
  }

  /** The raw total of `text`; collects cue spans into `cues` when given. */
  private run(text: string, cues: string[] | null): number {
    this.text = text;
    this.cues = cues;
    this.total = 0;
    this.clauseSum = 0;
    this.clauseWeight = 1;
    this.question = false;
    this.contrastWeight = 1;
    this.negEnd = NONE;
    this.modEnd = NONE;
    this.modMul = 1;
    this.cueEnd = NONE;
    this.exclaims = 0;
    this.questionRun = 0;
    this.longestQuestionRun = 0;
    this.lastQuestionEnd = NONE;

    const { lengths, folded, automaton } = this;
    const { output, dictLink } = automaton;
    // The pending match may still be replaced by a longer one starting at or before it.
    let pending = NONE;
    let pendingStart = 0;
    let pendingEnd = 0;
    let committedEnd = 0;
    let state = ROOT;
    for (let i = 0; i < text.length; i++) {
      state = automaton.next(state, folded[text.charCodeAt(i)] as number);
      // Candidates ending here, longest first: take the first that extends or follows the pending one.
      let hit = output[state] !== NONE ? state : (dictLink[state] as number);
      while (hit !== NONE) {
        const entry = output[hit] as number;
        const end = i + 1;
        const start = end - (lengths[entry] as number);
        hit = dictLink[hit] as number;
        if (start < committedEnd || !this.onBoundary(entry, start, end)) continue;
        if (pending === NONE || start <= pendingStart) {
          pending = entry;
          pendingStart = start;
          pendingEnd = end;
          break;
        }
        if (start >= pendingEnd) {
          this.commit(pending, pendingStart, pendingEnd);
          committedEnd = pendingEnd;
          pending = entry;
          pendingStart = start;
          pendingEnd = end;
          break;
        }
      }
    }
    if (pending !== NONE) this.commit(pending, pendingStart, pendingEnd);
    this.flushClause();

    let total = this.total;
    if (this.longestQuestionRun >= 2) total *= 1.2;
    if (this.longestQuestionRun >= 3) {
      total -= 0.8;
      if (cues !== null) cues.push('???');
    }
    if (this.exclaims > 0) total *= 1 + 0.1 * Math.min(this.exclaims, 4);
    this.text = '';
    this.cues = null;
    return total;
  }

  /**
   * The message's score, label and cues.
   *
   * @example
   * new SentimentScorer().score('不太满意') // { score: -0.45…, label: 'negative', cues: ['不太满意'] }
   */
  score(text: string): SentimentResult {
    const cues: string[] = [];
    const score = squash(this.run(text, cues));
    const label: SentimentLabel =
      score <= -SENTIMENT_THRESHOLD ? 'negative' : score >= SENTIMENT_THRESHOLD ? 'positive' : 'neutral';
    return { score, label, cues };
  }

  /**
   * Whether the message scores negative; allocates nothing (the scanner's hot path).
   *
   * @example
   * new SentimentScorer().isNegative('退款申请一周了还没到账') // true
   */
  isNegative(text: string): boolean {
    return squash(this.run(text, null)) <= -SENTIMENT_THRESHOLD;
  }
}

// A cache of a constant, not shared state: the lexicon never changes and every call resets the
// scorer's per-message fields, so callers cannot see each other. Built on first use so importing
// the module costs nothing.
let shared: SentimentScorer | null = null;

/** The scorer behind the plain functions. */
function sharedScorer(): SentimentScorer {
  shared ??= new SentimentScorer();
  return shared;
}

/**
 * Scores one message with a shared scorer.
 *
 * @example
 * scoreSentiment('不错，推荐').label // 'positive'
 * scoreSentiment('not good at all 👎').label // 'negative'
 * scoreSentiment('请问什么时候发货？').label // 'neutral'
 */
export function scoreSentiment(text: string): SentimentResult {
  return sharedScorer().score(text);
}

/**
 * Whether one message scores negative, with a shared scorer; no allocation per call.
 *
 * @example
 * isNegative('质量太差了') // true
 * isNegative('质量不差') // false
 */
export function isNegative(text: string): boolean {
  return sharedScorer().isNegative(text);
}
